import { DemoFailure } from '../http';
import { bold, dim, green, line, step } from '../print';
import { employee, hr, manager } from '../organisation';
import type { GapReport } from '../responses';
import { api } from '../run';

/**
 * Chloe's gaps as the manager sees them, ranked, then identified (GapIdentified); returns the
 * Collaboration gap (else the first), the number identified and the step's summary.
 */
export const analyseGaps = async () => {
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
  const gap =
    identified.identified.find((found) => found.competencyId === 'collaboration') ??
    identified.identified[0];
  if (!gap) throw new DemoFailure('no gap was identified for Chloe: nothing to draft a goal from');
  return {
    gap,
    identified: identified.identified.length,
    summary: {
      competencies: report.competencies.map(({ competencyId, gap, worthDevelopment }) => ({
        competencyId,
        gap,
        worthDevelopment,
      })),
      ranked: report.ranked.map(
        ({ competencyId, priority, aptitude, behaviour, requiredScore }) => ({
          competencyId,
          rank: priority.rank,
          priority: priority.score,
          aptitude,
          behaviour,
          requiredScore,
        }),
      ),
      identified: identified.identified.map((found) => found.competencyId),
    },
  };
};
