/**
 * `npm run bench:notifications` (issue 16): the webhook sender alone against a bare
 * http.request (sender.bench.ts), then the whole service end to end: deliveries/s, and
 * event → delivery latency at a fixed offered rate (pipeline.bench.ts). E-mail delivery is not
 * built yet: the pipeline's report says so. Each part takes its BENCH_* variables.
 */
import { runPipelineBench } from './pipeline.bench';
import { runSenderBench } from './sender.bench';

const main = async () => {
  await runSenderBench();
  console.log('');
  await runPipelineBench();
};

main().then(
  () => process.exit(),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
