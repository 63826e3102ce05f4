import { eventRegistry, type EventMetadata } from '@talentloop/contracts';

/** One event of the person's, as the export shows it. */
export interface ExportedEvent {
  readonly event: string;
  readonly at: string;
  readonly by: string;
  readonly data: unknown;
}

/** A goal with everything that happened to it: drafts, edits, actions, check-ins, adjustments, the approval thread. */
export interface ExportedGoal {
  readonly goalId: string;
  readonly history: readonly ExportedEvent[];
}

export interface PersonExport {
  readonly employeeId: string;
  /** The person as the last HRIS sync described them ("[erased]" fields once erased). */
  readonly person: unknown;
  readonly plans: readonly ExportedEvent[];
  readonly goals: readonly ExportedGoal[];
  /** Measurements, 360° rounds, motivation, gaps and remeasurements. */
  readonly assessment: readonly ExportedEvent[];
  readonly erasure: ExportedEvent | null;
}

interface SourceEvent {
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
}

/** Whether an event is about the person: its subject (the CloudEvents `subject`) is them. */
export const isAbout = (employeeId: string, event: SourceEvent): boolean =>
  eventRegistry.current(event.type)?.subjectOf(event.data as never) === employeeId;

const exported = (event: SourceEvent): ExportedEvent => ({
  event: event.type,
  at: event.metadata.occurredAt,
  by: event.metadata.actorId,
  data: event.data,
});

const goalIdOf = (data: unknown): string | undefined => {
  const goalId = (data as { goalId?: unknown }).goalId;
  return typeof goalId === 'string' ? goalId : undefined;
};

/** The person's data export: every event about them, in order, grouped as a person reads it. */
export const personExport = (employeeId: string, events: readonly SourceEvent[]): PersonExport => {
  const goals = new Map<string, ExportedEvent[]>();
  const plans: ExportedEvent[] = [];
  const assessment: ExportedEvent[] = [];
  let person: unknown = null;
  let erasure: ExportedEvent | null = null;
  for (const event of events) {
    const goalId = goalIdOf(event.data);
    if (goalId !== undefined) {
      const history = goals.get(goalId);
      if (history) history.push(exported(event));
      else goals.set(goalId, [exported(event)]);
    } else if (event.type === 'EmployeeSynced') person = event.data;
    else if (event.type === 'PlanStarted') plans.push(exported(event));
    else if (event.type === 'PersonErased') erasure = exported(event);
    else if (event.type !== 'ReportingLineChanged') assessment.push(exported(event));
  }
  return {
    employeeId,
    person,
    plans,
    goals: [...goals].map(([goalId, history]) => ({ goalId, history })),
    assessment,
    erasure,
  };
};
