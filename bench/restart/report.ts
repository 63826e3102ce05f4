import { services } from '../../scripts/testing/running-system';
import { formatCount, formatRate, formatSeconds } from '../lib/format';
import { markdownTable } from '../lib/table';
import type { ServiceName } from '../system/memory';
import type { WrittenHistory } from './history';
import { STOP_GRACE_MS, type StartFigures, type Stop } from './processes';
import type { Settled } from './readiness';

/** The issue's floors, printed beside the figures (never asserted). */
export const floors = { restartSeconds: 2, rssMiB: 300, rssAtEvents: 1_000_000 };

export interface SizeFigures {
  readonly size: number;
  readonly history: WrittenHistory;
  /** The first start on the history: relays publish it, read sides build from nothing. */
  readonly first: StartFigures;
  readonly settled: Settled;
  readonly firstRss: Map<ServiceName, number>;
  /** The four stopped and started again together, as `npm start` does. */
  readonly together: StartFigures & { readonly stop: Stop };
  readonly restartRss: Map<ServiceName, number>;
  /** Each service stopped and started again on its own while the other three run. */
  readonly alone: StartFigures;
  /** MiB of each data file at the end (store, bus, checkpoints, read models). */
  readonly files: Record<string, number>;
  readonly load: string;
}

const seconds = (value: number | undefined) => formatSeconds(value ?? Number.NaN);
const mib = (value: number | undefined) =>
  value === undefined || !Number.isFinite(value) ? 'n/a' : `${value.toFixed(0)} MiB`;

const beyondFloors = (size: SizeFigures, service: ServiceName): string => {
  const slow = [
    ['together', size.together.ready.get(service)],
    ['alone', size.alone.ready.get(service)],
  ]
    .filter(([, value]) => Number(value) > floors.restartSeconds)
    .map(([how]) => how);
  const rss = size.restartRss.get(service) ?? 0;
  return [
    slow.length > 0 ? `restart > ${floors.restartSeconds} s (${slow.join(', ')})` : '',
    rss > floors.rssMiB
      ? `RSS > ${floors.rssMiB} MiB${size.history.events >= floors.rssAtEvents ? '' : ' (floor set at 1M)'}`
      : '',
  ]
    .filter(Boolean)
    .join('; ');
};

export const table = (figures: readonly SizeFigures[]): string =>
  markdownTable(
    [
      { header: 'size', align: 'right' },
      { header: 'service' },
      { header: 'first start: catching up → ready', align: 'right' },
      { header: 'restart → ready (four together)', align: 'right' },
      { header: 'restart → ready (alone)', align: 'right' },
      { header: 'RSS at rest', align: 'right' },
      { header: 'CPU to ready (first / together / alone)', align: 'right' },
      { header: 'first start → all lags 0', align: 'right' },
      { header: 'RSS after first start', align: 'right' },
      { header: 'beyond the floors' },
    ],
    figures.flatMap((size) =>
      services.map((service) => [
        formatCount(size.history.events),
        service,
        seconds(size.first.ready.get(service)),
        seconds(size.together.ready.get(service)),
        seconds(size.alone.ready.get(service)),
        mib(size.restartRss.get(service)),
        [size.first, size.together, size.alone]
          .map((start) => (start.cpu.get(service) ?? Number.NaN).toFixed(1))
          .join(' / '),
        Number.isNaN(size.settled.seconds) ? 'not reached' : seconds(size.settled.seconds),
        mib(size.firstRss.get(service)),
        beyondFloors(size, service),
      ]),
    ),
  );

export const notes = (size: SizeFigures): string =>
  [
    size.history.events === 0
      ? '- 0: no history, an empty data folder (what any start costs)'
      : `- ${formatCount(size.size)} asked, ${formatCount(size.history.events)} written (${formatCount(size.history.employees)} employees, one tenant), generated and appended in ${formatSeconds(size.history.seconds)} (${formatRate(size.history.events / size.history.seconds)} events/s)`,
    `  lag series watched per service: ${[...size.settled.series].map(([service, count]) => `${service} ${count}`).join(', ')}${size.settled.stillBusy.length > 0 ? `; still above 0 when the wait gave up: ${size.settled.stillBusy.join('; ')}` : ''}`,
    `  stop before the restart (SIGTERM, all four) took ${formatSeconds(size.together.stop.seconds)}${size.together.stop.forced.length > 0 ? `; killed after ${STOP_GRACE_MS / 1000} s: ${size.together.stop.forced.join(', ')}` : ''}`,
    `  data files: ${Object.entries(size.files)
      .map(([variable, megabytes]) => `${variable} ${megabytes.toFixed(0)} MiB`)
      .join(', ')}`,
    `  ${size.load}`,
  ].join('\n');
