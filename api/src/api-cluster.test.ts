import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from './test/db';

const apiDir = fileURLToPath(new URL('..', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** The API processes forked by `pid`. */
const children = (pid: number): number[] => {
  try {
    return execFileSync('pgrep', ['-P', String(pid), '-f', 'dist/main.js']).toString().trim().split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
};

describe('API_PROCESSES', () => {
  const db = useTestDatabase();

  it('serves one port from several processes of the production build and stops them all on SIGTERM', async () => {
    // The bundle `start:prod` runs (scripts/build.mjs), so a path or import that only works from
    // the sources fails here rather than in production.
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: apiDir, stdio: 'ignore' });
    const port = await freePort();
    const child = spawn(process.execPath, ['--experimental-wasm-modules', '--no-warnings', '--enable-source-maps', 'dist/main.js'], {
      cwd: apiDir,
      env: { ...process.env, NODE_ENV: 'production', ALLOW_OFFLINE_PROVIDERS: 'true', LOG_LEVEL: 'silent', WORKER: 'off', HOST: '127.0.0.1', PORT: String(port), DATABASE_URL: db.url, API_PROCESSES: '2' },
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      let ready = false;
      for (let i = 0; i < 150 && !ready; i++) {
        ready = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false);
        if (!ready) await new Promise((r) => setTimeout(r, 200));
      }
      expect(ready).toBe(true);
      // Both forks listen before the primary reports ready; give the second a moment regardless.
      await expect.poll(() => children(child.pid!), { timeout: 10_000 }).toHaveLength(2);
      const answers = await Promise.all(
        Array.from({ length: 10 }, () =>
          fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', connection: 'close' }, body: '{"query":"{ countries { isoCode } }"}' }).then((r) => r.json()),
        ),
      );
      for (const a of answers) expect(a).toEqual({ data: { countries: [] } });
      const forks = children(child.pid!);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      for (const pid of forks) expect(() => process.kill(pid, 0)).toThrow();
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 60_000);
});
