import { progressLine } from './progress-line';

describe('the progress line over the global log', () => {
  it('shows the share, the events against the estimated total, the rate and the ETA', () => {
    const line = progressLine({
      events: 50_000,
      position: 50_000n,
      headPosition: 200_000n,
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
      elapsedMs: 1_000,
    });
    expect(line).toMatch(/^\[#{30}\] 100\.0% 10\/~10 events 10 ev\/s ETA 0:00$/);
  });

  it('measures the share from where a run over a range started', () => {
    const line = progressLine({
      events: 5000,
      position: 600n,
      startPosition: 100n,
      headPosition: 1100n,
      elapsedMs: 2000,
    });
    expect(line).toMatch(/^\[#{15}\.{15}\] 50\.0% 5,000\/~10,000 events 2,500 ev\/s ETA 0:02$/);
  });
});
