import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// graphql ships CJS and ESM twins; Node (and so Apollo, type-graphql) loads the CJS one, Vite would
// pick the ESM one for our sources. Two copies of graphql in one schema break it ("another realm").
const graphqlCjs = createRequire(import.meta.url).resolve('graphql');

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlCjs }] },
  test: {
    environment: 'node',
    // One embedded Postgres per run; each test file clones its own database from a migrated template.
    globalSetup: ['src/test/global-setup.ts'],
    // type-graphql's decorators need the Reflect metadata API before any type is declared.
    setupFiles: ['reflect-metadata'],
    // Child processes, not threads: argon2's native binding and pg sockets are happier that way.
    pool: 'forks',
    include: ['src/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'src/generated/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
  },
});
