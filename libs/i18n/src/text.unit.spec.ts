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
  type TextParam,
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

describe('a text rendered again', () => {
  const fewer = (threshold: TextParam) => text('analytics.withheld.fewerThan', { threshold });

  it('reads the same, however often and in whichever language it comes back', () => {
    const first = render('en', fewer(5));
    expect(render('nl', fewer(5))).not.toBe(first);
    for (let round = 0; round < 3; round += 1) expect(render('en', fewer(5))).toBe(first);
  });

  it('reads as its own parameters say, not as an earlier text with other ones', () => {
    expect(render('en', fewer(5))).toContain('5');
    expect(render('en', fewer(7))).toContain('7');
    expect(render('en', fewer('5 or more'))).toContain('5 or more');
    const nested = (property: 'time-bound' | 'specific') =>
      text('smart.failure', { property: text(`smart.property.${property}`), explanation: 'x' });
    expect(render('en', nested('specific'))).not.toBe(render('en', nested('time-bound')));
  });

  it('reads the same after more distinct texts than are remembered came in between', () => {
    const before = render('nl', fewer(3));
    for (let threshold = 0; threshold < 2_500; threshold += 1)
      expect(render('en', fewer(threshold))).toBe(
        translateWithI18next('en', 'analytics.withheld.fewerThan', { threshold }),
      );
    expect(render('nl', fewer(3))).toBe(before);
  });
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

  it('leave the value given as it was, and share the parts without a text', () => {
    const before = JSON.stringify(report);
    const said = renderTextsIn(report, 'en') as typeof report;
    expect(JSON.stringify(report)).toBe(before);
    expect(said).not.toBe(report);
    expect(said.rows[0]).not.toBe(report.rows[0]);
    expect(said.rows[1]).toBe(report.rows[1]);
    const withoutTexts = { rows: [report.rows[1]] };
    expect(renderTextsIn(withoutTexts, 'en')).toBe(withoutTexts);
  });

  it('keep the order of the fields and items around a text', () => {
    const value = { a: 1, reason: text('analytics.withheld.fewerThan', { threshold: 5 }), z: [2] };
    const said = renderTextsIn(value, 'en') as Record<string, unknown>;
    expect(Object.keys(said)).toEqual(['a', 'reason', 'z']);
    expect(said).toEqual({ a: 1, reason: 'describes fewer than 5 people', z: [2] });
    expect(
      renderTextsIn([1, text('analytics.withheld.fewerThan', { threshold: 5 }), 3], 'en'),
    ).toEqual([1, 'describes fewer than 5 people', 3]);
  });

  it('leave objects that are more than a text alone', () => {
    const notAText = { key: 'analytics.withheld.fewerThan', label: 'a key of something else' };
    expect(renderTextsIn(notAText, 'nl')).toEqual(notAText);
    expect(containsText(notAText)).toBe(false);
  });
});
