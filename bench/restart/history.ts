/**
 * A history of a given size written straight into the embedded event store of a data folder,
 * as the services store it (personal fields sealed per person, the keys in the same file):
 * organisationHistory's development cycles across the four contexts, appended in windows
 * that SQLite group-commits (appendHistory). Nothing is put on the bus: the services' relays
 * publish it on their first start.
 */
import { approvalRequestIdFor } from '@talentloop/approval-domain';
import {
  streamName,
  type ApprovalRequested,
  type GoalActivated,
  type GoalApproved,
  type GoalRejected,
} from '@talentloop/contracts';
import { SqliteEventStore } from '@talentloop/event-store';
import {
  openSubjectKeyStore,
  PersonalDataCipher,
  ProtectedEventStore,
  subjectKeyStoreConfigFromEnv,
} from '@talentloop/privacy';
import { appendHistory, organisationHistory, type HistoryEvent } from '@talentloop/testing';

/** Events per employee in organisationHistory's cycles: 1,000,000 events ≈ 10,000 people. */
const EVENTS_PER_EMPLOYEE = 100;
export const TENANT = 'bench-restart';

type RequestData = ApprovalRequested['data'] | GoalApproved['data'] | GoalRejected['data'];

/**
 * The generator names approval requests `apr-<employee>-<cycle>`; the approval service derives
 * a request's id from tenant and goal. With the service's ids, the approval consumer finds each
 * submission of the history already opened at the first start and appends nothing, as it would
 * on a system that had run all along.
 */
const withServiceRequestId = (item: HistoryEvent): HistoryEvent => {
  const { event } = item;
  const { tenantId } = event.metadata;
  switch (event.type) {
    case 'ApprovalRequested':
    case 'GoalApproved':
    case 'GoalRejected': {
      const data = event.data as RequestData;
      const requestId = approvalRequestIdFor(tenantId, data.goalId);
      return {
        ...item,
        streamName: streamName({
          context: 'approval',
          aggregate: 'approvalRequest',
          tenantId,
          id: requestId,
        }),
        event: { ...event, data: { ...data, requestId } },
      };
    }
    case 'GoalActivated': {
      const data = event.data as GoalActivated['data'];
      const approvalRequestId = approvalRequestIdFor(tenantId, data.goalId);
      return { ...item, event: { ...event, data: { ...data, approvalRequestId } } };
    }
    default:
      return item;
  }
};

function* withServiceRequestIds(batches: Iterable<HistoryEvent[]>): Generator<HistoryEvent[]> {
  for (const batch of batches) yield batch.map(withServiceRequestId);
}

export interface WrittenHistory {
  readonly events: number;
  readonly employees: number;
  readonly seconds: number;
}

/**
 * Writes about `size` events into the event store file at `path` (created), one tenant, one
 * employee per EVENTS_PER_EMPLOYEE events; nothing at all for 0 (a baseline: an empty folder). synchronous=NORMAL while generating: a crash of the
 * bench loses a bench, not data, and the services reopen the file with their own setting.
 */
export const writeHistory = async (path: string, size: number): Promise<WrittenHistory> => {
  if (size === 0) return { events: 0, employees: 0, seconds: 0 };
  const employees = Math.max(20, Math.round(size / EVENTS_PER_EMPLOYEE));
  const store = new ProtectedEventStore(
    new SqliteEventStore({ path, durability: 'normal' }),
    new PersonalDataCipher(
      await openSubjectKeyStore(subjectKeyStoreConfigFromEnv({ EVENT_STORE_SQLITE_PATH: path })),
    ),
  );
  const started = performance.now();
  try {
    const events = await appendHistory(
      store,
      withServiceRequestIds(
        organisationHistory({
          tenants: [TENANT],
          employees,
          departments: Math.max(4, Math.round(employees / 250)),
          targetEvents: size,
          seed: 1,
        }),
      ),
    );
    return { events, employees, seconds: (performance.now() - started) / 1000 };
  } finally {
    await store.close();
  }
};
