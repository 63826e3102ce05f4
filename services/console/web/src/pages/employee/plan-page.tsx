import { TableScroll } from '../../components/table-scroll';
import { useState, type FormEvent } from 'react';
import { useApi, useCommand, useGet } from '../../api';
import { Loadable, Problem } from '../../components/states';
import { useLanguage, useT } from '../../i18n';
import { day } from '../../lib/format';
import { Link, navigate, useLocation } from '../../router';
import { flash, planKey, takeFlash } from './flash';
import { PhaseBadge, Section, StatusMessage } from './parts';
import { type Drafted, type GapReport, type Goal, type Plan, type RankedGap } from './types';

/** The plan to show: the one named in the address, else the newest the employee's goals are in. */
const planIdOf = (goals: readonly Goal[], remembered: string | null): string | null => {
  const newest = [...goals].sort((a, b) =>
    (b.history[0]?.at ?? '').localeCompare(a.history[0]?.at ?? ''),
  )[0];
  return newest?.planId ?? remembered;
};

const StartPlan = ({
  onStarted,
}: {
  onStarted: (plan: { planId: string; cycle: string }) => void;
}) => {
  const t = useT();
  const { call, session } = useApi();
  const [cycle, setCycle] = useState(`${new Date().getUTCFullYear()}-cycle`);
  const { busy, error, run } = useCommand();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await run(async () => {
      const plan = await call<{ planId: string; cycle: string }>('planning', '/plans', {
        method: 'POST',
        body: { employeeId: session.userId, cycle: cycle.trim() },
      });
      onStarted(plan);
    });
  };
  return (
    <Section title={t('employee.plan.start')}>
      <p>{t('employee.plan.startIntro')}</p>
      <form onSubmit={(event) => void submit(event)} className="emp-narrow">
        <div className="emp-field">
          <label htmlFor="emp-cycle">{t('employee.plan.cycle')}</label>
          <input
            id="emp-cycle"
            name="cycle"
            required
            value={cycle}
            aria-describedby="emp-cycle-hint"
            onChange={(event) => setCycle(event.target.value)}
          />
          <span id="emp-cycle-hint" className="emp-hint">
            {t('employee.plan.cycleHint')}
          </span>
        </div>
        {error && <Problem error={error} />}
        <div className="actions">
          <button type="submit" disabled={busy}>
            {t('employee.plan.startButton')}
          </button>
        </div>
      </form>
    </Section>
  );
};

const GapCard = ({
  gap,
  planId,
  drafted,
  onStatus,
}: {
  gap: RankedGap;
  planId: string;
  drafted: Goal | undefined;
  onStatus: (message: string) => void;
}) => {
  const t = useT();
  const { call } = useApi();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const noteId = `emp-note-${gap.competencyId}`;
  const draft = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    onStatus(t('employee.gaps.drafting'));
    try {
      const result = await call<Drafted>(
        'planning',
        `/plans/${encodeURIComponent(planId)}/goals/draft`,
        {
          method: 'POST',
          body: {
            // Assessment names an identified gap after the measurement it was found in.
            gapId: `gap-${gap.measurementId}`,
            ...(note.trim() ? { motivationNote: note.trim() } : {}),
          },
        },
      );
      flash(t('employee.gaps.drafted.status', { title: result.goal.title }));
      navigate(`/employee/goals/${encodeURIComponent(result.goalId)}`);
    } catch (caught) {
      setError(caught as Error);
      onStatus('');
      setBusy(false);
    }
  };
  return (
    <li className="card emp-gap">
      <h3>
        {gap.name}{' '}
        <span className="emp-muted">· {t('employee.gaps.rank', { rank: gap.priority.rank })}</span>
      </h3>
      <p>
        {t('employee.gaps.scores', {
          behaviour: gap.behaviour,
          aptitude: gap.aptitude,
          gap: gap.gap,
        })}
      </p>
      <p>{gap.verdict}</p>
      {gap.weakestIndicators.length > 0 && (
        <>
          <h4>{t('employee.gaps.weakest')}</h4>
          <ul className="emp-plain">
            {gap.weakestIndicators.map((indicator) => (
              <li key={indicator.indicatorId}>
                {indicator.name}: {indicator.score}
              </li>
            ))}
          </ul>
        </>
      )}
      {gap.reasons.length > 0 && (
        <details>
          <summary>{t('employee.gaps.why')}</summary>
          <ul>
            {gap.reasons.map((reason) => (
              <li key={reason.factor}>{reason.explanation}</li>
            ))}
          </ul>
        </details>
      )}
      {drafted && (
        <p>
          {t('employee.gaps.alreadyDrafted')}{' '}
          <Link href={`/employee/goals/${encodeURIComponent(drafted.goalId)}`}>
            {drafted.content.title}
          </Link>
        </p>
      )}
      <form onSubmit={(event) => void draft(event)}>
        <label htmlFor={noteId}>{t('employee.gaps.motivation', { name: gap.name })}</label>
        <textarea
          id={noteId}
          name="motivationNote"
          maxLength={1000}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
        {error && <Problem error={error} />}
        <div className="actions">
          <button type="submit" disabled={busy}>
            {busy ? t('employee.gaps.drafting') : t('employee.gaps.draft', { name: gap.name })}
          </button>
        </div>
      </form>
    </li>
  );
};

