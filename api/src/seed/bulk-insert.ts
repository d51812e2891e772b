import type { PrismaClient } from '../db/prisma';

type Tx = Pick<PrismaClient, '$executeRawUnsafe'>;

/**
 * Inserts rows shaped like Prisma's CreateManyInput (camelCase fields, mapped to snake_case
 * columns as our schema does) in ONE statement: the rows travel as a JSON array and Postgres
 * turns each value into its column's type. Prisma 7's createMany costs about 1 ms per row here
 * (7 s for the demo catalog); this takes well under a second. Omitted columns get their
 * defaults, except the timestamps, which Prisma (not the database) normally fills.
 */
export async function bulkInsert(tx: Tx, table: string, rows: ReadonlyArray<object>): Promise<number> {
  if (rows.length === 0) return 0;
  const fields = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const columns = fields.map((f) => quote(snakeCase(f)));
  // Our timestamp columns hold UTC wall-clock time (Prisma's convention), whatever the server's TimeZone.
  const stamps = ['createdAt', 'updatedAt'].filter((f) => !fields.includes(f)).map((f) => quote(snakeCase(f)));
  const sql =
    `INSERT INTO ${quote(table)} (${[...columns, ...stamps].join(', ')}) ` +
    `SELECT ${[...columns, ...stamps.map(() => "now() AT TIME ZONE 'UTC'")].join(', ')} ` +
    `FROM jsonb_populate_recordset(NULL::${quote(table)}, $1::jsonb)`;
  const json = JSON.stringify(rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [snakeCase(k), v]))));
  return tx.$executeRawUnsafe(sql, json);
}

function snakeCase(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function quote(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}
