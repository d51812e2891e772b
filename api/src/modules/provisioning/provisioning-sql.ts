import { Prisma } from '../../generated/prisma/client';
import type { ProvisioningStep } from '../../generated/prisma/enums';
import type { SqlRunner } from '../../db/sql-runner';

/**
 * The provisioning run's reads and writes, as plain SQL on the pg pool (see db/sql-runner.ts): at
 * a hundred numbers a second, Prisma's per-statement CPU was a fifth of the API process.
 */

export interface NumberToProvision {
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
}

export async function loadNumber(sql: SqlRunner, numberId: string): Promise<NumberToProvision | null> {
  const [row] = await sql.query<NumberToProvision & Record<string, unknown>>(Prisma.sql`
    SELECT pn.id, pn.status::text AS status, pn.user_id, pn.order_line_id, ol.order_id, o.reference AS order_reference, pn.e164,
           pn.didww_order_reference, pn.didww_order_id, pn.didww_did_id, pn.didww_reservation_id,
           sku.didww_id AS sku_didww_id, an.didww_id AS available_didww_id, u.email AS user_email, u.name AS user_name
    FROM purchased_numbers pn
    JOIN order_lines ol ON ol.id = pn.order_line_id
    JOIN orders o ON o.id = ol.order_id
    JOIN available_numbers an ON an.id = ol.available_number_id
    JOIN skus sku ON sku.id = an.sku_id
    JOIN users u ON u.id = pn.user_id
    WHERE pn.id = ${numberId}::uuid`);
  return row ?? null;
}

/**
 * Opens a run: PENDING → PROVISIONING (with its timeline row) and the first step's STARTED attempt,
 * in one statement. Returns null when the number is no longer ours to provision (another worker
 * moved it). `orderedBefore`: an earlier run got as far as ordering, so an order may already exist.
 */
export async function startRun(sql: SqlRunner, p: { numberId: string; attempt: number; step: ProvisioningStep; now: Date }): Promise<{ attemptId: string; moved: boolean; orderedBefore: boolean } | null> {
  const [row] = await sql.query<{ attempt_id: string | null; moved: boolean; ordered_before: boolean }>(Prisma.sql`
    WITH moved AS (
      UPDATE purchased_numbers SET status = 'PROVISIONING', updated_at = ${p.now}::timestamptz
      WHERE id = ${p.numberId}::uuid AND status = 'PENDING' RETURNING id),
    ev AS (
      INSERT INTO number_status_events (id, purchased_number_id, from_status, to_status, cause, created_at, updated_at)
      SELECT uuidv7(), id, 'PENDING', 'PROVISIONING', 'Ordering from the carrier', ${p.now}::timestamptz, ${p.now}::timestamptz FROM moved
      RETURNING id),
    att AS (
      INSERT INTO provisioning_attempts (id, purchased_number_id, attempt, step, outcome, started_at, created_at, updated_at)
      SELECT uuidv7(), ${p.numberId}::uuid, ${p.attempt}::int, ${p.step}::"ProvisioningStep", 'STARTED', ${p.now}::timestamptz, ${p.now}::timestamptz, ${p.now}::timestamptz
      WHERE EXISTS (SELECT 1 FROM moved) OR EXISTS (SELECT 1 FROM purchased_numbers WHERE id = ${p.numberId}::uuid AND status = 'PROVISIONING')
      RETURNING id)
    SELECT (SELECT id FROM att) AS attempt_id, EXISTS (SELECT 1 FROM moved) AS moved, (SELECT count(*) FROM ev) > 0 AS evented,
           EXISTS (SELECT 1 FROM provisioning_attempts WHERE purchased_number_id = ${p.numberId}::uuid AND step = 'ORDER') AS ordered_before`);
  if (!row?.attempt_id) return null;
  return { attemptId: row.attempt_id, moved: row.moved, orderedBefore: row.ordered_before };
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
 * steps get rows of their own, and the DIDWW ids found are kept for the next run.
 */
export async function saveSteps(sql: SqlRunner, p: { numberId: string; attempt: number; attemptId: string; steps: StepRecord[]; orderId: string | null; didId: string | null; now: Date }): Promise<void> {
  const [first, ...later] = p.steps;
  if (!first) return;
  const rows = later.map(
    (s) => Prisma.sql`(uuidv7(), ${p.numberId}::uuid, ${p.attempt}::int, ${s.step}::"ProvisioningStep", ${s.outcome}::"AttemptOutcome", ${s.error},
                       ${s.startedAt}::timestamptz, ${s.finishedAt}::timestamptz, ${p.now}::timestamptz, ${p.now}::timestamptz)`,
  );
  await sql.query(Prisma.sql`
    WITH first AS (
      UPDATE provisioning_attempts SET outcome = ${first.outcome}::"AttemptOutcome", error = ${first.error}, finished_at = ${first.finishedAt}::timestamptz, updated_at = ${p.now}::timestamptz
      WHERE id = ${p.attemptId}::uuid RETURNING id),
    ids AS (
      UPDATE purchased_numbers SET didww_order_id = coalesce(${p.orderId}, didww_order_id), didww_did_id = coalesce(${p.didId}, didww_did_id), updated_at = ${p.now}::timestamptz
      WHERE id = ${p.numberId}::uuid AND (${p.orderId}::text IS NOT NULL OR ${p.didId}::text IS NOT NULL) RETURNING id)
    ${rows.length ? Prisma.sql`, later AS (
      INSERT INTO provisioning_attempts (id, purchased_number_id, attempt, step, outcome, error, started_at, finished_at, created_at, updated_at)
      VALUES ${Prisma.join(rows)} RETURNING id)` : Prisma.empty}
    SELECT (SELECT count(*) FROM first)::int AS first`);
}

/** PROVISIONING → ACTIVE with its timeline row; false when the number moved on meanwhile (released, say). */
export async function activate(sql: SqlRunner, numberId: string, now: Date): Promise<boolean> {
  const rows = await sql.query<{ id: string }>(Prisma.sql`
    WITH upd AS (
      UPDATE purchased_numbers SET status = 'ACTIVE', activated_at = ${now}::timestamptz, failure_reason = NULL, updated_at = ${now}::timestamptz
      WHERE id = ${numberId}::uuid AND status = 'PROVISIONING' RETURNING id)
    INSERT INTO number_status_events (id, purchased_number_id, from_status, to_status, cause, created_at, updated_at)
    SELECT uuidv7(), id, 'PROVISIONING', 'ACTIVE', 'Live at the carrier', ${now}::timestamptz, ${now}::timestamptz FROM upd
    RETURNING id`);
  return rows.length === 1;
}
