/**
 * Seeding the running system over HTTP, the way the demo walks a cycle: a framework, a role
 * profile, people with managers (HRIS sync), a recorded motivation per employee (what makes a
 * target-only goal relevant), a plan per employee, drafted goals, and, for goals that must be
 * active, submit → manager approves → planning activates.
 */
import { approvalRequestIdFor } from '@talentloop/approval-domain';
import { poll, type Caller, type Client } from '../../scripts/demo/http';
import { framework } from '../../scripts/demo/framework';

export const hr: Caller = { userId: 'hr-bench', roles: 'hr' };
export const employeeCaller = (employeeId: string): Caller => ({
  userId: employeeId,
  roles: 'employee',
});
export const managerCaller = (managerId: string): Caller => ({
  userId: managerId,
  roles: 'manager,employee',
});

/** The planning service allows this many pending or active goals per employee. */
export const goalsPerEmployee = 3;
const cycle = '2026-bench';

/** Runs `task` over `items` with at most `concurrency` in flight; results in input order. */
export const inParallel = async <T, R>(
  items: readonly T[],
  concurrency: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> => {
  const results = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await task(items[index], index);
      }
    }),
  );
  return results;
};

/** Retries `probe` every 50 ms until it returns a value, for up to two minutes. */
const eventually = async <T>(what: string, probe: () => Promise<T | undefined>): Promise<T> =>
  (await poll(what, probe, { intervalMs: 50, timeoutMs: 120_000 })).value;

/** Framework and role profile, once per tenant. */
export const seedFramework = async (api: Client): Promise<void> => {
  await api.call('assessment', 'POST', '/frameworks/core/versions', hr, { body: framework });
  await api.call('assessment', 'PUT', '/role-profiles/software-engineer', hr, {
    body: {
      name: 'Software engineer',
      frameworkId: 'core',
      requiredCompetencies: [{ competencyId: 'collaboration', requiredLevel: 4, weight: 40 }],
    },
  });
};

/** A group of employees, `perManager` to each of their own managers. */
export interface Cohort {
  readonly name: string;
  readonly managers: readonly string[];
  readonly employees: readonly { readonly id: string; readonly managerId: string }[];
}

export const cohort = (name: string, employees: number, perManager: number): Cohort => {
  const managers = Array.from(
    { length: Math.ceil(employees / perManager) },
    (_, i) => `mgr-${name}-${i}`,
  );
  return {
    name,
    managers,
    employees: Array.from({ length: employees }, (_, i) => ({
      id: `emp-${name}-${i}`,
      managerId: managers[Math.floor(i / perManager)],
    })),
  };
};

/**
 * HRIS sync of managers and employees, then a motivation per employee. The DTO takes 5,000
 * people a call, but the HTTP body limit (100 kB) stops far sooner: 250 a call.
 */
export const seedPeople = async (api: Client, group: Cohort, concurrency: number) => {
  const person = (id: string, managerId: string | null) => ({
    externalId: id,
    displayName: id,
    email: `${id}@bench.example.com`,
    roleId: 'software-engineer',
    departmentId: 'engineering',
    departmentName: 'Engineering',
    managerExternalId: managerId,
    preferredLanguage: 'en',
    employmentStatus: 'active',
  });
  const everyone = [
    ...group.managers.map((id) => person(id, null)),
    ...group.employees.map(({ id, managerId }) => person(id, managerId)),
  ];
  for (let start = 0; start < everyone.length; start += 250)
    await api.call('assessment', 'POST', '/people/sync', hr, {
      expect: 200,
      body: { employees: everyone.slice(start, start + 250) },
    });
  await inParallel(group.employees, concurrency, ({ id }) =>
    api.call('assessment', 'PUT', `/employees/${id}/motivations/collaboration`, hr, {
      body: { energy: 4, note: 'I want to be the colleague people like to think with.' },
    }),
  );
};

export interface SeededGoal {
  readonly goalId: string;
  readonly employeeId: string;
  readonly managerId: string;
}

/** A plan per employee and `perEmployee` drafted goals on it, each agreed to by the employee. */
export const seedDrafts = async (
  api: Client,
  group: Cohort,
  perEmployee: number,
  concurrency: number,
): Promise<SeededGoal[]> => {
  const planIds = await inParallel(group.employees, concurrency, async ({ id }) => {
    const plan = await api.call<{ planId: string }>('planning', 'POST', '/plans', hr, {
      body: { employeeId: id, cycle },
    });
    return plan.planId;
  });
  const slots = group.employees.flatMap((employee, i) =>
    Array.from({ length: perEmployee }, () => ({ ...employee, planId: planIds[i] })),
  );
  return inParallel(slots, concurrency, async ({ id, managerId, planId }) => {
    // The plan is read from the planning read model: right after the start it may lag.
    const drafted = await eventually(`plan ${planId} readable`, () =>
      api.call<{ goalId: string }>('planning', 'POST', `/plans/${planId}/goals/draft`, hr, {
        body: { target: { kind: 'competency', competencyId: 'collaboration', indicatorIds: [] } },
      }),
    );
    // The employee agrees to the draft (SMART: acceptable), so a submit is all a phase sends.
    await api.call('planning', 'POST', `/goals/${drafted.goalId}/agreement`, employeeCaller(id), {
      expect: 200,
      body: { motivation: 'I want my team to feel heard before I answer.' },
    });
    return { goalId: drafted.goalId, employeeId: id, managerId };
  });
};

/** Waits until planning reads every goal (a command on an unread goal is a 404). */
export const awaitGoalsReadable = (api: Client, goals: readonly SeededGoal[]) =>
  inParallel(goals.slice(-20), 10, ({ goalId }) =>
    eventually(`goal ${goalId} readable`, async () =>
      (await api.raw('planning', 'GET', `/goals/${goalId}`, hr)).ok ? true : undefined,
    ),
  );

/** Submits, approves as the manager once approval has the request, waits until active. */
export const seedActiveGoals = async (
  api: Client,
  goals: readonly SeededGoal[],
  concurrency: number,
): Promise<void> => {
  await inParallel(goals, concurrency, async ({ goalId, employeeId, managerId }) => {
    await api.call('planning', 'POST', `/goals/${goalId}/submit`, employeeCaller(employeeId), {
      expect: 200,
    });
    const requestId = approvalRequestIdFor(api.tenantId, goalId);
    await eventually(`approval of ${goalId}`, () =>
      api.call(
        'approval',
        'POST',
        `/approval-requests/${requestId}/approve`,
        managerCaller(managerId),
        {
          expect: 200,
          body: { checkInCadence: 'weekly', submissionNumber: 1 },
        },
      ),
    );
  });
  await inParallel(goals, concurrency, ({ goalId, employeeId }) =>
    eventually(`goal ${goalId} active`, async () => {
      const goal = await api.call<{ status: string }>(
        'planning',
        'GET',
        `/goals/${goalId}`,
        employeeCaller(employeeId),
      );
      return goal.status === 'active' ? goal : undefined;
    }),
  );
};
