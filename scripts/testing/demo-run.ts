import { randomBytes } from 'node:crypto';
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { RunningSystem } from './running-system';

/** The machine-readable end of `npm run demo` with DEMO_SUMMARY=json (see scripts/demo.ts). */
export interface DemoSummary {
  readonly tenantId: string;
  readonly goalId: string;
  readonly requestId: string;
  readonly adjustment: {
    readonly moved: string;
    readonly requiresAcknowledgement: boolean;
    /** Approval's decision on the first adjustment, which planning turns into a refusal. */
    readonly rejected: string;
  };
  /** Ids of what the demo made, for suites that go on from there. */
  readonly ids: {
    readonly planId: string;
    readonly actionId: string;
    readonly adjustmentId: string;
  };
  readonly replay: {
    readonly events: number;
    readonly foreign: number;
    readonly types: Record<string, number>;
  };
  readonly [step: string]: unknown;
}

export interface DemoRun {
  readonly code: number | null;
  readonly output: string;
  readonly summary: DemoSummary;
}

const summaryPrefix = 'DEMO_SUMMARY ';

/** A tenant for one demo run, so runs on one system (or one broker) never meet. */
export const newDemoTenantId = (): string => `e2e-${randomBytes(4).toString('hex')}`;

/**
 * `npm run demo` against the system, running in the background, in a tenant of its own
 * (or `env`'s DEMO_TENANT_ID, for a suite that prepared something in the tenant first).
 */
export class BackgroundDemo {
  output = '';
  readonly tenantId: string;
  readonly finished: Promise<DemoRun>;
  private readonly watchers: { pattern: RegExp; found: () => void }[] = [];
  private readonly process: ChildProcessWithoutNullStreams;

