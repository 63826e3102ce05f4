import { en } from './catalogues/en';
import { nl } from './catalogues/nl';
import {
  containsText,
  languages,
  render,
  renderTextsIn,
  text,
  textList,
  translateWithI18next,
  type MessageKey,
} from './text';

describe('a text', () => {
  it('reads in English as it always did', () =>
    expect(render('en', text('smart.relevant.required', { target: 'Feedback', level: 3 }))).toBe(
      'the role profile requires Feedback at level 3',
    ));

  it('reads in Dutch', () =>
    expect(render('nl', text('smart.relevant.required', { target: 'Feedback', level: 3 }))).toBe(
      'het rolprofiel vraagt Feedback op niveau 3',
    ));

  it('chooses the plural form by count', () => {
    const of = (count: number) =>
      text('smart.specific.unknownIndicators', { ids: 'x', target: 'T', count });
    expect(render('en', of(1))).toBe('x is not an indicator of T in the framework');
    expect(render('nl', of(2))).toBe('x zijn geen indicatoren van T in het competentiemodel');
  });

  it('renders nested texts and lists in the same language', () => {
    const failure = text('smart.failure', {
      property: text('smart.property.time-bound'),
      explanation: text('smart.timeBound.passed', { deadline: '2027-01-01', min: 3, max: 6 }),
    });
    expect(
      render('nl', text('planning.notSmartYet', { failures: textList([failure], '; ') })),
    ).toBe('het doel is nog niet SMART: tijdgebonden: deadline 2027-01-01 valt binnen 3–6 maanden');
  });

  it('writes decimals the Dutch way in Dutch', () =>
    expect(
      render(
        'nl',
        text('smart.achievable.tooMuchGrowth', {
          criterion: 'c1',
          growth: 40,
          baseline: 20,
          target: 60,
          months: (3).toFixed(1),
          rate: 5,
          reachable: 15,
        }),
      ),
    ).toContain('in 3,0 maanden'));

  it('leaves markup and quotes in parameters as they are', () =>
    expect(render('en', text('planning.notSmartYet', { failures: `<b>"it's" & more</b>` }))).toBe(
      `the goal is not SMART yet: <b>"it's" & more</b>`,
    ));
});

describe('rendering a text', () => {
  /** Every catalogue key (plural forms under their base key) with the parameters it names. */
  const keysOf = (catalogue: object, prefix = ''): { key: string; names: string[] }[] =>
    Object.entries(catalogue).flatMap(([name, value]) =>
      typeof value === 'string'
        ? [
            {
              key: `${prefix}${name.replace(/_(one|other)$/, '')}`,
              names: [...value.matchAll(/\{\{(\w+)/g)].map((match) => match[1] ?? ''),
            },
          ]
        : keysOf(value as object, `${prefix}${name}.`),
    );

  it.each(languages)(
    'in %s is what i18next’s t() says, for every key and plural form',
    (language) => {
      for (const { key, names } of keysOf(en))
        for (const count of [1, 2, 3.5])
          for (const sample of ['a value', 7]) {
            const params = Object.fromEntries(names.map((name) => [name, sample]));
            const withCount = { ...params, count };
            expect(render(language, text(key as MessageKey, withCount))).toBe(
              translateWithI18next(language, key, withCount),
            );
          }
    },
  );
});

describe('the catalogues', () => {
  /** Every string of a catalogue by its full key (plural forms apart), with its variables. */
  const entriesOf = (catalogue: object, prefix = ''): Map<string, string[]> =>
    new Map(
      Object.entries(catalogue).flatMap(([name, value]): [string, string[]][] =>
        typeof value === 'string'
          ? [
              [
                `${prefix}${name}`,
                [
                  ...new Set([...value.matchAll(/\{\{(\w+)/g)].map((match) => match[1] ?? '')),
                ].sort(),
              ],
            ]
          : [...entriesOf(value as object, `${prefix}${name}.`)],
      ),
    );
  const english = entriesOf(en);
  const dutch = entriesOf(nl);

  it('have the same keys, plural forms included', () =>
    expect([...dutch.keys()].sort()).toEqual([...english.keys()].sort()));

  it('fill in the same variables in every text', () => {
    const differing = [...english].filter(
      ([key, variables]) => JSON.stringify(dutch.get(key)) !== JSON.stringify(variables),
    );
    expect(differing).toEqual([]);
  });
});

describe('the texts in a value', () => {
  const report = {
    asOf: '2026-03-01',
    rows: [
      {
        id: 'a',
        figure: {
          status: 'withheld',
          reason: text('analytics.withheld.fewerThan', { threshold: 5 }),
        },
      },
      { id: 'b', figure: { status: 'shown', people: 7, value: 3 } },
    ],
  };

  it('are said in the language wherever they sit, the rest as it was', () => {
    expect(renderTextsIn(report, 'nl')).toEqual({
      asOf: '2026-03-01',
      rows: [
        { id: 'a', figure: { status: 'withheld', reason: 'beschrijft minder dan 5 mensen' } },
        { id: 'b', figure: { status: 'shown', people: 7, value: 3 } },
      ],
    });
    expect(containsText(report)).toBe(true);
    expect(containsText(report.rows[1])).toBe(false);
  });

  it('leave objects that are more than a text alone', () => {
    const notAText = { key: 'analytics.withheld.fewerThan', label: 'a key of something else' };
    expect(renderTextsIn(notAText, 'nl')).toEqual(notAText);
    expect(containsText(notAText)).toBe(false);
  });
});
