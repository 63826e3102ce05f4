import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import {
  ERASED,
  isTalentloopEventType,
  streamPrefix,
  type BoundedContext,
  type CompetencyFrameworkPublished,
  type GapIdentified,
  type PlanningEvent,
  type ReceivedEvent,
} from '@talentloop/contracts';
import type { EventStore, RecordedEvent, Subscription } from '@talentloop/event-store';
import { EVENT_STORE, MESSAGE_BUS, type Subject, type SubjectDirectory } from '@talentloop/http';
import {
  subscribeToEvents,
  type BusConsumer,
  type DeliveredMessage,
  type MessageBus,
} from '@talentloop/messaging';
import {
  goalDecider,
  phaseOf,
  unpairedFormalLearning,
  type GoalPhase,
  type GoalRecord,
  type GoalStatus,
} from '@talentloop/planning-domain';
import { busSource } from '@talentloop/read-models';
import { goalStream } from '../shared/planning.streams';

export const consumedContexts: readonly BoundedContext[] = ['assessment', 'approval'];

type Competency = CompetencyFrameworkPublished['data']['competencies'][number];

export interface GoalHistoryEntry {
  readonly event: PlanningEvent['type'];
  readonly at: string;
  readonly by: string;
  readonly data: unknown;
}

export interface GoalView {
  readonly tenantId: string;
  readonly state: GoalRecord & { readonly status: GoalStatus };
  readonly position: bigint;
}

export interface PlanView {
  readonly tenantId: string;
  readonly planId: string;
  readonly employeeId: string;
  readonly maxActiveGoals: number;
}

interface Rejection {
  readonly submissionNumber: number;
  readonly feedback: string;
  readonly decidedBy: string;
}

const key = (tenantId: string, ...parts: readonly string[]) => [tenantId, ...parts].join('/');
const COMMITTED: readonly GoalPhase[] = ['submitted', 'active'];

/**
 * Planning's read side, rebuilt from history at every start: goals and plans from its own
 * streams, and from the bus (a consumer group of this process alone, from the beginning)
 * the gaps, frameworks, motivations, people and rejections that drafting and revising need.
 * Every write is guarded by the position it came from, so a redelivery changes nothing.
 */
