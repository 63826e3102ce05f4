import { weakestAndStrongest } from './indicator-ranking';

const scored = (...scores: number[]) =>
  scores.map((score, index) => ({ indicatorId: `ind-${index + 1}`, score }));

describe('the weakest and strongest indicators of a measurement', () => {
  it('names at most three on each side, weakest and strongest first', () =>
    expect(weakestAndStrongest(scored(50, 10, 90, 30, 70, 20, 60, 80))).toEqual({
      weakest: [
        { indicatorId: 'ind-2', score: 10 },
        { indicatorId: 'ind-6', score: 20 },
        { indicatorId: 'ind-4', score: 30 },
      ],
      strongest: [
        { indicatorId: 'ind-3', score: 90 },
        { indicatorId: 'ind-8', score: 80 },
        { indicatorId: 'ind-5', score: 70 },
      ],
    }));

  it('never names one indicator on both sides', () =>
    expect(weakestAndStrongest(scored(40, 60, 50))).toEqual({
      weakest: [
        { indicatorId: 'ind-1', score: 40 },
        { indicatorId: 'ind-3', score: 50 },
      ],
      strongest: [{ indicatorId: 'ind-2', score: 60 }],
    }));

  it('breaks ties by id, so every context reads the same split', () =>
    expect(weakestAndStrongest(scored(50, 50)).weakest).toEqual([
      { indicatorId: 'ind-1', score: 50 },
    ]));

  it('names nothing for a measurement without indicator scores', () =>
    expect(weakestAndStrongest([])).toEqual({ weakest: [], strongest: [] }));
});
