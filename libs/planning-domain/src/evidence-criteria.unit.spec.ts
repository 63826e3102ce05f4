import type { PlanningEvent } from '@talentloop/contracts';
import { DeciderSpecification } from '@talentloop/testing';
import { draftDeterministically } from './deterministic-drafter';
import { evaluationReadiness } from './evaluation-readiness';
import {
  defaultSmartSettings,
  type EvidenceCriterion,
  type SuccessCriterion,
} from './goal-content';
import type { GoalCommand } from './goal.commands';
import { goalDecider } from './goal.decider';
import {
  EvidenceInTheFuture,
  IllegalGoalTransition,
  NoEvidenceRecorded,
  NotAnEvidenceCriterion,
  UnknownCriterion,
} from './goal.errors';
import {
  activated,
  context,
  drafted,
  exampleCriterion,
  fold,
  ids,
  measure,
  submitted,
} from './goal.fixtures';
import { checkSmart } from './smart-check';
import { planSummaryOf } from './plan-summary';

const spec = DeciderSpecification.for(goalDecider);

/** The example goal (deadline 2026-07-31) as a certification with its certificate to obtain. */
const certificate: EvidenceCriterion = {
  kind: 'evidence',
  criterionId: 'crit-cert',
  evidence: 'certificate',
  description: 'The Scrum Master certificate is obtained.',
};
const certification = { kind: 'certification' as const, competencyId: 'psm-1', indicatorIds: [] };
const before = '2026-05-01';
const onDeadline = '2026-07-31';

const activeCertification = (criteria: SuccessCriterion[] = [certificate]): PlanningEvent[] => [
  drafted({ target: certification, successCriteria: criteria }),
  submitted(1),
  activated(),
];

const record = (
  criterionId = certificate.criterionId,
  today = before,
  evidenceId = 'evd-1',
  obtainedOn = '2026-04-20',
): GoalCommand => ({
  type: 'RecordEvidence',
  data: {
    evidenceId,
    criterionId,
    description: 'Passed the PSM I exam with 92%.',
    reference: 'Certificate 1234-5678',
    obtainedOn,
    recordedBy: ids.employeeId,
    today,
  },
});

const recorded = (criterionId = certificate.criterionId, evidenceId = 'evd-1'): PlanningEvent => ({
  type: 'CriterionEvidenceRecorded',
  data: {
    ...ids,
    criterionId,
    evidenceId,
    evidence: 'certificate',
    description: 'Passed the PSM I exam with 92%.',
    reference: 'Certificate 1234-5678',
    obtainedOn: '2026-04-20',
    recordedBy: ids.employeeId,
  },
});

const evaluate = (today = before): GoalCommand => ({ type: 'EvaluateGoal', data: { today } });

describe('an active goal with an evidence criterion', () => {
  it('records the evidence the employee gives for it', () =>
    spec.given(activeCertification()).when(record()).then([recorded()]));

  it('records the same evidence once: a retry changes nothing', () =>
    spec
      .given([...activeCertification(), recorded()])
      .when(record())
      .then([]));

  it('refuses evidence for a criterion it does not have', () =>
    spec
      .given(activeCertification())
      .when(record('crit-9'))
      .thenThrows(UnknownCriterion, /no success criterion crit-9/));

  it('refuses evidence for a measured criterion: a measurement evaluates that one', () =>
    spec
      .given(activeCertification([certificate, exampleCriterion]))
      .when(record(exampleCriterion.criterionId))
      .thenThrows(NotAnEvidenceCriterion, /crit-1 is measured/));

  it('refuses evidence obtained after the day it is recorded', () =>
    spec
      .given(activeCertification())
      .when(record(certificate.criterionId, before, 'evd-1', '2026-05-02'))
      .thenThrows(EvidenceInTheFuture));

  it('is evaluated on request once evidence was recorded: the criterion is met', () =>
    spec
      .given([...activeCertification(), recorded()])
      .when(evaluate())
      .then([
        {
          type: 'GoalEvaluated',
          data: {
            ...ids,
            outcome: 'achieved',
            criteria: [
              {
                kind: 'evidence',
                criterionId: 'crit-cert',
                met: true,
                evidence: 'certificate',
                recorded: [{ evidenceId: 'evd-1', obtainedOn: '2026-04-20' }],
              },
            ],
            lessRobust: false,
            requestedEarly: true,
          },
        },
      ]));

  it('is not evaluated on request before any evidence, and says why', () =>
    spec
      .given(activeCertification())
      .when(evaluate())
      .thenThrows(NoEvidenceRecorded, /no evidence was recorded/));

  it('is evaluated by evidence recorded on or after its deadline, as a measurement would', () =>
    spec
      .given(activeCertification())
      .when(record(certificate.criterionId, onDeadline))
      .then([
        recorded(),
        {
          type: 'GoalEvaluated',
          data: {
            ...ids,
            outcome: 'achieved',
            criteria: [
              {
                kind: 'evidence',
                criterionId: 'crit-cert',
                met: true,
                evidence: 'certificate',
                recorded: [{ evidenceId: 'evd-1', obtainedOn: '2026-04-20' }],
              },
            ],
            lessRobust: false,
            requestedEarly: false,
          },
        },
      ]));

  it('is not evaluated by a measurement: no score of it is read', () =>
    spec
      .given(activeCertification())
      .when(measure('msr-6001', '2026-08-01', { listening: 70, behaviour: 70 }))
      .then([]));

  it('leaves an evidence criterion without evidence not met beside a measured one', () => {
    const [event] = goalDecider.decide(
      measure('msr-6001', '2026-08-01', { listening: 70, behaviour: 70 }),
      fold(activeCertification([exampleCriterion, certificate])),
    );
    expect(event).toMatchObject({
      type: 'GoalEvaluated',
      data: {
        outcome: 'partly-achieved',
        criteria: [
          { kind: 'measured', criterionId: 'crit-1', met: true },
          { kind: 'evidence', criterionId: 'crit-cert', met: false, recorded: [] },
        ],
      },
    });
  });
});

