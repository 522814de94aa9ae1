/** A range `[min, max]` in seconds (or minutes where the name says so). */
export type Range = readonly [number, number];

/** The faults the `chaos` scenario injects. */
export const FAULT_KINDS = [
  'drop-connections',
  'expire-tokens',
  'malformed',
  'stale',
  'duplicate',
  'unknown-type'
] as const;

/** One of {@link FAULT_KINDS}. */
export type FaultKind = (typeof FAULT_KINDS)[number];

/** How a simulated restaurant behaves. Times are simulated seconds unless the name says minutes. */
export interface ScenarioDefinition {
  name: ScenarioName;
  /** One line for `--help` and the control panel. */
  description: string;
  /** Simulated minutes run at start-up, before anyone can connect, so screens are not empty. */
  warmupMinutes: number;
  /** Mean seconds between two guests' orders, per venue (arrivals are random, exponentially spaced). */
  arrivals: Readonly<Record<string, number>>;
  /** Seconds between two orders of the demo guest `guest-1` ("Anna"), whose tracker the demo follows. */
  guestOrderEvery: Range;
  /** How long each step of a guest's order takes, in seconds (a random time in the range). */
  steps: OrderSteps;
  /** Shares (0 to 1) of orders that take a side path. */
  rates: SideTrips;
  /** A venue closes temporarily now and then: minutes between closures and how long they last. */
  venueClosures?: { everyMinutes: Range; forMinutes: Range; venues: readonly string[] };
  /** Seconds between two injected faults, and which ones. */
  faults?: { every: Range; kinds: readonly FaultKind[] };
}

/** Seconds each step of a guest's order takes, see {@link ScenarioDefinition.steps}. */
export interface OrderSteps {
  /** Basket (NEW) until paid (COMPLETED). */
  checkout: Range;
  /** Paid until the kitchen starts (PREPARING). */
  queue: Range;
  /** Kitchen time until READY. */
  cooking: Range;
  /** READY until the guest picks it up (PICKED). */
  pickup: Range;
  /** PICKED until the order is CLOSED. */
  closing: Range;
}

/** Shares of orders that leave the straight path, see {@link ScenarioDefinition.rates}. */
export interface SideTrips {
  /** Baskets abandoned before paying (ABANDONED). */
  abandon: number;
  /** Paid orders cancelled by the venue (CANCELLED), with a "product not available" error first. */
  cancel: number;
  /** Paid orders whose guest tries to cancel too late ("order cannot be abandoned"). */
  lateCancel: number;
  /** Baskets that get an upsell offer. */
  upsell: number;
  /** Baskets that get a basket update (`OrderAppliedEvents`). */
  basketUpdate: number;
  /** Handed-over orders that get a receipt (`OrderEventFiscal`). */
  receipt: number;
}

/** The scenario names; `none` runs no simulation at all (the static demo orders only). */
export const SCENARIO_NAMES = ['none', 'quiet', 'rush-hour', 'chaos'] as const;

/** One of {@link SCENARIO_NAMES}. */
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

/** True for a known scenario name. */
export function isScenarioName(value: unknown): value is ScenarioName {
  return (SCENARIO_NAMES as readonly unknown[]).includes(value);
}

const QUIET: ScenarioDefinition = {
  name: 'quiet',
  description: 'a steady afternoon: an order every ~40 s (Centrum) and ~60 s (Galeria)',
  warmupMinutes: 15,
  arrivals: { v1: 40, v2: 60 },
  guestOrderEvery: [90, 180],
  steps: { checkout: [10, 40], queue: [10, 40], cooking: [90, 240], pickup: [30, 150], closing: [5, 20] },
  rates: { abandon: 0.04, cancel: 0.03, lateCancel: 0.02, upsell: 0.15, basketUpdate: 0.25, receipt: 0.3 },
  venueClosures: { everyMinutes: [12, 20], forMinutes: [1, 3], venues: ['v2'] }
};

const RUSH_HOUR: ScenarioDefinition = {
  ...QUIET,
  name: 'rush-hour',
  description: 'lunch: an order every ~5 s / ~8 s, a slow kitchen, hundreds of orders',
  warmupMinutes: 20,
  arrivals: { v1: 5, v2: 8 },
  guestOrderEvery: [120, 240],
  steps: { ...QUIET.steps, checkout: [10, 60], queue: [30, 180], cooking: [240, 600], pickup: [30, 240] },
  rates: { ...QUIET.rates, abandon: 0.05, lateCancel: 0.03, upsell: 0.2, basketUpdate: 0.3 },
  venueClosures: { everyMinutes: [15, 25], forMinutes: [2, 4], venues: ['v2'] }
};

const CHAOS: ScenarioDefinition = {
  ...QUIET,
  name: 'chaos',
  description: 'orders plus a fault every 20-60 s: drops, expired tokens, bad, stale and repeated messages',
  warmupMinutes: 10,
  arrivals: { v1: 20, v2: 40 },
  guestOrderEvery: [60, 120],
  venueClosures: { everyMinutes: [3, 6], forMinutes: [1, 2], venues: ['v1', 'v2'] },
  faults: { every: [20, 60], kinds: FAULT_KINDS }
};

/** The simulated scenarios by name. */
export const SCENARIOS: Readonly<Record<Exclude<ScenarioName, 'none'>, ScenarioDefinition>> = {
  quiet: QUIET,
  'rush-hour': RUSH_HOUR,
  chaos: CHAOS
};
