import { DomainError } from '@talentloop/domain-kernel';
import { ErasurePendingError } from '@talentloop/privacy';
import { problem, problemOf } from './problem-details';

class NotPending extends DomainError {
  readonly kind = 'conflict' as const;
  readonly code = 'NOT_PENDING';
}

describe('problem documents', () => {
  it('keep their standard members whatever the extensions are called', () => {
    // given extensions that name every standard member
    const extensions = {
      type: 'x',
      title: 'y',
      status: 'approved',
      detail: 'z',
      code: 'OTHER',
      instance: '/elsewhere',
      submissionNumber: 2,
    };

    // when the problem is built
    const document = problem(409, 'NOT_PENDING', 'the request is approved', extensions);

    // then the standard members are its own and the other extensions are kept
    expect(document).toEqual({
      type: 'urn:talentloop:problem:not-pending',
      title: 'Conflict',
      status: 409,
      detail: 'the request is approved',
      code: 'NOT_PENDING',
      submissionNumber: 2,
    });
  });

  it('answer a domain conflict whose details carry a status with 409', () => {
    // given a domain error whose details name the resource's status (a double click)
    const error = new NotPending('the request is approved', { status: 'approved' });

    // when it is mapped
    const document = problemOf(error);

    // then the HTTP status is the conflict's, never the detail's
    expect(document.status).toBe(409);
    expect(document.code).toBe('NOT_PENDING');
  });

  it('answer an erasure whose key bytes are still stored with 503, to be retried', () => {
    // given a key store that could not yet remove a destroyed key from its files
    const error = new ErasurePendingError('readers kept its bytes in the write-ahead log');

    // when it is mapped
    const document = problemOf(error);

    // then the caller is told to retry, not that the person is erased
    expect(document).toMatchObject({ status: 503, code: 'ERASURE_PENDING' });
    expect(document.detail).toMatch(/pending, retry it$/);
  });
});
