import type { PrismaClient } from '../../src/db/prisma';
import { hashPassword } from '../../src/modules/auth/password';
import { hashToken, newSessionToken } from '../../src/modules/auth/tokens';

/**
 * Many signed-in customers at once, straight into the database: signing up hundreds of accounts
 * through argon2 would measure password hashing, not what the benchmark is about.
 */
export async function benchCustomers(prisma: PrismaClient, count: number, prefix = 'bench'): Promise<Array<{ userId: string; token: string }>> {
  const passwordHash = await hashPassword('bench-password-not-used');
  const out: Array<{ userId: string; token: string }> = [];
  for (let i = 0; i < count; i++) {
    const user = await prisma.user.create({ data: { email: `${prefix}-${i}@bench.test`, name: `Bench ${i}`, passwordHash } });
    const token = newSessionToken();
    await prisma.session.create({ data: { userId: user.id, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + 86_400_000) } });
    out.push({ userId: user.id, token });
  }
  return out;
}

export function summarise(latencies: number[]) {
  const s = [...latencies].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
  return { n: s.length, p50: at(50), p95: at(95), p99: at(99), max: s.at(-1) ?? NaN };
}

/** One GraphQL POST, timed. */
export async function timedGql(url: string, query: string, variables: Record<string, unknown>, token?: string) {
  const started = performance.now();
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: Record<string, any>; errors?: unknown[] };
  return { ms: performance.now() - started, status: res.status, body };
}
