import type { Order } from '../../src/models/order.js';

/** The stages a board order goes through in the growth and endurance runs. */
export type BoardStage = 'PREPARING' | 'READY' | 'CLOSED';

/**
 * Order `n` of venue v1 at `stage`, created a minute ago and changed at `lastChanged` (epoch ms; each message must be
 * newer than the one before). Its number has three digits always, so the tiles' size (and how many fit on a page) is
 * the same in every round.
 */
export function boardOrder(n: number, stage: BoardStage, lastChanged: number): Order {
  return {
    id: `o${n}`,
    tenant: 'demo',
    orderType: 'TAKE_AWAY',
    status: stage === 'READY' ? 'DELIVER' : stage === 'PREPARING' ? 'VERIFIED' : stage,
    completed: true,
    closed: stage === 'CLOSED' || undefined,
    created: new Date(Date.now() - 60_000).toISOString(),
    lastChanged: new Date(lastChanged).toISOString(),
    buckets: [
      {
        venue: 'v1',
        queuePos: String(100 + (n % 900)),
        lines: [{ id: 'l1', status: stage === 'READY' ? 'PROCESSED' : 'PROCESSING', quantity: 1 }]
      }
    ]
  };
}
