import { byTenant, integerIn, stringOr } from '@talentloop/config';
import { perMinuteLimitFromEnv } from '@talentloop/service-kit';
import { defaultSmartSettings, type SmartSettings } from '@talentloop/planning-domain';

export interface AiSettings {
  readonly model: string;
  readonly baseURL: string;
  readonly apiKey: string;
  readonly timeoutMs: number;
}

export interface PlanningSettings {
  readonly smart: SmartSettings;
  /** Active-goal cap per tenant (2 or 3); tenants not listed get 3. */
  readonly maxActiveGoals: ReadonlyMap<string, number>;
  /** Null without a model: the deterministic drafter then drafts every goal. */
  readonly ai: AiSettings | null;
  /** Tenants that opted in to AI drafting; any other gets the deterministic drafter. */
  readonly aiDrafting: ReadonlyMap<string, boolean>;
  /**
   * Tenants that opted in to giving the model the manager's feedback (free text) when a
   * rejected goal is redrafted; any other's redraft is drafted without it.
   */
  readonly aiRejectionFeedback: ReadonlyMap<string, boolean>;
  /** Drafts a caller may ask for per minute (each may be a paid model call). */
  readonly draftRateLimitPerMinute: number;
}

/**
 * A person drafts a handful of goals a cycle; twenty a minute leaves room for retries and
 * rewording while capping what one caller (or a stolen token) can spend on the model.
 */
export const DEFAULT_DRAFT_RATE_LIMIT_PER_MINUTE = 20;
/** The name of the drafting limit: the route's `@RateLimit`, the platform's `rateLimits`. */
export const DRAFT_RATE_LIMIT = 'ai-drafting';

const DEFAULT_MAX_ACTIVE_GOALS = 3;
const CAP_VARIABLE = 'PLANNING_MAX_ACTIVE_GOALS';

const capsFromEnv = (env: NodeJS.ProcessEnv): ReadonlyMap<string, number> =>
  byTenant<number>(env, CAP_VARIABLE, (cap) =>
    cap === 2 || cap === 3 ? cap : { invalid: 'must be 2 or 3' },
  );

const optInsFromEnv = (env: NodeJS.ProcessEnv, variable: string): ReadonlyMap<string, boolean> =>
  byTenant<boolean>(env, variable, (optedIn) =>
    typeof optedIn === 'boolean' ? optedIn : { invalid: 'must be true or false' },
  );

/**
 * PLANNING_MAX_GROWTH_PER_MONTH (1–30 score points, default 5), PLANNING_DEADLINE_MIN_MONTHS
 * and _MAX_MONTHS (default 3 and 6), PLANNING_MAX_ACTIVE_GOALS (JSON by tenant, 2 or 3),
 * PLANNING_AI_MODEL / _BASE_URL / _API_KEY / _TIMEOUT_MS for an OpenAI-compatible model,
 * PLANNING_AI_DRAFTING and PLANNING_AI_REJECTION_FEEDBACK (JSON by tenant, true or false,
 * default false: the opt-ins to AI drafting and to giving the model a rejection's feedback), and
 * PLANNING_DRAFT_RATE_LIMIT_PER_MINUTE (drafts per caller per minute, default 20).
 */
export const planningSettingsFromEnv = (env: NodeJS.ProcessEnv): PlanningSettings => {
  const deadlineMinMonths = integerIn(
    env,
    'PLANNING_DEADLINE_MIN_MONTHS',
    { min: 1, max: 12 },
    defaultSmartSettings.deadlineMinMonths,
  );
  const model = stringOr(env, 'PLANNING_AI_MODEL', '');
  return {
    smart: {
      maxGrowthPerMonth: integerIn(
        env,
        'PLANNING_MAX_GROWTH_PER_MONTH',
        { min: 1, max: 30 },
        defaultSmartSettings.maxGrowthPerMonth,
      ),
      deadlineMinMonths,
      deadlineMaxMonths: integerIn(
        env,
        'PLANNING_DEADLINE_MAX_MONTHS',
        { min: deadlineMinMonths, max: 24 },
        defaultSmartSettings.deadlineMaxMonths,
      ),
    },
    maxActiveGoals: capsFromEnv(env),
    ai: model
      ? {
          model,
          baseURL: stringOr(env, 'PLANNING_AI_BASE_URL', 'https://api.openai.com/v1'),
          apiKey: stringOr(env, 'PLANNING_AI_API_KEY', 'not-needed'),
          timeoutMs: integerIn(env, 'PLANNING_AI_TIMEOUT_MS', { min: 100, max: 120_000 }, 20_000),
        }
      : null,
    aiDrafting: optInsFromEnv(env, 'PLANNING_AI_DRAFTING'),
    aiRejectionFeedback: optInsFromEnv(env, 'PLANNING_AI_REJECTION_FEEDBACK'),
    draftRateLimitPerMinute: perMinuteLimitFromEnv(
      env,
      'PLANNING_DRAFT_RATE_LIMIT_PER_MINUTE',
      DEFAULT_DRAFT_RATE_LIMIT_PER_MINUTE,
    ),
  };
};

export const maxActiveGoalsFor = (settings: PlanningSettings, tenantId: string): number =>
  settings.maxActiveGoals.get(tenantId) ?? DEFAULT_MAX_ACTIVE_GOALS;

export const aiDraftingFor = (settings: PlanningSettings, tenantId: string): boolean =>
  settings.aiDrafting.get(tenantId) ?? false;

export const aiRejectionFeedbackFor = (settings: PlanningSettings, tenantId: string): boolean =>
  settings.aiRejectionFeedback.get(tenantId) ?? false;

export const PLANNING_SETTINGS = Symbol('PLANNING_SETTINGS');
