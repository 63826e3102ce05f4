import { parseArgs } from 'node:util';
import { ConfigError } from '@talentloop/config';
import { createMessageBus, messageBusConfigFromEnv } from '../create-message-bus';
import { binaryModeHeader } from '@talentloop/contracts';
import { InvalidMessagingOptionError, messageOf } from '../errors';
import { redriveForHeader, type MessageBus } from '../message-bus.port';
import { DeadLetterRefusalError } from './dead-letter-errors';
import { deadLetterTopicsOf, describeDeadLetter, type GroupReading } from './dead-letter-rules';
import { readDeadLetters, redriveDeadLetters, summariseDeadLetters } from './dead-letters';

export interface DeadLettersCliIo {
  readonly env: NodeJS.ProcessEnv;
  /** The declared consumer groups whose dead-letter topics `list` shows. */
  readonly groups: readonly GroupReading[];
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

export const deadLettersUsage = `usage: npm run dead-letters -- <command>
  list [--group G]                       each dead-letter topic: messages held, newest failure
  show <topic> [--offset N] [--limit N]  its dead letters from offset N (default: the first),
                                         at most N (default 20): headers and value as stored
  redrive <topic> (--offset N | --all)   publishes them back to their original topic, for the
                                         group that failed on them only (${redriveForHeader})
The bus comes from BUS (embedded | kafka), BUS_SQLITE_PATH and KAFKA_BROKERS.
Exit codes: 0 done, 1 the bus failed, 2 refused (usage, configuration, a read side).`;

const DEFAULT_SHOW_LIMIT = 20;

/** A request the tool refuses before or without touching the bus: exit 2. */
class UsageError extends Error {}

type Command =
  | { readonly name: 'list'; readonly group?: string }
  | {
      readonly name: 'show';
      readonly topic: string;
      readonly offset?: bigint;
      readonly limit: number;
    }
  | {
      readonly name: 'redrive';
      readonly topic: string;
      readonly selection: { offset: bigint } | 'all';
    };

const wholeNumber = (option: string, text: string | undefined, min: number): bigint | undefined => {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || BigInt(text) < BigInt(min))
    throw new UsageError(`--${option} takes a whole number ≥ ${min}, not "${text}"`);
  return BigInt(text);
};

const commandOf = (argv: readonly string[]): Command => {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        group: { type: 'string' },
        offset: { type: 'string' },
        limit: { type: 'string' },
        all: { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new UsageError(messageOf(error));
  }
  const { positionals, values } = parsed;
  const [name, topic, ...extra] = positionals;
  const given = Object.keys(values);
  const only = (...allowed: string[]) => {
    const other = given.find((option) => !allowed.includes(option));
    if (other !== undefined) throw new UsageError(`${name} takes no --${other}`);
  };
  const needsTopic = () => {
    if (topic === undefined || extra.length > 0)
      throw new UsageError(`${name} takes one dead-letter topic`);
    return topic;
  };
  switch (name) {
    case 'list':
      only('group');
      if (topic !== undefined) throw new UsageError('list takes no topic (use --group)');
      return { name, group: values.group };
    case 'show':
      only('offset', 'limit');
      return {
        name,
        topic: needsTopic(),
        offset: wholeNumber('offset', values.offset, 0),
        limit: Number(wholeNumber('limit', values.limit, 1) ?? DEFAULT_SHOW_LIMIT),
      };
    case 'redrive': {
      only('offset', 'all');
      const offset = wholeNumber('offset', values.offset, 0);
      if ((offset === undefined) === (values.all !== true))
        throw new UsageError('redrive takes either --offset N or --all');
      return { name, topic: needsTopic(), selection: offset === undefined ? 'all' : { offset } };
    }
    default:
      throw new UsageError(name === undefined ? 'no command' : `unknown command "${name}"`);
  }
};

const list = async (bus: MessageBus, io: DeadLettersCliIo, group: string | undefined) => {
  const groups = io.groups.filter(({ groupId }) => group === undefined || groupId === group);
  if (groups.length === 0)
    throw new UsageError(
      `no declared group ${group}; groups: ${io.groups.map(({ groupId }) => groupId).join(', ')}`,
    );
  const summaries = await summariseDeadLetters(bus, deadLetterTopicsOf(groups));
  const width = Math.max(...summaries.map(({ topic }) => topic.length));
  io.out(`${'dead-letter topic'.padEnd(width)}  ${'messages'.padStart(12)}  newest failure`);
  for (const { topic, messages, newestFailedAt } of summaries)
    io.out(
      `${topic.padEnd(width)}  ${(messages?.toString() ?? 'not declared').padStart(12)}  ${newestFailedAt ?? '-'}`,
    );
};

const show = async (
  bus: MessageBus,
  io: DeadLettersCliIo,
  command: Extract<Command, { name: 'show' }>,
) => {
  const deadLetters = await readDeadLetters(bus, command.topic, command);
  if (deadLetters.length === 0) {
    io.out(`no dead letters in ${command.topic} from offset ${command.offset ?? 'start'}`);
    return;
  }
  for (const deadLetter of deadLetters) io.out(describeDeadLetter(deadLetter).join('\n'));
  if (deadLetters.length === command.limit)
    io.out(`more may follow: --offset ${BigInt(deadLetters.at(-1)?.offset ?? 0) + 1n}`);
};

const redrive = async (
  bus: MessageBus,
  io: DeadLettersCliIo,
  command: Extract<Command, { name: 'redrive' }>,
) => {
  const redriven = await redriveDeadLetters(bus, command.topic, command.selection);
  for (const { deadLetterOffset, topic, groupId, message } of redriven)
    io.out(
      `redriven offset ${deadLetterOffset} → ${topic} key ${message.key} ce_id ${message.headers[binaryModeHeader('id')] ?? '-'} for ${groupId}`,
    );
  io.out(
    redriven.length === 0
      ? `nothing to redrive in ${command.topic}`
      : `${redriven.length} redriven; other groups skip them (${redriveForHeader}), integrators dedupe by ce_id`,
  );
};

/**
 * `npm run dead-letters`: list, show and redrive the dead letters of the declared consumer
 * groups. Returns the exit code; prints through io, so tests and the script share it.
 */
export const runDeadLettersCli = async (
  argv: readonly string[],
  io: DeadLettersCliIo,
): Promise<number> => {
  let command: Command;
  let bus: MessageBus;
  try {
    command = commandOf(argv);
    bus = createMessageBus(messageBusConfigFromEnv('talentloop-dead-letters', io.env));
  } catch (error) {
    if (!(error instanceof UsageError || error instanceof ConfigError)) throw error;
    io.err(`dead-letters: ${error.message}\n${deadLettersUsage}`);
    return 2;
  }
  try {
    if (command.name === 'list') await list(bus, io, command.group);
    else if (command.name === 'show') await show(bus, io, command);
    else await redrive(bus, io, command);
    return 0;
  } catch (error) {
    io.err(`dead-letters: ${messageOf(error)}`);
    const refused =
      error instanceof UsageError ||
      error instanceof DeadLetterRefusalError ||
      error instanceof InvalidMessagingOptionError;
    return refused ? 2 : 1;
  } finally {
    await bus.close();
  }
};
