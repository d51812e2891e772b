import type { NumberStatus, OrderLineStatus, OrderStatus, PaymentKind, PaymentStatus } from '../gql/graphql';

/** NTag types used for statuses. */
export type TagType = 'default' | 'info' | 'success' | 'warning' | 'error';

export interface StatusView {
  label: string;
  type: TagType;
  /** Still changing on its own: shown with a spinner. */
  busy?: boolean;
}

const ORDER_STATUS: Record<OrderStatus, StatusView> = {
  PENDING: { label: 'Awaiting payment', type: 'warning' },
  PAID: { label: 'Paid — setting up', type: 'info', busy: true },
  FULFILLED: { label: 'Complete', type: 'success' },
  PARTIALLY_FULFILLED: { label: 'Partly complete', type: 'warning' },
  FAILED: { label: 'Failed — refunded', type: 'error' },
  REFUNDED: { label: 'Refunded', type: 'default' },
  PARTIALLY_REFUNDED: { label: 'Partly refunded', type: 'default' },
  EXPIRED: { label: 'Expired', type: 'default' },
  CANCELED: { label: 'Cancelled', type: 'default' },
};

/** An order's status tag: "Awaiting payment" (amber), "Complete" (green), … */
export function orderStatusView(status: OrderStatus): StatusView {
  return ORDER_STATUS[status] ?? { label: status, type: 'default' };
}

const NUMBER_STATUS: Record<NumberStatus, StatusView> = {
  PENDING: { label: 'Setting up…', type: 'info', busy: true },
  PROVISIONING: { label: 'Setting up…', type: 'info', busy: true },
  ACTIVE: { label: 'Live', type: 'success' },
  FAILED: { label: 'Failed — refunded', type: 'error' },
  PAST_DUE: { label: 'Payment overdue', type: 'warning' },
  SUSPENDED: { label: 'Suspended', type: 'warning' },
  RELEASING: { label: 'Being released', type: 'default' },
  RELEASED: { label: 'Released', type: 'default' },
};

/** A purchased number's status tag: "Setting up…" (blue, spinning), "Live" (green), … */
export function numberStatusView(status: NumberStatus): StatusView {
  return NUMBER_STATUS[status] ?? { label: status, type: 'default' };
}

export interface LineLike {
  status: OrderLineStatus;
  numberStatus: NumberStatus | null;
}

/**
 * Where one number of an order stands. Before payment there is no purchased number yet
 * (`numberStatus` null): the line's own status and the order's say what is going on.
 */
export function lineStatusView(line: LineLike, orderStatus: OrderStatus): StatusView {
  if (line.numberStatus) return NUMBER_STATUS[line.numberStatus] ?? { label: line.numberStatus, type: 'default' };
  if (line.status === 'FAILED') return NUMBER_STATUS.FAILED;
  if (line.status === 'REFUNDED') return { label: 'Refunded', type: 'default' };
  if (orderStatus === 'PENDING') return { label: 'Awaiting payment', type: 'warning' };
  if (orderStatus === 'EXPIRED' || orderStatus === 'CANCELED') return { label: 'Not bought', type: 'default' };
  if (orderStatus === 'FAILED' || orderStatus === 'REFUNDED') return NUMBER_STATUS.FAILED;
  return NUMBER_STATUS.PENDING;
}

/** Whether a number of an order is still on its way to live or failed. */
export function lineInProgress(line: LineLike, orderStatus: OrderStatus): boolean {
  return lineStatusView(line, orderStatus).busy === true;
}

/**
 * Whether an order is still changing by itself, so a page should keep asking for it: numbers are
 * being set up, or (`awaitingPayment`, on the success page) the payment is being confirmed.
 */
export function orderInProgress(
  order: { status: OrderStatus; lines: readonly LineLike[] },
  { awaitingPayment = false }: { awaitingPayment?: boolean } = {},
): boolean {
  if (order.status === 'PENDING') return awaitingPayment;
  return order.lines.some((line) => lineInProgress(line, order.status));
}

const PAYMENT_STATUS: Record<PaymentStatus, StatusView> = {
  SUCCEEDED: { label: 'Paid', type: 'success' },
  FAILED: { label: 'Failed', type: 'error' },
  REFUNDED: { label: 'Refunded', type: 'default' },
  PARTIALLY_REFUNDED: { label: 'Partly refunded', type: 'default' },
};

export function paymentStatusView(status: PaymentStatus): StatusView {
  return PAYMENT_STATUS[status] ?? { label: status, type: 'default' };
}

const PAYMENT_KIND: Record<PaymentKind, string> = { INITIAL: 'First payment', RENEWAL: 'Renewal' };

export const paymentKindLabel = (kind: PaymentKind): string => PAYMENT_KIND[kind] ?? kind;

/** "2 numbers", "1 number". */
export function numberCountText(count: number): string {
  return `${count} ${count === 1 ? 'number' : 'numbers'}`;
}

/** NTimeline item types. */
export type TimelineType = 'default' | 'info' | 'success' | 'warning' | 'error';

/** The dot colour of a timeline event, from its machine name ("paid", "payment_failed", …). */
export function timelineType(type: string): TimelineType {
  const name = type.toLowerCase();
  if (/fail|error|declin/.test(name)) return 'error';
  if (/refund|suspend|past_due|ended/.test(name)) return 'warning';
  if (/^(paid|fulfilled|renewed|active|live)$|_active$|_live$|activated|provisioned/.test(name)) return 'success';
  if (/expired|cancel/.test(name)) return 'default';
  return 'info';
}
