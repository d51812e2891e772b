import pg from 'pg';
import { poolConfigFromUrl } from '../db/database-url';

/** The migrated database every test database is cloned from. */
export const TEMPLATE_DATABASE = 'numninja_template';

/** One statement on a short-lived connection: nothing lingers to block a later clone or drop. */
export async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client(poolConfigFromUrl(adminUrl));
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
