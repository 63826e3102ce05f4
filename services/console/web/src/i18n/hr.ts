import { catalogue } from './catalogue';

/** The texts of the hr pages. */
export const hr = catalogue({}, {});
