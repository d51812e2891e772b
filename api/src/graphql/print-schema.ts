// Prints the schema to api/schema.graphql; with --check, fails when the committed file differs.
import 'reflect-metadata';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildAppSchema } from './schema';

const target = fileURLToPath(new URL('../../schema.graphql', import.meta.url));
const header = '# Generated from the type-graphql resolvers by `pnpm --filter @numninja/api schema:print`. Do not edit.\n\n';
const printed = header + printSchema(lexicographicSortSchema(await buildAppSchema())) + '\n';

if (process.argv.includes('--check')) {
  const committed = await readFile(target, 'utf8').catch(() => '');
  if (committed !== printed) {
    process.stderr.write('api/schema.graphql is out of date: run `pnpm --filter @numninja/api schema:print` and commit it.\n');
    process.exit(1);
  }
  process.stdout.write('api/schema.graphql is current.\n');
} else {
  await writeFile(target, printed);
  process.stdout.write(`Wrote ${target}\n`);
}
