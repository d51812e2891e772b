import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, html, safeHref, SafeHtml } from './html';

const unescape = (s: string) => s.replace(/&lt;|&gt;|&quot;|&#39;|&amp;/g, (e) => ({ '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&amp;': '&' })[e]!);

describe('escapeHtml', () => {
  it('escapes the five characters that can open a tag, an entity or close an attribute', () => {
    expect(escapeHtml(`<script>alert("x") & 'y'</script>`)).toBe('&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;');
  });

  it('escapes an ampersand that already starts an entity, so text never turns into markup', () => {
    expect(escapeHtml('&lt;b&gt;')).toBe('&amp;lt;b&amp;gt;');
  });

  it('leaves no markup character in any string and loses nothing (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('<', '>', '"', "'", '&', ';', 'a', 'é', '#', 'l', 't') }), (s) => {
        const out = escapeHtml(s);
        return !/[<>"']/.test(out) && unescape(out) === s;
      }),
    );
  });
});

describe('html tag', () => {
  it('escapes interpolated text but keeps nested fragments, lists and skips empty values', () => {
    const name = '<img src=x onerror=alert(1)>';
    const items = ['a&b', html`<em>${'<i>'}</em>`];
    const out = html`<p title="${'" onmouseover="x'}">Hi ${name}</p><ul>${items.map((i) => html`<li>${i}</li>`)}</ul>${null}${false}${undefined}${3}`;
    expect(out).toBeInstanceOf(SafeHtml);
    expect(out.value).toBe(
      '<p title="&quot; onmouseover=&quot;x">Hi &lt;img src=x onerror=alert(1)&gt;</p><ul><li>a&amp;b</li><li><em>&lt;i&gt;</em></li></ul>3',
    );
  });

  it('does not trust a plain string that merely looks like markup', () => {
    expect(html`${'<b>bold</b>'}`.value).toBe('&lt;b&gt;bold&lt;/b&gt;');
  });
});

describe('safeHref', () => {
  it('accepts http(s) links and refuses script and data URLs', () => {
    expect(safeHref('https://numninja.test/orders/1?x=a b')).toBe('https://numninja.test/orders/1?x=a%20b');
    expect(() => safeHref('javascript:alert(1)')).toThrow(/javascript:/);
    expect(() => safeHref('data:text/html,<script>')).toThrow(/data:/);
  });
});
