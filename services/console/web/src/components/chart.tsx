import {
  BarController,
  BarElement,
  CategoryScale,
  Chart as ChartJs,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { useEffect, useId, useRef } from 'react';
import { useLanguage, useT } from '../i18n';
import { localeOf } from '../lib/format';

ChartJs.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  Tooltip,
  Legend,
);

/** Okabe–Ito: told apart by people with any common colour-vision deficiency. */
export const palette = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#000000',
];

export interface Series {
  readonly label: string;
  /** One value per label; null where the figure is withheld or missing (a gap, not zero). */
  readonly values: readonly (number | null)[];
}

/**
 * A bar or line chart with its figures also as a table (what a screen reader reads, and what
 * anyone may open): the canvas is an image named by `title`.
 */
export const Chart = ({
  type,
  title,
  labels,
  series,
  unit,
  max,
}: {
  type: 'bar' | 'line';
  title: string;
  labels: readonly string[];
  series: readonly Series[];
  /** Appended to values in the table and the axis, e.g. "%". */
  unit?: string;
  max?: number;
}) => {
  const t = useT();
  const { language } = useLanguage();
  const canvas = useRef<HTMLCanvasElement>(null);
  const tableId = useId();
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new ChartJs(canvas.current, {
      type,
      data: {
        labels: [...labels],
        datasets: series.map((serie, index) => ({
          label: serie.label,
          data: [...serie.values],
          backgroundColor: palette[index % palette.length],
          borderColor: palette[index % palette.length],
          spanGaps: false,
        })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        locale: localeOf(language),
        scales: {
          y: {
            beginAtZero: true,
            ...(max === undefined ? {} : { max }),
            ticks: unit ? { callback: (value) => `${value}${unit}` } : {},
          },
        },
        plugins: { legend: { display: series.length > 1 } },
      },
    });
    return () => chart.destroy();
  }, [type, labels, series, unit, max, language]);
  const cell = (value: number | null) =>
    value === null
      ? '—'
      : `${new Intl.NumberFormat(localeOf(language)).format(value)}${unit ?? ''}`;
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <div className="chart-canvas">
        <canvas ref={canvas} role="img" aria-label={title} aria-describedby={tableId} />
      </div>
      <details>
        <summary>{t('chart.table')}</summary>
        <table id={tableId}>
          <thead>
            <tr>
              <th scope="col">{title}</th>
              {series.map((serie) => (
                <th scope="col" key={serie.label}>
                  {serie.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {labels.map((label, row) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {series.map((serie) => (
                  <td key={serie.label}>{cell(serie.values[row] ?? null)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
};
