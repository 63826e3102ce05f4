import { DEFAULT_LANGUAGE, isLanguage, type Language } from '@talentloop/i18n';

/**
 * The language of ours the caller prefers most by `Accept-Language` (RFC 9110 §12.5.4): the
 * highest q-value wins, `nl-BE` counts as `nl`, `q=0` refuses, `*` says nothing. Undefined
 * when the header names none of our languages.
 */
export const languageOfAcceptLanguage = (header: string | undefined): Language | undefined => {
  let best: { language: Language; quality: number } | undefined;
  for (const range of (header ?? '').split(',')) {
    const [tag = '', ...parameters] = range.split(';').map((part) => part.trim());
    const language = tag.toLowerCase().split('-')[0];
    const qualityParameter = parameters.find((parameter) => /^q=/i.test(parameter));
    const quality = qualityParameter === undefined ? 1 : Number(qualityParameter.slice(2));
    if (!isLanguage(language) || !(quality > 0 && quality <= 1)) continue;
    if (best === undefined || quality > best.quality) best = { language, quality };
  }
  return best?.language;
};

/** `Accept-Language` first, then the person's own language, then English. */
export const resolveLanguage = (
  acceptLanguage: string | undefined,
  preferred: Language | undefined,
): Language => languageOfAcceptLanguage(acceptLanguage) ?? preferred ?? DEFAULT_LANGUAGE;
