/**
 * One description of an email, two renderings. Templates describe content as blocks (paragraphs,
 * a table, facts, a button); `compose` turns them into the HTML part and the plain-text part, so
 * the two can never say different things. The HTML is the usual email-safe kind: tables for layout,
 * every style inline, one 560px column that shrinks on a phone.
 */
import { html, safeHref, type SafeHtml } from './html';

/** What every template returns, and what the outbox stores. */
export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** Inline text: plain, or emphasised. Always text, never markup: escaped in the HTML part. */
export type Inline = string | { strong: string };

export interface TableCell {
  text: string;
  /** A second, smaller line (e.g. the E.164 under a national number). */
  sub?: string;
}

export type Block =
  | { kind: 'paragraph'; parts: Inline[] }
  | { kind: 'table'; head: string[]; rows: Array<Array<string | TableCell>>; total?: [string, string] }
  | { kind: 'facts'; rows: Array<[string, string]> }
  | { kind: 'button'; label: string; url: string }
  | { kind: 'note'; text: string };

export interface EmailContent {
  subject: string;
  /** The preview line mail clients show next to the subject. */
  preheader: string;
  heading: string;
  blocks: Block[];
  /** Why the reader got this email; shown small at the bottom. */
  footer: string;
}

export const p = (...parts: Inline[]): Block => ({ kind: 'paragraph', parts });
export const strong = (text: string): Inline => ({ strong: text });
export const button = (label: string, url: string): Block => ({ kind: 'button', label, url });
export const note = (text: string): Block => ({ kind: 'note', text });

// No quotes: the value sits in a double-quoted style attribute and "Segoe UI" is valid CSS unquoted.
const FONT = '-apple-system,BlinkMacSystemFont,Segoe UI,Roboto,Helvetica,Arial,sans-serif';
const BRAND = '#4f46e5';
const INK = '#111827';
const BODY = '#1f2937';
const MUTED = '#6b7280';
const RULE = '#e5e7eb';

export function compose(content: EmailContent): RenderedEmail {
  // A subject is one header line: folding whitespace in user data must not start a new header.
  const subject = content.subject.replace(/\s+/g, ' ').trim();
  return { subject, text: renderText({ ...content, subject }), html: renderHtml({ ...content, subject }).value };
}

function inlineHtml(parts: Inline[]): SafeHtml {
  return html`${parts.map((part) => (typeof part === 'string' ? part : html`<strong style="color:${INK};">${part.strong}</strong>`))}`;
}

const cellOf = (cell: string | TableCell): TableCell => (typeof cell === 'string' ? { text: cell } : cell);