describe('a goal that is not active', () => {
  it('takes no evidence', () =>
    spec
      .given([drafted({ target: certification, successCriteria: [certificate] })])
      .when(record())
      .thenThrows(IllegalGoalTransition, /a draft goal cannot be given evidence/));
});

describe('the readiness of a goal with evidence criteria only', () => {
  const readiness = (given: readonly PlanningEvent[], today: string) => {
    const state = fold(given);
    if (state.status === 'none') throw new Error('no goal');
    return evaluationReadiness(state, today);
  };

  it('awaits evidence, naming what proves each criterion', () =>
    expect(readiness(activeCertification(), before)).toMatchObject({
      status: 'awaiting-evidence',
      reasons: [
        { code: 'NO_EVIDENCE_RECORDED', effect: 'blocks-evaluation', evidence: ['certificate'] },
        { code: 'EVIDENCE_NOT_RECORDED', criterionId: 'crit-cert', evidence: 'certificate' },
      ],
    }));

  it('is overdue for evidence once the deadline passed without any', () =>
    expect(readiness(activeCertification(), '2026-08-10')).toMatchObject({
      status: 'evidence-overdue',
      reasons: [
        { code: 'EVIDENCE_OVERDUE', deadline: '2026-07-31' },
        { code: 'EVIDENCE_NOT_RECORDED', criterionId: 'crit-cert' },
      ],
    }));

  it('can be evaluated once evidence was recorded, with nothing in the way', () =>
    expect(readiness([...activeCertification(), recorded()], before)).toEqual({
      status: 'evaluable',
      reasons: [],
    }));

  it('needs no measurement, and names no baseline or instrument', () =>
    expect(
      readiness([...activeCertification(), recorded()], before)?.reasons.map(({ code }) => code),
    ).not.toContain('NOTHING_MEASURED_SINCE_BASELINE'));
});

describe('the SMART check of an evidence criterion', () => {
  const content = { ...drafted().data, deadline: '2026-07-31' };
  if (!('successCriteria' in content)) throw new Error('the example drafts a goal');
  const failingOf = (target: typeof certification | typeof content.target) =>
    checkSmart(
      { ...content, target, successCriteria: [certificate] },
      { ...context, weakestIndicators: [], strongestIndicators: [], indicators: [] },
      defaultSmartSettings,
      '2026-03-01',
    ).filter((check) => !check.passed);

  it('passes measurable on a certification when it names its evidence', () =>
    expect(failingOf(certification).map((check) => check.property)).toEqual([]));

  it('fails measurable on a competency, with the reason', () =>
    expect(failingOf({ ...content.target, indicatorIds: [] })).toEqual([
      {
        property: 'measurable',
        passed: false,
        explanation: expect.stringContaining(
          'criterion crit-cert is met by evidence, but a competency grows in behaviour',
        ) as string,
      },
    ]));

  it('bounds no growth by aptitude: achievable reads measured criteria only', () =>
    expect(
      checkSmart(
        { ...content, target: certification, successCriteria: [certificate] },
        { ...context, aptitude: 10, weakestIndicators: [], strongestIndicators: [] },
        defaultSmartSettings,
        '2026-03-01',
      ).find((check) => check.property === 'achievable')?.passed,
    ).toBe(true));
});

describe('the deterministic drafter', () => {
  it('drafts a certification with its certificate as the criterion', () =>
    expect(
      draftDeterministically(
        {
          target: { kind: 'certification', competencyId: 'psm-1' },
          context: { ...context, targetName: 'Professional Scrum Master I' },
          language: 'en',
          today: '2026-03-01',
        },
        defaultSmartSettings,
      ).successCriteria,
    ).toEqual([
      {
        kind: 'evidence',
        criterionId: 'crit-1',
        evidence: 'certificate',
        description: expect.stringContaining('Professional Scrum Master I certificate') as string,
      },
    ]));
});

describe('a plan closing with an evidence goal', () => {
  it('counts its outcome, but no growth: only measured criteria show growth', () => {
    const summary = planSummaryOf(
      [
        {
          goalId: 'goal-3001',
          phase: 'evaluated',
          content: { title: 'Scrum Master', target: certification, successCriteria: [certificate] },
          evaluation: {
            ...ids,
            outcome: 'achieved',
            criteria: [
              {
                kind: 'evidence',
                criterionId: 'crit-cert',
                met: true,
                evidence: 'certificate',
                recorded: [{ evidenceId: 'evd-1', obtainedOn: '2026-04-20' }],
              },
            ],
            lessRobust: false,
            requestedEarly: true,
          },
        },
      ],
      0,
    );
    expect(summary).toMatchObject({ counts: { achieved: 1 }, growth: [] });
  });
});
