// Preloaded into each service (NODE_OPTIONS=--require …) when bench:system runs with
// BENCH_PROFILE_DIR: SIGWINCH starts the V8 CPU profiler, the next SIGWINCH stops it and
// writes <BENCH_PROFILE_DIR>/<pid>-<n>.cpuprofile, so only the load windows are profiled.
// (Node refuses --cpu-prof in NODE_OPTIONS, and it would profile seeding too; SIGUSR2 is out:
// NestJS shutdown hooks stop the app on it, while SIGWINCH is ignored by default.)
const inspector = require('node:inspector');
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

const dir = process.env.BENCH_PROFILE_DIR;
if (dir) {
  const session = new inspector.Session();
  session.connect();
  const post = (method, params) =>
    new Promise((resolve, reject) =>
      session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))),
    );
  let profiling = false;
  let count = 0;
  // Signals are handled in arrival order, each after the previous start or stop completed.
  let chain = Promise.resolve();
  const toggle = async () => {
    if (!profiling) {
      await post('Profiler.enable');
      await post('Profiler.setSamplingInterval', { interval: 500 });
      await post('Profiler.start');
      profiling = true;
      return;
    }
    const { profile } = await post('Profiler.stop');
    profiling = false;
    count += 1;
    writeFileSync(join(dir, `${process.pid}-${count}.cpuprofile`), JSON.stringify(profile));
  };
  process.on('SIGWINCH', () => {
    chain = chain.then(toggle).catch((error) => console.error('cpu profile failed', error));
  });
}
