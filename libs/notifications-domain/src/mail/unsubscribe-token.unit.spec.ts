import { createHmac } from 'node:crypto';
import {
  MAX_UNSUBSCRIBE_TOKEN_LENGTH,
  readUnsubscribeToken,
  unsubscribeToken,
} from './unsubscribe-token';

const SECRET = 'unsubscribe-secret-0123456789abcdef';
const WHO = { tenantId: 'tenant-a', employeeId: 'emp-1001' };

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const sign = (secret: string, payload: string) =>
  createHmac('sha256', secret).update(payload).digest('base64url');
/** Swaps one character for another of the base64url alphabet. */
const flipAt = (text: string, index: number) =>
  `${text.slice(0, index)}${text[index] === 'A' ? 'B' : 'A'}${text.slice(index + 1)}`;

describe('given a token made for an employee', () => {
  const token = unsubscribeToken(SECRET, WHO);
  const [payload = '', signature = ''] = token.split('.');

  it('then it is the base64url JSON payload and its base64url HMAC-SHA256', () => {
    expect(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))).toEqual(WHO);
    expect(signature).toBe(sign(SECRET, payload));
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
  });

  it('then it fits in a URL as it is', () => expect(encodeURIComponent(token)).toBe(token));

  it('when read with the same secret, then it names the tenant and the employee', () =>
    expect(readUnsubscribeToken(SECRET, token)).toEqual(WHO));

  it('when read with another secret, then it is refused', () =>
    expect(readUnsubscribeToken(`${SECRET}-other`, token)).toBeNull());

  it('when any one character of it is changed, then it is refused', () => {
    for (let index = 0; index < token.length; index += 1) {
      if (token[index] === '.') continue;
      expect(readUnsubscribeToken(SECRET, flipAt(token, index))).toBeNull();
    }
  });

  it('when its last character only differs in unused bits, then it is refused still', () => {
    const last = signature.at(-1) ?? '';
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const sibling = alphabet[alphabet.indexOf(last) ^ 1];
    const variant = `${token.slice(0, -1)}${sibling}`;
    expect(Buffer.from(variant.split('.')[1] ?? '', 'base64url')).toEqual(
      Buffer.from(signature, 'base64url'),
    );
    expect(readUnsubscribeToken(SECRET, variant)).toBeNull();
  });

  it('when the payload is swapped for another employee, then it is refused', () =>
    expect(
      readUnsubscribeToken(SECRET, `${encode({ ...WHO, employeeId: 'emp-2' })}.${signature}`),
    ).toBeNull());

  it('when cut short, then it is refused', () => {
    expect(readUnsubscribeToken(SECRET, token.slice(0, -1))).toBeNull();
    expect(readUnsubscribeToken(SECRET, payload)).toBeNull();
    expect(readUnsubscribeToken(SECRET, `${payload}.`)).toBeNull();
  });
});

describe('given input that is no token', () => {
  it.each([
    ['an empty string', ''],
    ['a full stop', '.'],
    ['three segments', `${unsubscribeToken(SECRET, WHO)}.x`],
    ['padding', `${unsubscribeToken(SECRET, WHO)}=`],
    ['standard base64 characters', unsubscribeToken(SECRET, WHO).replace(/^./, '+')],
    ['spaces', ` ${unsubscribeToken(SECRET, WHO)}`],
  ])('when it is %s, then it is refused', (_, input) =>
    expect(readUnsubscribeToken(SECRET, input)).toBeNull(),
  );

  it('when it is longer than 1024 characters, then it is refused, signed or not', () => {
    const payload = encode({ ...WHO, employeeId: 'e'.repeat(MAX_UNSUBSCRIBE_TOKEN_LENGTH) });
    const token = `${payload}.${sign(SECRET, payload)}`;
    expect(token.length).toBeGreaterThan(1024);
    expect(readUnsubscribeToken(SECRET, token)).toBeNull();
  });

  it.each([
    ['is not JSON', Buffer.from('not json').toString('base64url')],
    ['is an array', encode(['tenant-a', 'emp-1001'])],
    ['lacks the employee', encode({ tenantId: 'tenant-a' })],
    ['has an empty employee', encode({ tenantId: 'tenant-a', employeeId: '' })],
    ['has a number for the tenant', encode({ tenantId: 7, employeeId: 'emp-1001' })],
    ['carries more than it should', encode({ ...WHO, role: 'hr' })],
  ])('when its correctly signed payload %s, then it is refused', (_, payload) =>
    expect(readUnsubscribeToken(SECRET, `${payload}.${sign(SECRET, payload)}`)).toBeNull(),
  );
});

describe('misuse', () => {
  it('refuses to sign with an empty secret', () =>
    expect(() => unsubscribeToken('', WHO)).toThrow(RangeError));

  it('refuses to read with an empty secret', () =>
    expect(() => readUnsubscribeToken('', unsubscribeToken(SECRET, WHO))).toThrow(RangeError));

  it('refuses to sign for nobody', () =>
    expect(() => unsubscribeToken(SECRET, { tenantId: 'tenant-a', employeeId: '' })).toThrow(
      RangeError,
    ));
});
