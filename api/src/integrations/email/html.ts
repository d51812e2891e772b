/**
 * HTML that is safe by construction. Every email template builds its markup with the `html` tag:
 * interpolated strings are escaped, so a customer named `<script>` stays text; only values that are
 * already `SafeHtml` (built by `html` itself) go in as markup. No template engine, no `innerHTML`
 * style string concatenation anywhere else.
 */

/** Markup known to be safe: produced by `html`, never by wrapping an arbitrary string. */
export class SafeHtml {
  constructor(readonly value: string) {}

  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for an element body or a quoted attribute value. `&` goes first implicitly (one
 * pass), quotes both ways so an attribute can never be closed early. Attributes must be quoted.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** What may be interpolated: text (escaped), safe markup (as is), lists of either, or nothing. */
export type HtmlValue = SafeHtml | string | number | null | undefined | false | readonly HtmlValue[];

function toHtml(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(toHtml).join('');
  return escapeHtml(String(value));
}

/** Tagged template: `html\`<p>Hi ${name}</p>\`` escapes `name`; nested `html` fragments pass through. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += toHtml(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/**
 * A link target we are willing to put in an `href`: http(s) only. Escaping alone would let
 * `javascript:` through, and the URLs in our emails are ours (WEB_URL/ADMIN_URL), so anything
 * else is a bug worth failing loudly on.
 */
export function safeHref(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new RangeError(`Refusing a ${parsed.protocol} link in an email`);
  return parsed.href;
}
