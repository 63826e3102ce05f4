import { checkInLength, expectedCheckInMinutes } from './check-in-length';

describe('the length of a check-in', () => {
  it('is expected to be 15–30 minutes', () =>
    expect(expectedCheckInMinutes).toEqual({ min: 15, max: 30 }));

  it.each([15, 20, 30])('is within the expected range at %i minutes, bounds included', (minutes) =>
    expect(checkInLength(minutes)).toBe('within'),
  );

  it.each([1, 5, 14])('is short below 15 minutes (%i)', (minutes) =>
    expect(checkInLength(minutes)).toBe('short'),
  );

  it.each([31, 90, 240])('is long above 30 minutes (%i)', (minutes) =>
    expect(checkInLength(minutes)).toBe('long'),
  );
});
