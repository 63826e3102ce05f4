import { TableScroll } from '../../components/table-scroll';
import { type ReactNode } from 'react';
import { type TextKey, useT } from '../../i18n';
import { type Phase, type SmartCheck } from '../../lib/goal';
import { type Segment } from '../../lib/text-diff';
import { type FieldChange } from './draft-diff';
import './employee.css';

const phaseTone: Record<Phase, 'ok' | 'warn' | 'bad' | ''> = {
  draft: '',
  submitted: 'warn',
  rejected: 'bad',
  revised: 'warn',
  active: 'ok',
  evaluated: 'ok',
  withdrawn: '',
};

/** A goal's phase as a badge, in words (never colour alone). */
export const PhaseBadge = ({ phase }: { phase: Phase }) => {
  const t = useT();
  return <span className={`badge ${phaseTone[phase]}`}>{t(`employee.phase.${phase}`)}</span>;
};

/** What the last action did, announced to screen readers (role=status). */
export const StatusMessage = ({ message }: { message: string | undefined }) => (
  <p role="status" className={message ? 'notice' : 'visually-hidden'}>
    {message ?? ''}
  </p>
);

const smartKeys: Record<string, TextKey> = {
  specific: 'employee.smart.specific',
  measurable: 'employee.smart.measurable',
  achievable: 'employee.smart.achievable',
  acceptable: 'employee.smart.acceptable',
  relevant: 'employee.smart.relevant',
  'time-bound': 'employee.smart.time-bound',
};

/** The SMART checks as the API explained them, each passed or not in words and a mark. */
export const SmartChecks = ({
  checks,
  caption,
}: {
  checks: readonly SmartCheck[];
  caption: string;
}) => {
  const t = useT();
  const failed = checks.filter((check) => !check.passed).length;
  return (
    <div className="emp-smart">
      <p className="emp-smart-summary">
        {caption}{' '}
        {failed === 0
          ? t('employee.smart.allPassed')
          : t('employee.smart.someFailed', { count: failed })}
      </p>
      <ul className="emp-smart-list">
        {checks.map((check) => (
          <li key={check.property} className={check.passed ? 'passed' : 'failed'}>
            <span className="emp-smart-mark" aria-hidden="true">
              {check.passed ? '✓' : '✗'}
            </span>
            <span>
              <strong>
                {smartKeys[check.property] ? t(smartKeys[check.property]) : check.property}
              </strong>{' '}
              <span className="emp-smart-verdict">
                ({check.passed ? t('employee.smart.passed') : t('employee.smart.failed')})
              </span>
              : {check.explanation}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
};

const SegmentText = ({
  segments,
  side,
}: {
  segments: readonly Segment[];
  side: 'before' | 'after';
}) => (
  <>
    {segments
      .filter((segment) => segment.kind !== (side === 'before' ? 'added' : 'removed'))
      .map((segment, index) =>
        segment.kind === 'same' ? (
          <span key={index}>{segment.text}</span>
        ) : segment.kind === 'removed' ? (
          <del key={index}>{segment.text}</del>
        ) : (
          <ins key={index}>{segment.text}</ins>
        ),
      )}
  </>
);

const fieldKeys: Record<FieldChange['field'], TextKey> = {
  title: 'employee.field.title',
  target: 'employee.field.target',
  behaviour: 'employee.field.behaviour',
  situation: 'employee.field.situation',
  successCriteria: 'employee.field.successCriteria',
  actions: 'employee.field.actions',
  milestones: 'employee.field.milestones',
  deadline: 'employee.field.deadline',
  language: 'employee.field.language',
};

/** What the employee changed in the drafter's proposal: drafted beside now, per field. */
export const DraftDifferences = ({ changes }: { changes: readonly FieldChange[] }) => {
  const t = useT();
  if (changes.length === 0) return <p>{t('employee.diff.none')}</p>;
  return (
    <TableScroll label={t('employee.diff.caption')}>
      <table className="emp-diff">
        <caption className="visually-hidden">{t('employee.diff.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('employee.diff.field')}</th>
            <th scope="col">{t('employee.diff.drafted')}</th>
            <th scope="col">{t('employee.diff.now')}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => (
            <tr key={change.field}>
              <th scope="row">{t(fieldKeys[change.field])}</th>
              {change.kind === 'text' ? (
                <>
                  <td data-label={t('employee.diff.drafted')}>
                    <SegmentText segments={change.segments} side="before" />
                  </td>
                  <td data-label={t('employee.diff.now')}>
                    <SegmentText segments={change.segments} side="after" />
                  </td>
                </>
              ) : (
                <>
                  <td data-label={t('employee.diff.drafted')}>
                    <ul className="emp-plain">
                      {change.items
                        .filter((item) => item.status !== 'added')
                        .map((item) => (
                          <li key={item.key}>
                            <SegmentText segments={item.segments} side="before" />
                          </li>
                        ))}
                    </ul>
                  </td>
                  <td data-label={t('employee.diff.now')}>
                    <ul className="emp-plain">
                      {change.items
                        .filter((item) => item.status !== 'removed')
                        .map((item) => (
                          <li key={item.key}>
                            <SegmentText segments={item.segments} side="after" />
                          </li>
                        ))}
                    </ul>
                  </td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
};

/** A field's error from the API or the form, tied to its control by id. */
export const FieldError = ({ id, message }: { id: string; message: string | undefined }) =>
  message ? (
    <span id={id} className="emp-field-error">
      {message}
    </span>
  ) : null;

/** A labelled section with an h2. */
export const Section = ({
  title,
  children,
  className,
}: {
  title: string;
  children: ReactNode;
  className?: string;
}) => (
  <section className={`emp-section ${className ?? ''}`}>
    <h2>{title}</h2>
    {children}
  </section>
);
