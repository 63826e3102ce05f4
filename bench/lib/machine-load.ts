import { cpus, loadavg } from 'node:os';

/** The 1, 5 and 15 minute load averages now, e.g. '0.52 / 0.40 / 0.31'. */
const loadNow = (): string =>
  loadavg()
    .map((load) => load.toFixed(2))
    .join(' / ');

/**
 * How quiet the machine was while a bench ran: the load averages when it starts and when it
 * ends, beside the number of cores (a load near the core count means others were busy too).
 */
export class MachineLoad {
  private readonly before = loadNow();

  /** One line for the report, taken when the figures are printed. */
  describe(): string {
    return `Load average (1 / 5 / 15 min) on ${cpus().length} cores: ${this.before} before, ${loadNow()} after.`;
  }
}
