import { useT } from '../i18n';
import { toCsv } from '../lib/csv';

/** Downloads rows as `<name>.csv` (made in the browser from the figures shown). */
export const CsvDownload = ({
  name,
  header,
  rows,
}: {
  name: string;
  header: readonly string[];
  rows: readonly (readonly (string | number | boolean | null | undefined)[])[];
}) => {
  const t = useT();
  const download = () => {
    const url = URL.createObjectURL(
      new Blob([toCsv(header, rows)], { type: 'text/csv;charset=utf-8' }),
    );
    const link = document.createElement('a');
    link.href = url;
    link.download = `${name}.csv`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <button type="button" className="secondary" onClick={download}>
      {t('csv.download')} <span className="visually-hidden">({name})</span>
    </button>
  );
};
