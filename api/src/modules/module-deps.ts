import type { Clock } from '../clock';
import type { Config } from '../config';
import type { PrismaClient } from '../db/prisma';
import type { DidwwProvider } from '../integrations/didww';
import type { Logger } from '../logger';
import type { AuditService } from './audit/audit.service';

/** What a domain service may be built from. Services take these; they never reach for globals. */
export interface ModuleDeps {
  prisma: PrismaClient;
  clock: Clock;
  config: Config;
  log: Logger;
  audit: AuditService;
  didww: DidwwProvider;
}
