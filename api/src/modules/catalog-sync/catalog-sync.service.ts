import type { ModuleDeps } from '../module-deps';

/** Catalog sync from DIDWW (being built). */
export class CatalogSyncService {
  constructor(private readonly deps: ModuleDeps) {}
}
