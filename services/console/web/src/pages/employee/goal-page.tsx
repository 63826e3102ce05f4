import { useState } from 'react';
import { useGet } from '../../api';
import { Latest } from '../../components/states';
import { useLanguage, useT } from '../../i18n';
import { day } from '../../lib/format';
import { Link } from '../../router';
import { takeFlash } from './flash';
import { ContentView, Provenance } from './goal-content';
import { GoalEditForm } from './goal-edit';
import { Agreement, Feedback, Submit, Withdraw } from './goal-forms';
import { revisable } from './goal-phase';
import { Actions, CheckIns } from './goal-progress';
import { CurrentSmartCheck } from './goal-smart';
import { growthOfGoal } from './growth';
import { PhaseBadge, Section, SmartChecks, StatusMessage } from './parts';
import { type Goal, type Redraft } from './types';

const GoalView = ({
  goal,
  reload,
  status,
  setStatus,
}: {
  goal: Goal;
  reload: () => void;
  status: string | undefined;
  setStatus: (message: string | undefined) => void;
}) => {
  const t = useT();
  const { language } = useLanguage();
  const [proposal, setProposal] = useState<Redraft>();
  const done = (message: string) => {
    setStatus(message);
    reload();
  };
  const evaluated = growthOfGoal(goal)?.outcome;
  const outcome =
    evaluated === 'achieved' || evaluated === 'partly-achieved' || evaluated === 'not-achieved'
      ? t(`employee.growth.outcome.${evaluated}`)
      : undefined;
  return (
    <>
      <h1>{goal.content.title}</h1>
      <p>
        <Link href={`/employee/plan?plan=${encodeURIComponent(goal.planId)}`}>
          {t('employee.goal.back')}
        </Link>
      </p>
      <dl className="emp-facts" aria-label={t('employee.goal.meta')}>
        <div>
          <dt>{t('employee.goal.phase')}</dt>
          <dd>
            <PhaseBadge phase={goal.status} />
          </dd>
        </div>
        <div>
          <dt>{t('employee.goal.competency')}</dt>
          <dd>{goal.content.target.competencyId}</dd>
        </div>
        <div>
          <dt>{t('employee.goal.deadline')}</dt>
          <dd>{day(language, goal.content.deadline)}</dd>
        </div>
        {goal.submissionNumber > 0 && (
          <div>
            <dt>{t('employee.goal.submission')}</dt>
            <dd>{goal.submissionNumber}</dd>
          </div>
        )}
        {goal.status === 'active' && goal.nextCheckInDueAt && (
          <div>
            <dt>{t('employee.goal.nextCheckIn')}</dt>
            <dd>{day(language, goal.nextCheckInDueAt)}</dd>
          </div>
        )}
      </dl>
      <StatusMessage message={status} />
      {goal.status === 'submitted' && (
        <p className="notice">{t('employee.goal.waiting', { number: goal.submissionNumber })}</p>
      )}
      {(goal.status === 'rejected' || goal.status === 'revised') && (
        <Feedback
          goal={goal}
          onProposal={(value) => {
            setProposal(value);
            setStatus(t('employee.goal.redrafted.status'));
          }}
        />
      )}
      {proposal && (
        <Section title={t('employee.goal.proposal')}>
          <ContentView content={proposal.proposal} nested />
          <SmartChecks checks={proposal.smartChecks} caption={t('employee.smart.ofRedraft')} />
        </Section>
      )}
      <ContentView content={goal.content} />
      <CurrentSmartCheck goal={goal} />
      <Provenance goal={goal} />
      {revisable(goal) && (
        <>
          <GoalEditForm
            key={JSON.stringify(goal.content)}
            goal={goal}
            onSaved={() => {
              done(t('employee.goal.saved.status'));
              return Promise.resolve();
            }}
          />
          <Agreement key={`agree-${JSON.stringify(goal.agreement)}`} goal={goal} onDone={done} />
          <Submit goal={goal} onDone={done} onFailed={setStatus} />
        </>
      )}
      <Actions goal={goal} onDone={done} />
      <CheckIns goal={goal} />
      {outcome && (
        <Section title={t('employee.goal.evaluation')}>
          <p className="notice">{t('employee.growth.outcome', { outcome })}</p>
        </Section>
      )}
      {goal.evaluation && goal.evaluation.reasons.length > 0 && (
        <Section title={t('employee.goal.evaluation')}>
          <ul>
            {goal.evaluation.reasons.map((reason) => (
              <li key={reason.code}>{reason.explanation}</li>
            ))}
          </ul>
        </Section>
      )}
      {(goal.baseline || goal.status === 'evaluated') && (
        <p>
          <Link href="/employee/growth">{t('employee.goal.growthLink')}</Link>
        </p>
      )}
      <Withdraw goal={goal} onDone={done} />
    </>
  );
};

/** /employee/goals/:goalId: one goal, what was drafted and changed, its SMART check and steps. */
export const GoalPage = ({ params }: { params: Readonly<Record<string, string>> }) => {
  const goalId = params['goalId'] ?? '';
  const [status, setStatus] = useState<string | undefined>(takeFlash);
  const goal = useGet<Goal>('planning', `/goals/${encodeURIComponent(goalId)}`);
  // While it reloads after an action, the goal as it was stays on screen (and focus with it).
  return (
    <Latest loaded={goal}>
      {(shown) => (
        <GoalView goal={shown} reload={goal.reload} status={status} setStatus={setStatus} />
      )}
    </Latest>
  );
};
