import { poll } from '../http';
import { bold, figuresOf, green, line, printFigures, step, yellow } from '../print';
import { employee, employees, hr, integrator } from '../organisation';
import { api, waitFor } from '../run';

const queries = [
  'active-plans',
  'development-focus',
  'gap-map',
  'approval-flow',
  'check-in-adherence',
  'growth',
];

/**
 * HR's analytics once they include the evaluation: most figures withheld, the organisation
 * being small. Returns how many figures were shown and withheld, and every figure per query.
 */
export const analyticsFigures = async () => {
  const figures: Record<string, unknown> = {};
  step('HR analytics (privacy threshold: no figure about fewer than 5 people)');
  await waitFor('analytics has folded the evaluation', async () => {
    const history = await api.call<{ entries: { type: string }[] }>(
      'analytics',
      'GET',
      `/analytics/employees/${employee.userId}/history`,
      hr,
    );
    return history.entries.some((entry) => entry.type === 'GoalEvaluated') ? history : undefined;
  });
  // The history is read from analytics' store, the figures from its in-memory view of it: each
  // figure is awaited until the view's asOf (a global position) includes the evaluation too.
  const evaluatedAt = await waitFor('GoalEvaluated in the replay', async () => {
    const replayed = await api.raw('analytics', 'GET', '/replay/events', integrator);
    const found = (await replayed.text())
      .split('\n')
      .filter((row) => row.trim() !== '')
      .map((row) => JSON.parse(row) as { type: string; sequence?: string })
      .find((event) => event.type.includes('GoalEvaluated'));
    return found?.sequence === undefined ? undefined : BigInt(found.sequence);
  });
  let shown = 0;
  let withheld = 0;
  for (const query of queries) {
    const { value: answer } = await poll(`/analytics/${query} as of the evaluation`, async () => {
      const figuresNow = await api.call<{ asOf: string }>(
        'analytics',
        'GET',
        `/analytics/${query}`,
        hr,
      );
      return BigInt(figuresNow.asOf) >= evaluatedAt ? figuresNow : undefined;
    });
    line(bold(`/analytics/${query}`));
    const counted = printFigures(answer, 5);
    figures[query] = figuresOf(answer).map(({ path, figure }) => ({ path, ...figure }));
    shown += counted.shown;
    withheld += counted.withheld;
  }
  line(
    `${green(`${shown} shown`)}, ${yellow(`${withheld} withheld`)} — with ${employees.length} employees, one of whom has a goal, most figures describe fewer than 5 people: that is the privacy rule working, not missing data.`,
  );
  return { shown, withheld, figures };
};
