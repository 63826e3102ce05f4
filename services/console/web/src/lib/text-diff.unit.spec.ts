import { phraseDiff, type Segment, wordDiff } from './text-diff';

/** One side read back: the earlier text without what was added, the later without what was removed. */
const side = (segments: readonly Segment[], dropped: 'added' | 'removed') =>
  segments
    .filter((segment) => segment.kind !== dropped)
    .map((segment) => segment.text)
    .join('');

describe('a text against a later version of it, word by word', () => {
  it('given two texts, when diffed word by word, then the removed and added words are marked and each side reads back', () => {
    // given
    const before = 'In sprint planning and the weekly stand-up.';
    const after = 'In the Tuesday design review and sprint planning.';
    // when
    const segments = wordDiff(before, after);
    // then
    expect(side(segments, 'added')).toBe(before);
    expect(side(segments, 'removed')).toBe(after);
    expect(segments.filter((s) => s.kind === 'added').map((s) => s.text.trim())).toContain(
      'Tuesday',
    );
    expect(segments.filter((s) => s.kind === 'removed').map((s) => s.text)).toContain('stand-up.');
  });

  it('given two texts, when diffed as phrases, then changes a lone space keeps apart are one phrase removed and one added', () => {
    // given
    const before = 'Listen actively in meetings';
    const after = 'Listen first in design reviews';
    // when
    const segments = phraseDiff(before, after);
    // then
    expect(segments).toEqual([
      { kind: 'same', text: 'Listen ' },
      { kind: 'removed', text: 'actively' },
      { kind: 'added', text: 'first' },
      { kind: 'same', text: ' in ' },
      { kind: 'removed', text: 'meetings' },
      { kind: 'added', text: 'design reviews' },
    ]);
    expect(side(segments, 'added')).toBe(before);
    expect(side(segments, 'removed')).toBe(after);
  });

  it('given two changed words with a space between, when diffed as phrases rather than words, then the space joins them', () => {
    // given
    const before = 'In team meetings.';
    const after = 'In design reviews.';
    // when
    const words = wordDiff(before, after);
    const phrases = phraseDiff(before, after);
    // then
    expect(words).toContainEqual({ kind: 'same', text: ' ' });
    expect(phrases).toEqual([
      { kind: 'same', text: 'In ' },
      { kind: 'removed', text: 'team meetings.' },
      { kind: 'added', text: 'design reviews.' },
    ]);
  });

  it('given the same text twice, when diffed either way, then it is one unchanged segment', () => {
    // given / when / then
    for (const diff of [wordDiff, phraseDiff]) {
      expect(diff('Same words', 'Same words')).toEqual([{ kind: 'same', text: 'Same words' }]);
      expect(diff('', '')).toEqual([]);
    }
  });

  it('given a text too long to compare word by word, when diffed, then it is removed and added as a whole', () => {
    // given
    const before = 'word '.repeat(2000);
    const after = `${before}more`;
    // when
    const segments = wordDiff(before, after);
    // then
    expect(segments).toEqual([
      { kind: 'removed', text: before },
      { kind: 'added', text: after },
    ]);
  });
});
