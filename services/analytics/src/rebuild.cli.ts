/**
 * Rebuilds an analytics read model from the whole history while the old one keeps serving:
 * node -r @swc-node/register services/analytics/src/rebuild.cli.ts --projection analytics-employee-facts [--store sqlite|mongo]
 */
import { runRebuildCli } from '@talentloop/read-models';
import { analyticsProjections } from './projections/employee-facts.projection';

runRebuildCli(analyticsProjections);
