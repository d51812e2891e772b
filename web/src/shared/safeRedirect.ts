import type { LocationQueryValue } from 'vue-router';

type QueryValue = LocationQueryValue | LocationQueryValue[] | undefined;

// Any origin works as a base: we only need URL parsing to tell us whether the result left the site.
const BASE = 'https://numninja.invalid';

/**
 * Turns a `?redirect=` value into a same-site path, or `fallback`.
 * Anything that could leave the site (absolute URLs, `//host`, `/\host`, `javascript:`) is refused,
 * so the sign-in page cannot be used as an open redirect.
 */
export function safeRedirect(raw: QueryValue, fallback: string): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (typeof value !== 'string' || value === '') return fallback;
  if (!value.startsWith('/') || value.startsWith('//')) return fallback;
  // Browsers treat backslashes as slashes and strip control characters, which reopens `//host`.
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return fallback;

  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
