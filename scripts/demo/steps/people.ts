import { line, step } from '../print';
import { departments, employees, hr, manager, people, type Department } from '../organisation';
import { api, tenantId } from '../run';

/** HR syncs the organisation from the HRIS; returns how many people changed and were sent. */
export const syncPeople = async () => {
  step('People from the HRIS (POST /people/sync)');
  const synced = await api.call<{ changed: string[]; reportingLinesChanged?: string[] }>(
    'assessment',
    'POST',
    '/people/sync',
    hr,
    {
      expect: 200,
      body: {
        employees: people.map((person) => ({
          externalId: person.id,
          displayName: person.name,
          email: `${person.id}@${tenantId}.example.com`,
          roleId: person.role,
          departmentId: person.department,
          departmentName: departments[person.department],
          managerExternalId: person.manager,
          preferredLanguage: 'en',
          employmentStatus: 'active',
        })),
      },
    },
  );
  line(`${synced.changed.length} people synced (${people.length} sent)`);
  for (const department of Object.keys(departments) as Department[])
    line(
      `${departments[department].padEnd(12)} ${people
        .filter((person) => person.department === department)
        .map(
          (person) =>
            `${person.id}${person.manager ? '' : person.role === 'hr-partner' ? ' (HR)' : ' (manager)'}`,
        )
        .join(', ')}`,
    );
  line(`all ${employees.length} employees report to ${manager.userId}; ${hr.userId} is HR`);
  return { synced: synced.changed.length, sent: people.length };
};
