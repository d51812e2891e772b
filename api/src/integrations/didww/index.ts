export { createDidwwClient, type DidwwClient, type DidwwClientConfig } from './client';
export type { DidwwProvider, DidGroupFilter, AvailableDidFilter, DidFilter } from './provider';
export { DidwwError, isDidwwError, type DidwwErrorKind } from './errors';
export { usdToCents, centsToUsd } from './money';
export { parseCdrExport, parseCsv } from './cdr';
export { findOrCreateVoiceInTrunk } from './trunks';
export type { DidwwLogger } from './http';
export type * from './types';
