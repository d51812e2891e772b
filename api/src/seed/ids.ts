import { demoUuid } from '../demo/coverage';

/**
 * Our own row ids for seeded records: name-based, so every seed of an empty database yields the
 * same ids (handy in bug reports and e2e tests), and never equal to the DIDWW ids they map.
 */
export function seedId(name: string): string {
  return demoUuid(`numninja-db:${name}`);
}
