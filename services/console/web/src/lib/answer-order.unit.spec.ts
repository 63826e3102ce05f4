import { AnswerOrder } from './answer-order';

describe('answers to a question asked again, arriving out of order', () => {
  it('given answers in the order asked, when each arrives, then each is shown', () => {
    // given
    const order = new AnswerOrder();
    const first = order.ask();
    const second = order.ask();
    // when / then
    expect(order.show(first)).toBe(true);
    expect(order.show(second)).toBe(true);
  });

  it('given a later question answered first, when the earlier answer arrives, then it is not shown', () => {
    // given: a look started, then a reload, whose answer comes back first
    const order = new AnswerOrder();
    const look = order.ask();
    const reload = order.ask();
    expect(order.show(reload)).toBe(true);
    // when
    const shown = order.show(look);
    // then
    expect(shown).toBe(false);
  });

  it('given a later answer shown, when an earlier question fails, then its failure is overtaken', () => {
    // given
    const order = new AnswerOrder();
    const load = order.ask();
    const look = order.ask();
    order.show(look);
    // when / then
    expect(order.overtaken(load)).toBe(true);
    expect(order.overtaken(look)).toBe(false);
  });

  it('given nothing shown yet, when a question fails, then its failure is shown', () => {
    // given
    const order = new AnswerOrder();
    const load = order.ask();
    // when / then
    expect(order.overtaken(load)).toBe(false);
  });

  it('given an answer shown, when the same answer arrives again, then it is not shown twice', () => {
    // given
    const order = new AnswerOrder();
    const question = order.ask();
    order.show(question);
    // when / then
    expect(order.show(question)).toBe(false);
  });

  it('given questions asked before the question changed, when their answers arrive, then none is shown and no failure counts', () => {
    // given: looks at one path, then the page moved to another
    const order = new AnswerOrder();
    const look = order.ask();
    const failing = order.ask();
    order.forget();
    const load = order.ask();
    // when / then
    expect(order.show(look)).toBe(false);
    expect(order.overtaken(failing)).toBe(true);
    expect(order.show(load)).toBe(true);
  });
});
