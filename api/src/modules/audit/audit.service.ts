import type { Prisma } from '../../generated/prisma/client';
import type { PrismaClient } from '../../db/prisma';

/** Who did it, from where: taken from the GraphQL context by resolvers and passed down to services. */
export interface Actor {
  userId: string;
  ip: string | null;
  requestId: string | null;
}

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId?: string | null;
  data?: Prisma.InputJsonValue;
}

type Tx = Pick<PrismaClient, 'auditLog'>;

/**
 * Every staff action leaves a row. Pass the transaction that makes the change, so the change and
 * its audit entry commit (or roll back) together.
 */
export class AuditService {
  constructor(private readonly prisma: PrismaClient) {}

  async record(actor: Actor, entry: AuditEntry, tx: Tx = this.prisma): Promise<void> {
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: entry.action,
        targetType: entry.targetType,
        targetId: entry.targetId ?? null,
        data: entry.data ?? {},
        ip: actor.ip,
        requestId: actor.requestId,
      },
    });
  }
}
