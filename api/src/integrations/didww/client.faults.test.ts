import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseRetryAfter } from './http';
import { parseFaultSpec } from './fake/faults';
import { startFixture, type Fixture } from './fake/testing';

let fx: Fixture;
beforeAll(async () => {
  fx = await startFixture({ hangMs: 2_000 });
});
afterAll(() => fx.fake.close());
beforeEach(() => {
  fx.fake.admin.reset();
  fx.sleeps.length = 0;
});

describe('DIDWW client: retries', () => {
  it('retries injected 5xx with growing, jittered backoff and succeeds', async () => {
    const client = fx.client({ faultHeader: '503;times=2;key=a', random: () => 0.5 });
    await expect(client.getBalance()).resolves.toMatchObject({ balance: '1000.00' });
    // 503 carries no Retry-After here, so exponential: base 250 → [187.5..250], 500 → [375..500]
    expect(fx.sleeps).toEqual([188, 375]);
    expect(fx.fake.admin.state().counters).toMatchObject({ requests: 3, faultsInjected: { status_503: 2 } });
  });

  it('honours Retry-After on 429', async () => {
    const client = fx.client({ faultHeader: '429;retry-after=2;times=1;key=b' });
    await expect(client.countries()).resolves.toHaveLength(14);
    expect(fx.sleeps).toEqual([2000]);
  });

  it('throws rate_limited instead of sleeping past maxRetryAfterMs', async () => {
    const client = fx.client({ faultHeader: '429;retry-after=120', maxRetryAfterMs: 60_000 });
    await expect(client.getBalance()).rejects.toMatchObject({ kind: 'rate_limited', retryable: true, retryAfterMs: 120_000 });
    expect(fx.sleeps).toEqual([]);
  });

  it('ends persistent 5xx in a retryable unavailable error after maxRetries', async () => {
    fx.fake.admin.setFaults({ errorRate: 1, errorStatus: 502 });
    const err = await fx.client({ maxRetries: 2 }).getBalance().catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'unavailable', status: 502, retryable: true });
    expect(fx.sleeps).toHaveLength(2);
    expect(fx.fake.admin.state().counters).toMatchObject({ requests: 3 });
  });

  it('turns a request that never answers into a retryable unavailable (timeout)', async () => {
    const err = await fx.client({ faultHeader: 'timeout', timeoutMs: 150, maxRetries: 1 }).getBalance().catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'unavailable', status: 0, retryable: true });
    expect((err as Error).message).toMatch(/timed out/);
    expect(fx.sleeps).toHaveLength(1);
  });

  it('retries a timed-out GET and succeeds', async () => {
    const client = fx.client({ faultHeader: 'timeout;times=1;key=c', timeoutMs: 150 });
    await expect(client.getBalance()).resolves.toMatchObject({ balanceCents: 100000 });
  });

  it('survives a scenario with every 3rd request rate limited while walking pages', async () => {
    fx.fake.admin.setFaults({ rateLimitEvery: 3, retryAfterSeconds: 1 });
    const groups = await fx.client({ pageSize: 100 }).didGroups();
    expect(groups.length).toBeGreaterThan(300);
    expect(fx.sleeps.length).toBeGreaterThan(0);
    expect(fx.sleeps.every((ms) => ms === 1000)).toBe(true);
  });

  it('draws errorRate faults from a seeded PRNG: the same scenario fails the same requests', async () => {
    const run = async () => {
      fx.fake.admin.reset();
      fx.fake.admin.setFaults({ errorRate: 0.3, seed: 7 });
      const outcomes: string[] = [];
      for (let i = 0; i < 12; i++) {
        outcomes.push(await fx.client({ maxRetries: 0 }).getBalance().then(() => 'ok', (e: { kind: string }) => e.kind));
      }
      return outcomes;
    };
    const first = await run();
    expect(first).toContain('unavailable');
    expect(first).toContain('ok');
    expect(await run()).toEqual(first);
  });
});

describe('fault and header parsing', () => {
  it('parses fault specs', () => {
    expect(parseFaultSpec('503; times=2; key=x')).toEqual({ status: 503, times: 2, key: 'x' });
    expect(parseFaultSpec('429,retry-after=3')).toEqual({ rateLimited: true, retryAfterSeconds: 3 });
    expect(parseFaultSpec('lost')).toEqual({ lost: true, status: 500 });
    expect(parseFaultSpec('order=pending;latency=20')).toEqual({ orderOutcome: 'pending', latencyMs: 20 });
  });

  it('parses Retry-After as seconds or an HTTP date', () => {
    const now = Date.UTC(2026, 0, 1, 0, 0, 0);
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter(new Date(now + 5000).toUTCString(), now)).toBe(5000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('fake DIDWW: admin API over HTTP', () => {
  it('sets faults, reports state and resets', async () => {
    const admin = (path: string, init?: RequestInit) => fetch(`${fx.fake.origin}/__admin${path}`, init).then((r) => r.json() as Promise<Record<string, unknown>>);
    const set = await admin('/faults', { method: 'POST', body: JSON.stringify({ insufficientFunds: true, latencyMs: 5 }) });
    expect(set).toMatchObject({ insufficientFunds: true, latencyMs: 5 });
    await fx.client().getBalance();
    const state = await admin('/state');
    expect(state).toMatchObject({ counters: { requests: 1 }, faults: { insufficientFunds: true } });
    await admin('/reset', { method: 'POST' });
    expect(await admin('/state')).toMatchObject({ counters: { requests: 0 }, faults: { insufficientFunds: false } });
  });
});
