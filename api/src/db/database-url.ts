import type { PoolConfig } from 'pg';

/**
 * Discrete pg options for a postgres:// URL. They matter where a config is copied and
 * re-targeted at another database: pg lets `connectionString` override a `database` field,
 * so `{ ...config, database }` silently keeps talking to the original database.
 */
export function poolConfigFromUrl(databaseUrl: string): PoolConfig {
  const u = parseUrl(databaseUrl);
  const config: PoolConfig = {
    host: decodeURIComponent(u.hostname.replace(/^\[(.*)\]$/, '$1')) || 'localhost',
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username) || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database: databaseName(databaseUrl),
  };
  const sslmode = u.searchParams.get('sslmode');
  if (sslmode && sslmode !== 'disable') {
    // Managed databases commonly present certificates the local trust store cannot verify;
    // `verify-full` opts back into strict checking.
    config.ssl = sslmode === 'verify-full' ? { rejectUnauthorized: true } : { rejectUnauthorized: false };
  }
  const schema = u.searchParams.get('schema');
  if (schema) config.options = `-c search_path=${schema}`;
  return config;
}

/** The database a URL points at; Postgres defaults it to the user name. */
export function databaseName(databaseUrl: string): string {
  const u = parseUrl(databaseUrl);
  const name = decodeURIComponent(u.pathname.replace(/^\//, ''));
  return name || decodeURIComponent(u.username) || 'postgres';
}

/** The same server and credentials, another database. */
export function withDatabase(databaseUrl: string, database: string): string {
  const u = parseUrl(databaseUrl);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

/** For logs: never print a password. */
export function redactUrl(databaseUrl: string): string {
  const u = parseUrl(databaseUrl);
  if (u.password) u.password = '***';
  return u.toString();
}

/** Postgres identifiers quoted the way the server expects (`"a""b"`). */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function parseUrl(databaseUrl: string): URL {
  let u: URL;
  try {
    u = new URL(databaseUrl);
  } catch {
    throw new Error('DATABASE_URL is not a valid URL (expected postgres://user:password@host:port/database)');
  }
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') {
    throw new Error(`DATABASE_URL must start with postgres:// or postgresql:// (got ${u.protocol}//)`);
  }
  return u;
}
