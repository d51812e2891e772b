export { startFakeDidww, type FakeDidww, type FakeDidwwOptions } from './server';
export type { FakeAdmin } from './admin';
export { parseFaultSpec, type FaultScenario, type OrderOutcome } from './faults';
export type { FakeDataset } from './store';
