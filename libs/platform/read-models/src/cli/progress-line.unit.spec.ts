import { progressLine } from './progress-line';

describe('the rebuild progress line', () => {
  it('shows the share, the events against the estimated total, the rate and the ETA', () => {
    const line = progressLine({
      events: 50_000,
      position: 50_000n,
      headPosition: 200_000n,
      documentsWritten: 0,
      elapsedMs: 2_000,
    });
    expect(line).toBe(
      '[########......................] 25.0% 50,000/~200,000 events 25,000 ev/s ETA 0:06',
    );
  });

  it('is full with no time left once the last position is reached', () => {
    const line = progressLine({
      events: 10,
      position: 10n,
      headPosition: 10n,
      documentsWritten: 10,
      elapsedMs: 1_000,
    });
    expect(line).toMatch(/^\[#{30}\] 100\.0% 10\/~10 events 10 ev\/s ETA 0:00$/);
  });
});