function blockHtml(block: Block): SafeHtml {
  switch (block.kind) {
    case 'paragraph':
      return html`<p style="margin:0 0 16px;">${inlineHtml(block.parts)}</p>`;
    case 'note':
      return html`<p style="margin:0 0 16px;font-size:13px;line-height:20px;color:${MUTED};">${block.text}</p>`;
    case 'button': {
      const href = safeHref(block.url);
      return html`<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 16px;"><tr>
<td style="border-radius:6px;background-color:${BRAND};"><a href="${href}" style="display:inline-block;padding:12px 22px;font-family:${FONT};font-size:16px;font-weight:600;line-height:20px;color:#ffffff;text-decoration:none;border-radius:6px;">${block.label}</a></td>
</tr></table>
<p style="margin:0 0 16px;font-size:12px;line-height:18px;color:${MUTED};word-break:break-all;">Or open this link: <a href="${href}" style="color:${BRAND};">${href}</a></p>`;
    }
    case 'facts':
      return html`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 16px;border-collapse:collapse;font-size:14px;line-height:20px;">
${block.rows.map(([label, value]) => html`<tr><td style="padding:6px 12px 6px 0;border-bottom:1px solid ${RULE};color:${MUTED};white-space:nowrap;vertical-align:top;">${label}</td><td style="padding:6px 0;border-bottom:1px solid ${RULE};color:${INK};word-break:break-word;">${value}</td></tr>\n`)}</table>`;
    case 'table': {
      const align = (i: number) => (i === 0 ? 'left' : 'right');
      const head = block.head.map((h, i) => html`<th align="${align(i)}" style="padding:0 0 8px;${i ? 'padding-left:12px;' : ''}border-bottom:1px solid ${RULE};font-size:12px;font-weight:600;color:${MUTED};text-transform:uppercase;letter-spacing:0.04em;">${h}</th>`);
      const rows = block.rows.map((row) => html`<tr>${row.map((raw, i) => {
        const cell = cellOf(raw);
        return html`<td align="${align(i)}" style="padding:10px 0;${i ? 'padding-left:12px;white-space:nowrap;' : ''}border-bottom:1px solid ${RULE};vertical-align:top;color:${INK};">${cell.text}${cell.sub ? html`<br><span style="font-size:12px;color:${MUTED};">${cell.sub}</span>` : ''}</td>`;
      })}</tr>\n`);
      const total = block.total
        ? html`<tr><td colspan="${block.head.length - 1}" style="padding:12px 0 0;font-weight:600;color:${INK};">${block.total[0]}</td><td align="right" style="padding:12px 0 0 12px;font-weight:700;color:${INK};white-space:nowrap;">${block.total[1]}</td></tr>`
        : '';
      return html`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 20px;border-collapse:collapse;font-size:14px;line-height:20px;">
<tr>${head}</tr>
${rows}${total}</table>`;
    }
  }
}

function renderHtml(c: EmailContent): SafeHtml {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light only">
<title>${c.subject}</title>
</head>
<body style="margin:0;padding:0;background-color:#f4f5f7;">
<div style="display:none;max-height:0;max-width:0;overflow:hidden;opacity:0;">${c.preheader}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f4f5f7;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:560px;">
<tr><td style="padding:0 4px 16px;font-family:${FONT};font-size:22px;font-weight:800;letter-spacing:-0.02em;color:${INK};"><span style="color:${BRAND};">Num</span>Ninja</td></tr>
<tr><td style="background-color:#ffffff;border-radius:10px;padding:28px 24px 12px;font-family:${FONT};font-size:16px;line-height:24px;color:${BODY};">
<h1 style="margin:0 0 16px;font-size:22px;line-height:28px;font-weight:700;color:${INK};">${c.heading}</h1>
${c.blocks.map((b) => html`${blockHtml(b)}\n`)}</td></tr>
<tr><td style="padding:16px 4px;font-family:${FONT};font-size:12px;line-height:18px;color:${MUTED};">${c.footer}<br>NumNinja · virtual phone numbers</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
}

const inlineText = (parts: Inline[]) => parts.map((part) => (typeof part === 'string' ? part : part.strong)).join('');

function tableText(block: Extract<Block, { kind: 'table' }>): string {
  const rows = block.rows.map((r) => r.map(cellOf));
  const width = block.head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.text.length ?? 0)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(width[i]!) : c.padStart(width[i]!))).join('   ').trimEnd();
  const out = [line(block.head)];
  for (const row of rows) {
    out.push(line(row.map((c) => c.text)));
    const subs = row.filter((c) => c.sub).map((c) => c.sub);
    if (subs.length) out.push(`  ${subs.join('  ')}`);
  }
  if (block.total) out.push('', `${block.total[0]}: ${block.total[1]}`);
  return out.join('\n');
}

function blockText(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return inlineText(block.parts);
    case 'note':
      return block.text;
    case 'button':
      return `${block.label}: ${safeHref(block.url)}`;
    case 'facts': {
      const width = Math.max(...block.rows.map(([label]) => label.length));
      return block.rows.map(([label, value]) => `${`${label}:`.padEnd(width + 1)} ${value}`).join('\n');
    }
    case 'table':
      return tableText(block);
  }
}

function renderText(c: EmailContent): string {
  return [c.heading, ...c.blocks.map(blockText), `--\n${c.footer}\nNumNinja · virtual phone numbers`].join('\n\n') + '\n';
}
