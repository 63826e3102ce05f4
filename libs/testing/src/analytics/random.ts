/**
 * A small deterministic generator (mulberry32), so a failing history can be replayed.
 * Returns an integer in [0, below). Same sequence as the generator employee-history.ts used.
 */
export const seededRandom = (seed: number) => {
  let state = seed >>> 0;
  return (below: number): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * below);
  };
};

export type Random = ReturnType<typeof seededRandom>;

/**
 * Deterministic event ids in UUID layout: the seed and a counter, so two runs with one seed
 * give the same ids and histories of different seeds can share a store without collisions.
 */
export const deterministicUuids = (seed: number) => {
  const prefix = `${(seed >>> 0).toString(16).padStart(8, '0')}-0000-4000-8000-`;
  let counter = 0;
  return (): string => prefix + (counter++).toString(16).padStart(12, '0');
};
