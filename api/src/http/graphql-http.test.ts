import { describe, expect, it } from 'vitest';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { SIGN_UP, signUpCustomer, useTestApi } from '../test/api-harness';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const json = (res: Response): Promise<any> => res.json();

describe('GraphQL over HTTP', () => {
  const api = useTestApi({ GRAPHQL_MAX_DEPTH: '6', GRAPHQL_MAX_COST: '40' });
  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
      body,
    });

  it('answers with application/graphql-response+json when asked, application/json otherwise', async () => {
    const a = await post(JSON.stringify({ query: '{ me { id } }' }));
    expect(a.status).toBe(200);
    expect(a.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    const b = await post(JSON.stringify({ query: '{ me { id } }' }), { accept: 'application/json' });
    expect(b.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await json(b)).toEqual({ data: { me: null } });
  });

  it('serves queries over GET and refuses mutations over GET with 405', async () => {
    const q = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ me { id } }')}`, {
      headers: { accept: 'application/graphql-response+json', 'apollo-require-preflight': 'true' },
    });
    expect(q.status).toBe(200);
    expect(await json(q)).toEqual({ data: { me: null } });
    const m = await fetch(`${api.url}/graphql?query=${encodeURIComponent('mutation { signOut { ok } }')}`, {
      headers: { accept: 'application/graphql-response+json', 'apollo-require-preflight': 'true' },
    });
    expect(m.status).toBe(405);
  });

  it('answers malformed JSON with a 400 error document, not a 500', async () => {
    const res = await post('{"query": ');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/json/);
    const body = await json(res);
    expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('answers a body over 1 MB with 413 and writes nothing', async () => {
    const before = await api.db.prisma.user.count();
    const name = 'x'.repeat(1_100_000);
    const res = await post(JSON.stringify({ query: SIGN_UP, variables: { input: { email: 'big@example.com', password: 'long-enough-pw', name } } }));
    expect(res.status).toBe(413);
    expect((await json(res)).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await api.db.prisma.user.count()).toBe(before);
  });

  it('answers a syntax error with 400 GRAPHQL_PARSE_FAILED', async () => {
    const res = await post(JSON.stringify({ query: '{ me { id ' }));
    expect(res.status).toBe(400);
    expect((await json(res)).errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('answers an unknown field with 400 GRAPHQL_VALIDATION_FAILED', async () => {
    const res = await post(JSON.stringify({ query: '{ me { passwordHash } }' }));
    expect(res.status).toBe(400);
    expect((await json(res)).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses an over-deep query with a clear message', async () => {
    const deep = '{ __schema { types { fields { type { ofType { ofType { ofType { name } } } } } } } }';
    const res = await post(JSON.stringify({ query: deep }));
    expect(res.status).toBe(400);
    const body = await json(res);
    expect(body.errors[0].message).toMatch(/depth limit of 6/i);
  });

  it('refuses an over-costly query with a clear message and runs none of it', async () => {
    const aliases = Array.from({ length: 50 }, (_, i) => `m${i}: me { id email name }`).join(' ');
    const res = await post(JSON.stringify({ query: `{ ${aliases} }` }));
    expect(res.status).toBe(400);
    const body = await json(res);
    expect(body.errors[0].extensions.code).toBe('QUERY_TOO_COSTLY');
    expect(body.errors[0].message).toMatch(/exceeds the limit of 40/);
    expect(body.data).toBeUndefined();
  });

  it('serves Apollo Sandbox to browsers at /graphql', async () => {
    const res = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toMatch(/sandbox/i);
  });

  it('reports liveness and readiness', async () => {
    expect(await json(await fetch(`${api.url}/healthz`))).toEqual({ status: 'ok' });
    expect(await json(await fetch(`${api.url}/readyz`))).toEqual({ status: 'ready' });
  });

  it('runs queries over graphql-ws on the same path, authenticated by connectionParams', async () => {
    const { token, userId } = await signUpCustomer(api);
    const run = (connectionParams: Record<string, unknown>) => {
      const client = createClient({ url: api.url.replace('http', 'ws') + '/graphql', webSocketImpl: WebSocket, connectionParams, lazy: true, retryAttempts: 0 });
      return new Promise<unknown>((resolve, reject) => {
        client.subscribe({ query: '{ me { id } }' }, { next: (v) => resolve(v), error: reject, complete: () => undefined });
      }).finally(() => client.dispose());
    };
    expect(await run({ authorization: `Bearer ${token}` })).toEqual({ data: { me: { id: userId } } });
    expect(await run({})).toEqual({ data: { me: null } });
  });

  it('masks unexpected faults as INTERNAL_SERVER_ERROR with a request id, and logs them', async () => {
    // Break the table the mutation writes to: the fault is real, its details must not leak.
    await api.db.pool.query('alter table users rename to users_gone');
    try {
      const res = await post(JSON.stringify({ query: SIGN_UP, variables: { input: { email: 'fault@example.com', password: 'long-enough-pw', name: 'F' } } }), {
        'x-request-id': 'test-request-123',
      });
      const body = await json(res);
      expect(body.errors[0]).toMatchObject({
        message: 'Unexpected error. Reference: test-request-123',
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'test-request-123' },
      });
      expect(JSON.stringify(body)).not.toMatch(/users|prisma|relation/i);
      expect(res.headers.get('x-request-id')).toBe('test-request-123');
    } finally {
      await api.db.pool.query('alter table users_gone rename to users');
    }
  });
});
