// pnpm db:seed — migrate, then write the demo data if the database is empty.
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoData } from '../../seed';
import { migrate } from '../migrate';
import { createPrismaClient } from '../prisma';
import { openCliDatabase, runCli } from './target';

await runCli(async () => {
  const db = await openCliDatabase(console.log);
  try {
    await migrate(db.url, { log: console.log });
    const prisma = createPrismaClient(db.url, { max: 2 });
    try {
      const started = performance.now();
      const result = await seedDemoData(prisma, { log: console.log });
      if (result.seeded) {
        console.log(`done in ${Math.round(performance.now() - started)} ms; sign in with any of:`);
        for (const a of DEMO_ACCOUNTS) console.log(`  ${a.role.padEnd(8)} ${a.email} / ${DEMO_PASSWORD}`);
      }
    } finally {
      await prisma.$disconnect();
    }
  } finally {
    await db.stop();
  }
});
