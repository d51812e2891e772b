import { randomBytes } from 'node:crypto';
import type { Prisma } from '../../generated/prisma/client';

export type Tx = Prisma.TransactionClient;

/**
 * Loads rows into a temporary table that lives until the transaction ends, in ONE statement: the
 * rows travel as a JSON array and `json_to_recordset` types each value. The set-based upserts then
 * join against it, so a sync costs a handful of statements whatever the number of rows.
 * `table` and `columns` are constants of this module, never user input.
 */
export async function stageRows(tx: Tx, table: string, columns: Record<string, string>, rows: ReadonlyArray<Record<string, unknown>>): Promise<void> {
  const defs = Object.entries(columns).map(([name, type]) => `${name} ${type}`).join(', ');
  await tx.$executeRawUnsafe(`CREATE TEMP TABLE ${table} (${defs}) ON COMMIT DROP`);
  if (rows.length > 0) {
    await tx.$executeRawUnsafe(`INSERT INTO ${table} SELECT * FROM json_to_recordset($1::json) AS r(${defs})`, JSON.stringify(rows));
  }
  // Fresh temp tables have no statistics; without them the planner guesses badly on the joins.
  await tx.$executeRawUnsafe(`ANALYZE ${table}`);
}

/**
 * A time-ordered UUID (RFC 9562 version 7), like the `uuid(7)` ids Prisma gives our other rows.
 * Rows inserted by raw SQL need their id from us: Prisma's default is applied client-side.
 */
export function uuidv7(nowMs: number): string {
  const b = randomBytes(16);
  let ts = BigInt(nowMs);
  for (let i = 5; i >= 0; i--) {
    b[i] = Number(ts & 0xffn);
    ts >>= 8n;
  }
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
