/**
 * The order shape the emulator publishes: a subset of Ordering Stack's `IOrder` (see `ordering-stack.md` §4.1).
 */

/** `EOrderStatus`, plus the older `PICKED_UP`. */
export type OrderStatus =
  | 'NEW'
  | 'COMPLETED'
  | 'VERIFIED'
  | 'DELIVER'
  | 'DELIVERED'
  | 'PICKED'
  | 'PICKED_UP'
  | 'CLOSED'
  | 'ABANDONED'
  | 'CANCELLED';

/** `EOrderLineStatus` values the emulator uses. */
export type OrderLineStatus = 'NEW' | 'CONFIRMED' | 'PROCESSING' | 'PROCESSED' | 'VOID';

/** `IOrderProduct`. */
export interface OrderProduct {
  id: string;
  kind: 'product';
  literals: { name: string };
  quantity: string;
  price: string;
}

/** `IOrderLine`. */
export interface OrderLine {
  id: string;
  quantity: number;
  price: string;
  total: string;
  productId: string;
  product: OrderProduct;
  status: OrderLineStatus;
  created: string;
  updated: string;
  source: string;
  hash: string;
}

/** `IOrderInBucket`. */
export interface OrderBucket {
  venue: string;
  name: string;
  menu: string;
  lines: OrderLine[];
  queuePos?: string;
}

/** `IUser`. */
export interface OrderUser {
  userId: string;
  roles: string[];
  name?: string;
}

/** `IOrder`. */
export interface Order {
  tenant: string;
  id: string;
  source: string;
  orderType: string;
  created: string;
  lastChanged: string;
  status: OrderStatus;
  total: string;
  editTotal: string;
  users: OrderUser[];
  buckets: OrderBucket[];
  claimCode: string;
  completed: boolean;
  verified: boolean;
  closed: boolean;
  completedTime?: string;
  verifiedTime?: string;
  processingStartedTime?: string;
  deliveredTime?: string;
  closedDate?: string;
  extra?: Record<string, string>;
}
