import { Prisma } from '../../generated/prisma/client';
import type { ProvisioningStep } from '../../generated/prisma/enums';
import type { SqlRunner } from '../../db/sql-runner';

/**
 * The provisioning run's reads and writes, as plain SQL on the pg pool (see db/sql-runner.ts): at
 * a hundred numbers a second, Prisma's per-statement CPU was a fifth of the API process.
 */

export type NumberToProvision = {
  id: string;
  status: string;
  user_id: string;
  order_line_id: string;
  order_id: string;
  order_reference: number;
  e164: string;
  didww_order_reference: string;
  didww_order_id: string | null;
  didww_did_id: string | null;
  didww_reservation_id: string | null;
  sku_didww_id: string;
  available_didww_id: string;
  user_email: string;
  user_name: string;
};

/**
 * Opens a run, in one statement: reads the number with what ordering it needs, moves it
 * PENDING → PROVISIONING (with its timeline row) and writes the first step's STARTED attempt.
 * `started` is false when the number is not (or no longer) ours to provision — settled, or moved
 * by another worker. `orderedBefore`: an earlier run got as far as ordering, so an order may exist.
 */
export async function startRun(sql: SqlRunner, p: { numberId: string; attempt: number; now: Date }): Promise<(NumberToProvision & { started: boolean; moved: boolean; orderedBefore: boolean; attemptId: string | null }) | null> {
  const [row] = await sql.query<NumberToProvision & { attempt_id: string | null; moved: boolean; ordered_before: boolean }>(Prisma.sql`
    WITH n AS (
      SELECT pn.id, pn.status::text AS status, pn.user_id, pn.order_line_id, ol.order_id, o.reference AS order_reference, pn.e164,
             pn.didww_order_reference, pn.didww_order_id, pn.didww_did_id, pn.didww_reservation_id,
             sku.didww_id AS sku_didww_id, an.didww_id AS available_didww_id, u.email AS user_email, u.name AS user_name,
             (CASE WHEN pn.didww_order_id IS NULL THEN 'ORDER' WHEN pn.didww_did_id IS NULL THEN 'AWAIT_COMPLETION' ELSE 'ROUTE' END)::"ProvisioningStep" AS first_step
      FROM purchased_numbers pn
      JOIN order_lines ol ON ol.id = pn.order_line_id
      JOIN orders o ON o.id = ol.order_id
      JOIN available_numbers an ON an.id = ol.available_number_id
      JOIN skus sku ON sku.id = an.sku_id
      JOIN users u ON u.id = pn.user_id
      WHERE pn.id = ${p.numberId}::uuid),
    moved AS (
      UPDATE purchased_numbers SET status = 'PROVISIONING', updated_at = ${p.now}::timestamptz
      WHERE id = ${p.numberId}::uuid AND status = 'PENDING' RETURNING id),
    ev AS (
      INSERT INTO number_status_events (id, purchased_number_id, from_status, to_status, cause, created_at, updated_at)
      SELECT uuidv7(), id, 'PENDING', 'PROVISIONING', 'Ordering from the carrier', ${p.now}::timestamptz, ${p.now}::timestamptz FROM moved
      RETURNING id),
    att AS (
      INSERT INTO provisioning_attempts (id, purchased_number_id, attempt, step, outcome, started_at, created_at, updated_at)
      SELECT uuidv7(), n.id, ${p.attempt}::int, n.first_step, 'STARTED', ${p.now}::timestamptz, ${p.now}::timestamptz, ${p.now}::timestamptz
      FROM n WHERE EXISTS (SELECT 1 FROM moved) OR n.status = 'PROVISIONING'
      RETURNING id)
    SELECT n.*, (SELECT id FROM att) AS attempt_id, EXISTS (SELECT 1 FROM moved) AS moved, (SELECT count(*) FROM ev) AS evented,
           EXISTS (SELECT 1 FROM provisioning_attempts WHERE purchased_number_id = n.id AND step = 'ORDER') AS ordered_before
    FROM n`);
  if (!row) return null;
  return { ...row, started: row.attempt_id !== null, moved: row.moved, orderedBefore: row.ordered_before, attemptId: row.attempt_id };
}

