import { isoMinutesAgo } from '../dates';
import { dim, line, step } from '../print';
import { employee, hr } from '../organisation';
import type { Goal, RoundScores } from '../responses';
import { api } from '../run';

/**
 * A second 360° round on Collaboration in which the raters see the goal's indicators grow;
 * returns the round's scores.
 */
export const remeasure = async (active: Goal) => {
  step('Remeasurement: a second 360° round on Collaboration, the baseline instrument');
  const criterion = active.content.successCriteria[0];
  const targeted = criterion?.indicatorIds ?? [];
  const lift = Math.min(100, (criterion?.target ?? 60) + 4);
  const remeasureAnswers = [
    ['emp-chloe', 'self', 70],
    ['mgr-ben', 'manager', lift],
    ['emp-daan', 'peer', lift],
    ['emp-elif', 'peer', lift + 2],
    ['emp-finn', 'peer', lift - 2],
  ] as const;
  const remeasuredRound = await api.call<{
    competencyScores?: RoundScores[];
  }>('assessment', 'POST', `/employees/${employee.userId}/feedback-rounds`, hr, {
    body: {
      roundId: 'round-2026-remeasure',
      competencyId: 'collaboration',
      closedAt: isoMinutesAgo(0),
      invitedCount: 6,
      answers: remeasureAnswers.flatMap(([raterId, group, score]) =>
        ['collab-listening', 'collab-sharing', 'collab-feedback'].map((indicatorId) => ({
          raterId,
          group,
          indicatorId,
          // The raters see the targeted indicators grow; the others hold at 67.
          score: targeted.includes(indicatorId) ? score : 67,
        })),
      ),
    },
  });
  line(
    `second round closed: ${(remeasuredRound.competencyScores ?? [])
      .map((score) => `${score.group} ${score.score} (${score.raterCount})`)
      .join(', ')}`,
  );
  line(dim('a closed 360° round is a measurement like any other: planning reads it as progress'));
  return remeasuredRound.competencyScores ?? [];
};
