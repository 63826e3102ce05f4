import { EmployeeSynced, type EventMetadata } from '@talentloop/contracts';
import type { ProtectedEventStore } from '@talentloop/privacy';
import { eventually } from '@talentloop/testing';
import { bodyOf, PlanningTestApp, TENANT, type Caller } from '../testing/planning-test-app';

/**
 * A manager's team (`GET /managers/:managerId/reports`): the direct reports as the
 * reporting-line events say now, with their names opened, never an erased one.
 */

interface ReportsBody {
  managerId: string;
  reports: { employeeId: string; displayName: string | null }[];
}
interface Problem {
  code: string;
}

const lead: Caller = { userId: 'mgr-team', roles: 'manager' };
const hr: Caller = { userId: 'hr-1', roles: 'hr' };

describe("a manager's team", () => {
  let service: PlanningTestApp;

  beforeAll(async () => {
    service = await PlanningTestApp.start();
  });

  afterAll(() => service.stop());

  const synced = (employeeId: string, displayName: string, managerId: string | null, extra = {}) =>
    service.event('EmployeeSynced', {
      ...EmployeeSynced.example,
      employeeId,
      displayName,
      managerId,
      ...extra,
    });

  const reportsOf = async (managerId: string, caller: Caller, status = 200) =>
    bodyOf<ReportsBody>(
      await service.request('GET', `/managers/${managerId}/reports`, caller),
      status,
    );

  const whenRead = (what: string, check: (person: { managerId: string | null }) => boolean) =>
    eventually(what, async () => {
      const person = await service.readSide.person(TENANT, 'emp-t3');
      return person !== undefined && check(person);
    });

  it('lists the reports by name, follows the reporting line, and leaves out who left', async () => {
    await service.publish(
      synced('emp-t1', 'Zoë Visser', 'mgr-team'),
      synced('emp-t2', 'Anouk de Wit', 'mgr-team'),
      synced('emp-t4', 'Left Already', 'mgr-team', { employmentStatus: 'left' }),
      synced('emp-t5', 'Someone Else', 'mgr-other'),
      synced('emp-t3', 'Bram Jansen', 'mgr-other'),
    );
    await whenRead('the people reach planning', (person) => person.managerId === 'mgr-other');
    expect(await reportsOf('mgr-team', lead)).toEqual({
      managerId: 'mgr-team',
      reports: [
        { employeeId: 'emp-t2', displayName: 'Anouk de Wit' },
        { employeeId: 'emp-t1', displayName: 'Zoë Visser' },
      ],
    });
    await service.publish(
      service.event('ReportingLineChanged', {
        employeeId: 'emp-t3',
        previousManagerId: 'mgr-other',
        newManagerId: 'mgr-team',
        effectiveAt: service.clock.now().toISOString(),
      }),
    );
    await whenRead('the new line reaches planning', (person) => person.managerId === 'mgr-team');
    expect((await reportsOf('mgr-team', hr)).reports.map((report) => report.employeeId)).toEqual([
      'emp-t2',
      'emp-t3',
      'emp-t1',
    ]);
    expect(await reportsOf('mgr-nobody', hr)).toEqual({ managerId: 'mgr-nobody', reports: [] });
  });

  it('opens a sealed name, and reads an erased one as null', async () => {
    const cipher = (service.store as ProtectedEventStore).cipher;
    const event = synced('emp-t9', 'Sealed Name', 'mgr-sealed');
    const sealed = await cipher.seal({ ...event, metadata: event.metadata as EventMetadata });
    expect(JSON.stringify(sealed.data)).not.toContain('Sealed Name');
    await service.publish({ ...event, data: sealed.data });
    const manager: Caller = { userId: 'mgr-sealed', roles: 'manager' };
    await eventually(
      'the person reaches planning',
      async () => (await service.readSide.person(TENANT, 'emp-t9')) !== undefined,
    );
    expect((await reportsOf('mgr-sealed', manager)).reports).toEqual([
      { employeeId: 'emp-t9', displayName: 'Sealed Name' },
    ]);
    await cipher.erase({ tenantId: TENANT, subjectId: 'emp-t9' });
    const { reports } = await reportsOf('mgr-sealed', manager);
    expect(reports).toEqual([{ employeeId: 'emp-t9', displayName: null }]);
    expect(JSON.stringify(reports)).not.toContain('[erased]');
  });

  it("refuses a manager another manager's team, and employees any (403)", async () => {
    for (const caller of [
      { userId: 'mgr-other', roles: 'manager' },
      { userId: 'emp-t1', roles: 'employee' },
      { userId: 'mgr-team', roles: 'employee' },
    ]) {
      const refusal = await bodyOf<Problem>(
        await service.request('GET', '/managers/mgr-team/reports', caller),
        403,
      );
      expect(refusal.code).toBe('FORBIDDEN');
    }
  });

  it("never answers with another tenant's people", async () => {
    const elsewhere = await reportsOf('mgr-team', { ...hr, tenantId: 'another-tenant' });
    expect(elsewhere.reports).toEqual([]);
  });
});
