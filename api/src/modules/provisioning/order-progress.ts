import { Prisma } from '../../generated/prisma/client';
import { prismaRunner, type SqlRunner } from '../../db/sql-runner';

type Tx = Prisma.TransactionClient;

/**
 * Mirrors a number's outcome onto its order line and, once every line is settled, onto the order
 * (FULFILLED, PARTIALLY_FULFILLED or FAILED), with an order_events row for the timeline. An order
 * already refunded keeps its refund status: money facts outrank provisioning facts.
 *
 * The order row is locked first: the numbers of one order settle in parallel workers, and without
 * the lock two last lines committing together would each still see the other PENDING, leaving the
 * order PAID for ever. NO KEY UPDATE: it must not block (or deadlock with) transactions that only
 * insert rows referencing the order, such as order_events. Plain SQL, so the provisioning hot path can run it on a pg transaction.
 */
export async function recordLineOutcomeSql(sql: SqlRunner, orderLineId: string, outcome: 'FULFILLED' | 'FAILED', message: string, now: Date): Promise<void> {
  const [line] = await sql.query<{ order_id: string }>(Prisma.sql`
    WITH o AS (SELECT o.id FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE l.id = ${orderLineId}::uuid FOR NO KEY UPDATE OF o),
    upd AS (
      UPDATE order_lines l SET status = ${outcome}::"OrderLineStatus", updated_at = ${now}::timestamptz
      WHERE l.id = ${orderLineId}::uuid AND (l.status = 'PENDING' OR (l.status = 'FAILED' AND ${outcome} = 'FULFILLED'))
      RETURNING l.id),
    ev AS (
      INSERT INTO order_events (id, order_id, type, message, data, created_at, updated_at)
      SELECT uuidv7(), o.id, ${outcome === 'FULFILLED' ? 'number_active' : 'number_failed'}, ${message}, '{}', ${now}::timestamptz, ${now}::timestamptz FROM o
      RETURNING id)
    SELECT o.id AS order_id, (SELECT count(*) FROM upd)::int AS changed, (SELECT count(*) FROM ev)::int AS events FROM o`);
  if (!line) throw new Error(`order line ${orderLineId} not found`);
  // A new statement: it sees the line update above (same transaction) and every line committed before the lock.
  await sql.query(Prisma.sql`
    WITH agg AS (
      SELECT count(*) FILTER (WHERE status = 'PENDING') AS pending, count(*) FILTER (WHERE status = 'FULFILLED') AS live, count(*) AS total
      FROM order_lines WHERE order_id = ${line.order_id}::uuid),
    nxt AS (
      SELECT (CASE WHEN live = total THEN 'FULFILLED' WHEN live > 0 THEN 'PARTIALLY_FULFILLED' ELSE 'FAILED' END)::"OrderStatus" AS status
      FROM agg WHERE pending = 0),
    upd AS (
      UPDATE orders o SET status = nxt.status, updated_at = ${now}::timestamptz FROM nxt
      WHERE o.id = ${line.order_id}::uuid AND o.status IN ('PAID', 'PARTIALLY_FULFILLED', 'FAILED') AND o.status <> nxt.status
      RETURNING o.status)
    INSERT INTO order_events (id, order_id, type, message, data, created_at, updated_at)
    SELECT uuidv7(), ${line.order_id}::uuid, 'fulfilled', 'Every number is live.', '{}', ${now}::timestamptz, ${now}::timestamptz
    FROM upd WHERE upd.status = 'FULFILLED'
    RETURNING id`);
}

/** The same, inside a Prisma interactive transaction. */
export async function recordLineOutcome(tx: Tx, orderLineId: string, outcome: 'FULFILLED' | 'FAILED', message: string, now = new Date()): Promise<void> {
  await recordLineOutcomeSql(prismaRunner(tx), orderLineId, outcome, message, now);
}
