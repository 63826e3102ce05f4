import type { MotivationRecorded } from '@talentloop/contracts';
import { DeciderSpecification } from './decider-specification';
import {
  EnergyOutOfRange,
  motivationDecider,
  type RecordMotivation,
} from './fixtures/motivation.decider';

const spec = DeciderSpecification.for(motivationDecider);

describe('a motivation never recorded', () => {
  it('records the first energy given', () =>
    spec
      .given([])
      .when(record(4))
      .then([recorded(4)]));

  it('refuses an energy outside 1 to 5', () =>
    spec
      .given([])
      .when(record(6))
      .thenThrows(EnergyOutOfRange, /from 1 to 5, got 6/));
});

describe('a motivation already recorded', () => {
  it('records nothing when the same energy is given again', () =>
    spec
      .given([recorded(4)])
      .when(record(4))
      .then([]));

  it('records a changed energy and the state follows it', () =>
    spec
      .given([recorded(4)])
      .when(record(2))
      .thenState((state) => expect(state).toEqual({ status: 'recorded', energy: 2 })));
});

describe('the specification itself', () => {
  it('fails a test whose command throws a different error than expected', () => {
    class SomethingElse extends Error {}
    expect(() => spec.given([]).when(record(0)).thenThrows(SomethingElse)).toThrow();
  });

  it('fails a test whose command decides other events than expected', () => {
    expect(() =>
      spec
        .given([])
        .when(record(3))
        .then([recorded(4)]),
    ).toThrow();
  });
});

function record(energy: number): RecordMotivation {
  return {
    type: 'RecordMotivation',
    data: { employeeId: 'emp-1', competencyId: 'collab', energy },
  };
}

function recorded(energy: number): MotivationRecorded {
  return {
    type: 'MotivationRecorded',
    data: { employeeId: 'emp-1', competencyId: 'collab', energy },
  };
}
