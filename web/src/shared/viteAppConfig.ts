/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig, type UserConfig } from 'vite';

export type AppName = 'web' | 'admin';

/**
 * The vite (and vitest) config of one front end. Both apps run the same way: the API is reached
 * through a `/graphql` proxy so the httpOnly session cookie stays same-origin, and `@shared/*`
 * points at this folder.
 */
export function appViteConfig({ app, defaultPort }: { app: AppName; defaultPort: number }): UserConfig {
  const apiTarget = `http://127.0.0.1:${process.env.API_PORT ?? 4000}`;
  // WEB_PORT / ADMIN_PORT
  const port = Number(process.env[`${app.toUpperCase()}_PORT`] ?? defaultPort);
  // /exports and /voicemails: CSV downloads and recordings carry the same session cookie as /graphql.
  const proxy = { '/graphql': { target: apiTarget, ws: true }, '/exports': { target: apiTarget }, '/voicemails': { target: apiTarget } };

  return defineConfig({
    // Pinned to the app's folder so a root script can start it with createServer({ configFile }).
    root: fileURLToPath(new URL(`../../../${app}/`, import.meta.url)),
    plugins: [vue()],
    resolve: {
      alias: { '@shared': fileURLToPath(new URL('.', import.meta.url)) },
      // Shared files live under web/, so their bare imports would otherwise resolve from
      // web/node_modules; one copy of each runtime per app keeps injection keys and caches single.
      dedupe: ['vue', 'vue-router', 'naive-ui', '@apollo/client', '@vue/apollo-composable', 'graphql'],
    },
    server: { port, strictPort: true, proxy },
    preview: { port, strictPort: true, proxy },
    test: { environment: 'node', include: ['src/**/*.test.ts'] },
  });
}
