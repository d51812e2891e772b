/** Shared by this folder's tests: a service wired to a real fake DIDWW over HTTP, and DB probes. */
import { afterAll, beforeAll } from 'vitest';
import { Logger as WorkerLogger, runOnce } from 'graphile-worker';
import { systemClock, type Clock } from '../../clock';
import { loadConfig } from '../../config';
import type { PrismaClient } from '../../db/prisma';
import { createDidwwClient, type DidwwClient } from '../../integrations/didww';
import { startFakeDidww, type FakeDidww } from '../../integrations/didww/fake';
import { createLogger } from '../../logger';
import type { Services } from '../../services';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { AuditService } from '../audit/audit.service';
import { catalogSyncTasks } from './catalog-sync.jobs';
import { CatalogSyncService } from './catalog-sync.service';

/** Numbers per DID group in the fake (and the seed, where used): 1,700 numbers keep tests quick. */
export const PER_GROUP = 4;

export function fakeClient(fake: FakeDidww): DidwwClient {
  return createDidwwClient({ baseUrl: fake.url, apiKey: fake.apiKey, apiVersion: '2026-04-16', sleep: async () => {} });
}

export interface SyncFixture {
  db: TestDatabase;
  fake: FakeDidww;
  didww: DidwwClient;
  service: CatalogSyncService;
  /** Runs every due catalog-sync job once through graphile-worker, as the worker would. */
  work(): Promise<void>;
}

/** A fresh database, a fake DIDWW on port 0 and a CatalogSyncService between them, for one file. */
export function useSyncFixture(clock: Clock = systemClock): SyncFixture {
  const f = {} as SyncFixture;
  beforeAll(async () => {
    const [db, fake] = await Promise.all([createTestDatabase(), startFakeDidww({ port: 0, seedPerGroup: PER_GROUP, orderDelayMs: 0 })]);
    const didww = fakeClient(fake);
    const log = createLogger('silent');
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: db.url, DIDWW_API_URL: fake.url });
    const service = new CatalogSyncService({ prisma: db.prisma, clock, config, log, audit: new AuditService(db.prisma), didww });
    const taskList = catalogSyncTasks({ catalogSync: service } as unknown as Services);
    Object.assign(f, { db, fake, didww, service, work: () => runOnce({ connectionString: db.url, taskList, logger: silentWorkerLogger }) });
  });
  afterAll(async () => {
    await f.fake?.close();
    await f.db?.drop();
  });
  return f;
}

export const silentWorkerLogger = new WorkerLogger(() => () => {});

/**
 * A digest of every catalog table, row by row and column by column: equal digests mean an equal
 * catalog. `ignoreLastSeen` drops `available_numbers.last_seen_at`, which every stock run moves.
 */
export async function catalogChecksum(prisma: PrismaClient, opts: { ignoreLastSeen?: boolean } = {}): Promise<string> {
  const numbers = opts.ignoreLastSeen ? `(to_jsonb(t) - 'last_seen_at')` : 'to_jsonb(t)';
  const digest = (table: string, row = 'to_jsonb(t)') => `(SELECT md5(coalesce(string_agg(${row}::text, '|' ORDER BY t.id), '')) FROM ${table} t)`;
  const rows = await prisma.$queryRawUnsafe<Array<{ sum: string }>>(
    `SELECT ${['countries', 'regions', 'cities', 'did_groups', 'skus', 'sku_prices'].map((t) => digest(t)).join(' || ')} || ${digest('available_numbers', numbers)} AS sum`,
  );
  return rows[0]!.sum;
}

/** Counts of our catalog tables and numbers by status. */
export async function catalogCounts(prisma: PrismaClient) {
  const [countries, regions, cities, groups, skus, byStatus] = await Promise.all([
    prisma.country.count(), prisma.region.count(), prisma.city.count(),
    prisma.didGroup.count({ where: { active: true } }), prisma.sku.count({ where: { active: true } }),
    prisma.availableNumber.groupBy({ by: ['status'], _count: true }),
  ]);
  return { countries, regions, cities, groups, skus, numbers: Object.fromEntries(byStatus.map((r) => [r.status, r._count])) as Record<string, number> };
}
