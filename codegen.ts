import type { CodegenConfig } from '@graphql-codegen/cli';

// Both apps share one schema; each gets its own generated folder so neither ships the other's documents.
// Code in web/src/shared (used by both apps) mostly takes each app's typed documents as arguments (see
// web/src/shared/defineSession.ts); the few documents it does own are generated into both apps.
const clientOutput = (app: 'web' | 'admin'): CodegenConfig['generates'] => ({
  [`${app}/src/gql/`]: {
    preset: 'client',
    documents: [`${app}/src/**/*.graphql`, 'web/src/shared/**/*.graphql'],
    presetConfig: {
      // Plain typed documents keep components simple; fragments are spread, not masked.
      fragmentMasking: false,
    },
    config: {
      useTypeImports: true,
      // Unions of string literals instead of TS enums: no runtime code, and erasable under isolatedModules.
      enumType: 'string-literal',
      scalars: { DateTime: 'string', JSON: 'unknown' },
      strictScalars: true,
      nonOptionalTypename: true,
    },
  },
});

const config: CodegenConfig = {
  schema: 'api/schema.graphql',
  ignoreNoDocuments: true,
  // Generated files are committed and checked for drift, so no prettier/timestamps hooks that could vary.
  generates: {
    ...clientOutput('web'),
    ...clientOutput('admin'),
  },
};

export default config;
