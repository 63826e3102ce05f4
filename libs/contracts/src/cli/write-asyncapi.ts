import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAsyncApiDocument } from '../asyncapi/asyncapi';

/** Where the generated document lives; a unit test fails when it differs from the registry. */
const asyncApiPath = join(__dirname, '..', '..', 'asyncapi.json');

writeFileSync(asyncApiPath, `${JSON.stringify(buildAsyncApiDocument(), null, 2)}\n`);
process.stdout.write(`wrote ${asyncApiPath}\n`);
