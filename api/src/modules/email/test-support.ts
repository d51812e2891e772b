/** Shared by this folder's tests: services over a test database, the worker, and queue probes. */
import { Logger as WorkerLogger, runOnce } from 'graphile-worker';
import { systemClock, type Clock } from '../../clock';
import { loadConfig } from '../../config';
import type { PrismaClient } from '../../db/prisma';
import { createDidwwClient } from '../../integrations/didww';
import { createMailTransport } from '../../integrations/email';
import { createLogger } from '../../logger';
import type { Services } from '../../services';
import { AuditService } from '../audit/audit.service';
import { emailTasks } from './email.jobs';
import { EmailService } from './email.service';

export const silentWorkerLogger = new WorkerLogger(() => () => {});

/** An EmailService on `prisma` sending to `smtpUrl` (undefined: not configured), with short timeouts. */
export function emailService(prisma: PrismaClient, databaseUrl: string, smtpUrl: string | undefined, clock: Clock = systemClock): EmailService {
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: databaseUrl, ...(smtpUrl ? { SMTP_URL: smtpUrl } : {}) });
  const didww = createDidwwClient({ baseUrl: 'http://127.0.0.1:9/v3', apiKey: 'unused', apiVersion: config.DIDWW_API_VERSION });
  const deps = { prisma, clock, config, log: createLogger('silent'), audit: new AuditService(prisma), didww };
  return new EmailService(deps, createMailTransport(smtpUrl, { connectionTimeoutMs: 2_000, greetingTimeoutMs: 2_000 }));
}

/** Runs every due email job once, as a worker would. */
export function runEmailJobs(databaseUrl: string, email: EmailService): Promise<void> {
  return runOnce({ connectionString: databaseUrl, taskList: emailTasks({ email } as unknown as Services), logger: silentWorkerLogger });
}

export interface SendJob {
  key: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
  runAt: Date;
  lastError: string | null;
}

/** The send-email jobs in graphile-worker's queue (the public view has no payload; join for it). */
export function sendJobs(prisma: PrismaClient): Promise<SendJob[]> {
  return prisma.$queryRaw<SendJob[]>`
    SELECT j.key, p.payload, j.attempts, j.max_attempts AS "maxAttempts", j.run_at AS "runAt", j.last_error AS "lastError"
    FROM graphile_worker.jobs j JOIN graphile_worker._private_jobs p ON p.id = j.id
    WHERE j.task_identifier = 'send-email' ORDER BY j.id`;
}