export interface StepRecord {
  step: ProvisioningStep;
  startedAt: Date;
  finishedAt: Date;
  outcome: 'SUCCEEDED' | 'TRANSIENT_FAILURE' | 'PERMANENT_FAILURE';
  error: string | null;
}

/**
 * What one run learnt, saved at once: the first step's STARTED row gets its outcome, the later
 * steps get rows of their own, the DIDWW ids found are kept for the next run, and with `activate`
 * the number goes PROVISIONING → ACTIVE with its timeline row. Returns whether it went ACTIVE (not
 * when it moved on meanwhile — released, say).
 */
export async function saveRun(
  sql: SqlRunner,
  p: { numberId: string; attempt: number; attemptId: string; steps: StepRecord[]; orderId: string | null; didId: string | null; activate: boolean; now: Date },
): Promise<boolean> {
  const [first, ...later] = p.steps;
  const rows = later.map(
    (s) => Prisma.sql`(uuidv7(), ${p.numberId}::uuid, ${p.attempt}::int, ${s.step}::"ProvisioningStep", ${s.outcome}::"AttemptOutcome", ${s.error},
                       ${s.startedAt}::timestamptz, ${s.finishedAt}::timestamptz, ${p.now}::timestamptz, ${p.now}::timestamptz)`,
  );
  const [row] = await sql.query<{ activated: boolean }>(Prisma.sql`
    WITH prev AS (SELECT id, status FROM purchased_numbers WHERE id = ${p.numberId}::uuid FOR UPDATE),
    first AS (
      UPDATE provisioning_attempts SET outcome = ${first?.outcome ?? 'STARTED'}::"AttemptOutcome", error = ${first?.error ?? null},
             finished_at = ${first?.finishedAt ?? null}::timestamptz, updated_at = ${p.now}::timestamptz
      WHERE id = ${p.attemptId}::uuid AND ${first !== undefined} RETURNING id),
    upd AS (
      UPDATE purchased_numbers pn SET
        didww_order_id = coalesce(${p.orderId}, pn.didww_order_id),
        didww_did_id = coalesce(${p.didId}, pn.didww_did_id),
        status = CASE WHEN ${p.activate} AND prev.status = 'PROVISIONING' THEN 'ACTIVE'::"NumberStatus" ELSE pn.status END,
        activated_at = CASE WHEN ${p.activate} AND prev.status = 'PROVISIONING' THEN ${p.now}::timestamptz ELSE pn.activated_at END,
        failure_reason = CASE WHEN ${p.activate} AND prev.status = 'PROVISIONING' THEN NULL ELSE pn.failure_reason END,
        updated_at = ${p.now}::timestamptz
      FROM prev WHERE pn.id = prev.id
      RETURNING pn.id, ${p.activate} AND prev.status = 'PROVISIONING' AS activated),
    ev AS (
      INSERT INTO number_status_events (id, purchased_number_id, from_status, to_status, cause, created_at, updated_at)
      SELECT uuidv7(), id, 'PROVISIONING', 'ACTIVE', 'Live at the carrier', ${p.now}::timestamptz, ${p.now}::timestamptz FROM upd WHERE activated
      RETURNING id)
    ${rows.length ? Prisma.sql`, later AS (
      INSERT INTO provisioning_attempts (id, purchased_number_id, attempt, step, outcome, error, started_at, finished_at, created_at, updated_at)
      VALUES ${Prisma.join(rows)} RETURNING id)` : Prisma.empty}
    SELECT coalesce((SELECT activated FROM upd), false) AS activated, (SELECT count(*) FROM first) AS saved, (SELECT count(*) FROM ev) AS evented`);
  return row?.activated === true;
}
