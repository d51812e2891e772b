/**
 * The offline checkout page: self-contained HTML (inline CSS, no external assets) that looks like
 * a hosted checkout, so a demo or an end-to-end test walks the same steps a customer would.
 */
import { formatMoney } from './money';
import type { CheckoutSession, LineItem } from './objects-checkout';

export interface PageView {
  session: CheckoutSession;
  email: string | null;
  /** Where the forms post to: `<mount>/offline-checkout/<id>`. */
  base: string;
  error?: string;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function checkoutPage(v: PageView): string {
  const s = v.session;
  const cur = s.currency;
  const groups = new Map<string, LineItem[]>();
  for (const li of s._line_items.data) {
    const key = li.metadata.orderLineId ?? li.id;
    groups.set(key, [...(groups.get(key) ?? []), li]);
  }
  const monthly = s._line_items.data.filter((li) => li.price.recurring).reduce((n, li) => n + li.amount_total, 0);
  const rows = [...groups.values()]
    .map((items) => {
      const rec = items.find((li) => li.price.recurring);
      const setup = items.filter((li) => !li.price.recurring).reduce((n, li) => n + li.amount_total, 0);
      const title = rec?.description ?? items[0]!.description;
      return `<li class="line" data-testid="offline-line">
        <div class="line-title">${esc(title)}</div>
        <div class="line-amounts">
          ${setup > 0 ? `<span>${esc(formatMoney(setup, cur))} one-time setup</span>` : ''}
          ${rec ? `<span>${esc(formatMoney(rec.amount_total, cur))} / month</span>` : ''}
        </div>
      </li>`;
    })
    .join('');
  const body = `
    <section class="summary">
      <div class="merchant">NumNinja</div>
      <div class="muted">Subscribe to your phone numbers</div>
      <div class="total" data-testid="offline-total">${esc(formatMoney(s.amount_total, cur))}</div>
      <div class="muted">due today, then ${esc(formatMoney(monthly, cur))} / month</div>
      <ul class="lines">${rows}</ul>
      <div class="row strong"><span>Total due today</span><span>${esc(formatMoney(s.amount_total, cur))}</span></div>
    </section>
    <section class="pay">
      ${v.error ? `<div class="error" role="alert" data-testid="offline-error">${esc(v.error)}</div>` : ''}
      <form method="post" action="${esc(v.base)}/pay" onsubmit="for (const b of this.querySelectorAll('button')) b.disabled = true">
        <label>Email<input type="email" value="${esc(v.email ?? '')}" readonly data-testid="offline-email"></label>
        <label>Card information<input value="4242 4242 4242 4242" autocomplete="off"></label>
        <div class="pair"><input value="12 / 34" aria-label="Expiry"><input value="123" aria-label="CVC"></div>
        <label>Cardholder name<input value="Test Customer"></label>
        <button type="submit" class="primary" data-testid="offline-pay">Pay ${esc(formatMoney(s.amount_total, cur))}</button>
        <button type="submit" class="secondary" formaction="${esc(v.base)}/fail-card" data-testid="offline-fail-card">Simulate a declined card</button>
        <button type="submit" class="link" formaction="${esc(v.base)}/decline" data-testid="offline-decline">Decline (cancel checkout)</button>
      </form>
    </section>`;
  return layout(body);
}

/** Shown instead of the form once a session is paid or expired (a refresh, a second tab, Back). */
export function finishedPage(s: CheckoutSession, link: string | null): string {
  const paid = s.status === 'complete';
  const title = paid ? 'This checkout is already paid' : 'This checkout has expired';
  const text = paid ? 'Your payment went through. Nothing more to do here.' : 'It can no longer be paid. Start checkout again from your cart.';
  return layout(`<section class="done" data-testid="offline-finished" data-status="${esc(s.status)}">
    <h1>${title}</h1><p class="muted">${text}</p>
    ${link ? `<a class="primary" href="${esc(link)}">${paid ? 'Continue' : 'Back to NumNinja'}</a>` : ''}
  </section>`);
}

export function notFoundPage(): string {
  return layout('<section class="done"><h1>Checkout not found</h1><p class="muted">This link is not valid.</p></section>');
}

function layout(main: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>NumNinja checkout (test mode)</title>
<style>
*{box-sizing:border-box}body{margin:0;font:15px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,sans-serif;color:#1a1f36;background:#f6f9fc}
.banner{background:#fff4e5;color:#8a4b00;text-align:center;padding:8px;font-weight:600;border-bottom:1px solid #ffd8a8}
main{max-width:960px;margin:0 auto;padding:40px 24px;display:grid;grid-template-columns:1fr 1fr;gap:48px}
@media (max-width:760px){main{grid-template-columns:1fr}}
.merchant{font-weight:700;font-size:18px;margin-bottom:16px}.muted{color:#697386}
.total{font-size:36px;font-weight:700;margin-top:8px}
.lines{list-style:none;padding:0;margin:24px 0;border-top:1px solid #e3e8ee}
.line{padding:12px 0;border-bottom:1px solid #e3e8ee}.line-title{font-weight:600}
.line-amounts{display:flex;gap:16px;color:#697386;font-size:14px}
.row{display:flex;justify-content:space-between}.strong{font-weight:700}
.pay form{display:flex;flex-direction:column;gap:14px;background:#fff;padding:24px;border-radius:8px;box-shadow:0 2px 8px rgba(0,0,0,.08)}
label{display:flex;flex-direction:column;gap:4px;font-size:13px;color:#3c4257}
input{font:inherit;padding:10px;border:1px solid #cfd7df;border-radius:6px;width:100%}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:8px}
button,.primary{font:inherit;font-weight:600;padding:12px;border-radius:6px;border:0;cursor:pointer;text-align:center;text-decoration:none}
.primary{background:#635bff;color:#fff}.secondary{background:#e3e8ee;color:#1a1f36}.link{background:none;color:#635bff}
button:disabled{opacity:.6;cursor:progress}
.error{background:#fde8e8;color:#9b1c1c;padding:12px;border-radius:6px;margin-bottom:12px}
.done{grid-column:1/-1;text-align:center;background:#fff;padding:48px;border-radius:8px}.done .primary{display:inline-block;margin-top:16px;padding:12px 28px}
</style></head><body>
<div class="banner" data-testid="offline-test-banner">Test mode — no real payment</div>
<main>${main}</main></body></html>`;
}
