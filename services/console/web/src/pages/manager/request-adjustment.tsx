import { useId } from 'react';
import { useT } from '../../i18n';
import { FieldValue, fieldLabel, TableScroll } from './parts';
import { type AdjustmentAsked } from './types';

/** The adjustment asked: each field before and after, and the employee's reason. */
export const AdjustmentSection = ({
  adjustment,
  pending,
}: {
  adjustment: AdjustmentAsked;
  pending: boolean;
}) => {
  const t = useT();
  const id = useId();
  return (
    <section aria-labelledby={id} className="mgr-section">
      <h2 id={id}>{t('manager.adjustment.title')}</h2>
      {pending && <p className="mgr-meta">{t('manager.adjustment.intro')}</p>}
      <TableScroll label={t('manager.adjustment.title')}>
        <table className="mgr-adjustment">
          <thead>
            <tr>
              <th scope="col">{t('manager.diff.field')}</th>
              <th scope="col">{t('manager.adjustment.before')}</th>
              <th scope="col">{t('manager.adjustment.after')}</th>
            </tr>
          </thead>
          <tbody>
            {adjustment.changes.map((change) => (
              <tr key={change.field}>
                <th scope="row">{fieldLabel(t, change.field)}</th>
                <td className="mgr-before">
                  <FieldValue field={change.field} value={change.before} />
                </td>
                <td className="mgr-after">
                  <FieldValue field={change.field} value={change.after} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <h3>{t('manager.adjustment.reason')}</h3>
      {adjustment.reason ? (
        <blockquote className="mgr-quote">{adjustment.reason}</blockquote>
      ) : (
        <p>{t('manager.adjustment.noReason')}</p>
      )}
    </section>
  );
};
