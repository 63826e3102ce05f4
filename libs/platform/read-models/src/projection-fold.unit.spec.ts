import type { Projection, ProjectedEvent, ProjectionInput } from './projection';
import {
  absentDocument,
  foldDocument,
  inputsByDocument,
  writeOf,
  type DocumentState,
} from './projection-fold';

/** Counts check-ins per goal: a counter shows at once whether an input was applied twice. */
interface CheckIns {
  readonly count: number;
}

const counter: Projection<CheckIns> = {
  name: 'check-ins',
  version: 1,
  eventTypes: ['CheckInLogged', 'GoalWithdrawn'],
  documentIds: (event) => ('goalId' in event.data ? [String(event.data.goalId)] : []),
  evolve: (doc, event) =>
    event.type === 'GoalWithdrawn' ? undefined : { count: (doc?.count ?? 0) + 1 },
};

const given = (state: DocumentState<CheckIns>) => ({
  when: (...inputs: ProjectionInput[]) => ({
    then: (expected: {
      doc: CheckIns | undefined;
      sources: Record<string, string>;
      applied: number;
    }) => {
      const result = foldDocument(counter, 'goal-1', state, inputs);
      expect({
        doc: result.state.doc,
        sources: result.state.sources,
        applied: result.applied,
      }).toEqual(expected);
      expect(result.state.version).toBe(state.version);
    },
  }),
});

describe('folding inputs into a document', () => {
  describe('an absent document', () => {
    it('is created by its first input and remembers its position', () =>
      given(absentDocument)
        .when(checkIn('store', 5n))
        .then({
          doc: { count: 1 },
          sources: { store: '5' },
          applied: 1,
        }));
  });

  describe('a document with positions', () => {
    const existing = { doc: { count: 2 }, version: 3, sources: { 'kafka:planning:0': '10' } };

    it('skips an input at or before its position in the same source (redelivery)', () =>
      given(existing)
        .when(checkIn('kafka:planning:0', 9n), checkIn('kafka:planning:0', 10n))
        .then({ doc: { count: 2 }, sources: existing.sources, applied: 0 }));

    it('applies an input after its position, and inputs of other sources whatever their offset', () =>
      given(existing)
        .when(checkIn('kafka:planning:0', 11n), checkIn('kafka:planning:1', 3n))
        .then({
          doc: { count: 4 },
          sources: { 'kafka:planning:0': '11', 'kafka:planning:1': '3' },
          applied: 2,
        }));

    it('skips a repeat of an input within the same batch', () =>
      given(existing)
        .when(checkIn('kafka:planning:0', 12n), checkIn('kafka:planning:0', 12n))
        .then({ doc: { count: 3 }, sources: { 'kafka:planning:0': '12' }, applied: 1 }));

    it('is deleted when evolve returns undefined', () =>
      given(existing)
        .when(withdrawn('store', 20n))
        .then({
          doc: undefined,
          sources: { 'kafka:planning:0': '10', store: '20' },
          applied: 1,
        }));
  });
});

describe('grouping a batch by document', () => {
  it('keeps input order per document and drops event types the projection does not handle', () => {
    const inputs = [
      checkIn('store', 1n, 'goal-a'),
      checkIn('store', 2n, 'goal-b'),
      { ...checkIn('store', 3n, 'goal-a'), event: { ...event('GoalSubmitted', 'goal-a') } },
      checkIn('store', 4n, 'goal-a'),
    ];
    const grouped = inputsByDocument(counter, inputs);
    expect([...grouped.keys()]).toEqual(['goal-a', 'goal-b']);
    expect(grouped.get('goal-a')?.map((input) => input.position)).toEqual([1n, 4n]);
  });
});

describe('the write of a folded document', () => {
  it('expects the loaded version', () => {
    const loaded = { doc: { count: 1 }, version: 4, sources: {} };
    expect(writeOf('g', loaded, { ...loaded, doc: { count: 2 } })).toEqual({
      id: 'g',
      doc: { count: 2 },
      sources: {},
      expectedVersion: 4,
    });
  });

  it('is nothing for a document that never existed and still does not', () => {
    expect(writeOf('g', absentDocument, absentDocument)).toBeUndefined();
  });
});

function event(type: 'CheckInLogged' | 'GoalWithdrawn' | 'GoalSubmitted', goalId: string) {
  return {
    id: `${type}-${goalId}`,
    type,
    data: { goalId },
    metadata: {
      tenantId: 'acme',
      actorId: 'u-1',
      occurredAt: '2026-01-01T00:00:00.000Z',
      schemaVersion: 1,
    },
  } as unknown as ProjectedEvent;
}

function checkIn(source: string, position: bigint, goalId = 'goal-1'): ProjectionInput {
  return { event: event('CheckInLogged', goalId), source, position };
}

function withdrawn(source: string, position: bigint): ProjectionInput {
  return { event: event('GoalWithdrawn', 'goal-1'), source, position };
}
