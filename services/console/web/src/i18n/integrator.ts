import { catalogue } from './catalogue';

/** The texts of the integrator pages. */
export const integrator = catalogue({}, {});
