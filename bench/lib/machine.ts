import { cpus, release, tmpdir, totalmem, type } from 'node:os';

/** One line naming the machine, for the header of a bench report. */
export const describeMachine = (): string => {
  const cores = cpus();
  const model = cores[0]?.model.trim() ?? 'unknown CPU';
  const memoryGiB = (totalmem() / 2 ** 30).toFixed(1);
  return [
    `${cores.length} × ${model}`,
    `${memoryGiB} GiB RAM`,
    `${type()} ${release()}`,
    `Node ${process.version}`,
    `temp dir ${tmpdir()}`,
  ].join(', ');
};