@Injectable()
export class PlanningDirectory
  implements OnApplicationBootstrap, BeforeApplicationShutdown, SubjectDirectory
{
  private readonly goals = new Map<string, GoalView>();
  private readonly plans = new Map<string, PlanView>();
  private readonly gaps = new Map<string, GapIdentified['data']>();
  private readonly competencies = new Map<string, Competency>();
  private readonly motivations = new Map<string, string>();
  private readonly people = new Map<string, { managerId: string | null; language: 'nl' | 'en' }>();
  private readonly rejections = new Map<string, Rejection>();
  private readonly busPositions = new Map<string, bigint>();
  /** Goal ids and the latest plan per employee (key(tenant, employee)), so no query scans all. */
  private readonly goalIdsByEmployee = new Map<string, Set<string>>();
  private readonly latestPlanByEmployee = new Map<string, PlanView>();
  private readonly logger = new Logger('planning-directory');
  private subscription: Subscription | undefined;
  private consumer: BusConsumer | undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.subscription = this.store.subscribeToAll(
      { filter: { streamPrefixes: [streamPrefix('planning')] } },
      (recorded) => this.applyFromStore(recorded),
    );
    this.subscription.finished.catch((error: unknown) =>
      this.logger.error('planning subscription stopped', String(error)),
    );
    this.consumer = await subscribeToEvents(this.bus, {
      // Rebuilt from the beginning at every start; the bus forgets the group when it stops.
      groupId: 'planning.directory',
      ephemeral: true,
      // identity: PersonErased, to forget the person's free text held here.
      contexts: [...consumedContexts, 'identity'],
      fromBeginning: true,
      // applyFromBus keeps one position per partition.
      ordering: 'partition',
      handler: (event, delivered) => Promise.resolve(this.applyFromBus(event, delivered)),
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
    await this.subscription?.stop();
  }

  private applyFromStore(recorded: RecordedEvent): void {
    if (!isTalentloopEventType(recorded.type)) return;
    // The store validated the event against its contract when it was appended.
    const event = recorded as unknown as PlanningEvent;
    const { tenantId } = recorded.metadata;
    if (event.type === 'PlanStarted') {
      const plan = { tenantId, ...event.data };
      this.plans.set(event.data.planId, plan);
      this.latestPlanByEmployee.set(key(tenantId, event.data.employeeId), plan);
      return;
    }
    const previous = this.goals.get(event.data.goalId);
    if (previous && previous.position >= recorded.globalPosition) return;
    const state = goalDecider.evolve(previous?.state ?? goalDecider.initialState(), event);
    if (state.status === 'none') return;
    if (!previous) {
      const employee = key(tenantId, state.employeeId);
      const ids = this.goalIdsByEmployee.get(employee);
      if (ids) ids.add(state.goalId);
      else this.goalIdsByEmployee.set(employee, new Set([state.goalId]));
    }
    this.goals.set(event.data.goalId, { tenantId, state, position: recorded.globalPosition });
  }

  private applyFromBus(event: ReceivedEvent, delivered: DeliveredMessage): void {
    const source = busSource(delivered.topic, delivered.partition);
    const offset = BigInt(delivered.offset);
    if ((this.busPositions.get(source) ?? -1n) >= offset) return;
    this.busPositions.set(source, offset);
    const { tenantId } = event.metadata;
    if (event.type === 'GapIdentified') this.gaps.set(key(tenantId, event.data.gapId), event.data);
    else if (event.type === 'CompetencyFrameworkPublished')
      for (const competency of event.data.competencies)
        this.competencies.set(key(tenantId, competency.competencyId), competency);
    else if (event.type === 'MotivationRecorded' && event.data.note)
      this.motivations.set(
        key(tenantId, event.data.employeeId, event.data.competencyId),
        event.data.note,
      );
    else if (event.type === 'EmployeeSynced')
      this.people.set(key(tenantId, event.data.employeeId), {
        managerId: event.data.managerId,
        language: event.data.preferredLanguage,
      });
    else if (event.type === 'GoalRejected') {
      const { goalId, submissionNumber, feedback, decidedBy } = event.data;
      const known = this.rejections.get(key(tenantId, goalId));
      if (!known || known.submissionNumber < submissionNumber)
        this.rejections.set(key(tenantId, goalId), { submissionNumber, feedback, decidedBy });
    } else if (event.type === 'PersonErased') this.forgetPerson(tenantId, event.data.employeeId);
  }

  /** The person's motivation notes and the feedback on their goals, as their erasure leaves them. */
  private forgetPerson(tenantId: string, employeeId: string): void {
    const theirs = key(tenantId, employeeId, '');
    for (const id of [...this.motivations.keys()])
      if (id.startsWith(theirs)) this.motivations.delete(id);
    for (const goalId of this.goalIdsByEmployee.get(key(tenantId, employeeId)) ?? []) {
      const rejection = this.rejections.get(key(tenantId, goalId));
      if (rejection) this.rejections.set(key(tenantId, goalId), { ...rejection, feedback: ERASED });
    }
  }

  gap(tenantId: string, gapId: string) {
    return this.gaps.get(key(tenantId, gapId));
  }

  competency(tenantId: string, competencyId: string) {
    return this.competencies.get(key(tenantId, competencyId));
  }

  motivation(tenantId: string, employeeId: string, competencyId: string) {
    return this.motivations.get(key(tenantId, employeeId, competencyId)) ?? null;
  }

  person(tenantId: string, employeeId: string) {
    return this.people.get(key(tenantId, employeeId));
  }

  /** For access decisions: the person's current manager as the people events say now. */
  managerOf(tenantId: string, employeeId: string): string | null | undefined {
    return this.person(tenantId, employeeId)?.managerId;
  }

  /** For access decisions: whose goal or plan it is, in the caller's tenant. */
  ownerOf(kind: 'goal' | 'plan' | 'approval-request', tenantId: string, id: string) {
    const employeeId =
      kind === 'goal'
        ? this.goal(tenantId, id)?.state.employeeId
        : kind === 'plan'
          ? this.plan(tenantId, id)?.employeeId
          : undefined;
    if (employeeId === undefined) return undefined;
    return { employeeId, managerId: this.managerOf(tenantId, employeeId) } satisfies Subject;
  }

  /** The plan, when it exists in the caller's tenant: other tenants' plans read as missing. */
  plan(tenantId: string, planId: string): PlanView | undefined {
    const plan = this.plans.get(planId);
    return plan?.tenantId === tenantId ? plan : undefined;
  }

  latestPlanOf(tenantId: string, employeeId: string): PlanView | undefined {
    return this.latestPlanByEmployee.get(key(tenantId, employeeId));
  }

  goal(tenantId: string, goalId: string): GoalView | undefined {
    const goal = this.goals.get(goalId);
    return goal?.tenantId === tenantId ? goal : undefined;
  }

  rejectionOf(tenantId: string, goalId: string): Rejection | undefined {
    return this.rejections.get(key(tenantId, goalId));
  }

  phase(view: GoalView): GoalPhase {
    return phaseOf(
      view.state,
      this.rejectionOf(view.tenantId, view.state.goalId)?.submissionNumber,
    );
  }

  goalsOf(tenantId: string, employeeId: string): GoalView[] {
    const ids = this.goalIdsByEmployee.get(key(tenantId, employeeId)) ?? [];
    return [...ids].map((goalId) => this.goals.get(goalId)!);
  }

  /** Goals that hold a slot: active ones, and (when submitting) ones awaiting a decision. */
  committedGoals(tenantId: string, employeeId: string, except: string, phases = COMMITTED) {
    return this.goalsOf(tenantId, employeeId).filter(
      (goal) => goal.state.goalId !== except && phases.includes(this.phase(goal)),
    ).length;
  }

  /**
   * What a reader sees of a goal: its phase, the exchange, the flags people act on, and its
   * history — read from the goal's stream when asked, not kept in memory for every goal.
   */
  async describe(view: GoalView) {
    const rejection = this.rejectionOf(view.tenantId, view.state.goalId);
    const recorded = await this.store.readStream(goalStream(view.tenantId, view.state.goalId));
    const history: GoalHistoryEntry[] = recorded.map((event) => ({
      event: event.type as GoalHistoryEntry['event'],
      at: event.metadata.occurredAt,
      by: event.metadata.actorId,
      data: event.data,
    }));
    return {
      ...view.state,
      status: this.phase(view),
      rejection: rejection ?? null,
      unpairedFormalLearning: unpairedFormalLearning(view.state.content.actions),
      history,
    };
  }

  /** Active goals whose check-in is past due, for one employee or the reports of a manager. */
  overdueCheckIns(
    tenantId: string,
    now: Date,
    filter: { employeeId?: string; managerId?: string },
  ) {
    return [...this.goals.values()]
      .filter(
        (goal) =>
          goal.tenantId === tenantId &&
          goal.state.status === 'active' &&
          goal.state.nextCheckInDueAt !== null &&
          goal.state.nextCheckInDueAt < now.toISOString() &&
          (filter.employeeId === undefined || goal.state.employeeId === filter.employeeId) &&
          (filter.managerId === undefined ||
            this.person(tenantId, goal.state.employeeId)?.managerId === filter.managerId),
      )
      .map(({ state }) => ({
        goalId: state.goalId,
        employeeId: state.employeeId,
        title: state.content.title,
        dueAt: state.nextCheckInDueAt,
        cadence: state.checkInCadence,
      }));
  }
}
