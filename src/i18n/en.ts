import type { OrderStage } from '../models/order.js';
import { plural } from './plural.js';
import type { Translation } from './translation.js';

const STAGES: Record<OrderStage, string> = {
  received: 'Received',
  paid: 'Paid',
  preparing: 'Preparing',
  ready: 'Ready for pickup',
  'picked-up': 'Picked up',
  delivered: 'Delivered',
  cancelled: 'Cancelled',
  abandoned: 'Not completed'
};

const HEADLINES: Record<OrderStage, string> = {
  received: 'We have your order',
  paid: 'Payment received. Your order is in the queue',
  preparing: 'Your order is being prepared',
  ready: 'Your order is ready! Please collect it',
  'picked-up': 'Picked up. Enjoy your meal!',
  delivered: 'Delivered. Enjoy your meal!',
  cancelled: 'This order was cancelled',
  abandoned: 'This order was not completed'
};

const withAge = (lead: string, age?: string) => (age ? `${lead} Showing data from ${age}.` : lead);

/** The English catalogue: every string of every element. It is also the per-key fallback of every other language. */
const en: Translation = {
  $code: 'en',
  $name: 'English',

  loading: 'Loading your order…',
  yourNumber: 'Your number',
  progress: 'Order progress',
  stage: stage => STAGES[stage],
  headline: stage => HEADLINES[stage],
  announceStage: (number, stage) => `Order ${number}: ${stage}`,
  stepDone: 'done',
  updatedRelative: relative => `Updated ${relative}`,
  justNow: 'just now',
  itemCount: count => `${count} ${plural('en', count, { one: 'item', other: 'items' })}`,
  reconnecting: age => withAge('Reconnecting…', age),
  offline: age => withAge('You are offline.', age),
  unauthorized: age => withAge('Live updates are paused: we could not sign in.', age),
  subscriptionRefused: 'Live updates are unavailable: the server refused this feed.',
  notFound: 'We can’t find this order',
  notFoundHint: 'Check the link, or ask the staff for help.',
  missingAttribute: names =>
    `<os-order-status> needs the ${names.map(n => `“${n}”`).join(' and ')} attribute${names.length > 1 ? 's' : ''}.`,
  dismiss: 'Dismiss',
  errorGeneric: 'Something went wrong with this order.',

  queueLoading: 'Loading orders…',
  queuePreparing: 'Preparing',
  queueReady: 'Ready',
  queueEmpty: column => (column === 'ready' ? 'No orders ready yet' : 'No orders in preparation'),
  queueColumnLabel: (title, venue) => `${title}, ${venue}`,
  queuePage: (page, pages) => `Page ${page} of ${pages}`,
  queueEnableSound: 'Enable sound',
  queueAnnounceReady: numbers =>
    numbers.length === 1 ? `Order ${numbers[0]} is ready` : `Orders ${numbers.join(', ')} are ready`,
  queueSpokenReady: number => `Order ${number} is ready`,
  queueFullscreen: 'Full screen',
  queueNew: 'just ready',
  queueActivateTitle: 'Activate this screen',
  queueActivateSteps: address => `On a phone or computer, open ${address} and enter this code:`,
  queueMissingAttribute: names =>
    `<os-venue-queue> needs the ${names.map(n => `“${n}”`).join(' and ')} attribute${names.length > 1 ? 's' : ''}.`,

  widgetMissingAttribute: (tag, names) =>
    `${tag} needs the ${names.map(n => `“${n}”`).join(' and ')} attribute${names.length > 1 ? 's' : ''}.`,

  toastRegion: 'Notifications',
  toastClose: 'Close notification',
  toastBasketUpdated: 'Your basket was updated',
  toastReceiptReady: 'Your receipt is ready',
  toastUpsellTitle: 'Something to go with it?',
  toastUpsellOffer: name => (name ? `Would you like to add ${name}?` : 'Would you like to add this to your order?'),
  toastUpsellAccept: 'Add',
  toastUpsellDismiss: 'No thanks',

  venueWatchOpen: 'Open',
  venueWatchTempClosed: reason => (reason ? `Temporarily closed: ${reason}` : 'Temporarily closed'),
  venueWatchClosed: 'Closed',

  connectionLive: 'Live',
  connectionConnecting: 'Connecting…',
  connectionReconnecting: seconds => (seconds === undefined ? 'Reconnecting…' : `Reconnecting in ${seconds} s`),
  connectionOffline: time => (time ? `Offline since ${time}` : 'Offline'),
  connectionUnauthorized: 'Signed out',
  connectionIdle: 'Not connected',
  connectionRetry: 'Retry now',

  'error.cannotAbandon': 'This order can no longer be cancelled.',
  'error.productNotAvailable': 'One of the products is no longer available.',
  'error.venueClosed': 'The venue is closed right now.',
  'error.paymentFailed': 'The payment did not go through. Please try again.',
  'error.orderLocked': 'This order is being processed and can’t be changed now.',
  'error.orderClosed': 'This order is already closed.'
};

export default en;
