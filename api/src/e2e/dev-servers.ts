import path from 'node:path';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { createServer, type ViteDevServer } from 'vite';
import { repoRoot } from '../paths';

/**
 * Starts the storefront or the admin console with its own vite config, proxying /graphql to the
 * given API port, on a free port. Returns the server and its base URL.
 */
export async function startFrontEnd(app: 'web' | 'admin', apiPort: number, port = 0): Promise<{ url: string; vite: ViteDevServer }> {
  // The vite configs read API_PORT when they are loaded, which is during createServer.
  process.env.API_PORT = String(apiPort);
  const root = path.join(repoRoot, app);
  const vite = await createServer({
    root,
    configFile: path.join(root, 'vite.config.ts'),
    logLevel: 'error',
    server: { port, strictPort: port !== 0, host: '127.0.0.1', hmr: false },
  });
  await vite.listen();
  const url = vite.resolvedUrls?.local[0];
  if (!url) throw new Error(`vite did not report a URL for ${app}`);
  return { url: url.replace(/\/$/, ''), vite };
}

/** A free TCP port on loopback, for services that must know each other's address before starting. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createNetServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}
