import { type INestApplication, Module } from '@nestjs/common';
import type { EventStore } from '@talentloop/event-store';
import {
  createServiceApp,
  devSigningKey,
  EVENT_STORE,
  mintToken,
  systemClock,
  type Clock,
} from '@talentloop/service-kit';
import { randomDevSecret, serviceTestEnv } from '@talentloop/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AssessmentModule, service } from '../src/app.module';

export interface Caller {
  readonly user: string;
  readonly roles: string;
}

export const hr: Caller = { user: 'hr-1', roles: 'hr' };

export interface RunningAssessment {
  readonly app: INestApplication;
  /** Where it listens, for requests `request` cannot make (streamed bodies). */
  readonly base: string;
  readonly request: (
    method: string,
    path: string,
    body?: unknown,
    caller?: Caller,
    contentType?: string,
  ) => Promise<Response>;
  /** A bearer token the app accepts for the caller. */
  readonly token: (caller: Caller) => Promise<string>;
  readonly stop: () => Promise<void>;
}

/**
 * The assessment service on the embedded default (SQLite store, bus and relay checkpoints)
 * in a fresh temporary folder, listening on a free port: for HTTP tests and the bench. A test
 * that fixes the time passes its clock (a TestClock of @talentloop/testing).
 */
export const startAssessment = async (
  tenantId = 'acme',
  clock: Clock = systemClock,
): Promise<RunningAssessment> => {
  const folder = mkdtempSync(join(tmpdir(), 'talentloop-assessment-'));
  const devSecret = randomDevSecret();
  Object.assign(process.env, {
    AUTH_MODE: 'development',
    AUTH_DEV_SECRET: devSecret,
    EVENT_STORE: 'sqlite',
    ...serviceTestEnv(folder),
  });
  @Module({ imports: [AssessmentModule.register({ env: process.env, clock })] })
  class AssessmentTestModule {}
  const app = await createServiceApp(AssessmentTestModule, service, { logger: false });
  await app.listen(0, '127.0.0.1');
  const base = await app.getUrl();
  // One token per caller for the life of the app (valid 8 h), so the bench's timed requests
  // measure no signing.
  const tokens = new Map<string, Promise<string>>();
  const token = (caller: Caller): Promise<string> => {
    const id = `${caller.user}|${caller.roles}`;
    let minted = tokens.get(id);
    if (minted === undefined) {
      minted = mintToken(
        { tenantId, userId: caller.user, roles: caller.roles.split(',') },
        devSigningKey(devSecret),
        '8h',
      );
      tokens.set(id, minted);
    }
    return minted;
  };
  return {
    app,
    base,
    token,
    request: async (method, path, body, caller = hr, contentType = 'application/json') =>
      fetch(`${base}${path}`, {
        method,
        headers: {
          'content-type': contentType,
          authorization: `Bearer ${await token(caller)}`,
        },
        ...(body === undefined
          ? {}
          : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      }),
    stop: async () => {
      await app.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
};

/** Every event in the service's store: what a refused request must not add. */
export const eventCountOf = async (service: RunningAssessment): Promise<number> =>
  (await service.app.get<EventStore>(EVENT_STORE).readAll({ maxCount: 100_000 })).length;

/** The body of a response that must have the status; a test fails naming what came instead. */
export const bodyOf = async <T>(response: Response, status: number): Promise<T> => {
  const body = (await response.json()) as T;
  if (response.status !== status)
    throw new Error(`expected ${status}, got ${response.status}: ${JSON.stringify(body)}`);
  return body;
};

/** The problem of a request that must be refused with the status, storing nothing. */
export const refusedBy = async (
  service: RunningAssessment,
  request: () => Promise<Response>,
  status: number,
) => {
  const before = await eventCountOf(service);
  const response = await request();
  const problem = await bodyOf<{ code: string; errors?: { line?: number; field: string }[] }>(
    response,
    status,
  );
  const contentType = response.headers.get('content-type') ?? '';
  if (!contentType.includes('application/problem+json'))
    throw new Error(`expected a problem+json, got ${contentType}`);
  const after = await eventCountOf(service);
  if (after !== before) throw new Error(`the refused request stored ${after - before} event(s)`);
  return problem;
};

const levels = {
  '1': 'Rarely shows it.',
  '2': 'Shows it when asked.',
  '3': 'Shows it by default.',
  '4': 'Coaches others in it.',
  '5': 'Shows it in difficult situations.',
};

/** A framework of `competencies` competencies with `indicators` indicators each. */
export const frameworkBody = (competencies: number, indicators: number) => ({
  name: 'Core competencies',
  language: 'en',
  competencies: Array.from({ length: competencies }, (_, c) => ({
    competencyId: `competency-${c + 1}`,
    name: `Competency ${c + 1}`,
    definition: `What competency ${c + 1} means.`,
    kind: 'competency',
    indicators: Array.from({ length: indicators }, (_, i) => ({
      indicatorId: `c${c + 1}-indicator-${i + 1}`,
      name: `Indicator ${i + 1} of competency ${c + 1}`,
      levels,
    })),
    facets: [{ facetId: `c${c + 1}-facet`, name: 'Facet', description: 'A talent facet.' }],
  })),
});

/** The role profile of `employeeBody`'s role: the first two competencies of `frameworkBody`. */
export const teamLeadProfile = {
  name: 'Team lead',
  frameworkId: 'core',
  requiredCompetencies: [
    { competencyId: 'competency-1', requiredLevel: 4, weight: 40 },
    { competencyId: 'competency-2', requiredLevel: 3, weight: 20 },
  ],
};

export const employeeBody = (externalId: string, managerExternalId: string | null) => ({
  externalId,
  displayName: `Employee ${externalId}`,
  email: `${externalId}@example.com`,
  roleId: 'team-lead',
  departmentId: 'operations',
  departmentName: 'Operations',
  managerExternalId,
  preferredLanguage: 'en',
  employmentStatus: 'active',
});
