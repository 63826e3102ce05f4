// `npm run demo`: walks the whole development cycle for a small generated organisation over
// HTTP against the running system (`npm start`), printing each step.
// Ports: DEMO_BASE_URL_<SERVICE>, else TALENTLOOP_BASE_PORT (+0…+3), else 3001–3004.
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { framework } from './demo/framework';
import { createClient, DemoFailure, poll, type Caller } from './demo/http';
import {
  bold,
  countsOf,
  dim,
  elapsed,
  figuresOf,
  green,
  line,
  printFigures,
  red,
  runsOf,
  step,
  waited,
  wrapped,
  yellow,
} from './demo/print';

const tenantId = process.env.DEMO_TENANT_ID ?? `demo-${randomBytes(4).toString('hex')}`;
const api = createClient(tenantId);

// ── the generated organisation ────────────────────────────────────────────────────────────
const hr: Caller = { userId: 'hr-anna', roles: 'hr' };
const manager: Caller = { userId: 'mgr-ben', roles: 'manager,employee' };
const employee: Caller = { userId: 'emp-chloe', roles: 'employee' };
const integrator: Caller = { userId: 'int-hris', roles: 'integrator' };

const departments = {
  engineering: 'Engineering',
  sales: 'Sales',
} as const;
type Department = keyof typeof departments;

interface Person {
  readonly id: string;
  readonly name: string;
  readonly department: Department;
  readonly role: string;
  readonly manager: string | null;
}
const people: readonly Person[] = [
  { id: 'hr-anna', name: 'Anna de Vries', department: 'sales', role: 'hr-partner', manager: null },
  {
    id: 'mgr-ben',
    name: 'Ben Okafor',
    department: 'engineering',
    role: 'team-lead',
    manager: null,
  },
  ...(
    [
      ['emp-chloe', 'Chloe Martin', 'engineering', 'software-engineer'],
      ['emp-daan', 'Daan Jansen', 'engineering', 'software-engineer'],
      ['emp-elif', 'Elif Yilmaz', 'engineering', 'software-engineer'],
      ['emp-finn', 'Finn Larsen', 'engineering', 'software-engineer'],
      ['emp-grace', 'Grace Chen', 'sales', 'account-manager'],
      ['emp-hugo', 'Hugo Bakker', 'sales', 'account-manager'],
      ['emp-iris', 'Iris Novak', 'sales', 'account-manager'],
    ] as const
  ).map(([id, name, department, role]) => ({ id, name, department, role, manager: 'mgr-ben' })),
];
const employees = people.filter((person) => person.manager !== null);

const roleProfiles = {
  'software-engineer': { name: 'Software engineer', collaboration: [4, 40], ownership: [3, 30] },
  'account-manager': { name: 'Account manager', collaboration: [4, 50], ownership: [4, 30] },
  'team-lead': { name: 'Team lead', collaboration: [5, 50], ownership: [4, 40] },
  'hr-partner': { name: 'HR partner', collaboration: [4, 50], ownership: [3, 20] },
} as const;

// ── response shapes (only what the demo reads) ────────────────────────────────────────────
interface EventBody {
  readonly type: string;
  readonly data: Record<string, unknown>;
}
interface RankedGap {
  readonly competencyId: string;
  readonly name: string;
  readonly aptitude: number;
  readonly behaviour: number;
  readonly requiredScore: number;
  readonly weakestIndicators: readonly { name: string; score: number }[];
  readonly priority: {
    rank: number;
    score: number;
    impact: number;
    potential: number;
    energy: number;
  };
  readonly reasons: readonly { factor: string; explanation: string }[];
}
interface GapReport {
  readonly competencies: readonly {
    competencyId: string;
    gap: number;
    worthDevelopment: boolean;
    verdict: string;
  }[];
  readonly ranked: readonly RankedGap[];
}
interface Criterion {
  readonly criterionId: string;
  readonly instrument: string;
  readonly metric: string;
  readonly indicatorIds: readonly string[];
  readonly target: number;
  readonly description: string;
}
interface GoalContent {
  readonly title: string;
  readonly language: string;
  readonly behaviour: string;
  readonly situation: string;
  readonly deadline: string;
  readonly target: { competencyId: string; indicatorIds: readonly string[] };
  readonly successCriteria: readonly Criterion[];
  readonly actions: readonly {
    actionId: string;
    kind: string;
    description: string;
    frequency: string;
  }[];
}
interface Drafted {
  readonly goalId: string;
  readonly goal: GoalContent;
  readonly drafter: { kind: string; model: string | null; fallbackReason: string | null };
  readonly smartChecks: readonly { property: string; passed: boolean; explanation: string }[];
  readonly unpairedFormalLearning: unknown;
}
interface Goal {
  readonly status: string;
  readonly content: GoalContent;
  readonly completedActionIds: readonly string[];
  readonly nextCheckInDueAt: string | null;
  readonly unacknowledgedAdjustments: readonly string[];
  readonly rejection: { feedback: string } | null;
  readonly history: readonly { event: string; by: string; data: Record<string, unknown> }[];
}
interface InboxItem {
  readonly requestId: string;
  readonly kind: 'submission' | 'adjustment';
  readonly goalId: string;
  readonly employeeId: string;
  readonly submissionNumber?: number;
  readonly adjustment?: {
    readonly adjustmentId: string;
    readonly changes: readonly { field: string; before?: unknown; after: unknown }[];
    readonly reason?: string;
  };
}
interface Thread {
  readonly requestId?: string;
  readonly status: string;
  readonly managerId: string;
  readonly submissionNumber: number;
  readonly exchange: readonly { event: string; feedback?: string }[];
}

