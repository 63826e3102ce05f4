import { checkInLengthNote } from './check-in-length';

const expectedMinutes = { min: 15, max: 30 };

describe("a check-in in the goal's history", () => {
  it('shows its duration, unflagged, when it took 15–30 minutes', () =>
    expect(checkInLengthNote(20)).toEqual({
      durationMinutes: 20,
      length: 'within',
      outsideExpectedRange: false,
      expectedMinutes,
    }));

  it.each([
    [5, 'short'],
    [90, 'long'],
  ] as const)(
    'is flagged, with the expected range, when it took %i minutes (%s)',
    (durationMinutes, length) =>
      expect(checkInLengthNote(durationMinutes)).toEqual({
        durationMinutes,
        length,
        outsideExpectedRange: true,
        expectedMinutes,
      }),
  );
});
