import { languageOfAcceptLanguage, resolveLanguage } from './accept-language';

describe('the language of a request', () => {
  it('is the one of ours Accept-Language prefers most', () => {
    expect(languageOfAcceptLanguage('nl')).toBe('nl');
    expect(languageOfAcceptLanguage('en-GB,en;q=0.9,nl;q=0.8')).toBe('en');
    expect(languageOfAcceptLanguage('fr-FR, nl;q=0.4, en;q=0.7')).toBe('en');
    expect(languageOfAcceptLanguage('de, NL-be;q=0.5')).toBe('nl');
  });

  it('ignores languages refused with q=0, malformed weights and the wildcard', () => {
    expect(languageOfAcceptLanguage('nl;q=0, en;q=0.1')).toBe('en');
    expect(languageOfAcceptLanguage('nl;q=abc')).toBeUndefined();
    expect(languageOfAcceptLanguage('*')).toBeUndefined();
    expect(languageOfAcceptLanguage(undefined)).toBeUndefined();
  });

  it("falls back to the person's own language, then English", () => {
    expect(resolveLanguage('nl', 'en')).toBe('nl');
    expect(resolveLanguage('fr', 'nl')).toBe('nl');
    expect(resolveLanguage(undefined, undefined)).toBe('en');
  });
});