const Gaps = ({
  planId,
  goals,
  onStatus,
}: {
  planId: string;
  goals: readonly Goal[];
  onStatus: (message: string) => void;
}) => {
  const t = useT();
  const { session } = useApi();
  const gaps = useGet<GapReport>(
    'assessment',
    `/employees/${encodeURIComponent(session.userId)}/gaps`,
  );
  return (
    <Section title={t('employee.gaps.title')}>
      <p>{t('employee.gaps.intro')}</p>
      <Loadable loaded={gaps}>
        {(report) =>
          report.ranked.length === 0 ? (
            <p>{t('employee.gaps.none')}</p>
          ) : (
            <ul className="cards emp-plain">
              {report.ranked.map((gap) => (
                <GapCard
                  key={gap.competencyId}
                  gap={gap}
                  planId={planId}
                  drafted={goals.find(
                    (goal) =>
                      goal.gapId === `gap-${gap.measurementId}` && goal.status !== 'withdrawn',
                  )}
                  onStatus={onStatus}
                />
              ))}
            </ul>
          )
        }
      </Loadable>
    </Section>
  );
};

const PlanView = ({
  planId,
  goals,
  status,
  onStatus,
}: {
  planId: string;
  goals: readonly Goal[];
  status: string | undefined;
  onStatus: (message: string) => void;
}) => {
  const t = useT();
  const { language } = useLanguage();
  const plan = useGet<Plan>('planning', `/plans/${encodeURIComponent(planId)}`);
  return (
    <Loadable loaded={plan}>
      {(data) => (
        <>
          <dl className="emp-facts">
            <div>
              <dt>{t('employee.plan.cycle')}</dt>
              <dd>{data.cycle}</dd>
            </div>
            <div>
              <dt>{t('employee.plan.status')}</dt>
              <dd>
                {data.status === 'open'
                  ? t('employee.plan.statusOpen')
                  : t('employee.plan.statusClosed')}
              </dd>
            </div>
            <div>
              <dt>{t('employee.plan.started')}</dt>
              <dd>{day(language, data.startedAt)}</dd>
            </div>
            <div>
              <dt>{t('employee.plan.cap')}</dt>
              <dd>{data.maxActiveGoals}</dd>
            </div>
          </dl>
          {data.nextPlanId && (
            <p className="notice">
              {t('employee.plan.newer')}{' '}
              <Link href={`/employee/plan?plan=${encodeURIComponent(data.nextPlanId)}`}>
                {t('employee.plan.openNewer')}
              </Link>
            </p>
          )}
          <StatusMessage message={status} />
          <Section title={t('employee.plan.goals')}>
            {data.goals.length === 0 ? (
              <p>{t('employee.plan.noGoals')}</p>
            ) : (
              <TableScroll label={t('employee.plan.goals')}>
                <table className="emp-goals">
                  <thead>
                    <tr>
                      <th scope="col">{t('employee.plan.goal')}</th>
                      <th scope="col">{t('employee.plan.competency')}</th>
                      <th scope="col">{t('employee.plan.deadline')}</th>
                      <th scope="col">{t('employee.plan.phase')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.goals.map((goal) => (
                      <tr key={goal.goalId}>
                        <th scope="row">
                          <Link href={`/employee/goals/${encodeURIComponent(goal.goalId)}`}>
                            {goal.title}
                          </Link>
                        </th>
                        <td>{goal.target.competencyId}</td>
                        <td>{day(language, goal.deadline)}</td>
                        <td>
                          <PhaseBadge phase={goal.phase} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            )}
          </Section>
          {data.status === 'open' && <Gaps planId={planId} goals={goals} onStatus={onStatus} />}
        </>
      )}
    </Loadable>
  );
};

/** /employee/plan: the employee's plan, its goals, and the gaps to draft a goal from. */
export const PlanPage = () => {
  const t = useT();
  const { session } = useApi();
  const location = useLocation();
  const [status, setStatus] = useState<string | undefined>(takeFlash);
  const goals = useGet<Goal[]>(
    'planning',
    `/employees/${encodeURIComponent(session.userId)}/goals`,
  );
  const rememberedKey = planKey(session.tenantId, session.userId);
  const [started, setStarted] = useState<string | undefined>();
  return (
    <>
      <h1>{t('employee.plan.title')}</h1>
      <p>{t('employee.plan.intro')}</p>
      <Loadable loaded={goals}>
        {(list) => {
          const planId =
            location.searchParams.get('plan') ??
            started ??
            planIdOf(list, localStorage.getItem(rememberedKey));
          if (planId) localStorage.setItem(rememberedKey, planId);
          if (!planId)
            return (
              <>
                <StatusMessage message={status} />
                <StartPlan
                  onStarted={(plan) => {
                    localStorage.setItem(rememberedKey, plan.planId);
                    setStatus(t('employee.plan.started.status', { cycle: plan.cycle }));
                    setStarted(plan.planId);
                  }}
                />
              </>
            );
          return (
            <PlanView
              key={planId}
              planId={planId}
              goals={list}
              status={status}
              onStatus={(message) => setStatus(message || undefined)}
            />
          );
        }}
      </Loadable>
    </>
  );
};
