import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  ServiceUnavailableException,
} from '@nestjs/common';
import type { EmployeeFacts } from '@talentloop/analytics-domain';
import type { EventStore } from '@talentloop/event-store';
import {
  EVENT_STORE,
  problem,
  READ_MODEL_STORE,
  SUPERVISOR,
  type AccessFacts,
  type Supervisor,
} from '@talentloop/service-kit';
import { eventSourceFor } from '@talentloop/privacy';
import {
  activePointerKey,
  readCheckpoint,
  runFromStore,
  type AppliedPage,
  type ReadModelStore,
} from '@talentloop/read-models';
import { ANALYTICS_SETTINGS, type AnalyticsSettings } from '../analytics.settings';
import { employeeFactsProjection, employeeHistoryProjection } from './employee-facts.projection';
import { text } from '@talentloop/i18n';
import { SharedStrings } from './shared-strings';

const RUNNER_NAME = 'analytics';
/** One runner for both read models: the facts this view mirrors, and the histories. */
const projections = [employeeFactsProjection, employeeHistoryProjection];

interface Entry {
  readonly facts: EmployeeFacts;
  readonly version: number;
}

/**
 * The facts of every employee in memory, so an HR query over 10,000 people is a pass over
 * objects rather than a read of 10,000 documents. The read-model store stays the durable,
 * rebuildable copy: this view loads it once, then mirrors every page the projection runner
 * writes (keeping the highest document version seen, so a load racing the runner cannot go
 * back in time), and reloads when a rebuild switches the collection. Histories are a read
 * model of their own (employeeHistoryProjection), read from the store one at a time.
 */
