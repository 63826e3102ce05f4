import { randomBytes } from 'node:crypto';
import { sealedEnvelopeOf, type SealedEnvelope } from '@talentloop/contracts';
import {
  associatedDataOf,
  openValue,
  refusalOf,
  sealValue,
  SealedValueRefusedError,
} from './sealed-value';

const subject = { tenantId: 'acme', subjectId: 'emp-1' };
const feedback = { type: 'GoalRejected', field: 'feedback' };
const note = { type: 'GoalApproved', field: 'note' };
const v2 = (origin = feedback, keyVersion = 1): SealedEnvelope => ({
  version: 2,
  keyVersion,
  origin,
  body: 'AAAA',
});

describe('where a sealed value may be opened', () => {
  it('is the event type and field it was sealed for', () => {
    expect(refusalOf(v2(), feedback)).toBeUndefined();
  });

  it('is not another field or another event type', () => {
    expect(refusalOf(v2(), note)).toBe(
      'a value sealed for GoalRejected.feedback was found in GoalApproved.note',
    );
    expect(refusalOf(v2(), { type: 'GoalRejected', field: 'reason' })).toBeDefined();
    expect(refusalOf(v2(), { type: 'GoalWithdrawn', field: 'feedback' })).toBeDefined();
  });

  it('is not claimed by naming a data key that did not seal it', () => {
    expect(refusalOf(v2(feedback, 2), feedback)).toBe(
      'a value names data key 2, which did not seal it',
    );
  });

  it('is anywhere of its subject for a v1 value, which names no field', () => {
    expect(refusalOf({ version: 1, body: 'AAAA' }, note)).toBeUndefined();
  });
});

describe('what a sealed value is bound to', () => {
  it('cannot read alike for two subjects whose ids hold the separator (v2)', () => {
    const one = associatedDataOf({ tenantId: 'a/b', subjectId: 'c' }, v2());
    const other = associatedDataOf({ tenantId: 'a', subjectId: 'b/c' }, v2());

    expect(one.equals(other)).toBe(false);
  });

  it('is what v1 was written with: tenant/subject', () => {
    expect(associatedDataOf(subject, { version: 1, body: '' }).toString()).toBe('acme/emp-1');
  });
});

describe('a value sealed for a field', () => {
  const key = randomBytes(32);

  it('opens in that field, and is refused in another one', () => {
    // given a rejection's feedback, sealed
    const sealed = sealedEnvelopeOf(sealValue(key, subject, feedback, 'Name the meetings.'))!;

    // when it is opened where it was sealed, and where it was pasted
    const opened = openValue(key, subject, sealed, feedback);
    const pasted = () => openValue(key, subject, sealed, note);

    // then only the first opens
    expect(opened).toBe('Name the meetings.');
    expect(pasted).toThrow(SealedValueRefusedError);
  });

  it('does not open once its recorded field is rewritten to match where it was pasted', () => {
    const sealed = sealedEnvelopeOf(sealValue(key, subject, feedback, 'Name the meetings.'))!;

    const relabelled = { ...sealed, origin: note } as SealedEnvelope;

    expect(() => openValue(key, subject, relabelled, note)).toThrow(
      'Unsupported state or unable to authenticate data',
    );
  });
});
