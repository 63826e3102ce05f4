import { pollUntil } from './poll';

/** Answers in turn (an Error is thrown), recording the pauses asked for. */
const script = (answers: readonly (string | Error)[]) => {
  const pauses: number[] = [];
  let looks = 0;
  const look = () => {
    const answer = answers[Math.min(looks, answers.length - 1)];
    looks += 1;
    return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
  };
  const wait = (ms: number) => {
    pauses.push(ms);
    return Promise.resolve();
  };
  return { look, wait, pauses, looks: () => looks };
};

describe('looking again until the read side has caught up', () => {
  it('given an answer that settles it at the third look, when polled, then that answer is given after two pauses', async () => {
    // given
    const answers = script(['pending', 'pending', 'approved', 'approved']);
    // when
    const result = await pollUntil(answers.look, (status) => status !== 'pending', {
      wait: answers.wait,
    });
    // then
    expect(result).toEqual({ value: 'approved' });
    expect(answers.looks()).toBe(3);
    expect(answers.pauses).toEqual([250, 250]);
  });

  it('given failed looks before the answer, when polled, then the failures are retried', async () => {
    // given
    const answers = script([new Error('502'), 'approved']);
    // when
    const result = await pollUntil(answers.look, (status) => status === 'approved', {
      wait: answers.wait,
    });
    // then
    expect(result).toEqual({ value: 'approved' });
  });

  it('given an answer that never settles it, when the attempts run out, then the last answer is given', async () => {
    // given
    const answers = script(['pending']);
    // when
    const result = await pollUntil(answers.look, () => false, {
      attempts: 3,
      intervalMs: 10,
      wait: answers.wait,
    });
    // then
    expect(result).toEqual({ value: 'pending' });
    expect(answers.looks()).toBe(3);
    expect(answers.pauses).toEqual([10, 10]);
  });

  it('given every look failing, when the attempts run out, then there is no answer', async () => {
    // given
    const answers = script([new Error('down')]);
    // when
    const result = await pollUntil(answers.look, () => true, { attempts: 2, wait: answers.wait });
    // then
    expect(result).toBeUndefined();
  });

  it('given the page went away after the first look, when polled, then it looks no more and gives no answer', async () => {
    // given
    const answers = script(['pending', 'pending', 'approved']);
    const abort = new AbortController();
    const wait = (ms: number) => {
      abort.abort();
      return answers.wait(ms);
    };
    // when
    const result = await pollUntil(answers.look, (status) => status === 'approved', {
      wait,
      signal: abort.signal,
    });
    // then
    expect(result).toBeUndefined();
    expect(answers.looks()).toBe(1);
  });
});
