// `pnpm start`: database, migrations, demo data, API + worker, storefront and admin, in one process.
// Ctrl-C stops everything, the embedded PostgreSQL included.
import 'reflect-metadata';
import { once } from 'node:events';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pino } from 'pino';
import { createServer, type ViteDevServer } from 'vite';
import { FAKE_DIDWW_KEY, FAKE_DIDWW_PORT, loadConfig } from '../src/config';
import { startFakeDidww, type FakeDidww } from '../src/integrations/didww/fake';
import { DEMO_HISTORY_DAYS, demoCustomerNumbers, demoDidId } from '../src/demo/usage';
import { createLogger } from '../src/logger';
import { fromRepoRoot, repoRoot } from '../src/paths';
import { startApi } from '../src/runtime';

const startedAt = Date.now();
const config = loadConfig();
const logDir = path.join(fromRepoRoot(config.DATA_DIR), 'logs');
mkdirSync(logDir, { recursive: true });
const logFile = path.join(logDir, 'api.log');
// Structured logs go to a file so the terminal shows what a person needs: where to go, how to sign in.
const destination = pino.destination({ dest: logFile, sync: false });
// An early exit flushes the log; a destination still opening would throw instead.
await once(destination, 'ready');
const log = createLogger(config.LOG_LEVEL, 'api', destination);

const say = (line = '') => process.stdout.write(`${line}\n`);
say('Starting NumNinja… (first start initialises PostgreSQL under .data/, later starts reuse it)');

let api: Awaited<ReturnType<typeof startApi>> | undefined;
let fakeDidww: FakeDidww | undefined;
const vites: ViteDevServer[] = [];

async function stop(code: number) {
  await Promise.allSettled(vites.map((v) => v.close()));
  await api?.stop();
  await fakeDidww?.close();
  process.exit(code);
}

try {
  // Offline demo: the fake DIDWW plays the wholesaler over real HTTP, with the same data as the seed.
  if (config.didwwMode === 'fake' && !config.DIDWW_API_URL) {
    const boughtAt = Date.now() - DEMO_HISTORY_DAYS * 86_400_000;
    fakeDidww = await startFakeDidww({
      port: FAKE_DIDWW_PORT,
      apiKey: FAKE_DIDWW_KEY,
      // The demo customer's numbers (seeded as purchased numbers) already belong to the account.
      ownedDids: demoCustomerNumbers().map((number) => ({ number, didId: demoDidId(number), boughtAt })),
      smsWebhookUrl: `http://127.0.0.1:${config.PORT}/webhooks/didww/sms/${config.didwwSmsSecret ?? ''}`,
      smsTrafficEveryMs: 60_000,
    });
  }
  api = await startApi(config, log, { seed: true });
  for (const [app, port] of [
    ['web', Number(process.env.WEB_PORT ?? 5173)],
    ['admin', Number(process.env.ADMIN_PORT ?? 5174)],
  ] as const) {
    const root = path.join(repoRoot, app);
    const vite = await createServer({
      root,
      configFile: path.join(root, 'vite.config.ts'),
      logLevel: 'warn',
      server: { port, strictPort: true, host: 'localhost' },
    });
    await vite.listen();
    vites.push(vite);
  }
} catch (err) {
  process.stderr.write(`\nNumNinja failed to start: ${err instanceof Error ? err.message : String(err)}\nSee ${logFile}\n`);
  await stop(1);
}

const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
say();
say(`NumNinja is ready (${seconds}s)`);
say();
say(`  Storefront     ${config.WEB_URL}`);
say(`  Admin console  ${config.ADMIN_URL}`);
say(`  GraphQL API    ${api!.graphqlUrl}   (Apollo Sandbox in a browser)`);
say(`  DIDWW          ${config.didwwMode === 'fake' ? `fake server at ${config.didwwApiUrl}` : `live at ${config.didwwApiUrl}`}`);
say();
say('  Demo logins (password: numninja-demo)');
say('    customer@numninja.test   storefront');
say('    support@numninja.test    admin console (support)');
say('    admin@numninja.test      admin console (admin)');
say();
say(`  Logs: ${path.relative(repoRoot, logFile)}      Press Ctrl-C to stop.`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    say('\nStopping NumNinja…');
    void stop(0);
  });
}
