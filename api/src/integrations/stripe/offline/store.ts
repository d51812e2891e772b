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

export interface StripeStore {
  get<T extends StripeObject = StripeObject>(id: string): Promise<T | null>;
  /** The object, or Stripe's 404 `resource_missing` ("No such customer: 'cus_…'"). */
  require<T extends StripeObject = StripeObject>(id: string, object: string, param?: string): Promise<T>;
  put(...objects: StripeObject[]): Promise<void>;
  /** Open sessions whose `expires_at` has passed (for the expiry sweep). */
  openSessionsExpiredBefore(unixSeconds: number): Promise<string[]>;
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