const timings: { what: string; ms: number }[] = [];
/**
 * The states and figures the demo saw, step by step; with DEMO_SUMMARY=json they end the
 * output as one `DEMO_SUMMARY {…}` line, for the e2e suites to check.
 */
const summary: Record<string, unknown> = {};
/**
 * DEMO_PAUSE_AT=submitted,approved: the demo stops at those points until a line arrives on
 * stdin (the e2e suites kill a service there, while the event it has to react to is on its way).
 */
const pauseAt = new Set((process.env.DEMO_PAUSE_AT ?? '').split(',').filter(Boolean));
const stdinLines =
  pauseAt.size > 0 ? createInterface({ input: process.stdin })[Symbol.asyncIterator]() : undefined;
const pause = async (point: 'submitted' | 'approved') => {
  if (!pauseAt.has(point) || !stdinLines) return;
  line(dim(`⏸ paused at ${point}; waiting for a line on stdin`));
  await stdinLines.next();
};

const waitFor = async <T>(what: string, probe: () => Promise<T | undefined>) => {
  const { value, ms } = await poll(what, probe);
  timings.push({ what, ms });
  waited(what, ms);
  return value;
};

const isoMinutesAgo = (minutes: number) =>
  new Date(Date.now() - minutes * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
const addMonths = (date: string, months: number) => {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCMonth(next.getUTCMonth() + months);
  return next.toISOString().slice(0, 10);
};
/** A small deterministic spread of scores per person, so the org is not all alike. */
const spread = (seed: string, base: number, range: number) =>
  base + ([...seed].reduce((sum, char) => sum + char.charCodeAt(0), 0) % range);

const goalOf = (goalId: string, caller: Caller = employee) =>
  api.call<Goal>('planning', 'GET', `/goals/${goalId}`, caller);
/** The employee agrees to the goal as it stands, in her words: needed before each submission. */
const agreeTo = (goalId: string, motivation: string) =>
  api.call('planning', 'POST', `/goals/${goalId}/agreement`, employee, {
    expect: 200,
    body: { motivation },
  });
/** The manager's pending approval request of an adjustment, once approval opened it. */
const adjustmentInInbox = (adjustmentId: string) =>
  waitFor('GoalAdjusted → request in the manager’s approval inbox', async () => {
    const inbox = await api.call<InboxItem[]>(
      'approval',
      'GET',
      '/approval-requests/inbox',
      manager,
    );
    return inbox.find((item) => item.adjustment?.adjustmentId === adjustmentId);
  });
const describeChanges = (item: InboxItem) =>
  (item.adjustment?.changes ?? [])
    .map(
      ({ field, before, after }) => `${field} ${JSON.stringify(before)} → ${JSON.stringify(after)}`,
    )
    .join('; ');
const goalInStatus =
  (goalId: string, status: string, caller: Caller = employee) =>
  async () => {
    const goal = await goalOf(goalId, caller);
    return goal.status === status ? goal : undefined;
  };

const main = async () => {
  console.log(bold('Talentloop demo — one development cycle, end to end, over HTTP'));
  line(`tenant ${bold(tenantId)}`);
  for (const [name, url] of Object.entries(api.urls)) line(`${name.padEnd(10)} ${url}`);

  step('Services ready');
  for (const [name, url] of Object.entries(api.urls)) {
    const response = await fetch(`${url}/health/ready`).catch((error: Error) => {
      throw new DemoFailure(
        `${name} at ${url} does not answer (${error.message}); run \`npm start\``,
      );
    });
    if (!response.ok)
      throw new DemoFailure(`${name} is not ready: HTTP ${response.status}`, await response.text());
  }
  line('all four answer /health/ready');

  // 1. framework and role profiles
  step('Competency framework and role profiles (HR)');
  const published = await api.call<{ frameworkVersion: number }>(
    'assessment',
    'POST',
    '/frameworks/core/versions',
    hr,
    {
      body: framework,
    },
  );
  line(
    `framework "core" v${published.frameworkVersion}: ${framework.competencies
      .map((c) => `${c.name} (${c.indicators.length} indicators, ${c.facets.length} facets)`)
      .join(', ')}`,
  );
  for (const [roleId, profile] of Object.entries(roleProfiles)) {
    await api.call('assessment', 'PUT', `/role-profiles/${roleId}`, hr, {
      body: {
        name: profile.name,
        frameworkId: 'core',
        requiredCompetencies: (['collaboration', 'ownership'] as const).map((competencyId) => ({
          competencyId,
          requiredLevel: profile[competencyId][0],
          weight: profile[competencyId][1],
        })),
      },
    });
    line(
      `role ${roleId.padEnd(18)} collaboration L${profile.collaboration[0]} w${profile.collaboration[1]}, ownership L${profile.ownership[0]} w${profile.ownership[1]}`,
    );
  }

  // 2. people
  step('People from the HRIS (POST /people/sync)');
  const synced = await api.call<{ changed: string[]; reportingLinesChanged?: string[] }>(
    'assessment',
    'POST',
    '/people/sync',
    hr,
    {
      expect: 200,
      body: {
        employees: people.map((person) => ({
          externalId: person.id,
          displayName: person.name,
          email: `${person.id}@${tenantId}.example.com`,
          roleId: person.role,
          departmentId: person.department,
          departmentName: departments[person.department],
          managerExternalId: person.manager,
          preferredLanguage: 'en',
          employmentStatus: 'active',
        })),
      },
    },
  );
  line(`${synced.changed.length} people synced (${people.length} sent)`);
  summary.people = { synced: synced.changed.length, sent: people.length };
  summary.frameworkVersion = published.frameworkVersion;
  for (const department of Object.keys(departments) as Department[])
    line(
      `${departments[department].padEnd(12)} ${people
        .filter((person) => person.department === department)
        .map(
          (person) =>
            `${person.id}${person.manager ? '' : person.role === 'hr-partner' ? ' (HR)' : ' (manager)'}`,
        )
        .join(', ')}`,
    );
  line(`all ${employees.length} employees report to ${manager.userId}; ${hr.userId} is HR`);

  // 3. baseline measurements and 360° round
  step('Baseline: assessment measurements for everyone, a 360° round for Chloe');
  const baselineAt = isoMinutesAgo(30);
  const measurements = employees.flatMap((person) => [
    {
      employeeId: person.id,
      competencyId: 'collaboration',
      instrument: 'assessment',
      aptitude: person.id === employee.userId ? 82 : spread(person.id, 60, 30),
      behaviour: person.id === employee.userId ? 48 : spread(person.id, 40, 35),
      indicatorScores:
        person.id === employee.userId
          ? [
              { indicatorId: 'collab-listening', score: 41 },
              { indicatorId: 'collab-sharing', score: 66 },
              { indicatorId: 'collab-feedback', score: 47 },
            ]
          : [],
      facetScores: [
        { facetId: 'agreeableness', score: spread(person.id, 55, 40) },
        { facetId: 'openness', score: spread(person.id, 50, 45) },
      ],
      measuredAt: baselineAt,
    },
    {
      employeeId: person.id,
      competencyId: 'ownership',
      instrument: 'assessment',
      aptitude: spread(`${person.id}o`, 60, 35),
      behaviour: spread(`${person.id}o`, 45, 30),
      indicatorScores: [],
      facetScores: [{ facetId: 'conscientiousness', score: spread(`${person.id}c`, 50, 45) }],
      measuredAt: baselineAt,
    },
  ]);
  const imported = await api.call<{ recorded: number; unchanged?: number }>(
    'assessment',
    'POST',
    '/measurements/imports',
    hr,
    { body: measurements, expect: 200 },
  );
  line(
    `POST /measurements/imports: ${imported.recorded} measurements recorded (instrument: assessment)`,
  );

  const roundAt = isoMinutesAgo(20);
  const answers = [
    ['emp-chloe', 'self', [60, 70, 55]],
    ['mgr-ben', 'manager', [40, 64, 45]],
    ['emp-daan', 'peer', [38, 68, 44]],
    ['emp-elif', 'peer', [42, 62, 47]],
    ['emp-finn', 'peer', [40, 66, 43]],
  ] as const;
  const round = await api.call<{
    competencyScores?: { group: string; raterCount: number; score: number }[];
    measurementId?: string;
  }>('assessment', 'POST', `/employees/${employee.userId}/feedback-rounds`, hr, {
    body: {
      roundId: 'round-2026-baseline',
      competencyId: 'collaboration',
      closedAt: roundAt,
      invitedCount: 6,
      answers: answers.flatMap(([raterId, group, scores]) =>
        ['collab-listening', 'collab-sharing', 'collab-feedback'].map((indicatorId, index) => ({
          raterId,
          group,
          indicatorId,
          score: scores[index],
        })),
      ),
    },
  });
  line(
    `360° round on Collaboration closed: ${(round.competencyScores ?? [])
      .map(
        (score) =>
          `${score.group} ${score.score} (${score.raterCount} rater${score.raterCount === 1 ? '' : 's'})`,
      )
      .join(', ')}`,
  );
  line(dim('individual answers are not returned; groups under 3 raters are pooled or withheld'));
  summary.measurements = { recorded: imported.recorded, round: round.competencyScores ?? [] };
  await api.call(
    'assessment',
    'PUT',
    `/employees/${employee.userId}/motivations/collaboration`,
    employee,
    {
      body: { energy: 4, note: 'I want to be the colleague people like to think with.' },
    },
  );
  line('Chloe records her motivation for Collaboration: energy 4/5');

  // 4. gaps
  step('Gap analysis, ranked by impact, potential and energy');
  const report = await api.call<GapReport>(
    'assessment',
    'GET',
    `/employees/${employee.userId}/gaps`,
    manager,
  );
  for (const gap of report.competencies)
    line(
      `${gap.competencyId.padEnd(14)} gap ${String(gap.gap).padStart(3)}  ${gap.worthDevelopment ? green('worth developing') : dim('not now')} — ${gap.verdict}`,
    );
  for (const gap of report.ranked) {
    line(
      `#${gap.priority.rank} ${bold(gap.name)}: priority ${gap.priority.score} (impact ${gap.priority.impact}, potential ${gap.priority.potential}, energy ${gap.priority.energy}); aptitude ${gap.aptitude}, behaviour ${gap.behaviour}, required ${gap.requiredScore}`,
    );
    line(
      `   weakest: ${gap.weakestIndicators.map((w) => `${w.name} ${w.score}`).join(', ') || '—'}`,
    );
    for (const reason of gap.reasons) line(dim(`   ${reason.factor}: ${reason.explanation}`));
  }
  const identified = await api.call<{ identified: { gapId: string; competencyId: string }[] }>(
    'assessment',
    'POST',
    `/employees/${employee.userId}/gap-analyses`,
    hr,
    { expect: 200 },
  );
  line(
    `GapIdentified published for: ${identified.identified.map((gap) => `${gap.competencyId} (${gap.gapId})`).join(', ')}`,
  );
  summary.gaps = {
    competencies: report.competencies.map(({ competencyId, gap, worthDevelopment }) => ({
      competencyId,
      gap,
      worthDevelopment,
    })),
    ranked: report.ranked.map(({ competencyId, priority, aptitude, behaviour, requiredScore }) => ({
      competencyId,
      rank: priority.rank,
      priority: priority.score,
      aptitude,
      behaviour,
      requiredScore,
    })),
    identified: identified.identified.map((found) => found.competencyId),
  };
  const gap =
    identified.identified.find((found) => found.competencyId === 'collaboration') ??
    identified.identified[0];
  if (!gap) throw new DemoFailure('no gap was identified for Chloe: nothing to draft a goal from');

  // 5. plan and draft
  step('Plan and goal draft (planning)');
  const cycle = `${new Date().getUTCFullYear()}-cycle`;
  // Idempotent per employee and cycle; planning only checks that the caller is the employee.
  const plan = await api.call<{ planId: string }>('planning', 'POST', '/plans', employee, {
    body: { employeeId: employee.userId, cycle },
  });
  line(`plan ${plan.planId} for cycle ${cycle}`);
  const drafted = await waitFor('GapIdentified reaches planning (draft made)', async () => {
    try {
      return await api.call<Drafted>(
        'planning',
        'POST',
        `/plans/${plan.planId}/goals/draft`,
        employee,
        {
          body: {
            gapId: gap.gapId,
            motivationNote: 'I want to be the colleague people like to think with.',
          },
        },
      );
    } catch (error) {
      if (error instanceof DemoFailure && / 404 /.test(error.message)) return undefined;
      throw error;
    }
  });
  const drafter =
    drafted.drafter.kind === 'ai'
      ? `AI drafter (model ${drafted.drafter.model ?? '?'})`
      : `deterministic drafter${drafted.drafter.fallbackReason ? ` (fallback: ${drafted.drafter.fallbackReason})` : ' (no language model configured)'}`;
  line(`goal ${drafted.goalId} drafted by the ${bold(drafter)}`);
  line(`title:     ${drafted.goal.title}`);
  line(`behaviour: ${drafted.goal.behaviour}`);
  line(`deadline:  ${drafted.goal.deadline}`);
  for (const criterion of drafted.goal.successCriteria)
    line(
      `criterion: ${criterion.description} [${criterion.instrument}, ${criterion.metric} ≥ ${criterion.target}]`,
    );
  for (const action of drafted.goal.actions)
    line(`action ${action.actionId}: (${action.kind}) ${action.description} — ${action.frequency}`);
  line(
    `SMART: ${drafted.smartChecks.map((check) => `${check.property} ${check.passed ? green('✓') : red('✗')}`).join('  ')}`,
  );
  const goalId = drafted.goalId;
  summary.draft = {
    drafter: drafted.drafter.kind,
    criteria: drafted.goal.successCriteria.length,
    actions: drafted.goal.actions.length,
    smartChecksFailed: drafted.smartChecks.filter((check) => !check.passed).length,
  };
  const statuses: string[] = [];
  const submissions: unknown[] = [];
  Object.assign(summary, { statuses, submissions });

  // 6. edit
  step('Chloe edits the draft (she owns it)');
  const situation =
    'In sprint planning, design reviews and the weekly stand-up with the platform team.';
  await api.call('planning', 'PATCH', `/goals/${goalId}`, employee, {
    body: { title: 'Listen first and give useful feedback in design reviews', situation },
  });
  const edited = await waitFor('the edit is readable', async () => {
    const goal = await goalOf(goalId);
    return goal.content.situation === situation ? goal : undefined;
  });
  statuses.push(edited.status);
  line(`title → "${edited.content.title}"`);
  line(`situation → "${edited.content.situation}"`);

  // 7. agree and submit
  step('Chloe agrees to the goal and says why, then submits it for approval');
  const motivation =
    'The team asked me to let them finish before I answer; I want them to feel heard.';
  await agreeTo(goalId, motivation);
  line(`GoalAgreed: "${motivation}"`);
  const submitted = await api.call<EventBody[]>(
    'planning',
    'POST',
    `/goals/${goalId}/submit`,
    employee,
    { expect: 200 },
  );
  line(
    `${submitted.map((event) => event.type).join(', ')}: submission ${String(submitted[0]?.data.submissionNumber)} to ${String(submitted[0]?.data.managerId)}`,
  );
  await pause('submitted');
  const inboxItem = await waitFor(
    'GoalSubmitted → request in the manager’s approval inbox',
    async () => {
      const inbox = await api.call<InboxItem[]>(
        'approval',
        'GET',
        '/approval-requests/inbox',
        manager,
      );
      return inbox.find((item) => item.goalId === goalId);
    },
  );
  const requestId = inboxItem.requestId;
  submissions.push(submitted.map((event) => [event.type, event.data.submissionNumber]));
  line(`approval request ${requestId} is pending with ${manager.userId}`);

  // 8. reject
  step('Manager rejects, with feedback');
  const feedback =
    'Good focus. Name the meetings where you will practise listening, and add how you will ask for feedback afterwards.';
  const rejected = await api.call<EventBody>(
    'approval',
    'POST',
    `/approval-requests/${requestId}/reject`,
    manager,
    {
      expect: 200,
      body: { feedback, submissionNumber: 1 },
    },
  );
  line(`${rejected.type} after ${String(rejected.data.turnaroundSeconds)} s: "${feedback}"`);
  // Revisable once its own stream records the rejection; the feedback comes with approval's event.
  const rejectedGoal = await waitFor('GoalRejected → goal revisable in planning', async () => {
    const goal = await goalInStatus(goalId, 'rejected')();
    return goal?.rejection ? goal : undefined;
  });
  statuses.push(rejectedGoal.status);
  line(
    `goal status ${rejectedGoal.status}; feedback kept: "${rejectedGoal.rejection?.feedback ?? '—'}"`,
  );

  // 9. revise
  step('Chloe revises');
  const revisedSituation =
    'In the Tuesday design review and the Thursday sprint planning; afterwards I ask one colleague for feedback.';
  await api.call('planning', 'PATCH', `/goals/${goalId}`, employee, {
    body: { situation: revisedSituation },
  });
  const revised = await waitFor('the goal is revised', goalInStatus(goalId, 'revised'));
  statuses.push(revised.status);
  line(`situation → "${revised.content.situation}"`);

  // 10. resubmit
  step('Resubmit (the revision asks for her agreement again)');
  await agreeTo(goalId, motivation);
  line('GoalAgreed to the revised goal');
  const resubmitted = await api.call<EventBody[]>(
    'planning',
    'POST',
    `/goals/${goalId}/submit`,
    employee,
    { expect: 200 },
  );
  line(
    `${resubmitted.map((event) => event.type).join(', ')}: submission ${String(resubmitted[0]?.data.submissionNumber)}`,
  );
  submissions.push(resubmitted.map((event) => [event.type, event.data.submissionNumber]));
  await waitFor('GoalSubmitted → request reopened in approval', async () => {
    const thread = await api.call<Thread>(
      'approval',
      'GET',
      `/approval-requests/${requestId}`,
      manager,
    );
    return thread.status === 'pending' && thread.submissionNumber === 2 ? thread : undefined;
  });

  // 11. approve
  step('Manager approves, with a fortnightly check-in cadence');
  const approved = await api.call<EventBody>(
    'approval',
    'POST',
    `/approval-requests/${requestId}/approve`,
    manager,
    {
      expect: 200,
      body: {
        checkInCadence: 'fortnightly',
        note: 'Agreed — let us look at it every other Monday.',
        submissionNumber: 2,
      },
    },
  );
  line(
    `${approved.type} by ${String(approved.data.decidedBy)} as ${String(approved.data.decidedAs)}, turnaround ${String(approved.data.turnaroundSeconds)} s`,
  );
  await pause('approved');
  const active = await waitFor(
    'GoalApproved → goal active in planning',
    goalInStatus(goalId, 'active'),
  );
  statuses.push(active.status);
  line(`goal active; next check-in due ${active.nextCheckInDueAt ?? '—'}`);
  // Approval's own view of its decision is eventually consistent too: planning may show the
  // goal active (through the bus) before approval's read side has applied its own event.
  const thread = await waitFor('GoalApproved → the decision in the approval thread', async () => {
    const current = await api.call<Thread>(
      'approval',
      'GET',
      `/approval-requests/${requestId}`,
      employee,
    );
    return current.status === 'approved' ? current : undefined;
  });
  line(`approval thread: ${thread.exchange.map((entry) => entry.event).join(' → ')}`);
  summary.approval = {
    decisions: [rejected.type, approved.type],
    status: thread.status,
    submissionNumber: thread.submissionNumber,
    exchange: thread.exchange.map((entry) => entry.event),
  };

  // 12. check-ins
  step('Three check-ins, actions ticked, and one held with the manager');
  const [firstAction, secondAction] = active.content.actions.map((action) => action.actionId);
  const checkInPlan: [string, string[]][] = [
    ['Summarised the speaker before replying in two design reviews.', []],
    ['Used the listening routine in every sprint planning.', firstAction ? [firstAction] : []],
    ['Asked Daan and Elif for feedback on how I listen.', secondAction ? [secondAction] : []],
  ];
  let checkIns = 0;
  const checkInEvents: unknown[] = [];
  summary.checkIns = checkInEvents;
  for (const [whatWasDone, ticked] of checkInPlan) {
    const events = await api.call<EventBody[]>(
      'planning',
      'POST',
      `/goals/${goalId}/check-ins`,
      employee,
      {
        body: {
          answers: {
            whatWasDone,
            whatGoesWellAndWhatIsHard: 'Summaries go well; holding back my own view is hard.',
            whatIsNext: 'Ask one deepening question per meeting.',
          },
          durationMinutes: 20,
          actionsTicked: ticked,
        },
      },
    );
    checkIns += 1;
    const logged = events.find((event) => event.type === 'CheckInLogged');
    checkInEvents.push({ events: events.map((event) => event.type), onTime: logged?.data.onTime });
    line(
      `check-in ${checkIns}: ${events.map((event) => event.type).join(' + ')}; on time ${String(logged?.data.onTime)}, next due ${String(logged?.data.nextDueAt)}${ticked.length ? `; ticked ${ticked.join(', ')}` : ''}`,
    );
  }
  // The fourth is held with the manager, who logs it with notes of their own.
  const withManager = await api.call<EventBody[]>(
    'planning',
    'POST',
    `/goals/${goalId}/check-ins`,
    manager,
    {
      body: {
        answers: {
          whatWasDone: 'Kept the listening routine in the retrospective and the planning.',
          whatGoesWellAndWhatIsHard: 'Summaries are natural now; silence still feels long.',
          whatIsNext: 'Let two colleagues speak before I give my view.',
        },
        durationMinutes: 25,
        actionsTicked: [],
        managerNotes: 'Visibly calmer in reviews; next, try it when the pressure is high.',
      },
    },
  );
  checkIns += 1;
  const loggedWithManager = withManager.find((event) => event.type === 'CheckInLogged');
  checkInEvents.push({
    events: withManager.map((event) => event.type),
    onTime: loggedWithManager?.data.onTime,
    loggedBy: loggedWithManager?.data.loggedBy,
  });
  line(
    `check-in ${checkIns}, with ${manager.userId}: logged by ${String(loggedWithManager?.data.loggedBy)}, the manager's notes sealed beside Chloe's answers`,
  );

  // 12b. a second goal, in Dutch, and the cap
  step('A second goal, drafted in Dutch, and the cap on goals at once');
  const draftFromTarget = (competencyId: string, indicatorIds: string[], language?: 'nl') =>
    api.call<Drafted>('planning', 'POST', `/plans/${plan.planId}/goals/draft`, employee, {
      body: {
        target: { kind: 'competency', competencyId, indicatorIds },
        ...(language && { language }),
        motivationNote:
          language === 'nl'
            ? 'Ik wil afspraken nakomen waar het team op rekent.'
            : 'My role asks me to follow through on what I take on.',
      },
      ...(language && { language }),
    });
  const submitAs = (id: string, language?: string, expect = 200) =>
    api.call<EventBody[] | { code: string; detail: string }>(
      'planning',
      'POST',
      `/goals/${id}/submit`,
      employee,
      { expect, ...(language && { language }) },
    );
  // Drafted from a target, not a gap: bounded by Chloe's latest measurement of Ownership, which
  // planning read before her gaps (one key, one order), so the draft is the same every run.
  const dutch = await draftFromTarget('ownership', [], 'nl');
  const timeBound = dutch.smartChecks.find((check) => check.property === 'time-bound');
  line(`goal ${dutch.goalId} (Ownership), in Dutch: "${dutch.goal.title}"`);
  line(`SMART, in Dutch (Accept-Language: nl): ${timeBound?.explanation ?? '—'}`);
  await agreeTo(dutch.goalId, 'Ik wil dat mijn team op mijn toezeggingen kan rekenen.');
  await submitAs(dutch.goalId, 'nl');
  const third = await draftFromTarget('collaboration', ['collab-feedback']);
  await agreeTo(third.goalId, 'Useful feedback is the other half of listening well.');
  await submitAs(third.goalId);
  line(`goal ${third.goalId} (Collaboration, giving feedback) submitted: three goals at once`);
  const fourth = await draftFromTarget('ownership', ['own-follow']);
  await agreeTo(fourth.goalId, 'Following through is what my reviews ask of me.');
  const capped = (await submitAs(fourth.goalId, 'nl', 409)) as { code: string; detail: string };
  line(`a fourth: 409 ${capped.code} — ${capped.detail}`);
  // The manager takes the Dutch goal on and asks for one Collaboration goal at a time.
  const pendingOf = (id: string) =>
    waitFor(`the request for ${id} in the manager's inbox`, async () =>
      (await api.call<InboxItem[]>('approval', 'GET', '/approval-requests/inbox', manager)).find(
        (item) => item.goalId === id,
      ),
    );
  const dutchRequest = await pendingOf(dutch.goalId);
  await api.call(
    'approval',
    'POST',
    `/approval-requests/${dutchRequest.requestId}/approve`,
    manager,
    {
      expect: 200,
      body: { checkInCadence: 'monthly', submissionNumber: 1 },
    },
  );
  // One after the other, so every run records them in the same order.
  await waitFor('GoalApproved → the Dutch goal active', goalInStatus(dutch.goalId, 'active'));
  const thirdRequest = await pendingOf(third.goalId);
  await api.call(
    'approval',
    'POST',
    `/approval-requests/${thirdRequest.requestId}/reject`,
    manager,
    {
      expect: 200,
      body: {
        feedback: 'One Collaboration goal at a time: fold giving feedback into the listening goal.',
        submissionNumber: 1,
      },
    },
  );
  await waitFor('GoalRejected → the third goal revisable', goalInStatus(third.goalId, 'rejected'));
  await api.call('planning', 'POST', `/goals/${third.goalId}/withdraw`, employee, {
    expect: 200,
    body: { reason: 'Folded into my listening goal, as Ben suggested.' },
  });
  line(
    `${manager.userId} approved the Dutch goal and rejected the third; Chloe withdrew it, freeing its slot`,
  );
  summary.secondGoal = {
    language: dutch.goal.language,
    drafter: dutch.drafter.kind,
    smartChecksFailed: dutch.smartChecks.filter((check) => !check.passed).length,
    timeBound: timeBound?.explanation.replace(/\d{4}-\d\d-\d\d/g, 'YYYY-MM-DD'),
    status: (await goalOf(dutch.goalId)).status,
  };
  summary.cap = {
    refused: { code: capped.code, detail: capped.detail },
    third: (await goalOf(third.goalId)).status,
    fourth: (await goalOf(fourth.goalId)).status,
  };

  // 13. adjustments
  step('Adjustments, agreed in approval: a lower target rejected, a later deadline approved');
  const [firstCriterion] = active.content.successCriteria;
  const refusedAdjustment = await api.call<EventBody[]>(
    'planning',
    'POST',
    `/goals/${goalId}/adjust`,
    employee,
    {
      body: {
        changes: {
          successCriteria: active.content.successCriteria.map((criterion) =>
            criterion === firstCriterion
              ? { ...criterion, target: criterion.target - 5 }
              : criterion,
          ),
        },
        reason: 'Design reviews were cancelled for a month; a lower bar feels fairer.',
      },
    },
  );
  const lowered = refusedAdjustment.find((event) => event.type === 'GoalAdjusted');
  const loweredId = String(lowered?.data.adjustmentId);
  line(
    `GoalAdjusted ${loweredId}: target ${String(firstCriterion?.target)} → ${String((firstCriterion?.target ?? 0) - 5)}`,
  );
  const loweredRequest = await adjustmentInInbox(loweredId);
  line(
    `approval request ${loweredRequest.requestId} (${loweredRequest.kind}) is pending with ${manager.userId}: ${describeChanges(loweredRequest)}`,
  );
  const refusal = await api.call<EventBody>(
    'approval',
    'POST',
    `/approval-requests/${loweredRequest.requestId}/reject`,
    manager,
    {
      expect: 200,
      body: {
        feedback: 'The target is realistic; move the deadline instead of lowering the bar.',
      },
    },
  );
  await waitFor('AdjustmentRejected → the target set back in planning', async () => {
    const goal = await goalOf(goalId);
    return goal.history.at(-1)?.event === 'GoalAdjustmentRefused' ? goal : undefined;
  });
  line(`${manager.userId} rejected it: ${refusal.type}; planning set the target back as agreed`);
  const newDeadline = addMonths(active.content.deadline, 1);
  const adjusted = await api.call<EventBody[]>(
    'planning',
    'POST',
    `/goals/${goalId}/adjust`,
    employee,
    {
      body: {
        changes: { deadline: newDeadline },
        reason: 'The release crunch cancelled four design reviews this month.',
      },
    },
  );
  const adjustment = adjusted.find((event) => event.type === 'GoalAdjusted');
  const adjustmentId = String(adjustment?.data.adjustmentId);
  line(
    `GoalAdjusted ${adjustmentId}: deadline ${active.content.deadline} → ${newDeadline}; requires acknowledgement: ${String(adjustment?.data.requiresAcknowledgement)}`,
  );
  if (adjustment?.data.requiresAcknowledgement) {
    const request = await adjustmentInInbox(adjustmentId);
    line(`approval request ${request.requestId}: ${describeChanges(request)}`);
    await api.call('approval', 'POST', `/approval-requests/${request.requestId}/approve`, manager, {
      expect: 200,
      body: {},
    });
    await waitFor('AdjustmentApproved → acknowledged in planning', async () => {
      const goal = await goalOf(goalId);
      return goal.history.at(-1)?.event === 'GoalAdjustmentAcknowledged' ? goal : undefined;
    });
    line(`${manager.userId} approved it: planning recorded it as acknowledged`);
  }
  summary.ids = { planId: plan.planId, actionId: firstAction, adjustmentId };
  summary.adjustment = {
    moved: `${active.content.deadline} → ${newDeadline}`,
    requiresAcknowledgement: adjustment?.data.requiresAcknowledgement,
    rejected: refusal.type,
  };

  // 14. remeasure
  step('Remeasurement: a second 360° round on Collaboration, the baseline instrument');
  const criterion = active.content.successCriteria[0];
  const targeted = criterion?.indicatorIds ?? [];
  const lift = Math.min(100, (criterion?.target ?? 60) + 4);
  const remeasureAnswers = [
    ['emp-chloe', 'self', 70],
    ['mgr-ben', 'manager', lift],
    ['emp-daan', 'peer', lift],
    ['emp-elif', 'peer', lift + 2],
    ['emp-finn', 'peer', lift - 2],
  ] as const;
  const remeasuredRound = await api.call<{
    competencyScores?: { group: string; raterCount: number; score: number }[];
  }>('assessment', 'POST', `/employees/${employee.userId}/feedback-rounds`, hr, {
    body: {
      roundId: 'round-2026-remeasure',
      competencyId: 'collaboration',
      closedAt: isoMinutesAgo(0),
      invitedCount: 6,
      answers: remeasureAnswers.flatMap(([raterId, group, score]) =>
        ['collab-listening', 'collab-sharing', 'collab-feedback'].map((indicatorId) => ({
          raterId,
          group,
          indicatorId,
          // The raters see the targeted indicators grow; the others hold at 67.
          score: targeted.includes(indicatorId) ? score : 67,
        })),
      ),
    },
  });
  line(
    `second round closed: ${(remeasuredRound.competencyScores ?? [])
      .map((score) => `${score.group} ${score.score} (${score.raterCount})`)
      .join(', ')}`,
  );
  line(dim('a closed 360° round is a measurement like any other: planning reads it as progress'));

  // 15. evaluation
  step('Evaluation: progress before the deadline, evaluated early at the manager’s request');
  await waitFor('MeasurementRecorded → GoalProgressMeasured in planning', async () => {
    const goal = await goalOf(goalId);
    return goal.history.some((entry) => entry.event === 'GoalProgressMeasured') ? goal : undefined;
  });
  line('the round is progress against the baseline frozen at activation; the deadline is ahead');
  await api.call('planning', 'POST', `/goals/${goalId}/evaluate`, manager, { expect: 200 });
  line(`${manager.userId} asked for the evaluation now`);
  const evaluated = await waitFor('the evaluation in planning', goalInStatus(goalId, 'evaluated'));
  const evaluation = evaluated.history.find((entry) => entry.event === 'GoalEvaluated')?.data as
    | {
        outcome: string;
        lessRobust: boolean;
        criteria: {
          criterionId: string;
          met: boolean;
          target: number;
          baseline: number;
          remeasured: number;
          evidenceInstrument: string;
        }[];
      }
    | undefined;
  line(
    `outcome ${bold(evaluation?.outcome ?? '?')}${evaluation?.lessRobust ? ' (less robust evidence)' : ' (robust evidence)'}`,
  );
  for (const result of evaluation?.criteria ?? [])
    line(
      `   ${result.criterionId}: ${result.baseline} → ${result.remeasured}, target ${result.target}: ${result.met ? green('met') : red('not met')}`,
    );
  line(`history: ${runsOf(evaluated.history.map((entry) => entry.event)).join(' → ')}`);
  statuses.push(evaluated.status);
  summary.evaluation = {
    remeasured: {
      round: remeasuredRound.competencyScores ?? [],
      criteria: evaluation?.criteria.map(
        ({ baseline, remeasured, target, evidenceInstrument }) => ({
          baseline,
          remeasured,
          target,
          evidenceInstrument,
        }),
      ),
    },
    outcome: evaluation?.outcome,
    lessRobust: evaluation?.lessRobust,
    criteriaMet: evaluation?.criteria.map((result) => result.met),
    completedActions: evaluated.completedActionIds.length,
    history: evaluated.history.map((entry) => entry.event),
  };
  const figures: Record<string, unknown> = {};

  // 16. analytics
  step('HR analytics (privacy threshold: no figure about fewer than 5 people)');
  await waitFor('analytics has folded the evaluation', async () => {
    const history = await api.call<{ entries: { type: string }[] }>(
      'analytics',
      'GET',
      `/analytics/employees/${employee.userId}/history`,
      hr,
    );
    return history.entries.some((entry) => entry.type === 'GoalEvaluated') ? history : undefined;
  });
  // The history is read from analytics' store, the figures from its in-memory view of it: each
  // figure is awaited until the view's asOf (a global position) includes the evaluation too.
  const evaluatedAt = await waitFor('GoalEvaluated in the replay', async () => {
    const replayed = await api.raw('analytics', 'GET', '/replay/events', integrator);
    const found = (await replayed.text())
      .split('\n')
      .filter((row) => row.trim() !== '')
      .map((row) => JSON.parse(row) as { type: string; sequence?: string })
      .find((event) => event.type.includes('GoalEvaluated'));
    return found?.sequence === undefined ? undefined : BigInt(found.sequence);
  });
  let shown = 0;
  let withheld = 0;
  for (const query of [
    'active-plans',
    'development-focus',
    'gap-map',
    'approval-flow',
    'check-in-adherence',
    'growth',
  ]) {
    const { value: answer } = await poll(`/analytics/${query} as of the evaluation`, async () => {
      const figuresNow = await api.call<{ asOf: string }>(
        'analytics',
        'GET',
        `/analytics/${query}`,
        hr,
      );
      return BigInt(figuresNow.asOf) >= evaluatedAt ? figuresNow : undefined;
    });
    line(bold(`/analytics/${query}`));
    const counted = printFigures(answer, 5);
    figures[query] = figuresOf(answer).map(({ path, figure }) => ({ path, ...figure }));
    shown += counted.shown;
    withheld += counted.withheld;
  }
  line(
    `${green(`${shown} shown`)}, ${yellow(`${withheld} withheld`)} — with ${employees.length} employees, one of whom has a goal, most figures describe fewer than 5 people: that is the privacy rule working, not missing data.`,
  );

  // 17. replay
  step('Replay of this tenant’s history (GET /replay/events as integrator, NDJSON)');
  const replayStarted = Date.now();
  const response = await api.raw('analytics', 'GET', '/replay/events', integrator);
  const text = await response.text();
  if (!response.ok)
    throw new DemoFailure(`GET analytics/replay/events → HTTP ${response.status}`, text);
  const events = text
    .split('\n')
    .filter((row) => row.trim() !== '')
    .map((row) => JSON.parse(row) as { type: string; tenantid?: string; sequence?: string });
  const foreign = events.filter(
    (event) => event.tenantid !== undefined && event.tenantid !== tenantId,
  ).length;
  const types = events.map((event) =>
    event.type.replace(/^talentloop\.[^.]+\./, '').replace(/\.v\d+$/, ''),
  );
  line(
    `${events.length} events (${response.headers.get('content-type') ?? '?'}) in ${Date.now() - replayStarted} ms; other tenants' events: ${foreign}`,
  );
  wrapped(runsOf(types));
  summary.analytics = { shown, withheld, figures };
  summary.replay = {
    events: events.length,
    foreign,
    types: countsOf(types),
  };

  // summary
  const ruler = '─'.repeat(78);
  console.log(`\n${ruler}\n${bold('Summary')}  ${dim(`total ${elapsed()}`)}`);
  const rows: [string, string][] = [
    ['tenant', tenantId],
    [
      'people',
      `${people.length} synced (${employees.length} employees in ${Object.keys(departments).length} departments, 1 manager, 1 HR)`,
    ],
    [
      'framework',
      `core v${published.frameworkVersion}, ${Object.keys(roleProfiles).length} role profiles`,
    ],
    ['measurements', `${imported.recorded} imported + two 360° rounds (baseline, remeasurement)`],
    ['gap', `${gap.gapId} (${gap.competencyId}), ${identified.identified.length} identified`],
    ['plan / goal', `${plan.planId} / ${goalId}`],
    ['second goal', `${dutch.goalId} (nl), active; a fourth refused: ${capped.code}`],
    ['drafter', drafter],
    ['approval', `${requestId}: ${thread.exchange.map((entry) => entry.event).join(' → ')}`],
    ['check-ins', `${checkIns}, actions done ${evaluated.completedActionIds.join(', ') || '—'}`],
    ['adjustment', `${adjustmentId} (deadline → ${newDeadline}), acknowledged`],
    ['goal', `${evaluated.status}, outcome ${evaluation?.outcome ?? '?'}`],
    ['analytics', `${shown} figures shown, ${withheld} withheld`],
    ['replay', `${events.length} events`],
  ];
  for (const [key, value] of rows) console.log(`  ${key.padEnd(13)} ${value}`);
  console.log(
    `  ${'async waits'.padEnd(13)} ${timings.map((timing) => `${timing.ms} ms`).join(', ')}`,
  );
  for (const timing of timings)
    console.log(dim(`                ${String(timing.ms).padStart(5)} ms  ${timing.what}`));
  console.log(ruler);
  if (process.env.DEMO_SUMMARY === 'json')
    console.log(`DEMO_SUMMARY ${JSON.stringify({ tenantId, goalId, requestId, ...summary })}`);
};

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`\n${red('✗ demo failed')} ${dim(`at ${elapsed()}`)}`);
    if (error instanceof DemoFailure) {
      console.error(error.message);
      if (error.detail) console.error(error.detail);
    } else console.error(error);
    process.exit(1);
  },
);
