import { comparable, expectedSummary, runDemo, type DemoSummary } from './testing/demo-run';
import { describeOnEach, embedded, kafkaMongo, systemPerSuite } from './testing/infrastructures';

/** The figures analytics shows for the demo's organisation (the rest are withheld: < 5 people). */
const shownFigures = (summary: DemoSummary) =>
  Object.entries(
    (summary['analytics'] as { figures: Record<string, { status: string }[]> }).figures,
  ).flatMap(([query, figures]) =>
    figures.filter((figure) => figure.status === 'shown').map((figure) => ({ query, ...figure })),
  );

describeOnEach(
  'npm run demo against the four services as separate processes',
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
            value: { employeesWithActiveGoal: 0, headcount: 9, share: 0 },
          },
          expect.objectContaining({ query: 'active-plans', status: 'shown', people: 9 }),
          {
            query: 'gap-map',
            path: 'competencies[collaboration].figure',
            status: 'shown',
            people: 7,
            value: {
              averageGap: 23,
              distribution: { below0: 0, from0to9: 0, from10to19: 3, from20to29: 2, from30: 2 },
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
      }
      // A second tenant on the same system sees only its own data: the same figures again.
      expect(comparable(runs[1].summary)).toEqual(comparable(runs[0].summary));
    }, 120_000);
  },
);
