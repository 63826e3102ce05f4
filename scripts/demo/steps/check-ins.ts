import { line, step } from '../print';
import { employee, manager } from '../organisation';
import type { EventBody, Goal } from '../responses';
import { api } from '../run';

/**
 * Three check-ins by Chloe, ticking the goal's actions, and a fourth held with the manager;
 * returns how many were logged, the first action's id and what each check-in recorded.
 */
export const checkIns = async (goalId: string, active: Goal) => {
  step('Three check-ins, actions ticked, and one held with the manager');
  const [firstAction, secondAction] = active.content.actions.map((action) => action.actionId);
  const checkInPlan: [string, string[]][] = [
    ['Summarised the speaker before replying in two design reviews.', []],
    ['Used the listening routine in every sprint planning.', firstAction ? [firstAction] : []],
    ['Asked Daan and Elif for feedback on how I listen.', secondAction ? [secondAction] : []],
  ];
  let count = 0;
  const checkInEvents: unknown[] = [];
  for (const [whatWasDone, ticked] of checkInPlan) {
    const events = await api.call<EventBody[]>(
      'planning',
      'POST',
      `/goals/${goalId}/check-ins`,
      employee,
      {
        body: {
          answers: {
            whatWasDone,
            whatGoesWellAndWhatIsHard: 'Summaries go well; holding back my own view is hard.',
            whatIsNext: 'Ask one deepening question per meeting.',
          },
          durationMinutes: 20,
          actionsTicked: ticked,
        },
      },
    );
    count += 1;
    const logged = events.find((event) => event.type === 'CheckInLogged');
    checkInEvents.push({ events: events.map((event) => event.type), onTime: logged?.data.onTime });
    line(
      `check-in ${count}: ${events.map((event) => event.type).join(' + ')}; on time ${String(logged?.data.onTime)}, next due ${String(logged?.data.nextDueAt)}${ticked.length ? `; ticked ${ticked.join(', ')}` : ''}`,
    );
  }
  // The fourth is held with the manager, who logs it with notes of their own.
  const withManager = await api.call<EventBody[]>(
    'planning',
    'POST',
    `/goals/${goalId}/check-ins`,
    manager,
    {
      body: {
        answers: {
          whatWasDone: 'Kept the listening routine in the retrospective and the planning.',
          whatGoesWellAndWhatIsHard: 'Summaries are natural now; silence still feels long.',
          whatIsNext: 'Let two colleagues speak before I give my view.',
        },
        durationMinutes: 25,
        actionsTicked: [],
        managerNotes: 'Visibly calmer in reviews; next, try it when the pressure is high.',
      },
    },
  );
  count += 1;
  const loggedWithManager = withManager.find((event) => event.type === 'CheckInLogged');
  checkInEvents.push({
    events: withManager.map((event) => event.type),
    onTime: loggedWithManager?.data.onTime,
    loggedBy: loggedWithManager?.data.loggedBy,
  });
  line(
    `check-in ${count}, with ${manager.userId}: logged by ${String(loggedWithManager?.data.loggedBy)}, the manager's notes sealed beside Chloe's answers`,
  );
  return { count, firstAction, summary: checkInEvents };
};
