import { render } from '@talentloop/i18n';
import { parseReplayRange } from './replay-range';

export interface RepublishOptions {
  readonly tenantId: string;
  readonly topic: string;
  /** Exclusive start; undefined with `from` or from the beginning. */
  readonly after: bigint | undefined;
  readonly from: Date | undefined;
  /** Inclusive end; the head at start when absent. */
  readonly toPosition: bigint | undefined;
  readonly types: readonly string[] | undefined;
  /** Partitions of the topic when it has to be created. */
  readonly partitions: number;
}

export type RepublishArgs =
  | { readonly kind: 'help' }
  | { readonly kind: 'run'; readonly options: RepublishOptions }
  | { readonly kind: 'error'; readonly message: string };

export const REPUBLISH_USAGE = `Usage: node -r @swc-node/register services/analytics/src/replay/republish.cli.ts \\
  --tenant <tenantId> --topic <topic> [--after <position> | --from <ISO time>]
  [--to-position <position>] [--types A,B] [--partitions <n>]

Republishes one tenant's events from the event store to a Kafka topic, in global order, as
CloudEvents in the Kafka binary binding (key = subject, attributes in ce_ headers).

  --tenant        the tenant whose events are sent (required)
  --topic         the Kafka topic; created with --partitions (default 1) when missing
  --after         start strictly after this global position
  --from          start at the first event recorded at or after this time
  --to-position   stop after this global position (inclusive); the current head by default
  --types         only these event types, comma-separated
  --help          this text

Environment: EVENT_STORE, EVENT_STORE_SQLITE_PATH, ESDB_CONNECTION_STRING (as the services),
KAFKA_BROKERS (required, comma-separated host:port).`;

const TENANT = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** Kafka's own rule for topic names. */
const TOPIC = /^[A-Za-z0-9._-]{1,249}$/;
const POSITION = /^[0-9]{1,20}$/;
const flags = [
  '--tenant',
  '--topic',
  '--after',
  '--from',
  '--to-position',
  '--types',
  '--partitions',
] as const;
type Flag = (typeof flags)[number];

const isFlag = (value: string): value is Flag => (flags as readonly string[]).includes(value);

/** Parses the command line (without node and the script); never exits or prints. */
export const parseRepublishArgs = (argv: readonly string[]): RepublishArgs => {
  if (argv.includes('--help') || argv.includes('-h')) return { kind: 'help' };
  const values = new Map<Flag, string>();
  for (let i = 0; i < argv.length; i++) {
    let flag = argv[i];
    let value: string | undefined;
    const equals = flag.indexOf('=');
    if (flag.startsWith('--') && equals > 0) {
      value = flag.slice(equals + 1);
      flag = flag.slice(0, equals);
    }
    if (!isFlag(flag)) return { kind: 'error', message: `unknown argument ${flag}` };
    if (value === undefined) {
      value = argv[++i];
      if (value === undefined || value.startsWith('--'))
        return { kind: 'error', message: `${flag} needs a value` };
    }
    if (values.has(flag)) return { kind: 'error', message: `${flag} is given twice` };
    values.set(flag, value);
  }

  const problems: string[] = [];
  const tenantId = values.get('--tenant');
  if (tenantId === undefined) problems.push('--tenant is required');
  else if (!TENANT.test(tenantId)) problems.push('--tenant is not a tenant id');
  const topic = values.get('--topic');
  if (topic === undefined) problems.push('--topic is required');
  else if (!TOPIC.test(topic)) problems.push('--topic may hold only letters, digits, . _ -');
  const parsed = parseReplayRange({
    after: values.get('--after'),
    from: values.get('--from'),
    types: values.get('--types'),
  });
  if (!parsed.ok)
    problems.push(
      ...parsed.errors.map(({ field, message: said }) => {
        // The operator's terminal reads English.
        const message = render('en', said);
        return message.startsWith(field) ? `--${message}` : `--${field}: ${message}`;
      }),
    );
  const to = values.get('--to-position');
  if (to !== undefined && !POSITION.test(to))
    problems.push('--to-position must be a global position');
  const partitionsText = values.get('--partitions') ?? '1';
  const partitions = Number(partitionsText);
  if (!/^[1-9][0-9]{0,3}$/.test(partitionsText))
    problems.push('--partitions must be an integer from 1 to 9999');

  if (problems.length > 0 || !parsed.ok || tenantId === undefined || topic === undefined)
    return { kind: 'error', message: problems.join('; ') };
  const toPosition = to === undefined ? undefined : BigInt(to);
  if (
    toPosition !== undefined &&
    parsed.range.after !== undefined &&
    toPosition <= parsed.range.after
  )
    return { kind: 'error', message: '--to-position must be after --after' };
  return {
    kind: 'run',
    options: {
      tenantId,
      topic,
      after: parsed.range.after,
      from: parsed.range.from,
      toPosition,
      types: parsed.range.types,
      partitions,
    },
  };
};
