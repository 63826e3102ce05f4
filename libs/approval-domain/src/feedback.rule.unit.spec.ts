import { feedbackProblem } from './feedback.rule';

describe('rejection feedback', () => {
  it.each(['', '   ', 'no', 'n/a', 'N/A!!', '...', 'rejected', 'Rejected.', 'tbd'])(
    'refuses the placeholder %p',
    (text) => expect(feedbackProblem(text)).toMatch(/placeholder/),
  );

  it('refuses feedback shorter than the contract allows', () =>
    expect(feedbackProblem('Too vague here')).toMatch(/at least 20 characters/));

  it('refuses long feedback that repeats a word or a placeholder', () => {
    expect(feedbackProblem('rejected rejected rejected rejected')).toMatch(/different words/);
    expect(feedbackProblem('no no no no no no no no no no no')).toMatch(/different words/);
    expect(feedbackProblem('.......................')).toMatch(/placeholder/);
  });

  it('accepts feedback that says what to change', () =>
    expect(
      feedbackProblem('Name the meetings where you will practise, and make the target 60.'),
    ).toBeUndefined());
});
