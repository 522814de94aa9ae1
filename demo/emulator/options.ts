import { fileURLToPath } from 'node:url';
import { DEFAULT_USERS, type EmulatorUser } from './auth/users.js';
import { EmulatorError } from './errors.js';
import { silentLogger, type Logger } from './logger.js';
import { isScenarioName, type ScenarioName } from './simulation/scenarios.js';

/** Options of `startEmulator()`. */
export interface EmulatorOptions {
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to listen on; default `127.0.0.1`. */
  host?: string;
  /** The single tenant; default `demo`. */
  tenant?: string;
  /** Lifetime of new access tokens (`expires_in`); default 3600. */
  tokenTtlSeconds?: number;
  /** STOMP heart-beat the server can send and wants to receive, in ms; default 4000; 0 turns them off. */
  heartbeatMs?: number;
  /** Whether to start with the demo orders (`seed.ts`) when no scenario runs; default true. */
  seed?: boolean;
  /** A simulated restaurant (`quiet`, `rush-hour`, `chaos`), or `none` (the default): see `simulation/`. */
  scenario?: ScenarioName;
  /** The simulation's seed: the same seed gives the same restaurant; default 1. */
  randomSeed?: number;
  /** Simulated seconds per real second; default 1. */
  speed?: number;
  /** Start the simulation paused (after its warm-up); default false. */
  paused?: boolean;
  /**
   * Folder whose `demo/` and `dist/` are served; default two levels above this module: the repository root when
   * run from source (demo/emulator/), the package root when run as the build (dist/emulator/os-emulator.mjs).
   */
  staticRoot?: string;
  /** Users of the password grant; default `guest`/`guest` (customer `guest-1`) and `staff`/`staff` (`staff-1`). */
  users?: readonly EmulatorUser[];
  /** No log lines at all; default false. */
  quiet?: boolean;
  /** Where log lines go; default `console.log`. */
  log?: Logger;
}

/** {@link EmulatorOptions} with every default applied. */
export type ResolvedOptions = Required<Omit<EmulatorOptions, 'quiet'>>;

/** Applies defaults and checks values; throws {@link EmulatorError} 400 for an invalid one. */
export function resolveOptions(options: EmulatorOptions = {}): ResolvedOptions {
  const resolved: ResolvedOptions = {
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    tenant: options.tenant ?? 'demo',
    tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
    heartbeatMs: options.heartbeatMs ?? 4000,
    seed: options.seed ?? true,
    scenario: options.scenario ?? 'none',
    randomSeed: options.randomSeed ?? 1,
    speed: options.speed ?? 1,
    paused: options.paused ?? false,
    staticRoot: options.staticRoot ?? fileURLToPath(new URL('../../', import.meta.url)),
    users: options.users ?? DEFAULT_USERS,
    log: options.quiet ? silentLogger : (options.log ?? (line => console.log(line)))
  };
  if (!Number.isInteger(resolved.port) || resolved.port < 0 || resolved.port > 65535) invalid('port', resolved.port);
  if (!isValidTtl(resolved.tokenTtlSeconds)) invalid('tokenTtlSeconds', resolved.tokenTtlSeconds);
  if (!Number.isInteger(resolved.heartbeatMs) || resolved.heartbeatMs < 0) invalid('heartbeatMs', resolved.heartbeatMs);
  if (!/^[\w.-]+$/.test(resolved.tenant)) invalid('tenant', resolved.tenant);
  if (!isScenarioName(resolved.scenario)) invalid('scenario', resolved.scenario);
  if (!isValidSeed(resolved.randomSeed)) invalid('randomSeed', resolved.randomSeed);
  if (!isValidSpeed(resolved.speed)) invalid('speed', resolved.speed);
  return resolved;
}

/** A token lifetime must be a positive whole number of seconds. */
export function isValidTtl(seconds: unknown): seconds is number {
  return Number.isInteger(seconds) && (seconds as number) > 0;
}

function invalid(name: string, value: unknown): never {
  throw new EmulatorError(400, `Invalid option ${name}: ${JSON.stringify(value)}`);
}

/** A seed is a whole number from 0 to 2^32 - 1. */
export function isValidSeed(seed: unknown): seed is number {
  return Number.isInteger(seed) && (seed as number) >= 0 && (seed as number) <= 0xffffffff;
}

/** A speed is a number of simulated seconds per real second, from 0.1 to 1000. */
export function isValidSpeed(speed: unknown): speed is number {
  return typeof speed === 'number' && speed >= 0.1 && speed <= 1000;
}
