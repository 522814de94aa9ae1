import type { CreateOrderInput, OrderStore } from './orders.js';

/**
 * The demo's starting orders at venue `v1`: the guest's order `1001` (PREPARING, for "Anna") and a few other
 * customers' orders, some PREPARING and some READY, so a pickup board has something to show.
 */
export const DEMO_ORDERS: readonly CreateOrderInput[] = [
  {
    id: '1001',
    userId: 'guest-1',
    status: 'PREPARING',
    customerName: 'Anna',
    items: [
      { name: 'Pierogi ruskie', quantity: 2, price: '24.00' },
      { name: 'Kompot', quantity: 1, price: '8.00' }
    ]
  },
  { userId: 'customer-2', status: 'READY', customerName: 'Marek', items: [{ name: 'Żurek', price: '19.00' }] },
  {
    userId: 'customer-3',
    status: 'PREPARING',
    customerName: 'Zofia',
    items: [{ name: 'Placki ziemniaczane', quantity: 2, price: '21.50' }]
  },
  { userId: 'customer-4', status: 'READY', customerName: 'Łukasz', items: [{ name: 'Bigos', price: '27.00' }] },
  {
    userId: 'customer-5',
    status: 'PREPARING',
    items: [
      { name: 'Gołąbki', price: '26.00' },
      { name: 'Sernik', price: '14.00' }
    ]
  }
];

/** Adds {@link DEMO_ORDERS} to an empty store. */
export function seedDemo(orders: OrderStore): void {
  for (const order of DEMO_ORDERS) orders.create({ venue: 'v1', ...order });
}
