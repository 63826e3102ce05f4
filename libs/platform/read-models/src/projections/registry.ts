import type { Projection } from '../projection';
import { employeeDirectoryProjection } from './employee-directory.projection';

/** Every projection by name: what the rebuild CLI and runners can address. */
export const projectionRegistry: ReadonlyMap<string, Projection> = new Map(
  [employeeDirectoryProjection as Projection].map((projection) => [projection.name, projection]),
);
