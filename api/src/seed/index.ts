export { seedDemoData, type SeedOptions, type SeedResult } from './seed';
export { DEMO_ACCOUNTS, DEMO_PASSWORD } from './accounts';
export { DEMO_PRICING_RULE } from './prices';
