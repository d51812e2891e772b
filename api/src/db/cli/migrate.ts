// pnpm db:migrate — apply pending migrations to DATABASE_URL or the embedded dev database.
import { migrate } from '../migrate';
import { openCliDatabase, runCli } from './target';

await runCli(async () => {
  const db = await openCliDatabase(console.log);
  try {
    const started = performance.now();
    const { applied } = await migrate(db.url, { log: console.log });
    console.log(`${applied.length} migration(s) applied in ${Math.round(performance.now() - started)} ms`);
  } finally {
    await db.stop();
  }
});
