import { checkInLength, expectedCheckInMinutes, type CheckInLength } from '@talentloop/contracts';

/**
 * What a goal's history says of a check-in's length. A check-in outside the expected range was
 * accepted like any other; the history flags it, with the range it was read against.
 */
export interface CheckInLengthNote {
  readonly durationMinutes: number;
  readonly length: CheckInLength;
  readonly outsideExpectedRange: boolean;
  readonly expectedMinutes: typeof expectedCheckInMinutes;
}

export const checkInLengthNote = (durationMinutes: number): CheckInLengthNote => {
  const length = checkInLength(durationMinutes);
  return {
    durationMinutes,
    length,
    outsideExpectedRange: length !== 'within',
    expectedMinutes: expectedCheckInMinutes,
  };
};
