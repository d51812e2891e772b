import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { isSubscription } from './apolloClient';
import { retryDelayMs, sameOriginSocketUrl } from './liveSocket';

describe('the live socket', () => {
  it('connects to /graphql on the page’s own origin, secure when the page is', () => {
    expect(sameOriginSocketUrl({ protocol: 'http:', host: 'localhost:5173' })).toBe('ws://localhost:5173/graphql');
    expect(sameOriginSocketUrl({ protocol: 'https:', host: 'shop.example' })).toBe('wss://shop.example/graphql');
  });
  it('backs off between reconnects, up to about 15 s', () => {
    const mid = () => 0.5;
    expect(retryDelayMs(0, mid)).toBe(500);
    expect(retryDelayMs(3, mid)).toBe(4000);
    expect(retryDelayMs(20, mid)).toBe(15_000);
    expect(retryDelayMs(20, () => 1)).toBeLessThanOrEqual(15_000 * 1.25);
  });
  it('sends only subscriptions over the socket', () => {
    expect(isSubscription(parse('subscription { myNumberStatusChanged { id } }'))).toBe(true);
    expect(isSubscription(parse('query { me { id } }'))).toBe(false);
    expect(isSubscription(parse('mutation { signOut { errors { code } } }'))).toBe(false);
  });
});
