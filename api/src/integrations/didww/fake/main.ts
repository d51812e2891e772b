/**
 * Starts the fake DIDWW for the offline demo: `tsx src/integrations/didww/fake/main.ts`.
 * FAKE_DIDWW_PORT (default 4010), FAKE_DIDWW_HOST (127.0.0.1), FAKE_DIDWW_API_KEY,
 * FAKE_DIDWW_ORDER_DELAY_MS (2000).
 */
import pino from 'pino';
import { startFakeDidww } from './server';

const log = pino({ name: 'fake-didww' });

const port = Number(process.env.FAKE_DIDWW_PORT ?? 4010);
const fake = await startFakeDidww({
  port,
  host: process.env.FAKE_DIDWW_HOST ?? '127.0.0.1',
  ...(process.env.FAKE_DIDWW_API_KEY ? { apiKey: process.env.FAKE_DIDWW_API_KEY } : {}),
  ...(process.env.FAKE_DIDWW_ORDER_DELAY_MS ? { orderDelayMs: Number(process.env.FAKE_DIDWW_ORDER_DELAY_MS) } : {}),
});
log.info({ url: fake.url, admin: `${fake.origin}/__admin/state`, apiKey: fake.apiKey }, `fake DIDWW listening on ${fake.url}`);

const stop = (signal: string) => {
  log.info({ signal }, 'stopping fake DIDWW');
  void fake.close().then(() => process.exit(0));
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
