import type { ModuleDeps } from '../module-deps';

/** Pricing rules and sell prices (being built). */
export class PricingService {
  constructor(private readonly deps: ModuleDeps) {}
}
