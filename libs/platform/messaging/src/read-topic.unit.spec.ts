import { InvalidMessagingOptionError } from './errors';
import { readWindowsOf } from './read-topic';

const bounds = [
  { partition: 1, first: 0n, end: 10n },
  { partition: 0, first: 4n, end: 6n },
  { partition: 2, first: 0n, end: 0n },
];

describe('what readTopic reads', () => {
  it('from the start: each partition from its first kept offset, at most limit, empty ones left out', () => {
    expect(readWindowsOf(bounds, { limit: 3 })).toEqual([
      { partition: 0, start: 4n, stop: 6n },
      { partition: 1, start: 0n, stop: 3n },
    ]);
  });

  it('from offsets: where asked, never before the first kept, never past the end', () => {
    expect(readWindowsOf(bounds, { from: { 0: 1n, 1: 8n }, limit: 5 })).toEqual([
      { partition: 0, start: 4n, stop: 6n },
      { partition: 1, start: 8n, stop: 10n },
    ]);
  });

  it('nothing from a partition asked at or past its end', () => {
    expect(readWindowsOf(bounds, { from: { 0: 6n, 1: 10n }, limit: 5 })).toEqual([]);
  });

  it('refuses a limit below one and a negative offset', () => {
    expect(() => readWindowsOf(bounds, { limit: 0 })).toThrow(InvalidMessagingOptionError);
    expect(() => readWindowsOf(bounds, { from: { 1: -1n }, limit: 1 })).toThrow(
      InvalidMessagingOptionError,
    );
  });
});
