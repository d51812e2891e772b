import { Prisma } from '../../generated/prisma/client';
import type { SqlRunner } from '../../db/sql-runner';

export const RESERVE_TASK = 'reserve-number';
export const RELEASE_RESERVATION_TASK = 'release-reservation';

/**
 * Takes the hold on a number for a cart, or reports why not. The unique index on
 * cart_items.available_number_id is what makes the hold exclusive: two buyers inserting at once
 * are serialised by PostgreSQL and exactly one row survives.
 */
export async function takeHold(
  sql: SqlRunner,
  args: { cartId: string; availableNumberId: string; now: Date; expiresAt: Date },
): Promise<{ taken: true; itemId: string } | { taken: false }> {
  let itemId = await insertHold(sql, args);
  if (!itemId) {
    // Someone's hold is in the way; if it ran out (and is not under an open checkout) it no longer counts.
    if (await releaseExpiredHold(sql, args.availableNumberId, args.now)) itemId = await insertHold(sql, args);
  }
  return itemId ? { taken: true, itemId } : { taken: false };
}

/**
 * One statement: the hold row, the number marked HELD and the DIDWW reservation job — the hot path
 * of adding to a cart is a single round trip inside its transaction.
 */
async function insertHold(sql: SqlRunner, args: { cartId: string; availableNumberId: string; now: Date; expiresAt: Date }): Promise<string | null> {
  const rows = await sql.query<{ id: string; jobs: number }>(Prisma.sql`
    WITH ins AS (
      INSERT INTO cart_items (id, cart_id, available_number_id, setup_price, monthly_price, currency, hold_expires_at, created_at, updated_at)
      SELECT gen_random_uuid(), ${args.cartId}::uuid, n.id, n.setup_price, n.monthly_price, n.currency, ${args.expiresAt}::timestamptz, ${args.now}::timestamptz, ${args.now}::timestamptz
      FROM available_numbers n
      WHERE n.id = ${args.availableNumberId}::uuid AND n.status IN ('AVAILABLE', 'HELD')
      ON CONFLICT (available_number_id) DO NOTHING
      RETURNING id, available_number_id),
    held AS (
      UPDATE available_numbers SET status = 'HELD', updated_at = ${args.now}::timestamptz
      WHERE id IN (SELECT available_number_id FROM ins)),
    job AS (
      SELECT graphile_worker.add_job(${RESERVE_TASK}::text, json_build_object('cartItemId', ins.id), job_key => 'reserve:' || ins.id, max_attempts => 5) FROM ins)
    SELECT ins.id, (SELECT count(*)::int FROM job) AS jobs FROM ins`);
  return rows[0]?.id ?? null;
}

async function releaseExpiredHold(sql: SqlRunner, availableNumberId: string, now: Date): Promise<boolean> {
  const gone = await sql.query<{ didww_reservation_id: string | null }>(Prisma.sql`
    DELETE FROM cart_items ci
    WHERE ci.available_number_id = ${availableNumberId}::uuid AND ci.hold_expires_at <= ${now}::timestamptz
      AND NOT ${inOpenCheckout(Prisma.sql`ci.available_number_id`)}
    RETURNING ci.didww_reservation_id`);
  await releaseReservationsLater(sql, gone.map((g) => g.didww_reservation_id));
  return gone.length > 0;
}

/** Drops cart items (and their holds) and puts their numbers back on sale unless sold meanwhile. */
export async function dropItems(sql: SqlRunner, itemIds: string[], now: Date): Promise<number> {
  if (itemIds.length === 0) return 0;
  const gone = await sql.query<{ available_number_id: string; didww_reservation_id: string | null }>(Prisma.sql`
    WITH gone AS (DELETE FROM cart_items WHERE id = ANY(${itemIds}::uuid[]) RETURNING available_number_id, didww_reservation_id),
    freed AS (
      UPDATE available_numbers SET status = 'AVAILABLE', updated_at = ${now}::timestamptz
      WHERE id IN (SELECT available_number_id FROM gone) AND status = 'HELD')
    SELECT available_number_id, didww_reservation_id FROM gone`);
  await releaseReservationsLater(sql, gone.map((g) => g.didww_reservation_id));
  return gone.length;
}

async function releaseReservationsLater(sql: SqlRunner, reservationIds: Array<string | null>): Promise<void> {
  const ids = reservationIds.filter((id): id is string => !!id);
  if (ids.length === 0) return;
  await sql.query(Prisma.sql`
    SELECT graphile_worker.add_job(${RELEASE_RESERVATION_TASK}::text, json_build_object('reservationId', r), job_key => 'release-reservation:' || r, max_attempts => 5)::text AS job
    FROM unnest(${ids}::text[]) AS r`);
}

/** SQL: the number is a line of an order still waiting for payment. */
export function inOpenCheckout(numberIdColumn: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM order_lines ol JOIN orders o ON o.id = ol.order_id
                           WHERE ol.available_number_id = ${numberIdColumn} AND o.status = 'PENDING')`;
}

/** Holds that ran out and are not under an open checkout, oldest first. */
export async function expiredItemIds(sql: SqlRunner, now: Date, limit: number): Promise<string[]> {
  const rows = await sql.query<{ id: string }>(Prisma.sql`
    SELECT ci.id FROM cart_items ci
    WHERE ci.hold_expires_at <= ${now}::timestamptz AND NOT ${inOpenCheckout(Prisma.sql`ci.available_number_id`)}
    ORDER BY ci.hold_expires_at LIMIT ${limit}`);
  return rows.map((r) => r.id);
}

/** The cart row (created on first use, and locked so adds to one cart queue up) and what it holds. */
export async function lockCart(sql: SqlRunner, userId: string, availableNumberId: string, now: Date) {
  const [row] = await sql.query<{ cart_id: string; mine_id: string | null; mine_live: boolean | null; live: number; exists: boolean }>(Prisma.sql`
    WITH c AS (
      INSERT INTO carts (id, user_id, created_at, updated_at) VALUES (gen_random_uuid(), ${userId}::uuid, ${now}::timestamptz, ${now}::timestamptz)
      ON CONFLICT (user_id) DO UPDATE SET updated_at = EXCLUDED.updated_at RETURNING id)
    SELECT c.id AS cart_id,
           (SELECT ci.id FROM cart_items ci WHERE ci.cart_id = c.id AND ci.available_number_id = ${availableNumberId}::uuid) AS mine_id,
           (SELECT ci.hold_expires_at > ${now}::timestamptz FROM cart_items ci WHERE ci.cart_id = c.id AND ci.available_number_id = ${availableNumberId}::uuid) AS mine_live,
           (SELECT count(*)::int FROM cart_items ci WHERE ci.cart_id = c.id AND ci.hold_expires_at > ${now}::timestamptz) AS live,
           EXISTS (SELECT 1 FROM available_numbers WHERE id = ${availableNumberId}::uuid) AS exists
    FROM c`);
  return row!;
}
