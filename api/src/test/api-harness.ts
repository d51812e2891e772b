import { afterAll, beforeAll } from 'vitest';
import { loadConfig, type Config } from '../config';
import { createDatabase, type Database } from '../db/prisma';
import { createLogger } from '../logger';
import { createApiServer, type ApiServer } from '../server';
import { createTestDatabase } from './db';
import { hashPassword } from '../modules/auth/password';
import { startFakeDidww, type FakeDidww } from '../integrations/didww/fake';

export interface GqlResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: { data?: T | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
}

export interface GqlOptions {
  token?: string;
  cookie?: string;
  headers?: Record<string, string>;
}

export interface TestApi {
  url: string;
  db: Database;
  server: ApiServer;
  config: Config;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, opts?: GqlOptions): Promise<GqlResponse<T>>;
  /** The fake DIDWW server behind this API (null when started with `didww: false`). */
  didww: FakeDidww | null;
}

/** A real API server on a free port over this test file's own database. */
export interface TestApiOptions {
  /** Start a fake DIDWW server for this API (default true): the real client talks to it over HTTP. */
  didww?: boolean | { orderDelayMs?: number };
  /** Delays between the offline Stripe twin's webhook retries (default: short, for tests). */
  stripeRetryDelaysMs?: number[];
}

export async function startTestApi(env: Record<string, string> = {}, opts: TestApiOptions = {}): Promise<TestApi & { close(): Promise<void> }> {
  const database = await createTestDatabase();
  const didwwOpts = opts.didww === undefined || opts.didww === true ? {} : opts.didww;
  const fake = didwwOpts ? await startFakeDidww({ port: 0, orderDelayMs: 0, ...didwwOpts }) : null;
  if (fake) env = { DIDWW_API_URL: fake.url, DIDWW_API_KEY: fake.apiKey, DIDWW_MODE: 'fake', ...env };
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    WORKER: 'off',
    DATABASE_URL: database.url,
    // Tests look at the catalog right after changing it; the search response cache has its own tests.
    CATALOG_PAGE_CACHE_MS: '0',
    ...env,
  });
  const db = createDatabase(database.url, { max: 5 });
  const server = await createApiServer({
    config,
    db,
    log: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
    offlineStripe: { retryDelaysMs: opts.stripeRetryDelaysMs ?? [20, 50] },
  });
  const url = await server.listen(0, '127.0.0.1');

  async function gql<T>(query: string, variables?: Record<string, unknown>, opts: GqlOptions = {}): Promise<GqlResponse<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.cookie) headers.cookie = opts.cookie;
    const res = await fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    return { status: res.status, headers: res.headers, body: (await res.json()) as GqlResponse<T>['body'] };
  }

  return {
    url,
    db,
    server,
    config,
    gql,
    didww: fake,
    async close() {
      await server.close();
      await db.close();
      await fake?.close();
      await database.drop();
    },
  };
}

/** Registers a test API for the current file: started before its tests, stopped after. */
export function useTestApi(env: Record<string, string> = {}, opts: TestApiOptions = {}): TestApi {
  const holder = {} as TestApi & { close(): Promise<void> };
  beforeAll(async () => {
    Object.assign(holder, await startTestApi(env, opts));
  }, 60_000);
  afterAll(async () => {
    await holder.close?.();
  });
  return holder;
}

export const SIGN_UP = /* GraphQL */ `
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) { token user { id email name role } errors { code message field } }
  }
`;
export const SIGN_IN = /* GraphQL */ `
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) { token user { id email role } errors { code message field } }
  }
`;

let seq = 0;
/** Signs up a fresh customer and returns its token. */
export async function signUpCustomer(api: TestApi, name = 'Test Customer') {
  seq += 1;
  const email = `customer-${process.pid}-${seq}-${Date.now()}@example.com`;
  const res = await api.gql<{ signUp: { token: string; user: { id: string } } }>(SIGN_UP, {
    input: { email, password: 'correct-horse-battery', name },
  });
  const payload = res.body.data!.signUp;
  return { email, token: payload.token, userId: payload.user.id };
}

/** Creates a staff (or any role) account straight in the database and signs it in. */
export async function createSignedInUser(api: TestApi, role: 'CUSTOMER' | 'SUPPORT' | 'ADMIN', app: 'web' | 'admin' = 'admin') {
  seq += 1;
  const email = `${role.toLowerCase()}-${process.pid}-${seq}@numninja.test`;
  const password = 'staff-password-123';
  await api.db.prisma.user.create({ data: { email, name: `${role} user`, role, passwordHash: await hashPassword(password) } });
  const res = await api.gql<{ signIn: { token: string; user: { id: string } } }>(SIGN_IN, { input: { email, password } }, {
    headers: { 'x-numninja-app': app },
  });
  return { email, password, token: res.body.data!.signIn.token, userId: res.body.data!.signIn.user?.id };
}
