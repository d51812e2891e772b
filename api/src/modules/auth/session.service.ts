import type pg from 'pg';
import type { PrismaClient } from '../../db/prisma';
import { queryPrepared } from '../../db/prepared';
import { Prisma } from '../../generated/prisma/client';
import { Role, type SessionApp } from '../../generated/prisma/enums';
import type { Clock } from '../../clock';
import { hashToken, newSessionToken } from './tokens';

export interface Viewer {
  userId: string;
  email: string;
  name: string;
  role: Role;
  sessionId: string;
  app: SessionApp;
}

/** Support and admin accounts: they may read any customer's data. */
export const isStaff = (role: Role): boolean => role === Role.SUPPORT || role === Role.ADMIN;

/** Who a read is for, as the services scope it: this customer's data, or (staff) anyone's. */
export interface ScopedViewer {
  userId: string;
  staff: boolean;
}

export function scopedViewer(viewer: Pick<Viewer, 'userId' | 'role'>): ScopedViewer {
  return { userId: viewer.userId, staff: isStaff(viewer.role) };
}

export interface SessionMeta {
  app: SessionApp;
  ip: string | null;
  userAgent: string | null;
}

// Touching last_seen_at on every request would turn each read into a write; once in a while is enough.
const TOUCH_INTERVAL_MS = 5 * 60_000;

/** Server-side sessions: the browser holds an opaque token, Postgres holds the truth (and revocation). */
interface SessionRow {
  id: string;
  app: string;
  expires_at: Date;
  last_seen_at: Date;
  revoked_at: Date | null;
  user_id: string;
  email: string;
  name: string;
  role: string;
  disabled_at: Date | null;
}

export class SessionService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly pool: pg.Pool,
    private readonly clock: Clock,
    private readonly ttlMs: number,
  ) {}

  async create(userId: string, meta: SessionMeta): Promise<{ token: string; expiresAt: Date }> {
    const token = newSessionToken();
    const expiresAt = new Date(this.clock.now().getTime() + this.ttlMs);
    await this.prisma.session.create({
      data: {
        userId,
        tokenHash: hashToken(token),
        app: meta.app,
        ip: meta.ip,
        userAgent: meta.userAgent?.slice(0, 500) ?? null,
        expiresAt,
        lastSeenAt: this.clock.now(),
      },
    });
    return { token, expiresAt };
  }

  /** The viewer behind a token, or null when it is unknown, expired, revoked or its user disabled. */
  async resolve(token: string): Promise<Viewer | null> {
    // Every signed-in request starts here, so it is one prepared statement on the pool.
    const [s] = await queryPrepared<SessionRow>(
      this.pool,
      Prisma.sql`SELECT s.id, s.app::text AS app, s.expires_at, s.last_seen_at, s.revoked_at, u.id AS user_id, u.email, u.name, u.role::text AS role, u.disabled_at
                 FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ${hashToken(token)}`,
    );
    const now = this.clock.now();
    if (!s || s.revoked_at || s.expires_at <= now || s.disabled_at) return null;
    if (now.getTime() - s.last_seen_at.getTime() > TOUCH_INTERVAL_MS) {
      await this.prisma.session.update({ where: { id: s.id }, data: { lastSeenAt: now } });
    }
    return { userId: s.user_id, email: s.email, name: s.name, role: s.role as Role, sessionId: s.id, app: s.app as SessionApp };
  }

  async revoke(sessionId: string): Promise<void> {
    await this.prisma.session.updateMany({
      where: { id: sessionId, revokedAt: null },
      data: { revokedAt: this.clock.now() },
    });
  }

  /** Housekeeping for the cleanup job: sessions past expiry (or revoked a day ago) are deleted. */
  async deleteStale(): Promise<number> {
    const now = this.clock.now();
    const { count } = await this.prisma.session.deleteMany({
      where: { OR: [{ expiresAt: { lt: now } }, { revokedAt: { lt: new Date(now.getTime() - 86_400_000) } }] },
    });
    return count;
  }
}
