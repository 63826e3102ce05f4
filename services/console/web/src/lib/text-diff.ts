/** A run of text the same in both versions, only in the earlier one, or only in the later one. */
export interface Segment {
  readonly kind: 'same' | 'removed' | 'added';
  readonly text: string;
}

/** Words and the spaces between them, so that joining the tokens gives the text back. */
const tokensOf = (text: string): string[] => text.match(/\s+|\S+/g) ?? [];

/** Longer texts are compared as a whole (the API allows 2,000 characters: ~700 tokens). */
const MAX_TOKENS = 1500;

const push = (segments: Segment[], kind: Segment['kind'], text: string) => {
  if (text === '') return;
  const last = segments[segments.length - 1];
  if (last?.kind === kind) segments[segments.length - 1] = { kind, text: last.text + text };
  else segments.push({ kind, text });
};

/**
 * How `after` differs from `before`, word by word (a longest common subsequence of their
 * tokens): the earlier text is the `same` and `removed` segments, the later `same` and `added`.
 */
export const wordDiff = (before: string, after: string): Segment[] => {
  if (before === after) return before === '' ? [] : [{ kind: 'same', text: before }];
  const a = tokensOf(before);
  const b = tokensOf(after);
  const segments: Segment[] = [];
  if (a.length > MAX_TOKENS || b.length > MAX_TOKENS) {
    push(segments, 'removed', before);
    push(segments, 'added', after);
    return segments;
  }
  // lengths[i][j]: the longest common subsequence of a[i..] and b[j..].
  const lengths: number[][] = Array.from({ length: a.length + 1 }, () =>
    new Array<number>(b.length + 1).fill(0),
  );
  for (let i = a.length - 1; i >= 0; i -= 1)
    for (let j = b.length - 1; j >= 0; j -= 1)
      lengths[i][j] =
        a[i] === b[j] ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push(segments, 'same', a[i]);
      i += 1;
      j += 1;
    } else if (lengths[i + 1][j] >= lengths[i][j + 1]) {
      push(segments, 'removed', a[i]);
      i += 1;
    } else {
      push(segments, 'added', b[j]);
      j += 1;
    }
  }
  for (; i < a.length; i += 1) push(segments, 'removed', a[i]);
  for (; j < b.length; j += 1) push(segments, 'added', b[j]);
  return segments;
};

/**
 * Reads as a person would: a lone space kept between two changes joins them, so that
 * "team meetings" → "design reviews" is one phrase removed and one added, not word by word.
 */
const joinPhrases = (segments: readonly Segment[]): Segment[] => {
  const result: Segment[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    push(result, 'removed', removed);
    push(result, 'added', added);
    removed = '';
    added = '';
  };
  segments.forEach((segment, index) => {
    const inChange = removed !== '' || added !== '';
    const next = segments[index + 1];
    if (segment.kind === 'removed') removed += segment.text;
    else if (segment.kind === 'added') added += segment.text;
    else if (inChange && /^\s+$/.test(segment.text) && next && next.kind !== 'same') {
      removed += segment.text;
      added += segment.text;
    } else {
      flush();
      push(result, 'same', segment.text);
    }
  });
  flush();
  return result;
};

/** The word diff with the changes that only a space keeps apart joined into phrases. */
export const phraseDiff = (before: string, after: string): Segment[] =>
  joinPhrases(wordDiff(before, after));
