/** A dish of the simulated restaurant. */
export interface MenuItem {
  name: string;
  price: string;
}

/** The simulated menu: Polish dishes and a few English-named ones, prices in PLN. */
export const MENU: readonly MenuItem[] = [
  { name: 'Pierogi ruskie', price: '24.00' },
  { name: 'Pierogi z mięsem', price: '26.00' },
  { name: 'Żurek', price: '19.00' },
  { name: 'Barszcz czerwony', price: '14.00' },
  { name: 'Placki ziemniaczane', price: '21.50' },
  { name: 'Bigos', price: '27.00' },
  { name: 'Gołąbki', price: '26.00' },
  { name: 'Kotlet schabowy', price: '32.00' },
  { name: 'Sernik', price: '14.00' },
  { name: 'Kompot', price: '8.00' },
  { name: 'Chicken wrap', price: '23.00' },
  { name: 'Veggie burger', price: '29.00' },
  { name: 'Caesar salad', price: '25.00' },
  { name: 'Lemonade', price: '11.00' },
  { name: 'Flat white', price: '12.00' },
  { name: 'Apple pie', price: '13.00' }
];

/** First names of simulated guests, Polish and English. */
export const GUEST_NAMES: readonly string[] = [
  'Marek',
  'Zofia',
  'Łukasz',
  'Małgorzata',
  'Piotr',
  'Agnieszka',
  'Wojciech',
  'Katarzyna',
  'Jakub',
  'Ewa',
  'Tomasz',
  'Magdalena',
  'Oliver',
  'Emily',
  'James',
  'Charlotte',
  'Harry',
  'Sophie',
  'Daniel',
  'Grace'
];

/** Reasons shown when a venue closes for a while. */
export const CLOSURE_REASONS: readonly string[] = [
  'Kitchen break, back in a few minutes',
  'Delivery being unloaded',
  'Short staff meeting',
  'Restocking the counter'
];
