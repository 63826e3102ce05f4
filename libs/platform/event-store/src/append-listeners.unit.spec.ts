import { AppendListeners, AppendWaiter } from './append-listeners';

/** Whether the promise has settled by now (after the microtasks already queued). */
const settled = async (promise: Promise<void>): Promise<boolean> => {
  let done = false;
  void promise.then(() => (done = true));
  await Promise.resolve();
  await Promise.resolve();
  return done;
};

describe('a reader sleeping between reads of the log', () => {
  let appends: AppendListeners;
  let sleeper: AppendWaiter;

  beforeEach(() => {
    jest.useFakeTimers();
    appends = new AppendListeners();
    // The waiter listens as a store's onAppended lets it; a store notifies after each append.
    sleeper = new AppendWaiter(
      { onAppended: (listener) => appends.add(listener) },
      { pollIntervalMs: 1_000, gapMs: 20 },
    );
  });
  afterEach(() => {
    sleeper.close();
    jest.useRealTimers();
  });

  it('sleeps its poll interval when nothing is appended', async () => {
    sleeper.reading();
    const sleep = sleeper.sleep();
    jest.advanceTimersByTime(999);
    expect(await settled(sleep)).toBe(false);
    jest.advanceTimersByTime(1);
    expect(await settled(sleep)).toBe(true);
  });

  it('wakes once the gap after its last read started has passed, when an append comes', async () => {
    sleeper.reading();
    jest.advanceTimersByTime(5);
    const sleep = sleeper.sleep();
    jest.advanceTimersByTime(5);
    appends.notify();
    jest.advanceTimersByTime(9);
    expect(await settled(sleep)).toBe(false);
    jest.advanceTimersByTime(1);
    expect(await settled(sleep)).toBe(true);
  });

  it('wakes at once for an append when the gap has passed already', async () => {
    sleeper.reading();
    jest.advanceTimersByTime(50);
    const sleep = sleeper.sleep();
    appends.notify();
    jest.advanceTimersByTime(0);
    expect(await settled(sleep)).toBe(true);
  });

  it('does not sleep past the gap for an append made while it was reading', async () => {
    sleeper.reading();
    appends.notify();
    jest.advanceTimersByTime(15);
    const sleep = sleeper.sleep();
    jest.advanceTimersByTime(5);
    expect(await settled(sleep)).toBe(true);
  });

  it('takes appends before the read started as read', async () => {
    appends.notify();
    sleeper.reading();
    const sleep = sleeper.sleep();
    jest.advanceTimersByTime(500);
    expect(await settled(sleep)).toBe(false);
  });

  it('is not woken sooner by more appends in the same sleep', async () => {
    sleeper.reading();
    const sleep = sleeper.sleep();
    appends.notify();
    jest.advanceTimersByTime(10);
    appends.notify();
    jest.advanceTimersByTime(9);
    expect(await settled(sleep)).toBe(false);
    jest.advanceTimersByTime(1);
    expect(await settled(sleep)).toBe(true);
  });

  it('wakes at once when woken', async () => {
    sleeper.reading();
    const sleep = sleeper.sleep();
    sleeper.wake();
    expect(await settled(sleep)).toBe(true);
  });

  it('stops listening when closed, and ends the sleep it was in', async () => {
    sleeper.reading();
    const sleep = sleeper.sleep();
    sleeper.close();
    expect(await settled(sleep)).toBe(true);
    sleeper.reading();
    const next = sleeper.sleep();
    appends.notify();
    jest.advanceTimersByTime(500);
    expect(await settled(next)).toBe(false);
    sleeper.wake();
  });
});
