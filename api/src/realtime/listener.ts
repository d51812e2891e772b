import pg from 'pg';
import { poolConfigFromUrl } from '../db/database-url';
import type { Logger } from '../logger';
import { EVENTS_CHANNEL, parseEvent, type RealtimeEvent } from './events';

export interface EventListenerOptions {
  databaseUrl: string;
  log: Logger;
  onEvent(event: RealtimeEvent): void;
  /** Called after a reconnect: events committed while we were away were not delivered. */
  onResync(): void;
  /** First and largest wait between reconnect attempts. */
  backoffMs?: { initial: number; max: number };
}

export interface EventListener {
  /** Resolves once LISTEN is active (again); tests and boot wait for it. */
  listening(): Promise<void>;
  close(): Promise<void>;
}

/**
 * One dedicated connection per process that LISTENs to the events channel. Not a pool client:
 * a pooled connection would be handed to queries and lose its LISTEN, and PgBouncer in
 * transaction mode cannot carry LISTEN at all. A dropped connection is replaced with backoff.
 */
export function startEventListener(opts: EventListenerOptions): EventListener {
  const { log } = opts;
  const backoff = opts.backoffMs ?? { initial: 100, max: 5_000 };
  let client: pg.Client | null = null;
  let closed = false;
  let attempt = 0;
  let everConnected = false;
  let timer: NodeJS.Timeout | null = null;
  let ready!: () => void;
  let readyPromise = new Promise<void>((r) => (ready = r));

  const connect = async () => {
    timer = null;
    if (closed) return;
    const c = new pg.Client({ ...poolConfigFromUrl(opts.databaseUrl), application_name: 'numninja-listener' });
    client = c;
    let lost = false;
    const onLost = (err?: Error) => {
      if (lost) return;
      lost = true;
      if (client === c) client = null;
      c.removeAllListeners('notification');
      c.end().catch(() => {});
      if (closed) return;
      readyPromise = new Promise<void>((r) => (ready = r));
      scheduleReconnect(err);
    };
    c.on('error', onLost);
    c.on('end', () => onLost());
    c.on('notification', (msg) => {
      if (msg.channel !== EVENTS_CHANNEL) return;
      const event = parseEvent(msg.payload);
      if (!event) {
        log.warn({ payload: msg.payload?.slice(0, 200) }, 'unreadable realtime event ignored');
        return;
      }
      opts.onEvent(event);
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${EVENTS_CHANNEL}`);
    } catch (err) {
      onLost(err as Error);
      return;
    }
    if (closed) {
      await c.end().catch(() => {});
      return;
    }
    if (everConnected) {
      log.info({ attempts: attempt }, 'realtime listener reconnected');
      opts.onResync();
    }
    everConnected = true;
    attempt = 0;
    ready();
  };

  const scheduleReconnect = (err?: Error) => {
    const wait = Math.min(backoff.max, backoff.initial * 2 ** attempt);
    attempt += 1;
    log.warn({ err, attempt, waitMs: wait }, 'realtime listener lost its database connection; reconnecting');
    timer = setTimeout(() => void connect(), wait);
    timer.unref();
  };

  void connect();

  return {
    listening: () => readyPromise,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      ready();
      const c = client;
      client = null;
      await c?.end().catch(() => {});
    },
  };
}
