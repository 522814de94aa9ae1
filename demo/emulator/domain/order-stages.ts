import type { Order, OrderLineStatus, OrderStatus } from './order-model.js';

/** Stages accepted by `POST /__emulator/orders/{id}/status` and {@link applyStage}. */
export const ORDER_STAGES = [
  'NEW',
  'COMPLETED',
  'VERIFIED',
  'PREPARING',
  'READY',
  'DELIVER',
  'PICKED',
  'PICKED_UP',
  'DELIVERED',
  'CLOSED',
  'CANCELLED',
  'ABANDONED'
] as const;

/** One of {@link ORDER_STAGES}. */
export type OrderStage = (typeof ORDER_STAGES)[number];

/** True for a known stage name (case-sensitive). */
export function isOrderStage(value: unknown): value is OrderStage {
  return (ORDER_STAGES as readonly unknown[]).includes(value);
}

type Stamp = 'completedTime' | 'verifiedTime' | 'processingStartedTime' | 'deliveredTime';
const STAMPS: readonly Stamp[] = ['completedTime', 'verifiedTime', 'processingStartedTime', 'deliveredTime'];

interface StageEffect {
  status: OrderStatus;
  /** Line status to set; unset keeps the lines as they are. */
  lines?: OrderLineStatus;
  /** `completed`/`verified` flags to set; unset keeps them. */
  completed?: boolean;
  verified?: boolean;
  closed: boolean;
  /** Steps reached: stamped when first reached; an open order loses the stamps of steps it is not at yet. */
  stamps: Stamp[];
}

const READY: StageEffect = {
  status: 'DELIVER',
  lines: 'PROCESSED',
  completed: true,
  verified: true,
  closed: false,
  stamps: ['completedTime', 'verifiedTime', 'processingStartedTime']
};
const handedOver = (status: OrderStatus): StageEffect => ({
  ...READY,
  status,
  stamps: [...READY.stamps, 'deliveredTime']
});

const EFFECTS: Record<OrderStage, StageEffect> = {
  NEW: { status: 'NEW', lines: 'NEW', completed: false, verified: false, closed: false, stamps: [] },
  COMPLETED: {
    status: 'COMPLETED',
    lines: 'CONFIRMED',
    completed: true,
    verified: false,
    closed: false,
    stamps: ['completedTime']
  },
  VERIFIED: {
    status: 'VERIFIED',
    lines: 'CONFIRMED',
    completed: true,
    verified: true,
    closed: false,
    stamps: ['completedTime', 'verifiedTime']
  },
  PREPARING: {
    status: 'VERIFIED',
    lines: 'PROCESSING',
    completed: true,
    verified: true,
    closed: false,
    stamps: ['completedTime', 'verifiedTime', 'processingStartedTime']
  },
  READY,
  DELIVER: READY,
  PICKED: handedOver('PICKED'),
  PICKED_UP: handedOver('PICKED_UP'),
  DELIVERED: handedOver('DELIVERED'),
  CLOSED: { status: 'CLOSED', closed: true, stamps: [] },
  CANCELLED: { status: 'CANCELLED', closed: true, stamps: [] },
  ABANDONED: { status: 'ABANDONED', closed: true, stamps: [] }
};

/**
 * Moves an order to a stage, in place: status, flags, line statuses and the timestamps of the steps reached.
 * `READY`/`DELIVER` give status `DELIVER`; `PREPARING` gives status `VERIFIED` with lines `PROCESSING`;
 * `CLOSED`/`CANCELLED`/`ABANDONED` set `closed` and `closedDate` and keep the other flags, lines and stamps.
 * @param now the change's timestamp, also written to `lastChanged`
 */
export function applyStage(order: Order, stage: OrderStage, now: string): void {
  const effect = EFFECTS[stage];
  order.status = effect.status;
  if (effect.completed !== undefined) order.completed = effect.completed;
  if (effect.verified !== undefined) order.verified = effect.verified;
  order.closed = effect.closed;
  if (effect.closed) order.closedDate = now;
  else delete order.closedDate;
  for (const stamp of STAMPS) {
    if (effect.stamps.includes(stamp)) order[stamp] ??= now;
    else if (!effect.closed) delete order[stamp];
  }
  if (effect.lines) {
    for (const line of order.buckets.flatMap(bucket => bucket.lines)) {
      if (line.status === effect.lines) continue;
      line.status = effect.lines;
      line.updated = now;
    }
  }
  order.lastChanged = now;
}
