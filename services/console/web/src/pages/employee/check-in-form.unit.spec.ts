import { checkInFieldOf, lengthNoteOf, validateCheckIn, type CheckInInput } from './check-in-form';

const filled: CheckInInput = {
  whatWasDone: 'Summarised the speaker in two reviews.',
  whatGoesWellAndWhatIsHard: 'Summaries go well; waiting is hard.',
  whatIsNext: 'Ask one deepening question per meeting.',
  durationMinutes: '20',
  actionsTicked: ['act-1'],
};

describe('the check-in form, against the API limits', () => {
  it('given three answers and 20 minutes, when validated, then the body to send is made', () => {
    // when
    const result = validateCheckIn({ ...filled, whatIsNext: '  Ask one question.  ' });
    // then
    expect(result).toEqual({
      ok: true,
      body: {
        answers: {
          whatWasDone: filled.whatWasDone,
          whatGoesWellAndWhatIsHard: filled.whatGoesWellAndWhatIsHard,
          whatIsNext: 'Ask one question.',
        },
        durationMinutes: 20,
        actionsTicked: ['act-1'],
      },
    });
  });

  it('given empty and blank answers, when validated, then each is required', () => {
    const result = validateCheckIn({ ...filled, whatWasDone: '', whatIsNext: '   ' });
    expect(result).toEqual({
      ok: false,
      problems: { whatWasDone: 'required', whatIsNext: 'required' },
    });
  });

  it('given an answer over 2,000 characters, when validated, then it is too long', () => {
    const result = validateCheckIn({ ...filled, whatGoesWellAndWhatIsHard: 'x'.repeat(2001) });
    expect(result).toEqual({ ok: false, problems: { whatGoesWellAndWhatIsHard: 'tooLong' } });
    expect(validateCheckIn({ ...filled, whatWasDone: 'x'.repeat(2000) }).ok).toBe(true);
  });

  it.each([
    ['', 'required'],
    ['12.5', 'notWholeMinutes'],
    ['abc', 'notWholeMinutes'],
    ['0', 'tooFewMinutes'],
    ['241', 'tooManyMinutes'],
  ])('given %p minutes, when validated, then the duration is %s', (minutes, problem) => {
    expect(validateCheckIn({ ...filled, durationMinutes: minutes })).toEqual({
      ok: false,
      problems: { durationMinutes: problem },
    });
  });

  it('given 1 and 240 minutes, when validated, then both bounds are accepted', () => {
    expect(validateCheckIn({ ...filled, durationMinutes: '1' }).ok).toBe(true);
    expect(validateCheckIn({ ...filled, durationMinutes: '240' }).ok).toBe(true);
  });

  it('given more than 20 actions ticked, when validated, then there are too many', () => {
    const actionsTicked = Array.from({ length: 21 }, (_, index) => `act-${index}`);
    expect(validateCheckIn({ ...filled, actionsTicked })).toEqual({
      ok: false,
      problems: { actionsTicked: 'tooManyActions' },
    });
  });

  it('given a length, when noted, then it is short, within or long against 15–30 minutes', () => {
    expect(lengthNoteOf('10')).toBe('short');
    expect(lengthNoteOf('15')).toBe('within');
    expect(lengthNoteOf('30')).toBe('within');
    expect(lengthNoteOf('45')).toBe('long');
    expect(lengthNoteOf('')).toBeUndefined();
    expect(lengthNoteOf('300')).toBeUndefined();
  });

  it('given the API field names, when mapped, then they name the form fields', () => {
    expect(checkInFieldOf('answers.whatWasDone')).toBe('whatWasDone');
    expect(checkInFieldOf('durationMinutes')).toBe('durationMinutes');
    expect(checkInFieldOf('actionsTicked.0')).toBe('actionsTicked');
    expect(checkInFieldOf('managerNotes')).toBeUndefined();
  });
});