@Injectable()
export class FactsView implements OnApplicationBootstrap, AccessFacts {
  private readonly logger = new Logger(FactsView.name);
  private readonly tenants = new Map<string, Map<string, Entry>>();
  /** Per tenant, the facts as an array, rebuilt only after a change. */
  private readonly arrays = new Map<string, readonly EmployeeFacts[]>();
  /** The values the facts repeat, one string each (see SharedStrings). */
  private readonly strings = new SharedStrings();
  private collection: string | undefined;
  private position = 0n;
  private markLoaded = () => {};
  /**
   * Made with the view, not when it starts: the report handler, which may start first, waits
   * on it to warm the reports.
   */
  private loaded = new Promise<void>((resolve) => (this.markLoaded = resolve));
  private isReady = false;

  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    @Inject(ANALYTICS_SETTINGS) private readonly settings: AnalyticsSettings,
    @Inject(SUPERVISOR) private readonly supervisor: Supervisor,
  ) {}

  /**
   * Runs the projection under the service's supervisor (restarted with backoff when it fails);
   * the service is unready, and the view answers 503, until it has caught up and loaded.
   */
  onApplicationBootstrap(): void {
    const markLoaded = this.markLoaded;
    this.supervisor.supervise(
      `${RUNNER_NAME}.read-side`,
      (control) => {
        control.catchingUp();
        const run = runFromStore({
          eventStore: eventSourceFor(this.eventStore, projections),
          readModels: this.readModels,
          projections,
          name: RUNNER_NAME,
          pageSize: this.settings.projectionPageSize,
          pollIntervalMs: this.settings.projectionPollMs,
          onApplied: (page) => this.apply(page),
          onRebuildProgress: (projection, progress) =>
            this.logger.log(`rebuilding ${projection}: ${progress.events} events`),
        });
        run.caughtUp
          .then(async () => {
            await this.reloadIfNeeded();
            this.isReady = true;
            markLoaded();
            control.caughtUp();
          })
          // A run that fails before catching up rejects; the supervisor sees it in `finished`.
          .catch(() => undefined);
        return run;
      },
      { startsCaughtUp: false },
    );
  }

  /** Resolves once the projection has caught up with the event store and the view is loaded. */
  get ready(): Promise<void> {
    return this.loaded;
  }

  /** The global position the figures include events up to. */
  get asOf(): string {
    return this.position.toString();
  }

  /** A tenant's facts; 503 while the projection is still catching up after a start. */
  factsOf(tenantId: string): readonly EmployeeFacts[] {
    this.assertReady();
    let facts = this.arrays.get(tenantId);
    if (!facts) {
      facts = [...(this.tenants.get(tenantId)?.values() ?? [])].map((entry) => entry.facts);
      this.arrays.set(tenantId, facts);
    }
    return facts;
  }

  /** The tenants the view holds facts of. */
  tenantIds(): readonly string[] {
    return [...this.tenants.keys()];
  }

  /** 503 while the projection is still catching up after a start or a rebuild. */
  assertReady(): void {
    if (!this.isReady)
      throw new ServiceUnavailableException(
        problem(503, 'CATCHING_UP', text('analytics.catchingUp')),
      );
  }

  employee(tenantId: string, employeeId: string): EmployeeFacts | undefined {
    return this.tenants.get(tenantId)?.get(employeeId)?.facts;
  }

  /** For access decisions: the person's current manager as the people events say now. */
  managerOf(tenantId: string, employeeId: string): string | null | undefined {
    return this.employee(tenantId, employeeId)?.managerId;
  }

  /** The collection the view mirrors (it changes when a rebuild switches it). */
  get activeCollection(): string | undefined {
    return this.collection;
  }

  private apply(page: AppliedPage): void {
    if (page.projection !== employeeFactsProjection.name) return;
    if (this.collection === undefined) {
      // The first pages after a start: the load that follows catching up reads it all.
      this.collection = page.collection;
    } else if (page.collection !== this.collection) {
      // A rebuild switched the collection: start over from it.
      this.collection = page.collection;
      this.tenants.clear();
      this.arrays.clear();
      this.isReady = false;
      this.loaded = this.reloadIfNeeded().then(() => {
        this.isReady = true;
      });
    }
    for (const { doc, version } of page.documents) if (doc) this.put(doc as EmployeeFacts, version);
    if (page.position > this.position) this.position = page.position;
  }

  private put(facts: EmployeeFacts, version: number): void {
    let employees = this.tenants.get(facts.tenantId);
    if (!employees) {
      employees = new Map();
      this.tenants.set(facts.tenantId, employees);
    }
    const known = employees.get(facts.employeeId);
    if (known && known.version >= version) return;
    employees.set(facts.employeeId, { facts: this.strings.shareIn(facts), version });
    this.arrays.delete(facts.tenantId);
  }

  /** Loads the whole active collection (at start, and after a rebuild switched it). */
  private async reloadIfNeeded(): Promise<void> {
    const collection = await readActiveFacts(
      this.readModels,
      this.settings.loadPageSize,
      (facts, version) => this.put(facts, version),
    );
    if (collection === undefined) return;
    this.collection = collection;
    const position = await readCheckpoint(this.readModels, RUNNER_NAME, collection);
    if (position !== undefined && position > this.position) this.position = position;
  }
}

/**
 * Hands over every facts document of the active collection with its version, and says which
 * collection that is (undefined before the first rebuild). Pages by id keep what a load
 * allocates and throws away small, so the heap it leaves behind is about the facts alone; a
 * scan leaves none of the store's pages cached.
 */
export const readActiveFacts = async (
  readModels: ReadModelStore,
  pageSize: number,
  each: (facts: EmployeeFacts, version: number) => void,
): Promise<string | undefined> => {
  const collection = await readModels.getState(activePointerKey(employeeFactsProjection.name));
  if (collection === undefined) return undefined;
  for (let after: string | undefined; ; ) {
    const page = await readModels.findStored<EmployeeFacts>(collection, {
      scan: true,
      limit: pageSize,
      ...(after === undefined ? {} : { after }),
    });
    for (const document of page) each(document.doc, document.version);
    if (page.length < pageSize) break;
    after = page.at(-1)?.id;
  }
  return collection;
};
