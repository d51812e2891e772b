/**
 * Orders as staff see them: what each status is called and coloured, what a refund of some lines
 * would pay back (integer minor units, like the API computes it), and the order timeline's events.
 */
import type { NumberStatus, OrderLineStatus, OrderStatus, PaymentKind, PaymentStatus } from '../gql/graphql';
import type { MoneyLike } from './money';

/** NTag types the console uses for statuses. */
export type TagType = 'default' | 'primary' | 'info' | 'success' | 'warning' | 'error';

export interface StatusView {
  label: string;
  type: TagType;
}

export const ORDER_STATUS: Record<OrderStatus, StatusView> = {
  PENDING: { label: 'Awaiting payment', type: 'warning' },
  PAID: { label: 'Paid', type: 'info' },
  FULFILLED: { label: 'Fulfilled', type: 'success' },
  PARTIALLY_FULFILLED: { label: 'Partly fulfilled', type: 'warning' },
  FAILED: { label: 'Failed', type: 'error' },
  PARTIALLY_REFUNDED: { label: 'Partly refunded', type: 'primary' },
  REFUNDED: { label: 'Refunded', type: 'primary' },
  EXPIRED: { label: 'Expired', type: 'default' },
  CANCELED: { label: 'Canceled', type: 'default' },
};

/** Every order status, in the order the status filter lists them. */
export const ORDER_STATUSES = Object.keys(ORDER_STATUS) as OrderStatus[];

export const LINE_STATUS: Record<OrderLineStatus, StatusView> = {
  PENDING: { label: 'Pending', type: 'info' },
  FULFILLED: { label: 'Fulfilled', type: 'success' },
  FAILED: { label: 'Failed', type: 'error' },
  REFUNDED: { label: 'Refunded', type: 'primary' },
};

export const NUMBER_STATUS: Record<NumberStatus, StatusView> = {
  PENDING: { label: 'Pending', type: 'info' },
  PROVISIONING: { label: 'Provisioning', type: 'info' },
  ACTIVE: { label: 'Active', type: 'success' },
  PAST_DUE: { label: 'Past due', type: 'warning' },
  SUSPENDED: { label: 'Suspended', type: 'warning' },
  RELEASING: { label: 'Releasing', type: 'default' },
  RELEASED: { label: 'Released', type: 'default' },
  FAILED: { label: 'Failed', type: 'error' },
};

export const PAYMENT_STATUS: Record<PaymentStatus, StatusView> = {
  SUCCEEDED: { label: 'Succeeded', type: 'success' },
  FAILED: { label: 'Failed', type: 'error' },
  PARTIALLY_REFUNDED: { label: 'Partly refunded', type: 'primary' },
  REFUNDED: { label: 'Refunded', type: 'primary' },
};

export const PAYMENT_KIND_LABELS: Record<PaymentKind, string> = {
  INITIAL: 'Checkout',
  RENEWAL: 'Renewal',
};

/** A status the API added after this console was built still shows, by its name. */
export const statusView = <S extends string>(views: Record<S, StatusView>, status: S): StatusView =>
  views[status] ?? { label: status, type: 'default' };

/** Numbers in these states change on their own (the worker is at them); the order page polls while one is. */
const MOVING_NUMBER: ReadonlySet<NumberStatus> = new Set<NumberStatus>(['PENDING', 'PROVISIONING', 'RELEASING']);

/** Whether the order is still changing by itself: paid and being set up, or a number on its way in or out. */
export function orderInMotion(order: { status: OrderStatus; lines: readonly { numberStatus: NumberStatus | null }[] }): boolean {
  return order.status === 'PAID' || order.lines.some((line) => line.numberStatus !== null && MOVING_NUMBER.has(line.numberStatus));
}

// --- Refunds -------------------------------------------------------------------------------------

export interface RefundableLine {
  id: string;
  setupPrice: MoneyLike;
  monthlyPrice: MoneyLike;
  refunded: MoneyLike;
}

/** What refunding a line pays back: setup plus the first month, less what was refunded already (as the API does). */
export function refundableAmount(line: RefundableLine): number {
  return Math.max(0, line.setupPrice.amount + line.monthlyPrice.amount - line.refunded.amount);
}

export const isRefundable = (line: RefundableLine): boolean => refundableAmount(line) > 0;

export interface RefundPlan<L extends RefundableLine = RefundableLine> {
  /** The chosen lines that still have money to refund: what the API will refund. */
  lines: L[];
  /** Their refundable amounts added up, in minor units. */
  amount: number;
  /** Null when nothing is refundable. */
  currency: string | null;
}

/**
 * What a refund of `lineIds` (null: the whole order) would pay back. Lines with nothing left are
 * left out, as the API leaves them out. Integers only: 0.1 + 0.2 never gets near a refund.
 */
