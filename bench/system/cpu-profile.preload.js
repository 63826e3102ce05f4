// Preloaded into each service (NODE_OPTIONS=--require … or -r) when a bench runs with
// BENCH_PROFILE_DIR: on SIGWINCH it reads <BENCH_PROFILE_DIR>/window.json ({"window": n} to
// profile load window n, {"window": null} between windows; bench/lib/cpu-profile-window.ts
// writes it before signalling) and starts or stops the V8 CPU profiler to match, writing
// <BENCH_PROFILE_DIR>/<pid>-<n>.cpuprofile when window n ends. So only the load windows are
// profiled, and a signal lost or merged with the next one (signals of one kind do not queue)
// cannot put a process out of step with the windows: it does what the file says.
// (Node refuses --cpu-prof in NODE_OPTIONS, and it would profile seeding too; SIGUSR2 is out:
// NestJS shutdown hooks stop the app on it, while SIGWINCH is ignored by default.)
const inspector = require('node:inspector');
const { isMainThread } = require('node:worker_threads');
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const dir = process.env.BENCH_PROFILE_DIR;
// NODE_OPTIONS reaches worker threads too; they get no signals, and profile nothing.
if (dir && isMainThread) {
  const session = new inspector.Session();
  session.connect();
  const post = (method, params) =>
    new Promise((resolve, reject) =>
      session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))),
    );
  /** The window being profiled, or null. */
  let profiling = null;
  const wanted = () => JSON.parse(readFileSync(join(dir, 'window.json'), 'utf8')).window;
  // Signals are handled in arrival order, each after the previous start or stop completed.
  let chain = Promise.resolve();
  const follow = async () => {
    const window = wanted();
    if (profiling !== null && profiling !== window) {
      const { profile } = await post('Profiler.stop');
      writeFileSync(join(dir, `${process.pid}-${profiling}.cpuprofile`), JSON.stringify(profile));
      profiling = null;
    }
    if (window !== null && profiling === null) {
      await post('Profiler.enable');
      await post('Profiler.setSamplingInterval', { interval: 500 });
      await post('Profiler.start');
      profiling = window;
    }
  };
  process.on('SIGWINCH', () => {
    chain = chain.then(follow).catch((error) => console.error('cpu profile failed', error));
  });
}
