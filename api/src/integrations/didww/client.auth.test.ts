import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFixture, type Fixture } from './fake/testing';

let fx: Fixture;
beforeAll(async () => {
  fx = await startFixture();
});
afterAll(() => fx.fake.close());
beforeEach(() => fx.fake.admin.reset());

/** Records every request the client sends. */
function recording() {
  const calls: Array<{ url: string; headers: Headers }> = [];
  const fetchSpy: typeof fetch = (input, init) => {
    calls.push({ url: String(input), headers: new Headers(init?.headers) });
    return fetch(input, init);
  };
  return { calls, fetchSpy };
}

describe('DIDWW client: authentication', () => {
  it('sends Api-Key, the version and JSON:API headers up to 2026-04-16', async () => {
    const { calls, fetchSpy } = recording();
    await fx.client({ fetch: fetchSpy }).getBalance();
    const h = calls[0]!.headers;
    expect(h.get('Api-Key')).toBe(fx.fake.apiKey);
    expect(h.get('X-DIDWW-API-Version')).toBe('2026-04-16');
    expect(h.get('Accept')).toBe('application/vnd.api+json');
    expect(h.get('Authorization')).toBeNull();
  });

  it('turns a wrong or missing key into an unauthorized error without retrying', async () => {
    const err = await fx.client({ apiKey: 'wrong' }).getBalance().catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'unauthorized', status: 401, retryable: false });
    const res = await fetch(`${fx.fake.url}/balance`, { headers: { Accept: 'application/vnd.api+json' } });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { errors: Array<{ status: string }> }).errors[0]!.status).toBe('401');
    expect(fx.sleeps).toEqual([]);
  });

  it('on 2026-11-19 mints a bearer token once, reuses it, and never sends the key to the API', async () => {
    const { calls, fetchSpy } = recording();
    const client = fx.client({ apiVersion: '2026-11-19', fetch: fetchSpy });
    expect(client.authStyle).toBe('bearer');
    await client.getBalance();
    await client.countries();
    const tokenCalls = calls.filter((c) => c.url === fx.fake.tokenUrl);
    const apiCalls = calls.filter((c) => c.url !== fx.fake.tokenUrl);
    expect(tokenCalls).toHaveLength(1);
    expect(tokenCalls[0]!.headers.get('Api-Key')).toBe(fx.fake.apiKey);
    expect(apiCalls.every((c) => /^Bearer .+/.test(c.headers.get('Authorization') ?? '') && c.headers.get('Api-Key') === null)).toBe(true);
    expect(fx.fake.admin.state().counters).toMatchObject({ tokensIssued: 1 });
  });

  it('refuses a plain Api-Key on 2026-11-19 like DIDWW does', async () => {
    const res = await fetch(`${fx.fake.url}/balance`, {
      headers: { Accept: 'application/vnd.api+json', 'Api-Key': fx.fake.apiKey, 'X-DIDWW-API-Version': '2026-11-19' },
    });
    expect(res.status).toBe(401);
  });

  it('mints a new token once after a 401 and carries on', async () => {
    const client = fx.client({ apiVersion: '2026-11-19' });
    await client.getBalance();
    fx.fake.admin.revokeTokens();
    await expect(client.getBalance()).resolves.toMatchObject({ balanceCents: 100000 });
    expect(fx.fake.admin.state().counters).toMatchObject({ tokensIssued: 2 });
  });

  it('refreshes a token before it expires', async () => {
    let now = Date.now();
    const client = fx.client({ apiVersion: '2026-11-19', now: () => now });
    await client.getBalance();
    now += 900_000 - 10_000; // within the refresh margin of the 900 s token
    await client.getBalance();
    expect(fx.fake.admin.state().counters).toMatchObject({ tokensIssued: 2 });
  });

  it('gives up with unauthorized when the key cannot mint tokens', async () => {
    await expect(fx.client({ apiVersion: '2026-11-19', apiKey: 'nope' }).getBalance()).rejects.toMatchObject({ kind: 'unauthorized' });
  });
});

describe('fake DIDWW: media types', () => {
  const post = (headers: Record<string, string>) =>
    fetch(`${fx.fake.url}/voice_in_trunks`, {
      method: 'POST',
      headers: { 'Api-Key': fx.fake.apiKey, ...headers },
      body: JSON.stringify({ data: { type: 'voice_in_trunks', attributes: { name: 't', configuration: { type: 'pstn_configurations', attributes: { dst: '14155550100' } } } } }),
    });

  it('answers 415 to a body that is not application/vnd.api+json', async () => {
    const res = await post({ 'Content-Type': 'application/json', Accept: 'application/vnd.api+json' });
    expect(res.status).toBe(415);
    expect(res.headers.get('content-type')).toBe('application/vnd.api+json');
    const doc = (await res.json()) as { errors: Array<{ status: string; code: string }> };
    expect(doc.errors[0]).toMatchObject({ status: '415', code: '415' });
  });

  it('answers 406 to an Accept header without the JSON:API media type', async () => {
    const res = await fetch(`${fx.fake.url}/countries`, { headers: { 'Api-Key': fx.fake.apiKey, Accept: 'text/html' } });
    expect(res.status).toBe(406);
  });

  it('accepts the right media types', async () => {
    const res = await post({ 'Content-Type': 'application/vnd.api+json', Accept: 'application/vnd.api+json' });
    expect(res.status).toBe(201);
  });
});
