import { describe, expect, it } from 'vitest';
import { canResend, EMAIL_PREVIEW_CSP, EMAIL_STATUSES, emailPreviewDocument, templateLabel } from './emails';

describe('canResend', () => {
  it('allows stored and failed emails only', () => {
    expect(EMAIL_STATUSES.filter(canResend)).toEqual(['FAILED', 'STORED']);
  });
});

describe('templateLabel', () => {
  it('names the templates the API sends', () => {
    expect(templateLabel('orderConfirmation')).toBe('Order confirmation');
    expect(templateLabel('refundIssued')).toBe('Refund issued');
  });

  it('spells out a template it does not know', () => {
    expect(templateLabel('numberPortedIn')).toBe('Number ported in');
  });
});

describe('emailPreviewDocument', () => {
  it('puts the policy first in the email’s own head', () => {
    const doc = emailPreviewDocument('<!doctype html>\n<html lang="en">\n<head><title>Hi</title></head><body>x</body></html>');
    expect(doc.startsWith('<!doctype html>\n<html lang="en">\n<head><meta http-equiv="Content-Security-Policy"')).toBe(true);
    expect(doc).toContain(EMAIL_PREVIEW_CSP);
    expect(doc).toContain('<title>Hi</title>');
  });

  it('adds a head to a document without one, and a document to a fragment', () => {
    expect(emailPreviewDocument('<html><body>x</body></html>')).toMatch(/^<html><head><meta [^>]+><base target="_blank"><\/head><body>x/);
    expect(emailPreviewDocument('<p>x</p>')).toMatch(/^<!doctype html><html><head>.*<\/head><body><p>x<\/p><\/body><\/html>$/);
  });

  it('is not fooled by a <header> element', () => {
    const doc = emailPreviewDocument('<html><body><header>x</header></body></html>');
    expect(doc.indexOf('Content-Security-Policy')).toBeLessThan(doc.indexOf('<header>'));
    expect(doc).toContain('<html><head><meta');
  });

  it('loads no scripts, frames or remote styles', () => {
    expect(EMAIL_PREVIEW_CSP).toMatch(/default-src 'none'/);
    expect(EMAIL_PREVIEW_CSP).not.toMatch(/script-src|unsafe-eval/);
  });
});
