import { mailIdOf } from './mail-id';

const tenantId = 'acme';
const recipientId = 'emp-0007';
const cause = 'evt-1';

describe('the id of a mail', () => {
  it('is mail_ and 32 lowercase hex digits', () =>
    expect(mailIdOf(tenantId, 'goal-approved', recipientId, cause)).toMatch(/^mail_[0-9a-f]{32}$/));

  it('is the same for the same mail planned again, so a replay plans no second mail', () =>
    expect(mailIdOf(tenantId, 'goal-approved', recipientId, cause)).toBe(
      mailIdOf(tenantId, 'goal-approved', recipientId, cause),
    ));

  it('is the sha256 of the parts joined by NUL, cut to 32 digits: stable across releases', () =>
    expect(mailIdOf('t', 'goal-approved', 'r', 'c')).toBe('mail_0e7b0538f3db07cd2c0797495358c2cd'));

  it('differs when any one part differs', () =>
    expect(
      new Set([
        mailIdOf(tenantId, 'goal-approved', recipientId, cause),
        mailIdOf('globex', 'goal-approved', recipientId, cause),
        mailIdOf(tenantId, 'goal-rejected', recipientId, cause),
        mailIdOf(tenantId, 'goal-approved', 'emp-1001', cause),
        mailIdOf(tenantId, 'goal-approved', recipientId, 'evt-2'),
      ]).size,
    ).toBe(5));

  it('keeps the parts apart: moving a character across a boundary gives another id', () =>
    expect(mailIdOf(tenantId, 'goal-approved', 'emp-1', '0evt')).not.toBe(
      mailIdOf(tenantId, 'goal-approved', 'emp-10', 'evt'),
    ));
});
