import type { Role } from '../actor';
import { text, textList, type TextList } from '@talentloop/i18n';

/**
 * How far one role reaches on an endpoint:
 * - `self`: the caller's own data (an employee's plan, a manager's own inbox);
 * - `reports`: the data of the caller's direct reports, as the reporting-line events say now;
 * - `self-or-reports`: both;
 * - `tenant`: anyone's in the caller's tenant (never another tenant's).
 */
export type Reach = 'self' | 'reports' | 'self-or-reports' | 'tenant';

/**
 * Whose data a request is about, and where the request names them:
 * - `person`: an employee id in a path parameter, a body field or a query parameter (an absent
 *   query parameter means the caller themself);
 * - `goal` / `plan` / `approval-request`: a path parameter naming one, owned by an employee;
 * - `caller`: the caller's own view (their overdue check-ins, their team's figures);
 * - `tenant`: tenant-wide data with no single subject (frameworks, imports, the replay).
 */
export type SubjectLocator =
  | { readonly of: 'person'; readonly in: 'param' | 'body' | 'query'; readonly name: string }
  | { readonly of: 'goal' | 'plan' | 'approval-request'; readonly param: string }
  | { readonly of: 'caller' }
  | { readonly of: 'tenant' };

/** Who reaches an endpoint: a role it does not name is refused (403). */
export interface AccessRule {
  readonly subject: SubjectLocator;
  readonly reach: Partial<Record<Role, Reach>>;
}

/**
 * An endpoint anyone may call without a token: health and metrics, and the unsubscribe link of
 * an e-mail (signed per person: the link itself is the credential), nothing else.
 */
export interface PublicEndpoint {
  readonly public: true;
}

/** `METHOD /path/:param` as the router declares it. */
export type EndpointKey = `${'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'} /${string}`;

/** The person a request is about, as the serving service knows them in the caller's tenant. */
export interface Subject {
  readonly employeeId: string;
  /** Their current manager; null when they have none, undefined when the service does not know. */
  readonly managerId: string | null | undefined;
}

/** The caller as the policy needs them. */
export interface Caller {
  readonly userId: string;
  readonly roles: readonly Role[];
}

export type AccessDecision = 'allow' | 'forbidden' | 'not-found';

/**
 * The subject as the guard found it: a person, the tenant as a whole, `unnamed` when a body
 * names no valid subject (validation refuses the request next), undefined when the named
 * goal, plan or approval request does not exist in the caller's tenant.
 */
export type FoundSubject = Subject | 'tenant' | 'unnamed' | undefined;

const reaches = (reach: Reach, caller: Caller, subject: Subject | 'tenant'): boolean => {
  if (reach === 'tenant' || subject === 'tenant') return reach === 'tenant';
  const self = subject.employeeId === caller.userId;
  const report = subject.managerId != null && subject.managerId === caller.userId;
  switch (reach) {
    case 'self':
      return self;
    case 'reports':
      return report;
    case 'self-or-reports':
      return self || report;
  }
};

const heldReaches = (rule: AccessRule, caller: Caller): Reach[] =>
  caller.roles.flatMap((role) => rule.reach[role] ?? []);

/**
 * Whether deciding on the person needs their manager: only when a role of the caller reaches
 * someone's reports and the person is not the caller. Otherwise the subject's manager is
 * not looked up at all (it may cost the serving service a read).
 */
export const needsManager = (rule: AccessRule, caller: Caller, employeeId: string): boolean =>
  employeeId !== caller.userId &&
  heldReaches(rule, caller).some((reach) => reach === 'reports' || reach === 'self-or-reports');

/**
 * The one access decision of every service, for whom the request is about in the caller's
 * tenant (`FoundSubject`). A role the endpoint does not name
 * is refused before anything is looked up, so existence never leaks to it; a caller who may
 * reach some subjects learns that an unknown one is not found; otherwise the request is
 * allowed when one of the caller's roles reaches the subject.
 */
export const decideAccess = (
  rule: AccessRule,
  caller: Caller,
  subject: FoundSubject,
): AccessDecision => {
  const held = heldReaches(rule, caller);
  if (held.length === 0) return 'forbidden';
  if (subject === undefined) return 'not-found';
  if (subject === 'unnamed') return 'allow';
  return held.some((reach) => reaches(reach, caller, subject)) ? 'allow' : 'forbidden';
};

// ── the policy of every endpoint ─────────────────────────────────────────────────────────

const person = (name = 'employeeId', where: 'param' | 'body' | 'query' = 'param') =>
  ({ of: 'person', in: where, name }) as const;
const goal = { of: 'goal', param: 'goalId' } as const;
const plan = { of: 'plan', param: 'planId' } as const;
const approvalRequest = { of: 'approval-request', param: 'requestId' } as const;
const caller = { of: 'caller' } as const;
const tenant = { of: 'tenant' } as const;

