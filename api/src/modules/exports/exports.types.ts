import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ExportKind } from '../../generated/prisma/enums';
import { UserError } from '../../graphql/errors';

registerEnumType(ExportKind, {
  name: 'ExportKind',
  description: 'What a CSV export contains.',
  valuesConfig: { CALL_RECORDS: { description: 'Call records.' }, SMS_MESSAGES: { description: 'Text messages.' } },
});

@ObjectType({ description: 'A CSV export prepared for download.' })
export class DataExport {
  @Field(() => ID, { description: 'Export id.' })
  id!: string;

  @Field(() => ExportKind, { description: 'What it contains.' })
  kind!: ExportKind;

  @Field(() => Date, { description: 'When the link stops working.' })
  expiresAt!: Date;

  @Field(() => Date, { description: 'When it was requested.' })
  createdAt!: Date;
}

@ObjectType({ description: 'Result of exportCallRecords / exportSmsMessages.' })
export class ExportPayload {
  @Field(() => DataExport, { nullable: true, description: 'The export, when the filter was valid.' })
  export?: DataExport | null;

  @Field(() => String, {
    nullable: true,
    description: 'Download path on the API origin (e.g. "/exports/<id>.csv?token=…"): a CSV streamed as it is read. Only the account that requested it can download it, signed in.',
  })
  url?: string | null;

  @Field(() => [UserError], { description: 'Expected failures (VALIDATION with the filter field); empty on success.' })
  errors!: UserError[];
}
