import { ApiError } from '../../lib/problem';
import { decisionProblem } from './decision';

describe('where a decision problem is shown', () => {
  it('given vague feedback refused with a code and no fields, when placed, then its detail shows at the feedback field only', () => {
    // given
    const error = new ApiError(
      422,
      'Unprocessable Content',
      'feedback is empty or a placeholder; say what the employee should change',
      [],
      'FEEDBACK_TOO_VAGUE',
    );
    // when
    const problem = decisionProblem(error);
    // then
    expect(problem).toEqual({
      fields: {
        feedback: ['feedback is empty or a placeholder; say what the employee should change'],
      },
    });
  });

  it('given a validation problem naming fields, when placed, then each message is at its field, once', () => {
    // given
    const error = new ApiError(
      422,
      'Unprocessable Content',
      '2 field(s) are invalid',
      [
        { field: 'feedback', message: 'feedback must be a string' },
        { field: 'feedback', message: 'feedback must be a string' },
        { field: 'note', message: 'note must be shorter than or equal to 2000 characters' },
      ],
      'VALIDATION_FAILED',
    );
    // when
    const problem = decisionProblem(error);
    // then
    expect(problem.fields).toEqual({
      feedback: ['feedback must be a string'],
      note: ['note must be shorter than or equal to 2000 characters'],
    });
    expect(problem.general).toBeUndefined();
  });

  it('given a missing cadence, when placed, then it shows at the cadence field', () => {
    // given
    const error = new ApiError(
      422,
      'Unprocessable Content',
      'needs a cadence',
      [],
      'CHECK_IN_CADENCE_MISMATCH',
    );
    // when / then
    expect(decisionProblem(error).fields).toEqual({ checkInCadence: ['needs a cadence'] });
  });

  it('given a conflict or a network failure, when placed, then it is the form problem as it came', () => {
    // given
    const conflict = new ApiError(409, 'Conflict', 'already decided', [], 'ALREADY_DECIDED');
    const network = new Error('Failed to fetch');
    // when / then
    expect(decisionProblem(conflict)).toEqual({ fields: {}, general: conflict });
    expect(decisionProblem(network)).toEqual({ fields: {}, general: network });
  });

  it('given a validation problem with a field the form does not have, when placed, then that message stays in the form problem', () => {
    // given
    const error = new ApiError(
      422,
      'Unprocessable Content',
      '2 field(s) are invalid',
      [
        { field: 'feedback', message: 'too long' },
        { field: 'submissionNumber', message: 'must be an integer' },
      ],
      'VALIDATION_FAILED',
    );
    // when
    const problem = decisionProblem(error);
    // then
    expect(problem.fields).toEqual({ feedback: ['too long'] });
    expect(problem.general).toBeInstanceOf(ApiError);
    expect((problem.general as ApiError).fields).toEqual([
      { field: 'submissionNumber', message: 'must be an integer' },
    ]);
  });
});
