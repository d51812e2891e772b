import { createClient, type Client } from 'graphql-ws';
import { inject, readonly, ref, type InjectionKey, type Ref } from 'vue';

export type SocketState = 'idle' | 'connecting' | 'connected' | 'down';

export interface LiveSocket {
  client: Client;
  /** Where the WebSocket stands: pages poll only while it is not `connected`. */
  state: Readonly<Ref<SocketState>>;
  /** Calls `fn` on every (re)connection; returns the unsubscribe. Pages refetch then, to catch what they missed. */
  onConnected(fn: () => void): () => void;
}

/** ws(s)://<this origin>/graphql: the dev server (and production proxy) forwards it with the cookie. */
export function sameOriginSocketUrl(loc: Pick<Location, 'protocol' | 'host'>): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}/graphql`;
}

/** Waits 0.5 s, 1 s, 2 s … up to 15 s between reconnects, with jitter so a restarted API is not stampeded. */
export function retryDelayMs(retries: number, random: () => number = Math.random): number {
  return Math.min(15_000, 500 * 2 ** retries) * (0.75 + random() * 0.5);
}

/**
 * The graphql-ws connection of one app. Lazy: opened by the first subscription and closed shortly
 * after the last one ends. The session cookie rides on the upgrade request (same origin); `app`
 * tells the API which cookie (storefront or console) to read.
 */
export function createLiveSocket(app: 'web' | 'admin'): LiveSocket {
  const state = ref<SocketState>('idle');
  const listeners = new Set<() => void>();
  const client = createClient({
    url: () => sameOriginSocketUrl(window.location),
    connectionParams: { app },
    lazy: true,
    lazyCloseTimeout: 3_000,
    keepAlive: 15_000,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: async (retries) => {
      await new Promise((resolve) => setTimeout(resolve, retryDelayMs(retries)));
    },
    on: {
      connecting: () => {
        if (state.value !== 'down') state.value = 'connecting';
      },
      connected: () => {
        state.value = 'connected';
        for (const fn of listeners) fn();
      },
      closed: () => {
        state.value = 'down';
      },
    },
  });
  return {
    client,
    state: readonly(state),
    onConnected(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}

/** Provided by the app (`app.provide(LiveSocketKey, socket)`); composables inject it. */
export const LiveSocketKey: InjectionKey<Pick<LiveSocket, 'state' | 'onConnected'>> = Symbol('LiveSocket');

const NO_SOCKET: Pick<LiveSocket, 'state' | 'onConnected'> = { state: readonly(ref<SocketState>('down')), onConnected: () => () => {} };

/** The app's live socket; without one (nothing provided) everything falls back to polling. */
export function useLiveSocket(): Pick<LiveSocket, 'state' | 'onConnected'> {
  return inject(LiveSocketKey, NO_SOCKET);
}
