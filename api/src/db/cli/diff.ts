// pnpm db:diff <name> — write prisma/migrations/<timestamp>_<name>/migration.sql for whatever
// schema.prisma has that the existing migrations do not. The migrations are replayed on a
// throwaway shadow database of the same server, so the app's own data is never touched.
import path from 'node:path';
import { diffMigration } from '../migrate';
import { openCliDatabase, runCli } from './target';

await runCli(async () => {
  const name = process.argv.slice(2).find((a) => !a.startsWith('-'));
  if (!name) throw new Error('usage: pnpm db:diff <migration_name>   (e.g. pnpm db:diff add_invoice_table)');
  const db = await openCliDatabase(console.log);
  try {
    const created = await diffMigration(db.url, name);
    if (!created) {
      console.log('No changes: schema.prisma matches the migrations.');
      return;
    }
    console.log(`Created ${path.relative(process.cwd(), path.join(created.dir, 'migration.sql'))}:\n`);
    console.log(created.sql);
    console.log('Review it, then apply it with `pnpm db:migrate`.');
  } finally {
    await db.stop();
  }
});
