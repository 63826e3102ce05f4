import { join } from 'node:path';
import { countsOf } from './demo/print';
import { comparable, expectedSummary, runDemo, type DemoSummary } from './testing/demo-run';
import { describeOnEach, embedded, kafkaMongo, systemPerSuite } from './testing/infrastructures';

/** The figures analytics shows for the demo's organisation (the rest are withheld: < 5 people). */
const shownFigures = (summary: DemoSummary) =>
  Object.entries(
    (summary['analytics'] as { figures: Record<string, { status: string }[]> }).figures,
  ).flatMap(([query, figures]) =>
    figures.filter((figure) => figure.status === 'shown').map((figure) => ({ query, ...figure })),
  );

/** `<name>: <subject>` of each row of the demo's table of e-mails (`time  Name <address>  subject`). */
const mailedSubjects = (output: string, tenantId: string): string[] =>
  [...output.matchAll(/^ +\d\d:\d\d:\d\d +(.+?) <[^>\s]+@([^>\s]+)\.example\.com> +(.+)$/gm)]
    .filter(([, , tenant]) => tenant === tenantId)
    .map(([, name, , subject]) => `${name}: ${subject}`);

describeOnEach(
  'npm run demo against the five services as separate processes',
  [embedded, kafkaMongo],
  (infrastructure) => {
    const started = systemPerSuite(infrastructure);

    it('walks the whole cycle, twice in two tenants, with the same states and figures at every step', async () => {
      const system = started();
      const runs = [await runDemo(system), await runDemo(system)];
      for (const { output, summary } of runs) {
        expect(summary).toMatchObject(expectedSummary);
        expect(shownFigures(summary)).toEqual([
          {
            query: 'active-plans',
            path: 'total',
            status: 'shown',
            people: 9,
            // Chloe's second goal, in Dutch, is active; the first was evaluated.
            value: { employeesWithActiveGoal: 1, headcount: 9, share: 1 / 9 },
          },
          expect.objectContaining({ query: 'active-plans', status: 'shown', people: 9 }),
          {
            query: 'gap-map',
            path: 'competencies[collaboration].figure',
            status: 'shown',
            people: 7,
            value: {
              // Chloe's gap read from her second 360° round, the remeasurement.
              averageGap: expect.closeTo(22.81, 2) as unknown,
              distribution: { below0: 0, from0to9: 0, from10to19: 4, from20to29: 1, from30: 2 },
            },
          },
          expect.objectContaining({
            query: 'gap-map',
            path: 'competencies[ownership].figure',
            people: 7,
          }),
        ]);
        expect(output).toContain('goal          evaluated, outcome achieved');
        expect(output).toContain("other tenants' events: 0");
        expect(output).toContain(
          'a fourth: 409 ACTIVE_GOAL_CAP_REACHED — de medewerker heeft al 3',
        );
        // The e-mails the run caused, listed from the mailbox folder of the system's data.
        expect(output).toContain(`10 e-mails of this run in ${join(system.folder, 'mailbox')}`);
        expect(countsOf(mailedSubjects(output, summary.tenantId))).toEqual({
          'Ben Okafor: Chloe Martin submitted a goal for your approval': 4,
          'Ben Okafor: Chloe Martin proposes an adjustment to a goal': 2,
          'Chloe Martin: Your goal was approved': 2,
          'Chloe Martin: Your goal needs another look': 2,
        });
      }
      // A second tenant on the same system sees only its own data: the same figures again.
      expect(comparable(runs[1].summary)).toEqual(comparable(runs[0].summary));
    }, 120_000);
  },
);
