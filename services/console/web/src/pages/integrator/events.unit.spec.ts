import {
  eventNameOf,
  isLastPage,
  matches,
  parseNdjson,
  schemaRows,
  type ReplayedEvent,
} from './events';

const event = (subject: string, time: string): ReplayedEvent => ({
  id: 'e-1',
  type: 'talentloop.planning.GoalApproved.v1',
  source: 'urn:talentloop:planning',
  subject,
  time,
  sequence: '7',
});

describe('a replay body', () => {
  it('is one event per line, blank lines skipped', () => {
    const body = `${JSON.stringify(event('emp-1', '2026-01-01T00:00:00Z'))}\n\n${JSON.stringify(event('emp-2', '2026-01-02T00:00:00Z'))}\n`;
    expect(parseNdjson(body).map((parsed) => parsed.subject)).toEqual(['emp-1', 'emp-2']);
  });
  it('names each type as the replay filters it', () => {
    expect(eventNameOf('talentloop.planning.GoalApproved.v1')).toBe('GoalApproved');
  });
  it('has ended when a page is shorter than asked for', () => {
    expect(isLastPage(99, 100)).toBe(true);
    expect(isLastPage(100, 100)).toBe(false);
  });
});

describe('the browser’s own filter', () => {
  const given = event('emp-1', '2026-03-01T10:00:00Z');
  it('keeps every event when empty', () => {
    expect(matches(given, { subject: '', until: '' })).toBe(true);
  });
  it('keeps an event of that subject only', () => {
    expect(matches(given, { subject: 'emp-1', until: '' })).toBe(true);
    expect(matches(given, { subject: 'emp-2', until: '' })).toBe(false);
  });
  it('keeps events recorded before the end only', () => {
    expect(matches(given, { subject: '', until: '2026-03-01T10:00:01Z' })).toBe(true);
    expect(matches(given, { subject: '', until: '2026-03-01T10:00:00Z' })).toBe(false);
  });
});

describe('a schema as a table', () => {
  it('has a row per property, nested ones under their parent, with types and required marks', () => {
    const rows = schemaRows({
      type: 'object',
      required: ['goalId', 'criteria'],
      properties: {
        goalId: { type: 'string', description: 'The goal' },
        status: { enum: ['active', 'closed'] },
        criteria: {
          type: 'array',
          items: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
        },
      },
    });
    expect(rows).toEqual([
      { path: 'goalId', type: 'string', required: true, description: 'The goal' },
      { path: 'status', type: '"active" | "closed"', required: false, description: '' },
      { path: 'criteria', type: 'object[]', required: true, description: '' },
      { path: 'criteria[].id', type: 'string', required: true, description: '' },
    ]);
  });
});
