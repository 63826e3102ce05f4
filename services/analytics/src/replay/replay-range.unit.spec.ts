import { render } from '@talentloop/i18n';
import { parseReplayRange } from './replay-range';

const fieldsOf = (result: ReturnType<typeof parseReplayRange>) =>
  result.ok ? [] : result.errors.map((error) => error.field);

describe('parseReplayRange', () => {
  it('defaults to everything from the beginning, without limit', () => {
    expect(parseReplayRange({})).toEqual({
      ok: true,
      range: { after: undefined, from: undefined, types: undefined, limit: undefined },
    });
  });

  it('reads after as a bigint, including zero-padded sequences and 64-bit values', () => {
    expect(parseReplayRange({ after: '00000000000000001042' })).toMatchObject({
      range: { after: 1042n },
    });
    expect(parseReplayRange({ after: '18446744073709551615' })).toMatchObject({
      range: { after: 18446744073709551615n },
    });
  });

  it.each(['', '-1', '1.5', '1e3', 'abc', ' 1', '18446744073709551616', '123456789012345678901'])(
    'refuses after=%j',
    (after) => {
      expect(fieldsOf(parseReplayRange({ after }))).toEqual(['after']);
    },
  );

  it('reads from as a Date', () => {
    const parsed = parseReplayRange({ from: '2026-01-12T14:00:00.123+01:00' });
    expect(parsed).toMatchObject({ ok: true });
    expect(parsed.ok && parsed.range.from?.toISOString()).toBe('2026-01-12T13:00:00.123Z');
  });

  it.each(['yesterday', '2026-01-12', '2026-01-12T14:00:00', '2026-13-40T99:00:00Z', ''])(
    'refuses from=%j',
    (from) => {
      expect(fieldsOf(parseReplayRange({ from }))).toEqual(['from']);
    },
  );

  it('refuses after and from together', () => {
    const parsed = parseReplayRange({ after: '5', from: '2026-01-12T14:00:00Z' });
    expect(parsed.ok).toBe(false);
    expect(parsed.ok || parsed.errors.map((error) => render('en', error.message))).toEqual([
      'give either after or from, not both',
    ]);
  });

  it('splits types, trims and dedupes them, and names every unknown one', () => {
    expect(parseReplayRange({ types: 'GoalApproved, GoalRejected,GoalApproved' })).toMatchObject({
      range: { types: ['GoalApproved', 'GoalRejected'] },
    });
    const parsed = parseReplayRange({ types: 'GoalApproved,Nope,goalapproved,' });
    expect(parsed.ok).toBe(false);
    expect(parsed.ok || render('en', parsed.errors[0].message)).toBe(
      'unknown event types: Nope, goalapproved, (empty)',
    );
    expect(parsed.ok || render('nl', parsed.errors[0].message)).toBe(
      'onbekende eventtypes: Nope, goalapproved, (empty)',
    );
  });

  it.each([
    ['1', 1],
    ['2000', 2000],
  ])('reads limit=%s', (limit, expected) => {
    expect(parseReplayRange({ limit })).toMatchObject({ range: { limit: expected } });
  });

  it.each(['0', '-3', '1.5', 'ten', '1000000000'])('refuses limit=%j', (limit) => {
    expect(fieldsOf(parseReplayRange({ limit }))).toEqual(['limit']);
  });

  it('lists every bad field at once', () => {
    expect(fieldsOf(parseReplayRange({ after: 'x', types: 'Nope', limit: '0' }))).toEqual([
      'after',
      'types',
      'limit',
    ]);
  });

  it('resumes at Last-Event-ID, which wins over after and from', () => {
    expect(parseReplayRange({ after: '3' }, '17')).toMatchObject({ range: { after: 17n } });
    expect(parseReplayRange({ from: '2026-01-12T14:00:00Z' }, '17')).toMatchObject({
      range: { after: 17n, from: undefined },
    });
    expect(parseReplayRange({}, '')).toMatchObject({ range: { after: undefined } });
    expect(fieldsOf(parseReplayRange({}, 'abc'))).toEqual(['Last-Event-ID']);
  });
});
