import { integerIn } from '@talentloop/config';
import { eventSourceFor, openProtectedEventStore } from '@talentloop/privacy';
import { openReadModelStore, readModelStoreConfigFromEnv } from '../create-read-model-store';
import type { Projection } from '../projection';
import { projectionRegistry } from '../projections/registry';
import type { ReadModelStore } from '../read-model-store.port';
import { rebuildProjection } from '../rebuild';
import { progressLine } from './progress-line';

const usage =
  'usage: rebuild.ts --projection <name> [--store sqlite|mongo]\n' +
  'env: READ_MODELS_SQLITE_PATH (data/read-models.sqlite), MONGODB_URI, MONGODB_DB (talentloop),\n' +
  '     REBUILD_PAGE_SIZE (5000),\n' +
  '     the event store settings (EVENT_STORE, EVENT_STORE_SQLITE_PATH, ESDB_CONNECTION_STRING)';

const argument = (name: string): string | undefined => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
};

const openReadModels = async (store: string): Promise<ReadModelStore> => {
  if (store !== 'sqlite' && store !== 'mongo')
    throw new Error(`--store must be sqlite or mongo; got '${store}'`);
  const env = { ...process.env, READ_MODELS: store === 'sqlite' ? 'embedded' : 'mongo' };
  return openReadModelStore(readModelStoreConfigFromEnv(env));
};

/**
 * Rebuilds one projection of the registry from the whole history, drawing a progress bar on
 * stderr. Services with projections of their own call it with their registry.
 */
export async function rebuildCli(
  registry: ReadonlyMap<string, Projection> = projectionRegistry,
): Promise<void> {
  const name = argument('projection');
  const projection = name === undefined ? undefined : registry.get(name);
  if (!projection) {
    const known = [...registry.keys()].join(', ');
    throw new Error(`${usage}\nknown projections: ${known}`);
  }
  const pageSize = integerIn(process.env, 'REBUILD_PAGE_SIZE', { min: 100, max: 100_000 }, 5000);
  // As the services feed the projection: personal fields opened (or "[erased]"), or left
  // sealed for a projection that keeps none.
  const store = await openProtectedEventStore();
  const eventStore = eventSourceFor(store, [projection]);
  const readModels = await openReadModels(argument('store') ?? 'sqlite');
  const interactive = process.stderr.isTTY;
  let lastDrawn = 0;
  try {
    const result = await rebuildProjection({
      eventStore,
      readModels,
      projection,
      pageSize,
      onProgress: (progress) => {
        // Redrawn at most 10 times a second; one line per second when stderr is not a terminal.
        const now = Date.now();
        if (now - lastDrawn < (interactive ? 100 : 1000)) return;
        lastDrawn = now;
        process.stderr.write(
          interactive ? `\r${progressLine(progress)}\x1b[K` : `${progressLine(progress)}\n`,
        );
      },
    });
    if (interactive) process.stderr.write('\n');
    const seconds = result.elapsedMs / 1000;
    process.stderr.write(
      `${projection.name}: ${result.events} events, ${result.documents} documents in ${seconds.toFixed(1)} s ` +
        `(${Math.round(result.events / Math.max(seconds, 0.001))} events/s) into ${result.collection}` +
        `${result.previousCollection ? `, replacing ${result.previousCollection}` : ''}\n`,
    );
  } finally {
    await readModels.close();
    await store.close();
  }
}

/** Runs the CLI, turning a failure into its message and exit code 1. */
export const runRebuildCli = (registry?: ReadonlyMap<string, Projection>): void => {
  rebuildCli(registry).catch((error: unknown) => {
    process.stderr.write(`\n${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
};

if (require.main === module) runRebuildCli();
