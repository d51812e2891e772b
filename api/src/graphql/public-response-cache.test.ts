import { createHash } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { afterEach, describe, expect, it } from 'vitest';
import type { GraphQLContext } from './context';
import { publicResponseCachePlugin } from './public-response-cache';

const typeDefs = /* GraphQL */ `
  type Query {
    search(q: String!): [String!]!
    me: String
  }
  type Mutation {
    touch: Int!
  }
`;

/** A real Apollo Server whose resolvers count how often they actually run. */
function server(ttlMs = 10_000, maxChars?: number) {
  const calls = { search: 0, me: 0, touch: 0 };
  let failNext = false;
  let delayMs = 0;
  const apollo = new ApolloServer<GraphQLContext>({
    typeDefs,
    resolvers: {
      Query: {
        search: async (_: unknown, { q }: { q: string }) => {
          calls.search += 1;
          if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
          if (failNext) {
            failNext = false;
            throw new Error('database unavailable');
          }
          return [`${q}:${calls.search}`];
        },
        me: () => {
          calls.me += 1;
          return `viewer:${calls.me}`;
        },
      },
      Mutation: { touch: () => ++calls.touch },
    },
    plugins: [publicResponseCachePlugin({ ttlMs, rootFields: new Set(['search']), maxChars })],
  });
  const run = async (query: string | undefined, variables?: Record<string, unknown>, extensions?: Record<string, unknown>) => {
    const res = await apollo.executeOperation({ query, variables, extensions }, { contextValue: {} as GraphQLContext });
    if (res.body.kind !== 'single') throw new Error('expected a single result');
    return res.body.singleResult;
  };
  return {
    apollo,
    calls,
    run,
    failOnce: () => (failNext = true),
    slow: (ms: number) => (delayMs = ms),
  };
}

const SEARCH = 'query S($q: String!) { search(q: $q) }';

describe('publicResponseCachePlugin', () => {
  let current: ReturnType<typeof server> | undefined;
  const start = (ttlMs?: number, maxChars?: number) => (current = server(ttlMs, maxChars));
  afterEach(async () => {
    await current?.apollo.stop();
    current = undefined;
  });

  it('answers the same query and variables from the cache, and other variables afresh', async () => {
    const s = start();
    const first = await s.run(SEARCH, { q: 'a' });
    expect(await s.run(SEARCH, { q: 'a' })).toEqual(first);
    expect(s.calls.search).toBe(1);
    expect((await s.run(SEARCH, { q: 'b' })).data).toEqual({ search: ['b:2'] });
    expect(s.calls.search).toBe(2);
  });

  it('forgets an answer within its time to live', async () => {
    const s = start(100);
    await s.run(SEARCH, { q: 'a' });
    await new Promise((r) => setTimeout(r, 150));
    expect((await s.run(SEARCH, { q: 'a' })).data).toEqual({ search: ['a:2'] });
  });

  it('runs concurrent identical searches once', async () => {
    const s = start();
    s.slow(50);
    const results = await Promise.all(Array.from({ length: 5 }, () => s.run(SEARCH, { q: 'a' })));
    expect(s.calls.search).toBe(1);
    for (const r of results) expect(r.data).toEqual({ search: ['a:1'] });
  });

  it('never keeps an answer with errors, and waiting requests then run on their own', async () => {
    const s = start();
    s.slow(30);
    s.failOnce();
    const both = await Promise.all([s.run(SEARCH, { q: 'a' }), s.run(SEARCH, { q: 'a' })]);
    // Either may be the one that ran first.
    expect(both.filter((r) => r.errors?.length === 1)).toHaveLength(1);
    expect(both.find((r) => !r.errors)?.data).toEqual({ search: ['a:2'] });
    expect((await s.run(SEARCH, { q: 'a' })).data).toEqual({ search: ['a:2'] });
    expect(s.calls.search).toBe(2);
  });

  it('does not cache an operation that also selects a field outside the allowlist', async () => {
    const s = start();
    const both = 'query B($q: String!) { search(q: $q) me }';
    await s.run(both, { q: 'a' });
    expect((await s.run(both, { q: 'a' })).data).toEqual({ search: ['a:2'], me: 'viewer:2' });
  });

  it('tells persisted queries apart when the client sends only their hash', async () => {
    const s = start();
    const docs = ['query P { search(q: "us") }', 'query P { search(q: "gb") }'];
    const apq = (doc: string) => ({ persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(doc).digest('hex') } });
    for (const doc of docs) await s.run(doc, {}, apq(doc));
    const [us, gb] = await Promise.all(docs.map((doc) => s.run(undefined, {}, apq(doc))));
    expect(us!.data).toEqual({ search: ['us:1'] });
    expect(gb!.data).toEqual({ search: ['gb:2'] });
  });

  it('does not keep answers larger than its share of the size bound', async () => {
    const s = start(10_000, 160);
    await s.run(SEARCH, { q: 'a long enough search term' });
    await s.run(SEARCH, { q: 'a long enough search term' });
    expect(s.calls.search).toBe(2);
  });

  it('does not keep a request waiting longer than the TTL for another one', async () => {
    const s = start(100);
    s.slow(400);
    const started = Date.now();
    const [, second] = await Promise.all([s.run(SEARCH, { q: 'a' }), new Promise((r) => setTimeout(r, 20)).then(() => s.run(SEARCH, { q: 'a' }))]);
    expect(second.data).toBeDefined();
    expect(s.calls.search).toBe(2);
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('does not cache mutations', async () => {
    const s = start();
    await s.run('mutation { touch }');
    expect((await s.run('mutation { touch }')).data).toEqual({ touch: 2 });
  });
});
