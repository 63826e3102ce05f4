import { catalogue } from './catalogue';

/** The texts of the manager pages. */
export const manager = catalogue({}, {});
