import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { RunningSystem } from './running-system';

describe('a running system', () => {
  it('kills the processes that drive it when it is disposed, and leaves ended ones be', async () => {
    // Given a system, a driver that never ends (as a demo paused at DEMO_PAUSE_AT), and one
    // that ended on its own
    const system = new RunningSystem({ env: { LOG_LEVEL: 'warn' }, processes: 'per-service' });
    const forever = spawn(process.execPath, ['-e', 'setInterval(() => undefined, 1000)']);
    const brief = spawn(process.execPath, ['-e', '']);
    system.stopsWith(forever);
    system.stopsWith(brief);
    const [briefCode] = (await once(brief, 'exit')) as [number | null];
    const foreverExit = once(forever, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
    // When the system is disposed
    await system.dispose();
    // Then the driver still running was killed, and the one that ended kept its exit code
    const [, signal] = await foreverExit;
    expect(signal).toBe('SIGKILL');
    expect(briefCode).toBe(0);
    expect(brief.signalCode).toBeNull();
  }, 60_000);
});
