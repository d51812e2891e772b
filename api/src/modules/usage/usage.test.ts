import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../seed';
import { createSignedInUser, useTestApi } from '../../test/api-harness';
import { drainJobs, queuedJobs } from '../../test/jobs';
import { parseCallRow } from './cdr-import';
import { CALLS, customerWithNumbers, EXPORT_CALLS, STATS } from './usage.test-support';

describe('call records: import from DIDWW, history, statistics, isolation', () => {
  const api = useTestApi({}, { didww: { orderDelayMs: 0 } });
  let alice: Awaited<ReturnType<typeof customerWithNumbers>>;
  let bob: Awaited<ReturnType<typeof customerWithNumbers>>;

  beforeAll(async () => {
    await seedDemoData(api.db.prisma, { perGroup: 3 });
    alice = await customerWithNumbers(api, 2, 20);
    bob = await customerWithNumbers(api, 1, 20);
    api.server.services.usage.importer['opts'].pollMs = 20;
  }, 60_000);

  const count = () => api.db.prisma.callRecord.count();

  it('imports the CDR exports once: a second import stores no duplicates and counts nothing twice', async () => {
    const first = await api.server.services.usage.importCallRecords();
    expect(first.inserted).toBeGreaterThan(20);
    const afterFirst = await count();
    const statsBefore = await api.db.prisma.callDailyStat.aggregate({ _sum: { calls: true } });
    expect(statsBefore._sum.calls).toBe(afterFirst);

    // Re-read the whole period (as after a crash mid-import): the same rows come back.
    const opts = api.server.services.usage.importer['opts'];
    opts.overlapMs = 365 * 86_400_000;
    const second = await api.server.services.usage.importCallRecords();
    opts.overlapMs = 86_400_000;
    expect(second.rows).toBeGreaterThan(0);
    expect(second.inserted).toBe(0);
    expect(await count()).toBe(afterFirst);
    const statsAfter = await api.db.prisma.callDailyStat.aggregate({ _sum: { calls: true } });
    expect(statsAfter._sum.calls).toBe(afterFirst);
  });

  it('a customer sees only calls to their own numbers, newest first, across keyset pages', async () => {
    const mine = new Set(alice.numbers.map((n) => n.id));
    const seen: string[] = [];
    let after: string | null = null;
    let last = Infinity;
    do {
      const res: any = await api.gql(CALLS, { first: 25, after }, { token: alice.token });
      expect(res.body.errors).toBeUndefined();
      const conn = res.body.data.callRecords;
      for (const e of conn.edges) {
        expect(mine.has(e.node.numberId)).toBe(true);
        expect(e.node.userId).toBeNull();
        const t = Date.parse(e.node.startedAt);
        expect(t).toBeLessThanOrEqual(last);
        last = t;
        seen.push(e.node.id);
      }
      after = conn.pageInfo.hasNextPage ? conn.pageInfo.endCursor : null;
    } while (after);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(await api.db.prisma.callRecord.count({ where: { userId: alice.userId } }));
  });

  it("a second customer cannot read the first customer's calls, even by number id or userId", async () => {
    const byNumber: any = await api.gql(CALLS, { filter: { numberId: alice.numbers[0]!.id } }, { token: bob.token });
    expect(byNumber.body.data.callRecords.edges).toEqual([]);
    const byUser: any = await api.gql(CALLS, { filter: { userId: alice.userId } }, { token: bob.token });
    for (const e of byUser.body.data.callRecords.edges) expect(e.node.numberId).toBe(bob.numbers[0]!.id);
    const stats: any = await api.gql(STATS, { filter: { numberId: alice.numbers[0]!.id }, interval: 'DAY' }, { token: bob.token });
    expect(stats.body.data.callStats.totals.calls).toBe(0);
  });

  it('filters by number, status, caller digits and date range', async () => {
    const n = alice.numbers[1]!;
    const res: any = await api.gql(CALLS, { filter: { numberId: n.id, status: 'ANSWERED' }, first: 100 }, { token: alice.token });
    const edges = res.body.data.callRecords.edges;
    expect(edges.length).toBeGreaterThan(0);
    for (const e of edges) {
      expect(e.node.numberId).toBe(n.id);
      expect(e.node.status).toBe('ANSWERED');
    }
    const caller = edges[0].node.caller as string;
    const digits = caller.replace(/\D/g, '').slice(-6);
    const byCaller: any = await api.gql(CALLS, { filter: { callerContains: digits } }, { token: alice.token });
    expect(byCaller.body.data.callRecords.edges.length).toBeGreaterThan(0);
    for (const e of byCaller.body.data.callRecords.edges) expect(e.node.caller).toContain(digits);
    // The same calls as reading every record would give (the matching callers come from the roll-up).
    const raw = await api.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM call_records WHERE user_id = $1 AND source LIKE $2`, [alice.userId, `%${digits}%`]);
    const counted: any = await api.gql(`query($f: CallRecordFilter) { callRecords(filter: $f, first: 1) { totalCount } }`, { f: { callerContains: digits } }, { token: alice.token });
    expect(counted.body.data.callRecords.totalCount).toBe(raw.rows[0]!.n);
    // Walking the pages gives exactly the raw order, across several callers merged.
    const few = digits.slice(-2);
    const expected = await api.db.pool.query<{ id: string }>(
      `SELECT id FROM call_records WHERE user_id = $1 AND source LIKE $2 ORDER BY started_at DESC, id DESC`, [alice.userId, `%${few}%`]);
    const walked: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 50; i++) {
      const page: any = await api.gql(`query($f: CallRecordFilter, $a: String) { callRecords(filter: $f, first: 3, after: $a) { pageInfo { hasNextPage endCursor } edges { node { id } } } }`, { f: { callerContains: few }, a: after }, { token: alice.token });
      walked.push(...page.body.data.callRecords.edges.map((e: any) => e.node.id));
      if (!page.body.data.callRecords.pageInfo.hasNextPage) break;
      after = page.body.data.callRecords.pageInfo.endCursor;
    }
    expect(expected.rows.length).toBeGreaterThan(3);
    expect(walked).toEqual(expected.rows.map((r) => r.id).slice(0, walked.length));
    expect(walked.length).toBe(Math.min(expected.rows.length, 150));
    const none: any = await api.gql(CALLS, { filter: { callerContains: '0000000000000' } }, { token: alice.token });
    expect(none.body.data.callRecords.edges).toEqual([]);

    const from = new Date(Date.now() - 3 * 86_400_000).toISOString();
    const ranged: any = await api.gql(CALLS, { filter: { from }, first: 100 }, { token: alice.token });
    for (const e of ranged.body.data.callRecords.edges) expect(Date.parse(e.node.startedAt)).toBeGreaterThanOrEqual(Date.parse(from));
  });

  it('daily stats from the roll-ups equal counting the raw records', async () => {
    const from = new Date(Date.UTC(2020, 0, 1)).toISOString();
    const to = new Date(Date.now() + 86_400_000).toISOString();
    const res: any = await api.gql(STATS, { filter: { from, to }, interval: 'WEEK' }, { token: alice.token });
    expect(res.body.errors).toBeUndefined();
    const s = res.body.data.callStats;
    const raw = await api.db.prisma.callRecord.aggregate({ where: { userId: alice.userId }, _count: true, _sum: { durationSeconds: true } });
    const answered = await api.db.prisma.callRecord.count({ where: { userId: alice.userId, status: 'ANSWERED' } });
    expect(s.totals.calls).toBe(raw._count);
    expect(s.totals.answered).toBe(answered);
    expect(s.totals.seconds).toBe(raw._sum.durationSeconds);
    expect(s.buckets.reduce((a: number, b: any) => a + b.calls, 0)).toBe(raw._count);
    // A partial-day window (raw edges only) agrees with a direct count too.
    const edgeFrom = new Date(Date.now() - 36 * 3_600_000);
    const edge: any = await api.gql(STATS, { filter: { from: edgeFrom.toISOString() }, interval: 'DAY' }, { token: alice.token });
    expect(edge.body.data.callStats.totals.calls).toBe(await api.db.prisma.callRecord.count({ where: { userId: alice.userId, startedAt: { gte: edgeFrom } } }));
    const top = s.topCallers;
    expect(top.length).toBeGreaterThan(0);
    for (let i = 1; i < top.length; i++) expect(top[i - 1].calls).toBeGreaterThanOrEqual(top[i].calls);
    const topRaw = await api.db.prisma.callRecord.count({ where: { userId: alice.userId, source: top[0].caller } });
    expect(top[0].calls).toBe(topRaw);
  });

  it('staff see any customer with userId, and their rows carry the owner', async () => {
    const staff = await createSignedInUser(api, 'SUPPORT');
    const res: any = await api.gql(CALLS, { filter: { userId: bob.userId }, first: 5 }, { token: staff.token, headers: { 'x-numninja-app': 'admin' } });
    expect(res.body.data.callRecords.edges.length).toBeGreaterThan(0);
    for (const e of res.body.data.callRecords.edges) expect(e.node.userId).toBe(bob.userId);
  });

  it('rejects bad input with VALIDATION and the field: inverted range, first > 100, malformed cursor, bad ids, bad digits', async () => {
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ filter: { from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' } }, ['filter', 'to']],
      [{ first: 101 }, ['first']],
      [{ after: 'not-a-cursor' }, ['after']],
      [{ filter: { numberId: 'abc' } }, ['filter', 'numberId']],
      [{ filter: { callerContains: 'x1' } }, ['filter', 'callerContains']],
    ];
    for (const [vars, field] of cases) {
      const res: any = await api.gql(CALLS, vars, { token: alice.token });
      expect(res.body.errors?.[0]?.extensions?.code, JSON.stringify(vars)).toBe('VALIDATION');
      expect(res.body.errors[0].extensions.field).toEqual(field);
    }
    const stats: any = await api.gql(STATS, { filter: { from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }, interval: 'DAY' }, { token: alice.token });
    expect(stats.body.errors[0].extensions).toMatchObject({ code: 'VALIDATION', field: ['filter', 'to'] });
    const exp: any = await api.gql(EXPORT_CALLS, { filter: { from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' } }, { token: alice.token });
    expect(exp.body.data.exportCallRecords).toMatchObject({ url: null, errors: [{ code: 'VALIDATION', field: ['filter', 'to'] }] });
    expect(await api.db.prisma.dataExport.count()).toBe(0);
  });

  it('refuses signed-out callers', async () => {
    const res: any = await api.gql(CALLS, {});
    expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refreshCallRecords queues one import per customer, and the job imports', async () => {
    const q = `mutation { refreshCallRecords { queued errors { code } } }`;
    await api.gql(q, {}, { token: alice.token });
    await api.gql(q, {}, { token: alice.token });
    const jobs = (await queuedJobs(api.db.prisma, 'usage-import-cdrs')).filter((j) => j.key === `usage-import-cdrs:${alice.userId}`);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.payload).toEqual({ userId: alice.userId });
    const before = await count();
    await drainJobs(api.db.pool, api.server.services);
    expect(await count()).toBe(before);
  });

  it('stops counting a long history at 10,000 but counts a narrower filter exactly', async () => {
    const carol = await customerWithNumbers(api, 1, 1);
    const number = carol.numbers[0]!;
    await api.db.pool.query(
      `INSERT INTO call_records (id, external_id, user_id, purchased_number_id, direction, status, source, destination, started_at, duration_seconds, created_at, updated_at)
       SELECT gen_random_uuid(), 'count-cap-' || g, $1, $2, 'INBOUND', CASE WHEN g % 1000 = 0 THEN 'MISSED' ELSE 'ANSWERED' END::"CallStatus",
              '+14155550100', $3, now() - g * interval '1 minute', 30, now(), now()
       FROM generate_series(1, 10050) g`,
      [carol.userId, number.id, number.e164],
    );
    const all: any = await api.gql(CALLS, { first: 1 }, { token: carol.token });
    expect(all.body.data.callRecords.totalCount).toBe(10_000);
    const missed: any = await api.gql(CALLS, { filter: { status: 'MISSED' }, first: 1 }, { token: carol.token });
    expect(missed.body.data.callRecords.totalCount).toBe(10);
  });
});

describe('CDR rows', () => {
  it('maps DIDWW columns of every version onto one call', () => {
    const v2 = parseCallRow({ 'Date/Time Start (UTC)': '2026-11-20 10:00:00', Status: 'answered', Source: '14155550100', 'Destination DID': '12125550123', 'Duration (sec)': '42', 'Disconnect Code': '200', Response: 'Bye', Attempt: '1' });
    expect(v2).toMatchObject({ didDigits: '12125550123', source: '+14155550100', status: 'ANSWERED', durationSeconds: 42, startedAt: new Date('2026-11-20T10:00:00Z') });
    const legacy = parseCallRow({ 'Date/Time (UTC)': '2026-11-20 10:00:00', Source: '', DID: '12125550123', 'Duration (secs)': '0', 'Disconnect Code': '486', Response: 'Busy Here' });
    expect(legacy).toMatchObject({ status: 'BUSY', source: 'anonymous', durationSeconds: 0 });
    expect(parseCallRow({ 'Date/Time Start (UTC)': 'garbage', 'Destination DID': '1' })).toBeNull();
    expect(v2!.externalId).toBe(parseCallRow({ ...{ 'Date/Time Start (UTC)': '2026-11-20 10:00:00', Status: 'answered', Source: '14155550100', 'Destination DID': '12125550123', 'Duration (sec)': '99', Attempt: '1' } })!.externalId);
  });
});
