import { useId } from 'react';
import { Withheld } from '../../components/states';
import { useLanguage, useT } from '../../i18n';
import { number } from '../../lib/format';
import { TableScroll } from './figures';
import { type HeatCell, type Heatmap, gapBands } from './report-tables';
import './hr.css';

const HeatCellView = ({ cell }: { cell: HeatCell }) => {
  const t = useT();
  const { language } = useLanguage();
  switch (cell.kind) {
    case 'value':
      return (
        <td className={`hr-heat hr-heat-${cell.band}`}>
          {number(language, cell.value, 1)}
          <span className="visually-hidden"> ({t(`hr.gap.band${cell.band}`)})</span>
        </td>
      );
    case 'withheld':
      return (
        <td className="hr-heat hr-heat-withheld">
          <Withheld reason={cell.reason} />
        </td>
      );
    case 'none':
      return (
        <td className="hr-heat hr-heat-none">
          <span aria-hidden="true">—</span>
          <span className="visually-hidden">{t('hr.gap.noneMeasured')}</span>
        </td>
      );
  }
};

/**
 * The gap map as an HTML table: competencies down, all departments then each department
 * across; each cell its average gap as a number and a colour band (the number says it all,
 * the colour only helps the eye), withheld cells marked with their reason.
 */
export const GapHeatmap = ({ heatmap }: { heatmap: Heatmap }) => {
  const t = useT();
  const captionId = useId();
  return (
    <>
      <TableScroll labelledBy={captionId}>
        <table className="hr-heatmap">
          <caption id={captionId} className="visually-hidden">
            {t('hr.gap.heatmap')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('hr.competency')}</th>
              <th scope="col">{t('hr.allDepartments')}</th>
              {heatmap.departments.map((department) => (
                <th scope="col" key={department.key}>
                  {department.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {heatmap.rows.map((row) => (
              <tr key={row.competencyId}>
                <th scope="row">{row.competencyId}</th>
                <HeatCellView cell={row.overall} />
                {row.cells.map((cell, index) => (
                  <HeatCellView key={index} cell={cell} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <div className="hr-legend">
        <p className="hr-legend-title">{t('hr.gap.legend')}</p>
        <ul>
          {gapBands.map(({ band }) => (
            <li key={band}>
              <span className={`hr-swatch hr-heat-${band}`} aria-hidden="true" />
              {t(`hr.gap.band${band}`)}
            </li>
          ))}
          <li>
            <span className="hr-swatch hr-heat-withheld" aria-hidden="true" />
            {t('withheld.label')}
          </li>
        </ul>
      </div>
    </>
  );
};
