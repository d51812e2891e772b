// Demo data for an empty database. `pnpm db:seed` runs this file; the API's start-up and the
// tests import seedDemoData from it. The work lives in api/src/seed/.
import { pathToFileURL } from 'node:url';

export { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoData, type SeedOptions, type SeedResult } from '../api/src/seed';

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await import('../api/src/db/cli/seed');
}
