import { InMemoryReadModel } from '../in-memory-read-model';
import type { ProjectedEvent } from '@talentloop/read-models';
import { approvalRequestsProjection } from './approval-requests.projection';

const metadata = (occurredAt: string) => ({
  tenantId: 'acme',
  actorId: 'mgr-1',
  occurredAt,
  schemaVersion: 1,
});
const ids = { requestId: 'apr-1', goalId: 'goal-1', employeeId: 'emp-1' };
const requested: ProjectedEvent = {
  id: 'e1',
  type: 'ApprovalRequested',
  data: {
    ...ids,
    managerId: 'mgr-1',
    submissionNumber: 1,
    submittedAt: '2026-02-02T10:00:00.000Z',
  },
  metadata: metadata('2026-02-02T10:00:00.000Z'),
};
const rejected: ProjectedEvent = {
  id: 'e2',
  type: 'GoalRejected',
  data: {
    ...ids,
    submissionNumber: 1,
    decidedBy: 'mgr-1',
    decidedAs: 'manager',
    turnaroundSeconds: 3600,
    feedback: 'Name the meetings where you will practise.',
  },
  metadata: metadata('2026-02-02T11:00:00.000Z'),
};

describe('the approval requests projection', () => {
  it('keeps the status and every step of the exchange', () => {
    const model = new InMemoryReadModel(approvalRequestsProjection);
    model.apply({ event: requested, source: 'store', position: 1n });
    model.apply({ event: rejected, source: 'store', position: 2n });

    expect(model.get('apr-1')).toMatchObject({
      tenantId: 'acme',
      status: 'rejected',
      exchange: [
        { event: 'ApprovalRequested', by: 'mgr-1', submissionNumber: 1 },
        { event: 'GoalRejected', feedback: 'Name the meetings where you will practise.' },
      ],
    });
  });

  it('changes nothing when an event is applied again', () => {
    const model = new InMemoryReadModel(approvalRequestsProjection);
    model.apply({ event: requested, source: 'store', position: 1n });
    model.apply({ event: rejected, source: 'store', position: 2n });
    const once = model.get('apr-1');
    model.apply({ event: rejected, source: 'store', position: 2n });
    expect(model.get('apr-1')).toBe(once);
  });
});
