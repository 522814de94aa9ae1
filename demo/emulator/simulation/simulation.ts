import { Random } from './random.js';
import { Restaurant, type RestaurantPorts, type ScenarioCounts } from './restaurant.js';
import { SCENARIOS, type ScenarioName } from './scenarios.js';
import { Scheduler } from './scheduler.js';

/** Options of a {@link Simulation}. */
export interface SimulationOptions {
  scenario: Exclude<ScenarioName, 'none'>;
  /** Same seed, same restaurant. */
  seed: number;
  /** Simulated seconds per real second; default 1. */
  speed?: number;
  /** Start paused after the warm-up; default false. */
  paused?: boolean;
}

/** What `GET /__emulator/scenario` answers. */
export interface ScenarioState {
  name: ScenarioName;
  description: string;
  seed: number;
  speed: number;
  paused: boolean;
  /** Simulated seconds since the start, warm-up included. */
  simulatedSeconds: number;
  counts: ScenarioCounts;
}

/**
 * Runs a {@link Restaurant} in real time: first the scenario's warm-up at once (before anyone can connect), then
 * simulated time follows the wall clock times `speed`, until paused or stopped. Timers are unref'd, so a
 * simulation never keeps Node alive.
 */
export class Simulation {
  readonly scheduler: Scheduler;
  readonly restaurant: Restaurant;
  private timer?: ReturnType<typeof setTimeout>;
  /** Wall and simulated time when the clock last started running. */
  private anchor = { wall: 0, simulated: 0 };
  private running = false;
  private warmingUp = false;
  private stopped = false;
  private readonly speedValue: number;
  private readonly bootWall = Date.now();

  constructor(
    private readonly options: SimulationOptions,
    ports: RestaurantPorts
  ) {
    this.speedValue = options.speed ?? 1;
    this.scheduler = new Scheduler(error =>
      ports.log(`sim: error: ${error instanceof Error ? error.message : String(error)}`)
    );
    this.restaurant = new Restaurant(SCENARIOS[options.scenario], new Random(options.seed), this.scheduler, ports);
  }

  /** Time of a simulated event as a wall-clock epoch ms: during the warm-up, in the minutes before the start. */
  wallTime(): number {
    if (!this.warmingUp) return Date.now();
    return this.bootWall - this.warmupMs + this.scheduler.now;
  }

  /** Runs the warm-up at once, then lets time run (unless started paused). */
  start(): void {
    this.restaurant.start();
    this.warmingUp = true;
    try {
      this.scheduler.advanceTo(this.warmupMs);
    } finally {
      this.warmingUp = false;
    }
    this.restaurant.warmedUp();
    if (!this.options.paused) this.resume();
  }

  /** Stops the clock; nothing happens until {@link resume} or {@link advance}. */
  pause(): void {
    if (!this.running) return;
    this.catchUp();
    this.running = false;
    clearTimeout(this.timer);
  }

  /** Lets simulated time follow the wall clock again. */
  resume(): void {
    if (this.running || this.stopped) return;
    this.running = true;
    this.anchor = { wall: performance.now(), simulated: this.scheduler.now };
    this.arm();
  }

  /** Moves simulated time forward by `ms` at once (while paused, for tests and screenshots). */
  advance(ms: number): void {
    if (this.running) this.catchUp();
    this.scheduler.advanceTo(this.scheduler.now + ms);
    if (this.running) {
      this.anchor = { wall: performance.now(), simulated: this.scheduler.now };
      this.arm();
    }
  }

  /** Stops for good and drops every pending event. */
  stop(): void {
    this.pause();
    this.stopped = true;
    this.scheduler.clear();
  }

  /** The scenario, its settings and counts. */
  state(): ScenarioState {
    if (this.running) this.catchUp();
    const scenario = SCENARIOS[this.options.scenario];
    return {
      name: scenario.name,
      description: scenario.description,
      seed: this.options.seed,
      speed: this.speedValue,
      paused: !this.running,
      simulatedSeconds: Math.round(this.scheduler.now / 1000),
      counts: { ...this.restaurant.counts }
    };
  }

  private get warmupMs(): number {
    return SCENARIOS[this.options.scenario].warmupMinutes * 60_000;
  }

  /** Runs what is due by now. */
  private catchUp(): void {
    const elapsed = (performance.now() - this.anchor.wall) * this.speedValue;
    this.scheduler.advanceTo(this.anchor.simulated + elapsed);
  }

  private arm(): void {
    clearTimeout(this.timer);
    const due = this.scheduler.nextDue;
    if (due === undefined || !this.running) return;
    const simulatedNow = this.anchor.simulated + (performance.now() - this.anchor.wall) * this.speedValue;
    const delay = Math.max(0, (due - simulatedNow) / this.speedValue);
    this.timer = setTimeout(
      () => {
        this.catchUp();
        this.arm();
      },
      Math.min(delay, 2 ** 31 - 1)
    );
    this.timer.unref?.();
  }
}
