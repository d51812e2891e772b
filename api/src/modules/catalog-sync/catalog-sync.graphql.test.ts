import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOnce } from 'graphile-worker';
import { startFakeDidww } from '../../integrations/didww/fake';
import { seedDemoData } from '../../seed';
import { createSignedInUser, signUpCustomer, useTestApi } from '../../test/api-harness';
import { catalogSyncTasks } from './catalog-sync.jobs';
import { catalogChecksum, PER_GROUP, silentWorkerLogger } from './test-support';

const RUN_FIELDS = 'id kind status progress createdCount updatedCount removedCount error startedAt finishedAt durationMs triggeredBy { name } createdAt';
const START = `mutation($kind: SyncRunKind!) { startCatalogSync(kind: $kind) { started run { ${RUN_FIELDS} } errors { code message } } }`;
const RUN = `query($id: ID!) { catalogSyncRun(id: $id) { ${RUN_FIELDS} } }`;
const RUNS = `query($kind: SyncRunKind, $first: Int, $after: String) {
  catalogSyncRuns(kind: $kind, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id kind status } } }
}`;

// The API's own DIDWW client talks to this fake (DIDWW_API_URL), as in the offline demo.
const fake = await startFakeDidww({ port: 0, seedPerGroup: PER_GROUP, orderDelayMs: 0 });
afterAll(() => fake.close());

describe('catalog sync over GraphQL', () => {
  const api = useTestApi({ DIDWW_API_URL: fake.url });
  const work = () => runOnce({ pgPool: api.db.pool, taskList: catalogSyncTasks(api.server.services), logger: silentWorkerLogger });
  let staff: { token: string; userId: string | undefined };

  beforeAll(async () => {
    await seedDemoData(api.db.prisma, { perGroup: PER_GROUP });
    staff = await createSignedInUser(api, 'SUPPORT');
  }, 60_000);

  it('is staff only: customers get FORBIDDEN, the signed-out UNAUTHENTICATED', async () => {
    const customer = await signUpCustomer(api);
    for (const [query, variables] of [[START, { kind: 'STOCK' }], [RUNS, {}], [RUN, { id: '00000000-0000-0000-0000-000000000000' }]] as const) {
      expect((await api.gql(query, variables, { token: customer.token })).body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
      expect((await api.gql(query, variables)).body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    }
    expect(await api.db.prisma.catalogSyncRun.count()).toBe(0);
  });

  it('lets staff start a stock sync, follow its progress live, and find it in the list; a seeded catalog is already in step', async () => {
    const before = await catalogChecksum(api.db.prisma, { ignoreLastSeen: true });
    const res = await api.gql(START, { kind: 'STOCK' }, { token: staff.token });
    const started = res.body.data!.startCatalogSync;
    expect(started).toMatchObject({ started: true, errors: [], run: { kind: 'STOCK', status: 'QUEUED', progress: 0, triggeredBy: { name: 'SUPPORT user' } } });
    const id = started.run.id as string;
    const again = await api.gql(START, { kind: 'STOCK' }, { token: staff.token });
    expect(again.body.data!.startCatalogSync).toMatchObject({ started: false, run: { id } });
    expect(await api.db.prisma.auditLog.count({ where: { action: 'catalog_sync.start', targetId: id, actorId: staff.userId! } })).toBe(1);

    // Slow DIDWW down so the run is watchable, then poll it as the admin console does.
    fake.admin.setFaults({ latencyMs: 25 });
    const working = work();
    const seen: Array<{ status: string; progress: number }> = [];
    for (let done = false; !done; ) {
      const run = (await api.gql(RUN, { id }, { token: staff.token })).body.data!.catalogSyncRun;
      seen.push({ status: run.status, progress: run.progress });
      done = run.status === 'SUCCEEDED' || run.status === 'FAILED';
      if (!done) await new Promise((r) => setTimeout(r, 20));
    }
    await working;
    fake.admin.clearFaults();
    expect(seen.some((s) => s.status === 'RUNNING' && s.progress > 0 && s.progress < 100)).toBe(true);
    const progress = seen.map((s) => s.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));

    const finished = (await api.gql(RUN, { id }, { token: staff.token })).body.data!.catalogSyncRun;
    expect(finished).toMatchObject({ status: 'SUCCEEDED', progress: 100, createdCount: 0, updatedCount: 0, removedCount: 0, error: null });
    expect(finished.durationMs).toBeGreaterThan(0);
    expect(new Date(finished.finishedAt).getTime()).toBeGreaterThanOrEqual(new Date(finished.startedAt).getTime());
    expect(await catalogChecksum(api.db.prisma, { ignoreLastSeen: true })).toBe(before);

    const list = (await api.gql(RUNS, { kind: 'STOCK', first: 5 }, { token: staff.token })).body.data!.catalogSyncRuns;
    expect(list).toMatchObject({ totalCount: 1, pageInfo: { hasNextPage: false }, edges: [{ node: { id, kind: 'STOCK', status: 'SUCCEEDED' } }] });
  });

  it('runs a reference sync that finds the seeded catalog in step, and pages the history newest first', async () => {
    const { id } = (await api.gql(START, { kind: 'REFERENCE' }, { token: staff.token })).body.data!.startCatalogSync.run;
    await work();
    expect((await api.gql(RUN, { id }, { token: staff.token })).body.data!.catalogSyncRun)
      .toMatchObject({ status: 'SUCCEEDED', createdCount: 0, updatedCount: 0, removedCount: 0 });

    const page1 = (await api.gql(RUNS, { first: 1 }, { token: staff.token })).body.data!.catalogSyncRuns;
    expect(page1).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true }, edges: [{ node: { id, kind: 'REFERENCE' } }] });
    const page2 = (await api.gql(RUNS, { first: 1, after: page1.pageInfo.endCursor }, { token: staff.token })).body.data!.catalogSyncRuns;
    expect(page2).toMatchObject({ pageInfo: { hasNextPage: false }, edges: [{ node: { kind: 'STOCK' } }] });
    const bad = await api.gql(RUNS, { first: 101 }, { token: staff.token });
    expect(bad.body.errors![0]!.extensions).toMatchObject({ code: 'VALIDATION', field: ['first'] });
    expect((await api.gql(RUN, { id: 'not-an-id' }, { token: staff.token })).body.data!.catalogSyncRun).toBeNull();
  });
});
