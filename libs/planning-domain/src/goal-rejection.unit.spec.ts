import { DeciderSpecification } from '@talentloop/testing';
import {
  activated,
  decided,
  drafted,
  edited,
  ids,
  reject,
  rejected,
  submitted,
  withdraw,
} from './goal.fixtures';
import { goalDecider } from './goal.decider';

const spec = DeciderSpecification.for(goalDecider);

describe("a submission's rejection, as approval decided it", () => {
  it("is recorded on the goal's stream with the request, the submission and when", () =>
    spec
      .given([drafted(), submitted(1)])
      .when(reject(1))
      .then([
        {
          type: 'GoalSubmissionRejected',
          data: {
            ...ids,
            approvalRequestId: 'apr-4001',
            submissionNumber: 1,
            rejectedBy: 'emp-0007',
            rejectedAt: '2026-02-04T10:00:00.000Z',
          },
        },
      ]));
  it('leaves the goal rejected, the submission it was', () =>
    spec
      .given([drafted(), submitted(1)])
      .when(reject(1))
      .thenState((state) =>
        expect(state).toMatchObject({ status: 'rejected', submissionNumber: 1 }),
      ));
  it('is recorded once: delivered again, it changes nothing', () =>
    spec
      .given([drafted(), submitted(1), rejected(1)])
      .when(reject(1))
      .then([]));
  it('of an earlier submission changes nothing', () =>
    spec
      .given([drafted(), submitted(1), rejected(1), edited(), submitted(2)])
      .when(reject(1))
      .then([]));
  it('of a goal no longer awaiting the decision changes nothing', () => {
    spec.given([drafted()]).when(reject(1)).then([]);
    spec
      .given([drafted(), submitted(1), activated()])
      .when(reject(1))
      .then([]);
    spec
      .given(decided([drafted(), submitted(1)], withdraw()))
      .when(reject(1))
      .then([]);
  });
});
