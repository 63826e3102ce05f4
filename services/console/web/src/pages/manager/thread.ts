import type { ApprovalThread, ExchangeEntry } from './types';

/** A step of the conversation, as the request page tells it. */
export type ThreadStep =
  | { readonly kind: 'submitted'; readonly submissionNumber: number }
  | { readonly kind: 'resubmitted'; readonly submissionNumber: number }
  | { readonly kind: 'adjustment-asked'; readonly reason?: string }
  | { readonly kind: 'approved'; readonly note?: string; readonly cadence?: string }
  | { readonly kind: 'rejected'; readonly feedback?: string; readonly submissionNumber?: number }
  | { readonly kind: 'adjustment-approved'; readonly note?: string }
  | { readonly kind: 'adjustment-rejected'; readonly feedback?: string }
  | { readonly kind: 'reassigned'; readonly to?: string | null }
  | { readonly kind: 'overdue'; readonly pendingDays?: number }
  | { readonly kind: 'withdrawn' }
  | { readonly kind: 'other'; readonly event: string };

export interface ThreadEntry {
  readonly at: string;
  readonly by: string;
  /** Who spoke: the employee, the person deciding, or the system (moves and reminders). */
  readonly side: 'employee' | 'decider' | 'system';
  readonly step: ThreadStep;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;
const count = (value: unknown): number | undefined =>
  typeof value === 'number' ? value : undefined;

const stepOf = (entry: ExchangeEntry): ThreadStep => {
  switch (entry.event) {
    case 'ApprovalRequested': {
      const submissionNumber = count(entry['submissionNumber']) ?? 1;
      return { kind: submissionNumber > 1 ? 'resubmitted' : 'submitted', submissionNumber };
    }
    case 'AdjustmentApprovalRequested':
      return { kind: 'adjustment-asked', ...optional('reason', text(entry['reason'])) };
    case 'GoalApproved':
      return {
        kind: 'approved',
        ...optional('note', text(entry['note'])),
        ...optional('cadence', text(entry['checkInCadence'])),
      };
    case 'GoalRejected':
      return {
        kind: 'rejected',
        ...optional('feedback', text(entry['feedback'])),
        ...optional('submissionNumber', count(entry['submissionNumber'])),
      };
    case 'AdjustmentApproved':
      return { kind: 'adjustment-approved', ...optional('note', text(entry['note'])) };
    case 'AdjustmentRejected':
      return { kind: 'adjustment-rejected', ...optional('feedback', text(entry['feedback'])) };
    case 'ApprovalReassigned': {
      const to = entry['toManagerId'];
      return { kind: 'reassigned', to: typeof to === 'string' ? to : null };
    }
    case 'ApprovalOverdue':
      return { kind: 'overdue', ...optional('pendingDays', count(entry['pendingDays'])) };
    case 'ApprovalWithdrawn':
      return { kind: 'withdrawn' };
    default:
      return { kind: 'other', event: entry.event };
  }
};

const optional = <Key extends string, Value>(key: Key, value: Value | undefined) =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<Key, Value>>;

const sideOf = (step: ThreadStep, by: string, employeeId: string): ThreadEntry['side'] => {
  if (step.kind === 'reassigned' || step.kind === 'overdue') return 'system';
  if (step.kind === 'withdrawn' || by === employeeId) return 'employee';
  if (step.kind === 'submitted' || step.kind === 'resubmitted' || step.kind === 'adjustment-asked')
    return 'employee';
  return 'decider';
};

/**
 * The exchange oldest first (by time; steps at the same instant keep the order the service
 * gave), each step told by kind with what it said: feedback, notes, reasons.
 */
export const orderThread = (
  thread: Pick<ApprovalThread, 'exchange' | 'employeeId'>,
): ThreadEntry[] =>
  thread.exchange
    .map((entry, index) => ({ entry, index, time: Date.parse(entry.at) }))
    .sort((a, b) => {
      const [left, right] = [a.time, b.time].map((time) => (Number.isNaN(time) ? 0 : time));
      return left - right || a.index - b.index;
    })
    .map(({ entry }) => {
      const step = stepOf(entry);
      return { at: entry.at, by: entry.by, side: sideOf(step, entry.by, thread.employeeId), step };
    });

/** The version decided on now, and the one before it (for a resubmission), by number. */
export const versionsToCompare = <Version extends { readonly submissionNumber: number }>(
  versions: readonly Version[],
  submissionNumber: number | undefined,
): { readonly current?: Version; readonly previous?: Version } => {
  const sorted = [...versions].sort((a, b) => a.submissionNumber - b.submissionNumber);
  const currentIndex =
    submissionNumber === undefined
      ? sorted.length - 1
      : sorted.findIndex((version) => version.submissionNumber === submissionNumber);
  const index = currentIndex === -1 ? sorted.length - 1 : currentIndex;
  const current = sorted[index];
  const previous = index > 0 ? sorted[index - 1] : undefined;
  return { ...(current && { current }), ...(previous && { previous }) };
};
