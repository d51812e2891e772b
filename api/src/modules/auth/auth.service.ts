import { z } from 'zod';
import type { PrismaClient } from '../../db/prisma';
import { Prisma } from '../../generated/prisma/client';
import { Role, SessionApp } from '../../generated/prisma/enums';
import { ErrorCode, fail, ok, userError, zodUserErrors, type Result } from '../../graphql/errors';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password';
import type { SessionMeta, SessionService } from './session.service';
import type { SignInThrottle } from './sign-in-throttle';

const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'Email is too long.')
  .pipe(z.email('Enter a valid email address.'));

export const signUpSchema = z.object({
  email,
  password: z
    .string()
    .min(10, 'Password must be at least 10 characters.')
    .max(128, 'Password must be at most 128 characters.'),
  name: z.string().trim().min(1, 'Name is required.').max(100, 'Name must be at most 100 characters.'),
});

const signInSchema = z.object({
  email,
  password: z.string().min(1, 'Password is required.').max(128, 'Password must be at most 128 characters.'),
});

export interface AccountView {
  id: string;
  email: string;
  name: string;
  role: Role;
  createdAt: Date;
}

export interface SignedIn {
  user: AccountView;
  token: string;
  expiresAt: Date;
}

const accountSelect = { id: true, email: true, name: true, role: true, createdAt: true } as const;

export class AuthService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly sessions: SessionService,
    private readonly throttle: SignInThrottle,
  ) {}

  async signUp(input: unknown, meta: SessionMeta): Promise<Result<SignedIn>> {
    const parsed = signUpSchema.safeParse(input);
    if (!parsed.success) return fail(...zodUserErrors(parsed.error));
    // Staff accounts are made by staff, never through the public sign-up, so the staff console cannot be used for it.
    if (meta.app === SessionApp.ADMIN) {
      return fail(userError(ErrorCode.FORBIDDEN, 'Staff accounts cannot be created here.'));
    }
    const { email, password, name } = parsed.data;
    const passwordHash = await hashPassword(password);
    try {
      const user = await this.prisma.user.create({
        data: { email, name, passwordHash, role: Role.CUSTOMER },
        select: accountSelect,
      });
      const session = await this.sessions.create(user.id, meta);
      return ok({ user, ...session });
    } catch (e) {
      // The unique index decides races between two sign-ups for one email, not a prior lookup.
      if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') {
        return fail(userError(ErrorCode.EMAIL_TAKEN, 'An account with this email already exists.', ['email']));
      }
      throw e;
    }
  }

  async signIn(input: unknown, meta: SessionMeta): Promise<Result<SignedIn>> {
    const parsed = signInSchema.safeParse(input);
    if (!parsed.success) return fail(...zodUserErrors(parsed.error));
    const { email, password } = parsed.data;

    const waitSeconds = await this.throttle.blockedFor(email, meta.ip);
    if (waitSeconds > 0) {
      return fail(
        userError(ErrorCode.RATE_LIMITED, `Too many failed sign-in attempts. Try again in ${formatWait(waitSeconds)}.`),
      );
    }

    const user = await this.prisma.user.findUnique({
      where: { email },
      select: { ...accountSelect, passwordHash: true, disabledAt: true },
    });
    // Verify against a dummy hash for unknown emails so timing does not reveal which emails exist.
    const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
    if (!user || !valid || user.disabledAt) {
      await this.throttle.recordFailure(email, meta.ip);
      return fail(userError(ErrorCode.INVALID_CREDENTIALS, 'The email or password is incorrect.'));
    }
    await this.throttle.recordSuccess(email);

    if (meta.app === SessionApp.ADMIN && user.role === Role.CUSTOMER) {
      return fail(userError(ErrorCode.FORBIDDEN, 'This console is for NumNinja staff only.'));
    }
    const { passwordHash: _hash, disabledAt: _disabled, ...account } = user;
    const session = await this.sessions.create(user.id, meta);
    return ok({ user: account, ...session });
  }

  async signOut(sessionId: string | undefined): Promise<void> {
    if (sessionId) await this.sessions.revoke(sessionId);
  }

  async account(userId: string): Promise<AccountView | null> {
    return this.prisma.user.findUnique({ where: { id: userId }, select: accountSelect });
  }
}

function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}
