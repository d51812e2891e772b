import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';
import type { TestApi } from './api-harness';

export interface WsAuth {
  /** Sent as `connectionParams.authorization`. */
  token?: string;
  /** Sent as the Cookie header of the upgrade request, as a browser does. */
  cookie?: string;
}

/** A graphql-ws client on the test API, authenticated the ways a partner or a browser would be. */
export function wsClient(api: TestApi, auth: WsAuth = {}): Client {
  const cookie = auth.cookie;
  class CookieSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, cookie ? { headers: { cookie } } : {});
    }
  }
  return createClient({
    url: `${api.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: CookieSocket,
    connectionParams: auth.token ? { authorization: `Bearer ${auth.token}` } : {},
    retryAttempts: 0,
    lazy: true,
  });
}

type Result<T> = FormattedExecutionResult<T, unknown>;

/** One subscription's results as a queue the test reads from, with a timeout. */
export interface LiveSubscription<T> {
  /** The next result; rejects after `ms` without one. */
  next(ms?: number): Promise<Result<T>>;
  /** Waits for a result matching `until`, skipping the others. */
  nextMatching(until: (r: Result<T>) => boolean, ms?: number): Promise<Result<T>>;
  /** Resolves with the subscription's error (graphql-ws `error` message or socket failure). */
  failed: Promise<unknown>;
  /** Unsubscribes. */
  stop(): void;
}

export function subscribe<T = Record<string, any>>(client: Client, query: string, variables: Record<string, unknown> = {}): LiveSubscription<T> {
  const queue: Result<T>[] = [];
  const waiters: Array<(r: Result<T>) => void> = [];
  let fail!: (e: unknown) => void;
  const failed = new Promise<unknown>((r) => (fail = r));
  const stop = client.subscribe<T>(
    { query, variables },
    {
      next: (r) => {
        const w = waiters.shift();
        if (w) w(r);
        else queue.push(r);
      },
      error: (e) => fail(e),
      complete: () => {},
    },
  );
  const next = (ms = 5_000) =>
    new Promise<Result<T>>((resolve, reject) => {
      const queued = queue.shift();
      if (queued) return resolve(queued);
      const timer = setTimeout(() => {
        const i = waiters.indexOf(waiter);
        if (i >= 0) waiters.splice(i, 1);
        reject(new Error(`no subscription result within ${ms} ms`));
      }, ms);
      const waiter = (r: Result<T>) => {
        clearTimeout(timer);
        resolve(r);
      };
      waiters.push(waiter);
    });
  return {
    next,
    async nextMatching(until, ms = 5_000) {
      const deadline = Date.now() + ms;
      for (;;) {
        const r = await next(Math.max(1, deadline - Date.now()));
        if (until(r)) return r;
      }
    },
    failed,
    stop,
  };
}

/** Resolves once the client's socket is open and acknowledged (subscriptions sent after this are live). */
export function connected(client: Client): Promise<void> {
  return new Promise((resolve) => {
    const off = client.on('connected', () => {
      off();
      resolve();
    });
  });
}

/**
 * Waits until the server has really registered a subscription: the subscribe message is handled
 * asynchronously (auth, ownership check), so a change made right after sending it could be missed.
 * `probe` sends a harmless event (a bare NOTIFY) that the subscription answers with a result.
 */
export async function untilLive<T>(sub: LiveSubscription<T>, probe: () => Promise<unknown>, attempts = 50): Promise<Result<T>> {
  for (let i = 0; i < attempts; i++) {
    await probe();
    try {
      return await sub.next(200);
    } catch {
      // not registered yet
    }
  }
  throw new Error('the subscription never went live');
}
