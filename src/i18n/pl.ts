import type { OrderStage } from '../models/order.js';
import { plural } from './plural.js';
import type { Translation } from './translation.js';

const STAGES: Record<OrderStage, string> = {
  received: 'Przyjęte',
  paid: 'Opłacone',
  preparing: 'W przygotowaniu',
  ready: 'Gotowe do odbioru',
  'picked-up': 'Odebrane',
  delivered: 'Dostarczone',
  cancelled: 'Anulowane',
  abandoned: 'Niezrealizowane'
};

const HEADLINES: Record<OrderStage, string> = {
  received: 'Mamy Twoje zamówienie',
  paid: 'Płatność przyjęta. Zamówienie czeka w kolejce',
  preparing: 'Przygotowujemy Twoje zamówienie',
  ready: 'Zamówienie gotowe! Zapraszamy po odbiór',
  'picked-up': 'Odebrane. Smacznego!',
  delivered: 'Dostarczone. Smacznego!',
  cancelled: 'To zamówienie zostało anulowane',
  abandoned: 'To zamówienie nie zostało zrealizowane'
};

const withAge = (lead: string, age?: string) => (age ? `${lead} Dane zaktualizowano ${age}.` : lead);

/** The Polish catalogue. Keys it lacks fall back to English. */
const pl: Translation = {
  $code: 'pl',
  $name: 'Polski',

  loading: 'Wczytujemy Twoje zamówienie…',
  yourNumber: 'Twój numer',
  progress: 'Postęp zamówienia',
  stage: stage => STAGES[stage],
  headline: stage => HEADLINES[stage],
  announceStage: (number, stage) => `Zamówienie ${number}: ${stage}`,
  stepDone: 'zakończone',
  updatedRelative: relative => `Zaktualizowano ${relative}`,
  justNow: 'przed chwilą',
  itemCount: count =>
    `${count} ${plural('pl', count, { one: 'pozycja', few: 'pozycje', many: 'pozycji', other: 'pozycji' })}`,
  reconnecting: age => withAge('Ponowne łączenie…', age),
  offline: age => withAge('Brak połączenia z internetem.', age),
  unauthorized: age => withAge('Aktualizacje wstrzymane: nie udało się zalogować.', age),
  subscriptionRefused: 'Aktualizacje na żywo są niedostępne: serwer odrzucił ten kanał.',
  notFound: 'Nie znaleźliśmy tego zamówienia',
  notFoundHint: 'Sprawdź link albo poproś obsługę o pomoc.',
  missingAttribute: names =>
    `<os-order-status> wymaga ${names.length > 1 ? 'atrybutów' : 'atrybutu'} ${names.map(n => `„${n}”`).join(' i ')}.`,
  dismiss: 'Zamknij',
  errorGeneric: 'Coś poszło nie tak z tym zamówieniem.',

  queueLoading: 'Wczytujemy zamówienia…',
  queuePreparing: 'W przygotowaniu',
  queueReady: 'Gotowe',
  queueEmpty: column => (column === 'ready' ? 'Brak gotowych zamówień' : 'Brak zamówień w przygotowaniu'),
  queueColumnLabel: (title, venue) => `${title}, ${venue}`,
  queuePage: (page, pages) => `Strona ${page} z ${pages}`,
  queueEnableSound: 'Włącz dźwięk',
  queueAnnounceReady: numbers =>
    numbers.length === 1 ? `Zamówienie ${numbers[0]} jest gotowe` : `Zamówienia ${numbers.join(', ')} są gotowe`,
  queueSpokenReady: number => `Zamówienie ${number} jest gotowe`,
  queueFullscreen: 'Pełny ekran',
  queueNew: 'właśnie gotowe',
  queueActivateTitle: 'Aktywuj ten ekran',
  queueActivateSteps: address => `Na telefonie lub komputerze otwórz ${address} i wpisz ten kod:`,
  queueMissingAttribute: names =>
    `<os-venue-queue> wymaga ${names.length > 1 ? 'atrybutów' : 'atrybutu'} ${names.map(n => `„${n}”`).join(' i ')}.`,

  widgetMissingAttribute: (tag, names) =>
    `${tag} wymaga ${names.length > 1 ? 'atrybutów' : 'atrybutu'} ${names.map(n => `„${n}”`).join(' i ')}.`,

  toastRegion: 'Powiadomienia',
  toastClose: 'Zamknij powiadomienie',
  toastBasketUpdated: 'Twój koszyk został zaktualizowany',
  toastReceiptReady: 'Twój paragon jest gotowy',
  toastUpsellTitle: 'Coś do tego?',
  toastUpsellOffer: name => (name ? `Czy dodać ${name}?` : 'Czy dodać to do zamówienia?'),
  toastUpsellAccept: 'Dodaj',
  toastUpsellDismiss: 'Nie, dziękuję',

  venueWatchOpen: 'Otwarte',
  venueWatchTempClosed: reason => (reason ? `Chwilowo zamknięte: ${reason}` : 'Chwilowo zamknięte'),
  venueWatchClosed: 'Zamknięte',

  connectionLive: 'Na żywo',
  connectionConnecting: 'Łączenie…',
  connectionReconnecting: seconds => (seconds === undefined ? 'Ponowne łączenie…' : `Ponowne łączenie za ${seconds} s`),
  connectionOffline: time => (time ? `Brak połączenia od ${time}` : 'Brak połączenia'),
  connectionUnauthorized: 'Wylogowano',
  connectionIdle: 'Nie połączono',
  connectionRetry: 'Ponów teraz',

  'error.cannotAbandon': 'Tego zamówienia nie można już anulować.',
  'error.productNotAvailable': 'Jeden z produktów jest już niedostępny.',
  'error.venueClosed': 'Lokal jest teraz zamknięty.',
  'error.paymentFailed': 'Płatność się nie powiodła. Spróbuj ponownie.',
  'error.orderLocked': 'Zamówienie jest w realizacji i nie można go teraz zmienić.',
  'error.orderClosed': 'To zamówienie jest już zamknięte.'
};

export default pl;
