/** Test helpers: a fake DIDWW plus clients wired to it, and a tiny callback receiver. */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDidwwClient, type DidwwClient, type DidwwClientConfig } from '../client';
import { startFakeDidww, type FakeDidww, type FakeDidwwOptions } from './server';

export interface Fixture {
  fake: FakeDidww;
  /** A client for the fake; `faultHeader` adds `X-Fake-Fault` to every request it sends. */
  client(overrides?: Partial<DidwwClientConfig> & { faultHeader?: string }): DidwwClient;
  /** Delays the client asked to sleep (no real waiting). */
  sleeps: number[];
}

export async function startFixture(opts: FakeDidwwOptions = {}): Promise<Fixture> {
  const fake = await startFakeDidww({ orderDelayMs: 0, exportDelayMs: 0, ...opts });
  const sleeps: number[] = [];
  return {
    fake,
    sleeps,
    client({ faultHeader, ...overrides } = {}) {
      const baseFetch = overrides.fetch ?? globalThis.fetch;
      const fetchWithFault: typeof fetch = faultHeader
        ? (input, init) => {
            const headers = new Headers(init?.headers);
            headers.set('X-Fake-Fault', faultHeader);
            return baseFetch(input, { ...init, headers });
          }
        : baseFetch;
      return createDidwwClient({
        baseUrl: fake.url,
        apiKey: fake.apiKey,
        apiVersion: '2026-04-16',
        timeoutMs: 2_000,
        maxRetries: 3,
        sleep: async (ms) => {
          sleeps.push(ms);
        },
        ...overrides,
        fetch: fetchWithFault,
      });
    },
  };
}

export interface ReceivedCallback {
  method: string;
  url: URL;
  contentType: string | undefined;
  body: string;
}

/** A node:http server that records every request it gets. */
export async function startCallbackReceiver(): Promise<{ url: string; received: ReceivedCallback[]; next(): Promise<ReceivedCallback>; close(): Promise<void> }> {
  const received: ReceivedCallback[] = [];
  const waiters: Array<(c: ReceivedCallback) => void> = [];
  let consumed = 0;
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const cb = { method: req.method ?? '', url: new URL(req.url ?? '/', 'http://receiver'), contentType: req.headers['content-type'], body: Buffer.concat(chunks).toString('utf8') };
      received.push(cb);
      waiters.shift()?.(cb);
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/didww/callback`,
    received,
    /** The next callback not yet returned by `next` (waits up to 3 s for one to arrive). */
    next: () => {
      const ready = received[consumed];
      if (ready) {
        consumed++;
        return Promise.resolve(ready);
      }
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error('no callback within 3 s')), 3_000);
        waiters.push((c) => {
          clearTimeout(t);
          consumed++;
          resolve(c);
        });
      });
    },
    close: () => new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}

/** Polls `fn` until it returns a truthy value (or fails after `timeoutMs`). */
export async function eventually<T>(fn: () => Promise<T | null | undefined | false>, timeoutMs = 3_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