export function planRefund<L extends RefundableLine>(lines: readonly L[], lineIds: readonly string[] | null): RefundPlan<L> {
  const chosen = lines.filter((line) => (lineIds === null || lineIds.includes(line.id)) && isRefundable(line));
  const currencies = new Set(chosen.map((line) => line.setupPrice.currency));
  if (currencies.size > 1) throw new Error(`An order's lines are in one currency, not ${[...currencies].join(', ')}`);
  return {
    lines: chosen,
    amount: chosen.reduce((sum, line) => sum + refundableAmount(line), 0),
    currency: chosen[0]?.setupPrice.currency ?? null,
  };
}

/**
 * Why the order cannot be refunded at all, or null when it can: the API refunds only an order
 * with a captured first payment, and only lines with money left on them.
 */
export function refundBlocker(order: { payments: readonly { kind: PaymentKind; status: PaymentStatus }[]; lines: readonly RefundableLine[] }): string | null {
  if (!order.payments.some((payment) => payment.kind === 'INITIAL' && payment.status !== 'FAILED')) return 'Nothing was paid for this order.';
  if (!order.lines.some(isRefundable)) return 'Every line has been refunded in full.';
  return null;
}

/** "Refunded 1 line", "Refunded 3 lines". */
export const refundedText = (count: number): string => `Refunded ${count} line${count === 1 ? '' : 's'}`;

// --- Timeline ------------------------------------------------------------------------------------

/** NTimeline item types. */
export type TimelineType = 'default' | 'info' | 'success' | 'warning' | 'error';

export interface TimelineView {
  label: string;
  type: TimelineType;
  /** An SVG path (24×24, stroked), like the sidebar's icons. */
  icon: string;
}

export const TIMELINE_ICONS = {
  cart: 'M6 6h15l-1.5 9h-12L6 6zm0 0L5 3H2m7 17.5h.01M18 20.5h.01',
  check: 'M22 11.1V12a10 10 0 1 1-5.9-9.1M22 4 12 14l-3-3',
  undo: 'M9 14 4 9l5-5M4 9h10.5a5.5 5.5 0 0 1 0 11H11',
  clock: 'M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20zm0-16v6l4 2',
  cross: 'M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20zm3-13-6 6m0-6 6 6',
  alert: 'M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0zM12 9v4m0 4h.01',
  renew: 'M21 12a9 9 0 1 1-3-6.7L21 8m0-5v5h-5',
  power: 'M18.4 6.6a9 9 0 1 1-12.8 0M12 2v10',
  dot: 'M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20zm0-6v-4m0-4h.01',
} as const;

/** The events the API records on an order (`OrderEvent.type`). */
const TIMELINE: Record<string, TimelineView> = {
  created: { label: 'Checkout started', type: 'info', icon: TIMELINE_ICONS.cart },
  paid: { label: 'Paid', type: 'success', icon: TIMELINE_ICONS.check },
  refunded: { label: 'Refunded', type: 'warning', icon: TIMELINE_ICONS.undo },
  renewed: { label: 'Renewal paid', type: 'success', icon: TIMELINE_ICONS.renew },
  payment_failed: { label: 'Payment failed', type: 'error', icon: TIMELINE_ICONS.alert },
  checkout_failed: { label: 'Checkout failed', type: 'error', icon: TIMELINE_ICONS.alert },
  subscription_ended: { label: 'Subscription ended', type: 'warning', icon: TIMELINE_ICONS.power },
  expired: { label: 'Expired', type: 'default', icon: TIMELINE_ICONS.clock },
  canceled: { label: 'Canceled', type: 'default', icon: TIMELINE_ICONS.cross },
};

/** "number_released" → "Number released". */
export function humanizeName(name: string): string {
  const words = name
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/[_.\-\s]+/g, ' ')
    .trim()
    .toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : name;
}

/** An event's message, unless it only repeats its label ("Checkout started." under "Checkout started"). */
export function timelineMessage(message: string, view: TimelineView): string | null {
  const words = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  return words(message) === words(view.label) ? null : message;
}

/** How a timeline event shows: its label, colour and icon; an event type this console does not know is guessed from its name. */
export function timelineView(type: string): TimelineView {
  const known = TIMELINE[type];
  if (known) return known;
  const name = type.toLowerCase();
  const label = humanizeName(type);
  if (/fail|error|declin/.test(name)) return { label, type: 'error', icon: TIMELINE_ICONS.alert };
  if (/refund/.test(name)) return { label, type: 'warning', icon: TIMELINE_ICONS.undo };
  if (/suspend|past_due|ended/.test(name)) return { label, type: 'warning', icon: TIMELINE_ICONS.alert };
  if (/paid|fulfil|activ|provisioned|renew/.test(name)) return { label, type: 'success', icon: TIMELINE_ICONS.check };
  if (/expire|cancel/.test(name)) return { label, type: 'default', icon: TIMELINE_ICONS.cross };
  return { label, type: 'info', icon: TIMELINE_ICONS.dot };
}
