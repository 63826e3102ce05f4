import { isoMinutesAgo } from '../dates';
import { dim, line, step } from '../print';
import { employee, employees, hr } from '../organisation';
import type { RoundScores } from '../responses';
import { api } from '../run';

/** A small deterministic spread of scores per person, so the org is not all alike. */
const spread = (seed: string, base: number, range: number) =>
  base + ([...seed].reduce((sum, char) => sum + char.charCodeAt(0), 0) % range);

/**
 * Baseline measurements for every employee, a 360° round on Chloe's Collaboration and her
 * motivation for it; returns the measurements recorded and the round's scores.
 */
export const measureBaseline = async () => {
  step('Baseline: assessment measurements for everyone, a 360° round for Chloe');
  const baselineAt = isoMinutesAgo(30);
  const measurements = employees.flatMap((person) => [
    {
      employeeId: person.id,
      competencyId: 'collaboration',
      instrument: 'assessment',
      aptitude: person.id === employee.userId ? 82 : spread(person.id, 60, 30),
      behaviour: person.id === employee.userId ? 48 : spread(person.id, 40, 35),
      indicatorScores:
        person.id === employee.userId
          ? [
              { indicatorId: 'collab-listening', score: 41 },
              { indicatorId: 'collab-sharing', score: 66 },
              { indicatorId: 'collab-feedback', score: 47 },
            ]
          : [],
      facetScores: [
        { facetId: 'agreeableness', score: spread(person.id, 55, 40) },
        { facetId: 'openness', score: spread(person.id, 50, 45) },
      ],
      measuredAt: baselineAt,
    },
    {
      employeeId: person.id,
      competencyId: 'ownership',
      instrument: 'assessment',
      aptitude: spread(`${person.id}o`, 60, 35),
      behaviour: spread(`${person.id}o`, 45, 30),
      indicatorScores: [],
      facetScores: [{ facetId: 'conscientiousness', score: spread(`${person.id}c`, 50, 45) }],
      measuredAt: baselineAt,
    },
  ]);
  const imported = await api.call<{ recorded: number; unchanged?: number }>(
    'assessment',
    'POST',
    '/measurements/imports',
    hr,
    { body: measurements, expect: 200 },
  );
  line(
    `POST /measurements/imports: ${imported.recorded} measurements recorded (instrument: assessment)`,
  );

  const roundAt = isoMinutesAgo(20);
  const answers = [
    ['emp-chloe', 'self', [60, 70, 55]],
    ['mgr-ben', 'manager', [40, 64, 45]],
    ['emp-daan', 'peer', [38, 68, 44]],
    ['emp-elif', 'peer', [42, 62, 47]],
    ['emp-finn', 'peer', [40, 66, 43]],
  ] as const;
  const round = await api.call<{
    competencyScores?: RoundScores[];
    measurementId?: string;
  }>('assessment', 'POST', `/employees/${employee.userId}/feedback-rounds`, hr, {
    body: {
      roundId: 'round-2026-baseline',
      competencyId: 'collaboration',
      closedAt: roundAt,
      invitedCount: 6,
      answers: answers.flatMap(([raterId, group, scores]) =>
        ['collab-listening', 'collab-sharing', 'collab-feedback'].map((indicatorId, index) => ({
          raterId,
          group,
          indicatorId,
          score: scores[index],
        })),
      ),
    },
  });
  line(
    `360° round on Collaboration closed: ${(round.competencyScores ?? [])
      .map(
        (score) =>
          `${score.group} ${score.score} (${score.raterCount} rater${score.raterCount === 1 ? '' : 's'})`,
      )
      .join(', ')}`,
  );
  line(dim('individual answers are not returned; groups under 3 raters are pooled or withheld'));
  await api.call(
    'assessment',
    'PUT',
    `/employees/${employee.userId}/motivations/collaboration`,
    employee,
    {
      body: { energy: 4, note: 'I want to be the colleague people like to think with.' },
    },
  );
  line('Chloe records her motivation for Collaboration: energy 4/5');
  return { recorded: imported.recorded, round: round.competencyScores ?? [] };
};
