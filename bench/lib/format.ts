/** 12345.6 -> '12,346'; small rates keep one decimal. */
export const formatRate = (perSecond: number): string =>
  perSecond >= 100
    ? Math.round(perSecond).toLocaleString('en-US')
    : perSecond.toLocaleString('en-US', { maximumFractionDigits: 1 });

export const formatCount = (count: number): string => count.toLocaleString('en-US');

export const formatSeconds = (seconds: number): string => `${seconds.toFixed(2)} s`;

/** A ratio such as 0.87 -> '0.87×' (or '87%' when `asPercent`). */
export const formatRatio = (ratio: number, asPercent = false): string =>
  !Number.isFinite(ratio)
    ? 'n/a'
    : asPercent
      ? `${Math.round(ratio * 100)}%`
      : `${ratio >= 10 ? ratio.toFixed(1) : ratio.toFixed(2)}×`;
