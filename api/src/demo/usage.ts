/**
 * The demo customer's numbers with call and SMS history: the seed writes them as purchased numbers
 * and the fake DIDWW owns them as DIDs (bought DEMO_HISTORY_DAYS ago), so the first CDR import
 * after `pnpm start` fills the dashboards. Deterministic: same numbers on every machine.
 */
import { demoAvailableNumbers, demoCoverage, demoUuid, type DemoAvailableDid } from './coverage';

export const DEMO_HISTORY_DAYS = 45;

/** One SMS-capable number in each of these countries, when the coverage has one. */
const COUNTRIES = ['US', 'GB', 'CA'];

export function demoCustomerNumbers(opts: { perGroup?: number } = {}): DemoAvailableDid[] {
  const coverage = demoCoverage();
  const groups = new Map(coverage.didGroups.map((g) => [g.id, g]));
  const isoOf = new Map(coverage.countries.map((c) => [c.id, c.iso]));
  const numbers = demoAvailableNumbers(opts);
  const picked: DemoAvailableDid[] = [];
  for (const iso of COUNTRIES) {
    const n = numbers.find((x) => isoOf.get(x.countryId) === iso && groups.get(x.didGroupId)?.features.includes('sms') && groups.get(x.didGroupId)?.features.includes('voice'));
    if (n) picked.push(n);
  }
  return picked;
}

/** The DIDWW DID id the fake gives a demo number (and the seed stores as didwwDidId). */
export const demoDidId = (n: DemoAvailableDid): string => demoUuid(`demo_did:${n.id}`);