  constructor(system: RunningSystem, env: NodeJS.ProcessEnv = {}) {
    this.tenantId = env['DEMO_TENANT_ID'] ?? newDemoTenantId();
    this.process = spawn(
      process.execPath,
      ['-r', '@swc-node/register', resolve(__dirname, '..', 'demo.ts')],
      {
        cwd: resolve(__dirname, '..', '..'),
        env: {
          ...process.env,
          // Long enough for a Kafka consumer group's (re)join on a loaded two-core machine.
          DEMO_POLL_TIMEOUT_MS: '60000',
          ...env,
          ...system.tokenEnv,
          TALENTLOOP_BASE_PORT: String(system.basePort),
          DEMO_TENANT_ID: this.tenantId,
          DEMO_SUMMARY: 'json',
        },
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    const collect = (chunk: Buffer) => {
      this.output += chunk.toString();
      for (const watcher of [...this.watchers])
        if (watcher.pattern.test(this.output)) {
          this.watchers.splice(this.watchers.indexOf(watcher), 1);
          watcher.found();
        }
    };
    // A test that fails before resuming a paused demo leaves it to the system's disposal.
    system.stopsWith(this.process);
    this.process.stdout.on('data', collect);
    this.process.stderr.on('data', collect);
    this.finished = new Promise((done, fail) =>
      this.process.on('exit', (code) => {
        const summaryLine = this.output.split('\n').find((line) => line.startsWith(summaryPrefix));
        if (code !== 0 || !summaryLine)
          fail(
            new Error(
              `demo exited ${code} without a summary:\n${this.output}\nthe system's last lines:\n${system.output.split('\n').slice(-40).join('\n')}`,
            ),
          );
        else
          done({
            code,
            output: this.output,
            summary: JSON.parse(summaryLine.slice(summaryPrefix.length)) as DemoSummary,
          });
      }),
    );
    // A failure surfaces through whoever awaits `finished` or `reached`.
    this.finished.catch(() => undefined);
  }

  /** Lets a demo paused by DEMO_PAUSE_AT go on. */
  resume(): void {
    this.process.stdin.write('\n');
  }

  /** How long the demo waited for something, as it printed it (`⏱ <what> after <n> ms`). */
  waited(what: string): number {
    const at = this.output.indexOf(`⏱ ${what} after `);
    if (at < 0) throw new Error(`the demo did not wait for ${what}:\n${this.output}`);
    return Number(/after (\d+) ms/.exec(this.output.slice(at))?.[1]);
  }

  /** Resolves once the demo has printed something matching `pattern`; fails if it ends first. */
  reached(pattern: RegExp): Promise<void> {
    if (pattern.test(this.output)) return Promise.resolve();
    const found = new Promise<void>((done) => this.watchers.push({ pattern, found: done }));
    return Promise.race([
      found,
      this.finished.then(() => {
        throw new Error(`the demo ended without printing ${String(pattern)}:\n${this.output}`);
      }),
    ]);
  }
}

/** One whole demo run; fails with the demo's output unless it completes. */
export const runDemo = (system: RunningSystem, env?: NodeJS.ProcessEnv): Promise<DemoRun> =>
  new BackgroundDemo(system, env).finished;

/**
 * What two runs of the demo must agree on, whatever the infrastructure or the tenant: the
 * summary without its ids and dates.
 */
export const comparable = ({
  tenantId: _tenantId,
  goalId: _goalId,
  requestId: _requestId,
  ids: _ids,
  adjustment,
  ...rest
}: DemoSummary) => ({ ...rest, adjustment: { ...adjustment, moved: undefined } });

/** The states and figures of the demo's generated organisation, step by step. */
export const expectedSummary = {
  people: { synced: 9, sent: 9 },
  frameworkVersion: 1,
  measurements: {
    recorded: 14,
    round: [
      { group: 'self', raterCount: 1, score: 61.7 },
      { group: 'manager', raterCount: 1, score: 49.7 },
      { group: 'peers', raterCount: 3, score: 50 },
    ],
  },
  gaps: {
    competencies: [
      { competencyId: 'collaboration', gap: 32.1, worthDevelopment: true },
      { competencyId: 'ownership', gap: 25, worthDevelopment: false },
    ],
    ranked: [
      {
        competencyId: 'collaboration',
        rank: 1,
        priority: 69.7,
        aptitude: 82,
        behaviour: 49.9,
        requiredScore: 60,
      },
    ],
    identified: ['collaboration'],
  },
  draft: { drafter: 'deterministic', criteria: 1, actions: 2, smartChecksFailed: 0 },
  statuses: ['draft', 'rejected', 'revised', 'active', 'evaluated'],
  submissions: [[['GoalSubmitted', 1]], [['GoalSubmitted', 2]]],
  approval: {
    decisions: ['GoalRejected', 'GoalApproved'],
    status: 'approved',
    submissionNumber: 2,
    exchange: ['ApprovalRequested', 'GoalRejected', 'ApprovalRequested', 'GoalApproved'],
  },
  checkIns: [
    { events: ['CheckInLogged'], onTime: true },
    { events: ['ActionCompleted', 'CheckInLogged'], onTime: true },
    { events: ['ActionCompleted', 'CheckInLogged'], onTime: true },
    { events: ['CheckInLogged'], onTime: true, loggedBy: 'mgr-ben' },
  ],
  adjustment: {
    moved: expect.stringMatching(/^\d{4}-\d\d-\d\d → \d{4}-\d\d-\d\d$/) as unknown,
    requiresAcknowledgement: true,
    rejected: 'AdjustmentRejected',
  },
  evaluation: {
    remeasured: {
      round: [
        { group: 'self', raterCount: 1, score: 69 },
        { group: 'manager', raterCount: 1, score: 62.3 },
        { group: 'peers', raterCount: 3, score: 62.3 },
      ],
      criteria: [{ baseline: 40, remeasured: 60, target: 56, evidenceInstrument: '360-round' }],
    },
    outcome: 'achieved',
    lessRobust: false,
    criteriaMet: [true],
    completedActions: 2,
    history: [
      'GoalDrafted',
      'GoalEdited',
      'GoalAgreed',
      'GoalSubmitted',
      'GoalSubmissionRejected',
      'GoalEdited',
      'GoalAgreed',
      'GoalSubmitted',
      'GoalActivated',
      'CheckInLogged',
      'ActionCompleted',
      'CheckInLogged',
      'ActionCompleted',
      'CheckInLogged',
      'CheckInLogged',
      'GoalAdjusted',
      'GoalAdjustmentRefused',
      'GoalAdjusted',
      'GoalAdjustmentAcknowledged',
      'GoalProgressMeasured',
      'GoalEvaluated',
    ],
  },
  secondGoal: {
    language: 'nl',
    drafter: 'deterministic',
    smartChecksFailed: 0,
    timeBound: 'deadline YYYY-MM-DD valt binnen 3–6 maanden',
    status: 'active',
  },
  cap: {
    refused: {
      code: 'ACTIVE_GOAL_CAP_REACHED',
      detail:
        'de medewerker heeft al 3 actieve of ingediende doel(en); de organisatie staat er 3 tegelijk toe — rond er eerst een af of trek er een in',
    },
    third: 'withdrawn',
    fourth: 'draft',
  },
  // The growth report's rows for the second 360° round (a remeasurement) are withheld too.
  analytics: { shown: 4, withheld: 18 },
  replay: {
    events: 84,
    foreign: 0,
    types: {
      ActionCompleted: 2,
      AdjustmentApprovalRequested: 2,
      AdjustmentApproved: 1,
      AdjustmentRejected: 1,
      ApprovalRequested: 4,
      CheckInLogged: 4,
      CompetencyFrameworkPublished: 1,
      EmployeeSynced: 9,
      FeedbackRoundAggregated: 2,
      GapIdentified: 1,
      GoalActivated: 2,
      GoalAdjusted: 2,
      GoalAdjustmentAcknowledged: 1,
      GoalAdjustmentRefused: 1,
      GoalAgreed: 5,
      GoalApproved: 2,
      GoalDrafted: 4,
      GoalEdited: 2,
      GoalEvaluated: 1,
      GoalProgressMeasured: 1,
      GoalRejected: 2,
      GoalSlotTaken: 4,
      GoalSubmissionRejected: 2,
      GoalSubmitted: 4,
      GoalWithdrawn: 1,
      MeasurementRecorded: 16,
      MotivationRecorded: 1,
      PlanStarted: 1,
      Remeasured: 1,
      RoleProfileDefined: 4,
    },
  },
};
