/** Valid data for every template, for tests (here and in modules/email) to start from. */
import { money } from '../../lib/money';
import type { TemplateData } from './render';

export const usd = (cents: number) => money(cents, 'USD');

export const SAMPLE: TemplateData = {
  orderConfirmation: {
    name: 'Ada Lovelace',
    orderReference: 'NN-7Q2K9',
    lines: [
      { e164: '+442079460018', national: '020 7946 0018', setup: usd(100), monthly: usd(500) },
      { e164: '+14155550123', national: '(415) 555-0123', setup: usd(0), monthly: usd(123_450) },
    ],
    dueToday: usd(124_050),
    orderUrl: 'https://numninja.test/orders/abc',
  },
  paymentFailed: {
    name: 'Ada Lovelace',
    numbers: [{ e164: '+442079460018', national: '020 7946 0018' }],
    graceUntil: new Date('2027-03-12T14:00:00Z'),
    billingUrl: 'https://numninja.test/account/billing',
  },
  refundIssued: {
    name: 'Ada Lovelace',
    orderReference: 'NN-7Q2K9',
    amount: usd(600),
    lines: [{ e164: '+442079460018', national: '020 7946 0018', amount: usd(600) }],
    orderUrl: 'https://numninja.test/orders/abc',
  },
  provisioningFailed: {
    e164: '+442079460018',
    orderReference: 'NN-7Q2K9',
    customerEmail: 'ada@example.com',
    reason: 'DIDWW out of stock: 422 not enough DIDs',
    adminUrl: 'https://admin.numninja.test/orders/abc',
  },
  numberActive: { name: 'Ada Lovelace', e164: '+442079460018', national: '020 7946 0018', numberUrl: 'https://numninja.test/numbers/n1' },
  smsReceived: { to: '+442079460018', from: '+14155550123', text: 'Your code is 123456', receivedAt: '2027-03-12T14:00:00.000Z' },
  voicemailReceived: { to: '+442079460018', caller: '+14155550123', durationSeconds: 12, receivedAt: '2027-03-12T14:00:00.000Z', listenUrl: 'https://numninja.test/my-numbers/n1?tab=voicemail' },
};

