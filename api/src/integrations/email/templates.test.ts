import { describe, expect, it } from 'vitest';
import { EmailDataError, renderEmail, TEMPLATE_NAMES, type TemplateData, type TemplateName } from './render';
import { SAMPLE, usd } from './test-samples';

const EVIL = `<script>alert("pwned")</script> & 'friends'`;

const render = <T extends TemplateName>(t: T, patch: Partial<TemplateData[T]> = {}) => renderEmail(t, { ...SAMPLE[t], ...patch });

describe('email templates', () => {
  it.each(TEMPLATE_NAMES)('%s renders a subject, a text part and a complete, mobile-friendly HTML part', (name) => {
    const email = render(name);
    expect(email.subject.length).toBeGreaterThan(5);
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.text).toMatch(/NumNinja/);
    expect(email.html).toMatch(/^<!doctype html>/);
    expect(email.html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(email.html).toContain('max-width:560px');
    expect(email.html).toContain('>Num</span>Ninja');
    // Every style is inline: no <style> block for clients to strip.
    expect(email.html).not.toMatch(/<style|<script|class=/);
  });

  it('order confirmation lists every number with its prices and the total paid, in both parts', () => {
    const { subject, text, html } = render('orderConfirmation');
    expect(subject).toBe('Order NN-7Q2K9 confirmed');
    for (const part of [text, html]) {
      for (const s of ['Hi Ada Lovelace,', '020 7946 0018', '+442079460018', '(415) 555-0123', '$1.00', '$5.00', '$1,234.50', '$1,240.50', 'https://numninja.test/orders/abc']) {
        expect(part).toContain(s);
      }
    }
    expect(text).toContain('Paid today: $1,240.50');
    expect(html).toContain('href="https://numninja.test/orders/abc"');
  });

  it('escapes a customer name (or any other value) in the HTML and keeps it verbatim in the text', () => {
    for (const name of ['orderConfirmation', 'paymentFailed', 'refundIssued', 'numberActive'] as const) {
      const { html, text } = render(name, { name: EVIL });
      expect(html).not.toContain('<script>');
      expect(html).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; &amp; &#39;friends&#39;');
      expect(text).toContain(EVIL);
    }
    const staff = render('provisioningFailed', { reason: `</td></tr></table>${EVIL}` });
    expect(staff.html).not.toContain('</td></tr></table><script>');
    expect(staff.html).toContain('&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;script&gt;');
  });

  it('keeps links inside their attribute and refuses non-http links at queue time', () => {
    const { html } = render('numberActive', { numberUrl: 'https://numninja.test/n?x="><script>' });
    expect(html).not.toContain('"><script>');
    expect(html).toContain('href="https://numninja.test/n?x=%22%3E%3Cscript%3E"');
    expect(() => render('numberActive', { numberUrl: 'javascript:alert(1)' })).toThrow(EmailDataError);
  });

  it('payment failed names the deadline in UTC and accepts it as an ISO string too', () => {
    const { text, subject } = render('paymentFailed', { graceUntil: '2027-03-12T14:00:00.000Z' });
    expect(subject).toBe('Action needed: your NumNinja payment failed');
    expect(text).toContain('March 12, 2027 at 14:00 UTC');
    expect(text).toContain('https://numninja.test/account/billing');
  });

  it('refund and staff alert carry their facts', () => {
    const refund = render('refundIssued');
    expect(refund.subject).toBe('Refund of $6.00 for order NN-7Q2K9');
    expect(refund.text).toContain('Total refunded: $6.00');
    expect(render('refundIssued', { lines: [] }).html).not.toContain('Total refunded');
    const staff = render('provisioningFailed');
    expect(staff.subject).toBe('Provisioning failed: +442079460018 (order NN-7Q2K9)');
    expect(staff.text).toMatch(/Customer:\s+ada@example\.com/);
    expect(staff.text).toMatch(/Reason:\s+DIDWW out of stock/);
  });

  it('keeps user data from adding header lines to the subject', () => {
    expect(render('orderConfirmation', { orderReference: 'NN-1\r\nBcc: x@evil.test' }).subject).toBe('Order NN-1 Bcc: x@evil.test confirmed');
  });

  it('rejects bad data with the paths at fault, and unknown templates', () => {
    const bad = { ...SAMPLE.orderConfirmation, lines: [{ e164: '0207', national: 'x', setup: usd(1), monthly: { amount: 1.5, currency: 'usd' } }] };
    let error: unknown;
    try {
      renderEmail('orderConfirmation', bad as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EmailDataError);
    expect((error as EmailDataError).issues.map((i) => i.path)).toEqual(['lines.0.e164', 'lines.0.monthly.amount', 'lines.0.monthly.currency']);
    expect(() => renderEmail('welcome' as never, {} as never)).toThrow(/unknown template/);
  });
});
