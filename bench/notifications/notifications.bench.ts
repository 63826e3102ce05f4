/**
 * `npm run bench:notifications` (issue 16): the webhook sender alone against a bare
 * http.request (sender.bench.ts), then the whole service end to end: deliveries/s, and
 * event → delivery latency at a fixed offered rate (pipeline.bench.ts). Then e-mail: mails/s
 * through the mail transport alone, over pooled SMTP to an SMTP server in another process and
 * into the mailbox folder (mail-transport.bench.ts), and the whole service end to end: e-mails/s
 * to that SMTP server beside the transport's figure of the same run, and event → mail latency
 * at a fixed offered rate (mail-pipeline.bench.ts). Each part takes its BENCH_* variables
 * (the e-mail parts BENCH_MAIL_*).
 */
import { runMailPipelineBench } from './mail-pipeline.bench';
import { runMailTransportBench } from './mail-transport.bench';
import { runPipelineBench } from './pipeline.bench';
import { runSenderBench } from './sender.bench';

const main = async () => {
  await runSenderBench();
  console.log('');
  await runPipelineBench();
  console.log('');
  const transport = await runMailTransportBench();
  console.log('');
  await runMailPipelineBench(transport);
};

main().then(
  () => process.exit(),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
