import type { Prisma } from '../generated/prisma/client';
import { hashPassword } from '../modules/auth/password';
import { seedId } from './ids';

/** Shared by every demo account; printed by the start script and the README. */
export const DEMO_PASSWORD = 'numninja-demo';

export const DEMO_ACCOUNTS = [
  { email: 'customer@numninja.test', name: 'Casey Customer', role: 'CUSTOMER' },
  { email: 'support@numninja.test', name: 'Sam Support', role: 'SUPPORT' },
  { email: 'admin@numninja.test', name: 'Alex Admin', role: 'ADMIN' },
] as const satisfies ReadonlyArray<{ email: string; name: string; role: Prisma.UserCreateManyInput['role'] }>;

export const demoUserId = (email: string): string => seedId(`user:${email}`);

export async function demoUsers(): Promise<Prisma.UserCreateManyInput[]> {
  return Promise.all(
    DEMO_ACCOUNTS.map(async (a) => ({
      id: demoUserId(a.email),
      email: a.email,
      name: a.name,
      role: a.role,
      passwordHash: await hashPassword(DEMO_PASSWORD),
    })),
  );
}
