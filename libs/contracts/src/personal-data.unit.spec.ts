import { eventRegistry } from './catalog';
import { personalFieldPaths } from './personal-data';

describe('the personal fields of the events', () => {
  it('are the names, e-mails and free text written by or about a person, and nothing else', () => {
    const personal = Object.fromEntries(
      eventRegistry
        .currentDefinitions()
        .map((definition) => [
          definition.name,
          personalFieldPaths(definition.schema).map((path) => path.join('.')),
        ])
        .filter(([, paths]) => paths.length > 0),
    );

    expect(personal).toEqual({
      EmployeeSynced: ['displayName', 'email'],
      MotivationRecorded: ['note'],
      CheckInLogged: [
        'answers.whatWasDone',
        'answers.whatGoesWellAndWhatIsHard',
        'answers.whatIsNext',
      ],
      GoalAdjusted: ['reason'],
      GoalWithdrawn: ['reason'],
      GoalApproved: ['note'],
      GoalRejected: ['feedback'],
    });
  });

  it('accept the plaintext, a sealed value or "[erased]", and check the plaintext as before', () => {
    const metadata = {
      tenantId: 'acme',
      actorId: 'mgr-1',
      occurredAt: '2026-03-01T09:00:00.000Z',
      schemaVersion: 1,
    };
    const example = eventRegistry.current('GoalRejected')!.example as object;
    const violationsOf = (feedback: string) =>
      eventRegistry.validate('GoalRejected', { ...example, feedback }, metadata);

    expect(violationsOf('enc:v1:c2VhbGVkLWJ5dGVz')).toEqual([]);
    expect(violationsOf('[erased]')).toEqual([]);
    expect(violationsOf('Name the meetings where you will practise listening.')).toEqual([]);
    expect(violationsOf('too short')).toEqual([
      { field: 'data.feedback', message: 'must NOT have fewer than 20 characters' },
    ]);
  });
});