/** HR and admins configure the tenant. */
const configuration: AccessRule = { subject: tenant, reach: { hr: 'tenant', admin: 'tenant' } };
/** Reference data every member of the tenant reads to understand their gaps and goals. */
const reference: AccessRule = {
  subject: tenant,
  reach: { employee: 'tenant', manager: 'tenant', hr: 'tenant', admin: 'tenant' },
};
/** Data other systems send in (HRIS, assessment tools): HR, admins and integrators. */
const ingestion = (subject: SubjectLocator): AccessRule => ({
  subject,
  reach: { hr: 'tenant', admin: 'tenant', integrator: 'tenant' },
});
/** A person's own data: they, their manager, HR and admins read it. */
const personal = (subject: SubjectLocator): AccessRule => ({
  subject,
  reach: { employee: 'self', manager: 'reports', hr: 'tenant', admin: 'tenant' },
});
/** A goal command: the employee owns their goals; HR may act for them. */
const owned = (subject: SubjectLocator): AccessRule => ({
  subject,
  reach: { employee: 'self', hr: 'tenant' },
});
/** The goal in execution, which both sides move on: the employee, their manager, HR for them. */
const conversation = (subject: SubjectLocator): AccessRule => ({
  subject,
  reach: { employee: 'self', manager: 'reports', hr: 'tenant' },
});
/** The manager's side of the goal conversation; HR may act as delegate. */
const managerial = (subject: SubjectLocator): AccessRule => ({
  subject,
  reach: { manager: 'reports', hr: 'tenant' },
});
/** Organisation figures: a manager sees their team, HR and admins the tenant. */
/** The tenant's integrations (the replay, webhooks): its integrators and admins. */
const integrations: AccessRule = {
  subject: tenant,
  reach: { integrator: 'tenant', admin: 'tenant' },
};

const figures: AccessRule = {
  subject: caller,
  reach: { manager: 'self', hr: 'tenant', admin: 'tenant' },
};

const open: PublicEndpoint = { public: true };

/** A person's own e-mail preference: every role a person holds (not an integration). */
const mailPreference: AccessRule = {
  subject: caller,
  reach: { employee: 'self', manager: 'self', hr: 'self', admin: 'self' },
};

/**
 * Every endpoint of the four services and who reaches it; `ACCESS-MATRIX.md` beside this
 * file is the same matrix written out cell by cell, and the tests hold both to each other
 * and to the running system. An endpoint missing here is refused to everyone.
 */
