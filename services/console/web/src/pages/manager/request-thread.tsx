import { useId } from 'react';
import { useApi } from '../../api';
import { useLanguage, useT, type Translate } from '../../i18n';
import { instant } from '../../lib/format';
import { labelOf } from './parts';
import { orderThread, type ThreadEntry } from './thread';
import { type ApprovalThread } from './types';

const sentenceOf = (t: Translate, entry: ThreadEntry, who: string): string => {
  const { step } = entry;
  switch (step.kind) {
    case 'submitted':
      return t('manager.thread.submitted', { who, number: step.submissionNumber });
    case 'resubmitted':
      return t('manager.thread.resubmitted', { who, number: step.submissionNumber });
    case 'adjustment-asked':
      return t('manager.thread.adjustmentAsked', { who });
    case 'approved':
      return step.cadence
        ? t('manager.thread.approvedCadence', {
            who,
            cadence: labelOf(t, 'manager.cadence.', step.cadence),
          })
        : t('manager.thread.approved', { who });
    case 'rejected':
      return step.submissionNumber
        ? t('manager.thread.rejectedVersion', { who, number: step.submissionNumber })
        : t('manager.thread.rejected', { who });
    case 'adjustment-approved':
      return t('manager.thread.adjustmentApproved', { who });
    case 'adjustment-rejected':
      return t('manager.thread.adjustmentRejected', { who });
    case 'reassigned':
      return step.to
        ? t('manager.thread.reassigned', { to: step.to })
        : t('manager.thread.reassignedHr');
    case 'overdue':
      return t('manager.thread.overdue', { days: step.pendingDays ?? '?' });
    case 'withdrawn':
      return t('manager.thread.withdrawn', { who });
    case 'other':
      return t('manager.thread.other', { event: step.event });
  }
};

const quoteOf = (t: Translate, entry: ThreadEntry): { label: string; text: string } | undefined => {
  const { step } = entry;
  if ((step.kind === 'rejected' || step.kind === 'adjustment-rejected') && step.feedback)
    return { label: t('manager.thread.feedback'), text: step.feedback };
  if ((step.kind === 'approved' || step.kind === 'adjustment-approved') && step.note)
    return { label: t('manager.thread.note'), text: step.note };
  if (step.kind === 'adjustment-asked' && step.reason)
    return { label: t('manager.thread.reason'), text: step.reason };
  return undefined;
};

/** The request's exchange in order, each step in a sentence with what was said. */
export const ThreadSection = ({ thread }: { thread: ApprovalThread }) => {
  const t = useT();
  const { language } = useLanguage();
  const { session } = useApi();
  const id = useId();
  const entries = orderThread(thread);
  return (
    <section aria-labelledby={id} className="mgr-section">
      <h2 id={id}>{t('manager.thread.title')}</h2>
      {entries.length === 0 ? (
        <p>{t('manager.thread.empty')}</p>
      ) : (
        <ol className="mgr-thread">
          {entries.map((entry, index) => {
            const who =
              entry.by === session.userId
                ? t('manager.thread.you')
                : entry.side === 'system'
                  ? t('manager.thread.system')
                  : entry.by;
            const quote = quoteOf(t, entry);
            return (
              <li key={`${entry.at}-${index}`} className={`mgr-step mgr-step-${entry.side}`}>
                <p className="mgr-step-head">
                  <time dateTime={entry.at}>{instant(language, entry.at)}</time>
                </p>
                <p className="mgr-step-text">{sentenceOf(t, entry, who)}</p>
                {quote && (
                  <figure className="mgr-step-quote">
                    <figcaption>{quote.label}</figcaption>
                    <blockquote className="mgr-quote">{quote.text}</blockquote>
                  </figure>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
};
