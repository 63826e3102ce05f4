import { accessPolicy, type AccessRule, type EndpointKey } from '../access/access-policy';

/** A route open to every role of the caller's tenant: for suites about who calls, not reach. */
const anyone: AccessRule = {
  subject: { of: 'tenant' },
  reach: {
    employee: 'tenant',
    manager: 'tenant',
    hr: 'tenant',
    admin: 'tenant',
    integrator: 'tenant',
  },
};

/** The services' access policy plus a test app's probe routes, each open to every role. */
export const probePolicyWith = (routes: readonly EndpointKey[]) => ({
  ...accessPolicy,
  ...Object.fromEntries(routes.map((route) => [route, anyone])),
});
