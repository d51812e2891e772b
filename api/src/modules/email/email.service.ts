import type { ModuleDeps } from '../module-deps';

/** Outgoing email through the outbox (being built). */
export class EmailService {
  constructor(private readonly deps: ModuleDeps) {}
}
