import { catalogue } from './catalogue';

/** The texts of the employee pages. */
export const employee = catalogue({}, {});
