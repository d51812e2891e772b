import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const apiDir = fileURLToPath(new URL('../..', import.meta.url));

let built = false;

/** The production bundle (`pnpm --filter @numninja/api build`), built once per bench run. */
function productionEntry(): string[] {
  // BENCH_FROM_SOURCE=1 runs src/main.ts through tsx instead, as `pnpm start` does.
  if (process.env.BENCH_FROM_SOURCE) return ['--import', 'tsx', 'src/main.ts'];
  if (!built) {
    const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: apiDir, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('building the API failed');
    built = true;
  }
  // As `pnpm --filter @numninja/api start:prod` runs it, with the heap capped only when API_HEAP_MB says so.
  const heap = process.env.API_HEAP_MB ? [`--max-old-space-size=${process.env.API_HEAP_MB}`] : [];
  return ['--enable-source-maps', ...heap, 'dist/main.js'];
}

/**
 * The API in its own process, as in production (the built bundle): load generators in this
 * process then do not steal its event loop.
 */
export async function startApiProcess(env: Record<string, string>): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const port = env.PORT ?? '4100';
  // BENCH_CPU_PROF=1 writes a V8 CPU profile of the API process into .tmp/prof for a closer look.
  const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir=../.tmp/prof'] : [];
  const child: ChildProcess = spawn(process.execPath, [...prof, '--experimental-wasm-modules', '--no-warnings', ...productionEntry()], {
    cwd: apiDir,
    env: { ...process.env, NODE_ENV: 'production', ALLOW_OFFLINE_PROVIDERS: 'true', LOG_LEVEL: process.env.BENCH_API_LOG_LEVEL ?? 'warn', WORKER: 'off', HOST: '127.0.0.1', PORT: port, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) throw new Error(`API exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
