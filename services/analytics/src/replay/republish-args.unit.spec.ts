import { parseRepublishArgs } from './republish-args';

const run = (...argv: string[]) => {
  const parsed = parseRepublishArgs(argv);
  if (parsed.kind !== 'run') throw new Error(`expected run, got ${JSON.stringify(parsed)}`);
  return parsed.options;
};

const errorOf = (...argv: string[]) => {
  const parsed = parseRepublishArgs(argv);
  return parsed.kind === 'error' ? parsed.message : `not an error: ${parsed.kind}`;
};

describe('parseRepublishArgs', () => {
  it('reads the required tenant and topic, everything else defaulted', () => {
    expect(run('--tenant', 'acme', '--topic', 'some.topic')).toEqual({
      tenantId: 'acme',
      topic: 'some.topic',
      after: undefined,
      from: undefined,
      toPosition: undefined,
      types: undefined,
      partitions: 1,
    });
  });

  it('reads every option, also as --flag=value', () => {
    expect(
      run(
        '--tenant=big-acme',
        '--topic',
        'replay_1',
        '--after',
        '10',
        '--to-position=99',
        '--types',
        'GoalApproved,GoalRejected',
        '--partitions',
        '3',
      ),
    ).toMatchObject({
      tenantId: 'big-acme',
      after: 10n,
      toPosition: 99n,
      types: ['GoalApproved', 'GoalRejected'],
      partitions: 3,
    });
    expect(
      run('--tenant', 'acme', '--topic', 't', '--from', '2026-01-12T00:00:00Z').from?.toISOString(),
    ).toBe('2026-01-12T00:00:00.000Z');
  });

  it('answers help before checking anything else', () => {
    expect(parseRepublishArgs(['--help'])).toEqual({ kind: 'help' });
    expect(parseRepublishArgs(['--tenant', 'acme', '-h'])).toEqual({ kind: 'help' });
  });

  it.each([
    [['--topic', 't'], '--tenant is required'],
    [['--tenant', 'acme'], '--topic is required'],
    [['--tenant', 'Acme!', '--topic', 't'], '--tenant is not a tenant id'],
    [['--tenant', 'acme', '--topic', 'a/b'], '--topic may hold only'],
    [
      ['--tenant', 'acme', '--topic', 't', '--after', '1', '--from', '2026-01-12T00:00:00Z'],
      'not both',
    ],
    [['--tenant', 'acme', '--topic', 't', '--after', 'x'], 'after must be a global position'],
    [['--tenant', 'acme', '--topic', 't', '--types', 'Nope'], 'unknown event type: Nope'],
    [['--tenant', 'acme', '--topic', 't', '--to-position', '-1'], '--to-position must be'],
    [['--tenant', 'acme', '--topic', 't', '--after', '5', '--to-position', '5'], 'after --after'],
    [['--tenant', 'acme', '--topic', 't', '--partitions', '0'], '--partitions must be'],
    [['--tenant', 'acme', '--topic', 't', '--bogus', '1'], 'unknown argument --bogus'],
    [['--tenant', 'acme', '--topic'], '--topic needs a value'],
    [['--tenant', '--topic', 't'], '--tenant needs a value'],
    [['--tenant', 'a', '--tenant', 'b', '--topic', 't'], '--tenant is given twice'],
  ])('refuses %j: %s', (argv, message) => {
    expect(errorOf(...argv)).toContain(message);
  });
});
