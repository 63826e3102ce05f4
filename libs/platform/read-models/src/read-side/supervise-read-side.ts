import type { Supervisor } from '@talentloop/supervision';
import type { ReadSide, ReadSideLoop } from './read-side';

const reportingCatchUp = (
  loop: ReadSideLoop,
  control: { caughtUp(): void; catchingUp(): void },
): ReadSideLoop => {
  control.catchingUp();
  // A loop that fails before catching up rejects; the supervisor learns it from `finished`.
  loop.caughtUp.then(() => control.caughtUp()).catch(() => undefined);
  return loop;
};

/**
 * Runs a read side's loops under the service's supervisor: restarted with backoff when they
 * fail, and the service unready until each has caught up with what was there at its start.
 */
export const superviseReadSide = (supervisor: Supervisor, readSide: ReadSide): void => {
  const names = readSide.loopNames;
  supervisor.supervise(
    names.store,
    (control) => reportingCatchUp(readSide.startStoreLoop(), control),
    {
      startsCaughtUp: false,
    },
  );
  if (names.bus === undefined) return;
  supervisor.supervise(
    names.bus,
    async (control) => {
      const loop = await readSide.startBusLoop();
      if (!loop) throw new Error(`read side ${readSide.name} has no bus projections`);
      return reportingCatchUp(loop, control);
    },
    { startsCaughtUp: false },
  );
};
