import type { PrismaClient } from '../db/prisma';
import { demoUserId, demoUsers } from './accounts';
import { bulkInsert } from './bulk-insert';
import { demoCatalog } from './catalog';
import { DEMO_PRICING_RULE } from './prices';
import { seedDemoNumbers } from './demo-numbers';

export interface SeedOptions {
  log?: (msg: string) => void;
  /** Numbers per DID group (default: the coverage default, ≥ 5,000 numbers in all). */
  perGroup?: number;
}

export type SeedResult =
  | { seeded: false; reason: 'already seeded' }
  | { seeded: true; counts: Record<'users' | 'countries' | 'regions' | 'cities' | 'didGroups' | 'skus' | 'availableNumbers', number> };

// Serialises concurrent seeders (two processes booting against one empty database).
const SEED_LOCK_KEY = 7_204_119_002;

/**
 * Demo accounts, the global pricing rule and the demo catalog, written only into an empty
 * database (no users and no countries) and in one transaction: a crash mid-way leaves it empty,
 * so the next start simply seeds again. Deterministic apart from timestamps and password salts.
 */
export async function seedDemoData(prisma: PrismaClient, opts: SeedOptions = {}): Promise<SeedResult> {
  const log = opts.log ?? (() => {});
  const alreadySeeded = { seeded: false, reason: 'already seeded' } as const;
  // Every start calls this: answer the common case without hashing or generating anything.
  if (!(await isEmpty(prisma))) {
    log('already seeded: the database has users or countries, nothing written');
    return alreadySeeded;
  }
  // Built before the transaction opens: hashing and number generation need no connection.
  const hashing = demoUsers(); // argon2 works off the main thread meanwhile
  const catalog = demoCatalog({ perGroup: opts.perGroup });
  const users = await hashing;

  const result = await prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY}::bigint)`;
      // Checked again under the lock: another process may have seeded in the meantime.
      if (!(await isEmpty(tx))) return alreadySeeded;

      await tx.user.createMany({ data: users });
      await tx.pricingRule.createMany({ data: [{ ...DEMO_PRICING_RULE, createdById: demoUserId('admin@numninja.test') }] });
      await bulkInsert(tx, 'countries', catalog.countries);
      await bulkInsert(tx, 'regions', catalog.regions);
      await bulkInsert(tx, 'cities', catalog.cities);
      await bulkInsert(tx, 'did_groups', catalog.didGroups);
      await bulkInsert(tx, 'skus', catalog.skus);
      await bulkInsert(tx, 'sku_prices', catalog.skuPrices);
      await bulkInsert(tx, 'available_numbers', catalog.availableNumbers);
      await seedDemoNumbers(tx, new Date(), { perGroup: opts.perGroup });
      return {
        seeded: true,
        counts: {
          users: users.length,
          countries: catalog.countries.length,
          regions: catalog.regions.length,
          cities: catalog.cities.length,
          didGroups: catalog.didGroups.length,
          skus: catalog.skus.length,
          availableNumbers: catalog.availableNumbers.length,
        },
      } as const;
    },
    { maxWait: 10_000, timeout: 120_000 },
  );

  if (result.seeded) {
    const c = result.counts;
    log(`seeded ${c.users} demo accounts, ${c.countries} countries, ${c.didGroups} DID groups, ${c.availableNumbers} numbers`);
  } else {
    log('already seeded: the database has users or countries, nothing written');
  }
  return result;
}

async function isEmpty(db: Pick<PrismaClient, 'user' | 'country'>): Promise<boolean> {
  const [users, countries] = await Promise.all([db.user.count(), db.country.count()]);
  return users === 0 && countries === 0;
}
