import fc from 'fast-check';

/** Text with some non-ASCII, but no `:`: a leak check must not mistake an echo for `Error:`. */
export const plainText = (maxLength = 40, minLength = 0) =>
  fc.string({
    unit: fc.constantFrom(...'abcXYZ 019_-.,;!?#&=+[]{}()<>\'"\\/%~é中😀\t'),
    minLength,
    maxLength: Math.max(maxLength, minLength),
  });