export const accessPolicy: Readonly<Record<EndpointKey, AccessRule | PublicEndpoint>> = {
  // operations (every service)
  'GET /health/live': open,
  'GET /health/ready': open,
  'GET /metrics': open,

  // assessment
  'POST /frameworks/:frameworkId/versions': configuration,
  'GET /frameworks/:frameworkId': reference,
  'GET /frameworks/:frameworkId/versions/:version': reference,
  'PUT /role-profiles/:roleId': configuration,
  'GET /role-profiles/:roleId': reference,
  'POST /people/sync': ingestion(tenant),
  'POST /measurements': ingestion(person('employeeId', 'body')),
  'POST /measurements/imports': ingestion(tenant),
  'POST /employees/:employeeId/remeasurements': ingestion(person()),
  'POST /employees/:employeeId/feedback-rounds': ingestion(person()),
  'POST /employees/:employeeId/gap-analyses': ingestion(person()),
  'POST /employees/:employeeId/observations': managerial(person()),
  'PUT /employees/:employeeId/motivations/:competencyId': {
    subject: person(),
    reach: { employee: 'self', hr: 'tenant', admin: 'tenant' },
  },
  'GET /employees/:employeeId/gaps': personal(person()),
  'GET /employees/:employeeId/assessment': personal(person()),
  'POST /people/:employeeId/erasure': { subject: person(), reach: { admin: 'tenant' } },

  // planning
  'POST /plans': owned(person('employeeId', 'body')),
  'GET /plans/:planId': {
    subject: plan,
    reach: { employee: 'self', manager: 'reports', hr: 'tenant' },
  },
  // Closing the cycle is the manager's call (or HR's, as delegate), as approving goals is.
  'POST /plans/:planId/close': managerial(plan),
  'POST /plans/:planId/goals/draft': owned(plan),
  'PATCH /goals/:goalId': owned(goal),
  'POST /goals/:goalId/redraft': owned(goal),
  // Agreeing to a goal is the employee's own act: nobody agrees for them (SMART: acceptable).
  'POST /goals/:goalId/agreement': { subject: goal, reach: { employee: 'self' } },
  'POST /goals/:goalId/submit': owned(goal),
  'POST /goals/:goalId/withdraw': owned(goal),
  'POST /goals/:goalId/actions': owned(goal),
  'POST /goals/:goalId/actions/:actionId/complete': conversation(goal),
  'POST /goals/:goalId/check-ins': conversation(goal),
  'POST /goals/:goalId/adjust': owned(goal),
  'POST /goals/:goalId/evaluate': managerial(goal),
  'POST /goals/:goalId/criteria/:criterionId/evidence': owned(goal),
  'GET /goals/:goalId': {
    subject: goal,
    reach: { employee: 'self', manager: 'reports', hr: 'tenant' },
  },
  // The check of the goal as it stands now: whoever reads the goal.
  'GET /goals/:goalId/smart-check': {
    subject: goal,
    reach: { employee: 'self', manager: 'reports', hr: 'tenant' },
  },
  'GET /employees/:employeeId/goals': {
    subject: person(),
    reach: { employee: 'self', manager: 'reports', hr: 'tenant' },
  },
  'GET /check-ins/overdue': {
    subject: caller,
    reach: { employee: 'self', manager: 'self', hr: 'self', admin: 'self' },
  },
  // A manager's team: the manager themself, HR anyone's.
  'GET /managers/:managerId/reports': {
    subject: person('managerId'),
    reach: { manager: 'self', hr: 'tenant' },
  },
  // A manager's reports, or (scope=tenant, HR only) the tenant: the controller checks the role.
  'GET /remeasurements/due': { subject: caller, reach: { manager: 'self', hr: 'self' } },

  // approval
  'POST /approval-requests/:requestId/approve': managerial(approvalRequest),
  'POST /approval-requests/:requestId/reject': managerial(approvalRequest),
  'POST /approval-requests/overdue-check': configuration,
  'GET /approval-requests/inbox': {
    subject: person('managerId', 'query'),
    reach: { manager: 'self', hr: 'tenant' },
  },
  // Requests of employees without a manager: HR decides them as delegate.
  'GET /approval-requests/inbox/delegated': { subject: tenant, reach: { hr: 'tenant' } },
  'GET /approval-requests/:requestId': {
    subject: approvalRequest,
    reach: { employee: 'self', manager: 'reports', hr: 'tenant' },
  },
  'GET /goals/:goalId/approval-request': {
    subject: goal,
    reach: { employee: 'self', manager: 'reports', hr: 'tenant' },
  },

  // analytics
  'GET /analytics/employees/:employeeId/history': personal(person()),
  'GET /people/:employeeId/export': {
    subject: person(),
    reach: { employee: 'self', hr: 'tenant', admin: 'tenant' },
  },
  'GET /replay/events': integrations,
  'GET /analytics/active-plans': figures,
  'GET /analytics/development-focus': figures,
  'GET /analytics/gap-map': figures,
  'GET /analytics/approval-flow': figures,
  'GET /analytics/check-in-adherence': figures,
  'GET /analytics/growth': figures,
  // notifications: a platform's webhooks are set up by its integrator or an admin
  'POST /webhook-subscriptions': integrations,
  'GET /webhook-subscriptions': integrations,
  'GET /webhook-subscriptions/:subscriptionId': integrations,
  'PATCH /webhook-subscriptions/:subscriptionId': integrations,
  'DELETE /webhook-subscriptions/:subscriptionId': integrations,
  'POST /webhook-subscriptions/:subscriptionId/secret-rotations': integrations,
  // Opening people's personal data to a platform is the tenant's admin's decision alone.
  'PUT /webhook-subscriptions/:subscriptionId/personal-data': {
    subject: tenant,
    reach: { admin: 'tenant' },
  },
  'GET /webhook-subscriptions/:subscriptionId/deliveries': integrations,
  'POST /webhook-subscriptions/:subscriptionId/deliveries/:deliveryId/redelivery': integrations,
  // notifications: how each person is e-mailed is theirs to choose; the unsubscribe link of an
  // e-mail is signed per person and needs no token (RFC 8058 one-click)
  'GET /notification-preferences/me': mailPreference,
  'PUT /notification-preferences/me': mailPreference,
  'GET /unsubscribe': open,
  'POST /unsubscribe': open,
  'GET /notification-settings/hr-contacts': {
    subject: tenant,
    reach: { hr: 'tenant', admin: 'tenant' },
  },
  'PUT /notification-settings/hr-contacts': { subject: tenant, reach: { admin: 'tenant' } },
  'GET /mails': { subject: tenant, reach: { admin: 'tenant' } },
};

/** Who an endpoint is for, in words, for the detail of a refusal: `manager (their direct reports), hr (anyone in the tenant)`. */
export const describeReach = (rule: AccessRule): TextList =>
  textList(
    Object.entries(rule.reach).map(([role, reach]: [string, Reach]) =>
      text('http.roleReach', { role, reach: text(`http.reach.${reach}`) }),
    ),
    ', ',
  );

export const isPublicEndpoint = (
  entry: AccessRule | PublicEndpoint | undefined,
): entry is PublicEndpoint => entry !== undefined && 'public' in entry;

/** The policy entry of a request's route, e.g. `endpointKey('POST', '/goals/:goalId/submit')`. */
export const endpointKey = (method: string, routePath: string): EndpointKey =>
  `${method.toUpperCase()} ${routePath}` as EndpointKey;
