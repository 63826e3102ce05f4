import { approvalRequestIdFor } from '@talentloop/approval-domain';
import { EmbeddedMessageBus, publishEvents } from '@talentloop/messaging';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ApprovalTestApp,
  employeeSynced,
  eventually,
  goalSubmitted,
  TENANT,
  type Caller,
} from '../testing/approval-test-app';

const formerManager: Caller = { userId: 'mgr-old' };
const newManager: Caller = { userId: 'mgr-new' };
/** Enough people before ours that a read side starting empty takes a while to reach them. */
const OTHER_PEOPLE = 1_500;

/**
 * ADR 0008: a decision never acts on a read side older than what it handles. Approval routes a
 * submission to the manager its reporting lines name; started with an empty read side, it must
 * wait for them to catch up with the people events published before the submission, instead
 * of routing by what it happens to hold (nothing) or by the manager planning put on it.
 */
describe('approval restarted with an empty read side', () => {
  const folder = mkdtempSync(join(tmpdir(), 'talentloop-approval-freshness-'));
  let service: ApprovalTestApp | undefined;

  afterAll(async () => {
    await service?.stop(false);
    rmSync(folder, { recursive: true, force: true });
  });

  it('routes a submission to the new manager, and the former one may not decide', async () => {
    // Given the employee reports to mgr-old, among many other people, known to approval.
    const first = await ApprovalTestApp.start({}, undefined, folder);
    const others = Array.from({ length: OTHER_PEOPLE }, (_, index) =>
      first.event('EmployeeSynced', employeeSynced(`emp-${5000 + index}`, 'mgr-9')),
    );
    await first.publish(
      ...others,
      first.event('EmployeeSynced', employeeSynced('emp-1001', 'mgr-old')),
    );
    await eventually(async () => expect(await first.managerOf('emp-1001')).toBe('mgr-old'), 30_000);
    const line = first.event('ReportingLineChanged', {
      employeeId: 'emp-1001',
      previousManagerId: 'mgr-old',
      newManagerId: 'mgr-new',
      effectiveAt: first.clock.now().toISOString(),
    });
    // Planning still named the former manager on the submission.
    const submission = first.event(
      'GoalSubmitted',
      goalSubmitted('goal-7', 'emp-1001', 1, 'mgr-old'),
    );
    await first.stop(false);

    // When, while approval is down, the reporting line changes and then the goal is submitted,
    for (const file of ['read-models.sqlite', 'read-models.sqlite-wal', 'read-models.sqlite-shm'])
      rmSync(join(folder, file), { force: true });
    const bus = new EmbeddedMessageBus({ path: join(folder, 'bus.sqlite') });
    await publishEvents(bus, [line]);
    await publishEvents(bus, [submission]);
    await bus.close();
    // and approval starts again with its read side gone,
    service = await ApprovalTestApp.start({}, undefined, folder);

    // then the request reaches the new manager,
    const requestId = approvalRequestIdFor(TENANT, 'goal-7');
    await eventually(async () => {
      const inbox = await service!.request('GET', '/approval-requests/inbox', newManager);
      expect(await inbox.json()).toEqual([expect.objectContaining({ requestId })]);
    }, 60_000);
    const thread = await service.request('GET', `/approval-requests/${requestId}`, newManager);
    expect(await thread.json()).toMatchObject({ managerId: 'mgr-new', status: 'pending' });
    expect(await service.eventTypesOf(requestId)).toEqual(['ApprovalRequested']);
    // and the former manager gets 403 and writes nothing.
    const refused = await service.request(
      'POST',
      `/approval-requests/${requestId}/approve`,
      formerManager,
      { checkInCadence: 'monthly' },
    );
    expect(refused.status).toBe(403);
    expect(await service.eventTypesOf(requestId)).toEqual(['ApprovalRequested']);
  }, 120_000);
});
