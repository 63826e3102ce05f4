import {
  absentDocument,
  foldDocument,
  type DocumentState,
  type ProjectedEvent,
  type ProjectionInput,
} from '@talentloop/read-models';
import {
  approvalRequestOrigins,
  approvalRequestsProjection,
  type ApprovalRequestView,
} from './approval-requests.projection';

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
    addressedTo: 'manager',
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

const fold = (state: DocumentState<ApprovalRequestView>, inputs: ProjectionInput[]) =>
  foldDocument(approvalRequestsProjection, 'apr-1', state, inputs);

describe('the approval requests projection', () => {
  it('keeps the status and every step of the exchange', () => {
    const { state } = fold(absentDocument, [
      { event: requested, source: 'store', position: 1n },
      { event: rejected, source: 'store', position: 2n },
    ]);

    expect(state.doc).toMatchObject({
      tenantId: 'acme',
      status: 'rejected',
      exchange: [
        { event: 'ApprovalRequested', by: 'mgr-1', submissionNumber: 1 },
        { event: 'GoalRejected', feedback: 'Name the meetings where you will practise.' },
      ],
    });
  });

  it('changes nothing when an event is applied again', () => {
    const once = fold(absentDocument, [
      { event: requested, source: 'store', position: 1n },
      { event: rejected, source: 'store', position: 2n },
    ]).state;
    const again = fold(once, [{ event: rejected, source: 'store', position: 2n }]);
    expect(again.applied).toBe(0);
    expect(again.state).toBe(once);
  });
});

describe('where a request keeps personal data', () => {
  const request = fold(absentDocument, [
    { event: requested, source: 'store', position: 1n },
    { event: rejected, source: 'store', position: 2n },
  ]).state.doc as ApprovalRequestView;

  it('is the personal fields of the event each entry of the exchange keeps', () => {
    // given a request whose second entry is a rejection
    const originAt = approvalRequestOrigins(request);

    // then its feedback is the rejection's feedback: opened as that, refused as anything else
    expect(originAt(['exchange', '1', 'feedback'])).toEqual({
      type: 'GoalRejected',
      field: 'feedback',
    });
  });

  it('is nowhere else: not the request, not an entry’s other fields, not a missing entry', () => {
    const originAt = approvalRequestOrigins(request);

    for (const location of [
      ['employeeId'],
      ['exchange', '0', 'feedback'],
      ['exchange', '1', 'decidedBy'],
      ['exchange', '2', 'feedback'],
      ['exchange'],
    ])
      expect([location, originAt(location)]).toEqual([location, undefined]);
  });
});
