import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SyncRunKind, SyncRunStatus } from '../../generated/prisma/enums';
import { UserError } from '../../graphql/errors';
import { Connection } from '../../graphql/pagination';
import { User } from '../auth/auth.types';

registerEnumType(SyncRunKind, {
  name: 'SyncRunKind',
  description: 'What a catalog sync brings over from DIDWW.',
  valuesConfig: {
    REFERENCE: { description: 'Countries, regions, cities, DID groups and SKUs (daily).' },
    STOCK: { description: 'The numbers in stock (every 10 minutes).' },
  },
});

registerEnumType(SyncRunStatus, {
  name: 'SyncRunStatus',
  description: 'Where a catalog sync run is.',
  valuesConfig: {
    QUEUED: { description: 'Requested; waiting for a worker.' },
    RUNNING: { description: 'Fetching from DIDWW or applying; see `progress`.' },
    SUCCEEDED: { description: 'Applied; the counts say what changed.' },
    FAILED: { description: 'Nothing was applied; `error` says why. Transient failures are retried as a new run.' },
  },
});

@ObjectType({ description: 'One run of the catalog sync from DIDWW.' })
export class CatalogSyncRun {
  @Field(() => ID, { description: 'Stable id.' })
  id!: string;

  @Field(() => SyncRunKind, { description: 'Reference data or stock.' })
  kind!: SyncRunKind;

  @Field(() => SyncRunStatus, { description: 'Current state.' })
  status!: SyncRunStatus;

  @Field(() => Int, { description: 'Percent done, 0–100; moves per country/batch while RUNNING.' })
  progress!: number;

  @Field(() => Int, { description: 'Rows added (countries, groups, SKUs… or numbers).' })
  createdCount!: number;

  @Field(() => Int, { description: 'Rows whose data changed (a number back in stock counts here).' })
  updatedCount!: number;

  @Field(() => Int, { description: 'Rows deactivated (groups, SKUs) or numbers withdrawn; nothing is ever deleted.' })
  removedCount!: number;

  @Field(() => String, { nullable: true, description: 'Why the run failed, or a warning on a successful one.' })
  error?: string | null;

  @Field(() => Date, { nullable: true, description: 'When a worker started it.' })
  startedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it succeeded or failed.' })
  finishedAt?: Date | null;

  @Field(() => Int, { nullable: true, description: 'Milliseconds from start to finish.' })
  durationMs?: number | null;

  @Field(() => User, { nullable: true, description: 'Staff member who asked for it; null for scheduled runs.' })
  triggeredBy?: User | null;

  @Field(() => Date, { description: 'When it was requested (or scheduled).' })
  createdAt!: Date;
}

export const CatalogSyncRunConnection = Connection('CatalogSyncRun', CatalogSyncRun, 'catalog sync run');

@ObjectType({ description: 'Result of startCatalogSync.' })
export class CatalogSyncPayload {
  @Field(() => CatalogSyncRun, { nullable: true, description: 'The run: the new one, or the one of this kind already queued or running.' })
  run?: CatalogSyncRun | null;

  @Field(() => Boolean, { description: 'True when this call queued a new run; false when an existing run was returned.' })
  started!: boolean;

  @Field(() => [UserError], { description: 'Expected failures; empty on success.' })
  errors!: UserError[];
}
