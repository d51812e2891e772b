/**
 * The twin's objects live in `offline_stripe_objects` (id, type, data JSON), so every API process
 * sees the same sessions and a restart loses nothing. State changes run in a transaction that
 * first locks the rows involved (SELECT … FOR UPDATE): two "Pay" clicks, or two processes, can
 * never complete one session twice.
 */
import { Prisma } from '../../../generated/prisma/client';
import type { PrismaClient } from '../../../db/prisma';
import { noSuch } from './errors';

export interface StripeObject {
  id: string;
  object: string;
  [key: string]: unknown;
}

type Db = PrismaClient | Prisma.TransactionClient;

export interface EventQuery {
  type?: string | undefined;
  /** Bounds on `created` (unix seconds), Stripe's `created[gt|gte|lt|lte]`. */
  created?: Partial<Record<'gt' | 'gte' | 'lt' | 'lte', number>> | undefined;
  limit: number;
  startingAfter?: string | undefined;
}

const COMPARE = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

export interface StripeStore {
  get<T extends StripeObject = StripeObject>(id: string): Promise<T | null>;
  /** The object, or Stripe's 404 `resource_missing` ("No such customer: 'cus_…'"). */
  require<T extends StripeObject = StripeObject>(id: string, object: string, param?: string): Promise<T>;
  put(...objects: StripeObject[]): Promise<void>;
  /** Open sessions whose `expires_at` has passed (for the expiry sweep). */
  openSessionsExpiredBefore(unixSeconds: number): Promise<string[]>;
  /** The subscription currently holding item `si_…` (items live inside their subscription), or null. */
  subscriptionIdForItem(itemId: string): Promise<string | null>;
  /** Events newest first, as `GET /v1/events` lists them; `startingAfter` must be a stored event id. */
  listEvents(q: EventQuery): Promise<{ data: StripeObject[]; hasMore: boolean }>;
  /** Runs `fn` in one transaction holding row locks on `lockIds` (existing rows only). */
  transaction<T>(lockIds: string[], fn: (store: StripeStore) => Promise<T>): Promise<T>;
}

export function createStore(prisma: PrismaClient): StripeStore {
  return storeOn(prisma, prisma);
}

function storeOn(prisma: PrismaClient, db: Db): StripeStore {
  const store: StripeStore = {
    async get<T extends StripeObject>(id: string) {
      const row = await db.offlineStripeObject.findUnique({ where: { id } });
      return (row?.data as T | undefined) ?? null;
    },
    async require<T extends StripeObject>(id: string, object: string, param?: string) {
      const found = await store.get<T>(id);
      if (!found || found.object !== object) throw noSuch(object.replace(/[._]/g, ' '), id, param);
      return found;
    },
    async put(...objects) {
      for (const o of objects) {
        const data = o as unknown as Prisma.InputJsonValue;
        await db.offlineStripeObject.upsert({ where: { id: o.id }, create: { id: o.id, type: o.object, data }, update: { data } });
      }
    },
    async openSessionsExpiredBefore(unixSeconds) {
      const rows = await db.$queryRaw<Array<{ id: string }>>`
        SELECT id FROM offline_stripe_objects
        WHERE type = 'checkout.session' AND data->>'status' = 'open' AND (data->>'expires_at')::bigint <= ${unixSeconds}`;
      return rows.map((r) => r.id);
    },
    async subscriptionIdForItem(itemId) {
      const rows = await db.$queryRaw<Array<{ id: string }>>`
        SELECT id FROM offline_stripe_objects
        WHERE type = 'subscription' AND data->'items'->'data' @> ${JSON.stringify([{ id: itemId }])}::jsonb
        LIMIT 1`;
      return rows[0]?.id ?? null;
    },
    async listEvents(q) {
      const where: Prisma.Sql[] = [Prisma.sql`type = 'event'`];
      if (q.type) where.push(Prisma.sql`data->>'type' = ${q.type}`);
      for (const [op, value] of Object.entries(q.created ?? {}) as Array<[keyof typeof COMPARE, number]>) {
        where.push(Prisma.sql`(data->>'created')::bigint ${Prisma.raw(COMPARE[op])} ${value}`);
      }
      // Newest first; ties (same second) broken by insertion time, then id, so pages never overlap.
      if (q.startingAfter) {
        where.push(Prisma.sql`((data->>'created')::bigint, created_at, id) <
          (SELECT (data->>'created')::bigint, created_at, id FROM offline_stripe_objects WHERE id = ${q.startingAfter})`);
      }
      const rows = await db.$queryRaw<Array<{ data: StripeObject }>>`
        SELECT data FROM offline_stripe_objects WHERE ${Prisma.join(where, ' AND ')}
        ORDER BY (data->>'created')::bigint DESC, created_at DESC, id DESC
        LIMIT ${q.limit + 1}`;
      return { data: rows.slice(0, q.limit).map((r) => r.data), hasMore: rows.length > q.limit };
    },
    async transaction(lockIds, fn) {
      return prisma.$transaction(async (tx) => {
        if (lockIds.length > 0) {
          await tx.$queryRaw`SELECT id FROM offline_stripe_objects WHERE id = ANY(${lockIds}::text[]) ORDER BY id FOR UPDATE`;
        }
        return fn(storeOn(prisma, tx));
      });
    },
  };
  return store;
}
