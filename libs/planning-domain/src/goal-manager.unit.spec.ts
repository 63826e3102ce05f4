import { DeciderSpecification } from '@talentloop/testing';
import { activated, checkIn, drafted, fold, ids, submitted } from './goal.fixtures';
import { goalDecider } from './goal.decider';
import { NotAllowed } from './goal.errors';

/** The manager's side of an active goal: check-ins with their report. */
const spec = DeciderSpecification.for(goalDecider);
const manager = 'mgr-1';
const notes = 'Visible progress in stand-ups; next, try it when the team disagrees.';

describe("an active goal, on the manager's side", () => {
  const active = () => [drafted(), submitted(1), activated()];

  it('takes a check-in the manager logs, with their notes beside the answers', () =>
    spec
      .given(active())
      .when(checkIn('2026-03-10T09:00:00.000Z', [], { loggedBy: manager, managerNotes: notes }))
      .thenState((state) =>
        expect(state).toMatchObject({ nextCheckInDueAt: '2026-03-24T09:00:00.000Z' }),
      ));
  it('records who logged the check-in and the notes of both sides', () =>
    expect(
      goalDecider.decide(
        checkIn('2026-03-10T09:00:00.000Z', [], { loggedBy: manager, managerNotes: notes }),
        fold(active()),
      ),
    ).toMatchObject([
      {
        type: 'CheckInLogged',
        data: {
          ...ids,
          loggedBy: manager,
          managerNotes: notes,
          answers: { whatIsNext: 'Ask one deepening question per meeting.' },
        },
      },
    ]));
  it('takes a check-in the manager logs without notes', () =>
    expect(
      goalDecider.decide(
        checkIn('2026-03-10T09:00:00.000Z', [], { loggedBy: manager }),
        fold(active()),
      )[0]?.data,
    ).not.toHaveProperty('managerNotes'));
  it("refuses the manager's notes from the employee: their side is the answers", () =>
    spec
      .given(active())
      .when(
        checkIn('2026-03-10T09:00:00.000Z', [], { loggedBy: ids.employeeId, managerNotes: notes }),
      )
      .thenThrows(NotAllowed, "the employee cannot write the manager's notes"));
});
