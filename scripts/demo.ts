// `npm run demo`: walks the whole development cycle for a small generated organisation over
// HTTP against the running system (`npm start`), printing each step (one module per step in
// demo/steps/). Ports: DEMO_BASE_URL_<SERVICE>, else TALENTLOOP_BASE_PORT (+0…+4), else 3001–3005.
import { DemoFailure } from './demo/http';
import { bold, dim, elapsed, line, red } from './demo/print';
import { departments, employees, people, roleProfiles } from './demo/organisation';
import { api, tenantId } from './demo/run';
import { adjust } from './demo/steps/adjustments';
import { analyticsFigures } from './demo/steps/analytics';
import { approve } from './demo/steps/approve';
import { measureBaseline } from './demo/steps/baseline';
import { checkIns } from './demo/steps/check-ins';
import { planAndDraft } from './demo/steps/draft';
import { editDraft } from './demo/steps/edit';
import { evaluate } from './demo/steps/evaluate';
import { mailsSent } from './demo/steps/mails';
import { publishFrameworkAndRoles } from './demo/steps/framework-and-roles';
import { analyseGaps } from './demo/steps/gaps';
import { syncPeople } from './demo/steps/people';
import { servicesReady } from './demo/steps/readiness';
import { rejectWithFeedback } from './demo/steps/reject';
import { remeasure } from './demo/steps/remeasure';
import { replayTenant } from './demo/steps/replay';
import { resubmit } from './demo/steps/resubmit';
import { revise } from './demo/steps/revise';
import { secondGoalAndCap } from './demo/steps/second-goal';
import { agreeAndSubmit } from './demo/steps/submit';
import { printSummary } from './demo/steps/summary';

const main = async () => {
  console.log(bold('Talentloop demo — one development cycle, end to end, over HTTP'));
  line(`tenant ${bold(tenantId)}`);
  for (const [name, url] of Object.entries(api.urls)) line(`${name.padEnd(10)} ${url}`);

  await servicesReady();
  const frameworkVersion = await publishFrameworkAndRoles();
  const synced = await syncPeople();
  const measurements = await measureBaseline();
  const gaps = await analyseGaps();
  const draft = await planAndDraft(gaps.gap);
  const { goalId } = draft;
  const edited = await editDraft(goalId);
  const { requestId, submission } = await agreeAndSubmit(goalId);
  const rejection = await rejectWithFeedback(goalId, requestId);
  const revised = await revise(goalId);
  const resubmission = await resubmit(goalId, requestId);
  const approval = await approve(goalId, requestId);
  const { active, thread } = approval;
  const checkedIn = await checkIns(goalId, active);
  const second = await secondGoalAndCap(draft.planId);
  const adjustment = await adjust(goalId, active);
  const round = await remeasure(active);
  const { evaluated, outcome, summary: evaluation } = await evaluate(goalId, round);
  const analytics = await analyticsFigures();
  const replay = await replayTenant();
  const mails = await mailsSent(replay.types);

  printSummary([
    ['tenant', tenantId],
    [
      'people',
      `${people.length} synced (${employees.length} employees in ${Object.keys(departments).length} departments, 1 manager, 1 HR)`,
    ],
    ['framework', `core v${frameworkVersion}, ${Object.keys(roleProfiles).length} role profiles`],
    [
      'measurements',
      `${measurements.recorded} imported + two 360° rounds (baseline, remeasurement)`,
    ],
    ['gap', `${gaps.gap.gapId} (${gaps.gap.competencyId}), ${gaps.identified} identified`],
    ['plan / goal', `${draft.planId} / ${goalId}`],
    ['second goal', `${second.dutchGoalId} (nl), active; a fourth refused: ${second.refusedWith}`],
    ['drafter', draft.drafter],
    ['approval', `${requestId}: ${thread.exchange.map((entry) => entry.event).join(' → ')}`],
    [
      'check-ins',
      `${checkedIn.count}, actions done ${evaluated.completedActionIds.join(', ') || '—'}`,
    ],
    [
      'adjustment',
      `${adjustment.adjustmentId} (deadline → ${adjustment.newDeadline}), acknowledged`,
    ],
    ['goal', `${evaluated.status}, outcome ${outcome ?? '?'}`],
    ['analytics', `${analytics.shown} figures shown, ${analytics.withheld} withheld`],
    ['replay', `${replay.events} events`],
    [
      'e-mails',
      mails.folder === undefined
        ? `${mails.expected} sent to the SMTP server (SMTP_URL)`
        : `${mails.listed} in ${mails.folder}`,
    ],
  ]);
  if (process.env.DEMO_SUMMARY === 'json') {
    // The states and figures the demo saw, step by step, for the e2e suites to check.
    const summary = {
      people: synced,
      frameworkVersion,
      measurements,
      gaps: gaps.summary,
      draft: draft.summary,
      statuses: [edited, rejection.status, revised, active.status, evaluated.status],
      submissions: [submission, resubmission],
      approval: {
        decisions: [rejection.decision, approval.decision],
        status: thread.status,
        submissionNumber: thread.submissionNumber,
        exchange: thread.exchange.map((entry) => entry.event),
      },
      checkIns: checkedIn.summary,
      ...second.summary,
      ids: {
        planId: draft.planId,
        actionId: checkedIn.firstAction,
        adjustmentId: adjustment.adjustmentId,
      },
      adjustment: adjustment.summary,
      evaluation,
      analytics,
      replay,
    };
    console.log(`DEMO_SUMMARY ${JSON.stringify({ tenantId, goalId, requestId, ...summary })}`);
  }
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
