import { mayTake } from './lease';

const now = Date.parse('2026-03-01T09:00:00.000Z');

describe('a lease nobody holds', () => {
  it('is taken by whoever asks', () => expect(mayTake(undefined, 'a', now)).toBe(true));
});

describe('a lease held and not expired', () => {
  const held = { holder: 'a', expiresAt: now + 1 };

  it('is renewed by its holder', () => expect(mayTake(held, 'a', now)).toBe(true));

  it('is refused to anyone else', () => expect(mayTake(held, 'b', now)).toBe(false));
});

describe('a lease whose holder let it expire', () => {
  const expired = { holder: 'a', expiresAt: now };

  it('is taken over by another instance', () => expect(mayTake(expired, 'b', now)).toBe(true));
});
