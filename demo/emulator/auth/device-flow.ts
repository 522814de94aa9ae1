import { randomBytes, randomUUID } from 'node:crypto';
import type { Principal } from './users.js';

/** A pending (or approved) device authorization of the OAuth device-code flow. */
export interface DeviceAuthorization {
  deviceCode: string;
  /** What a person types on the verification page, e.g. `WDJB-MJHT`. */
  userCode: string;
  /** The `module` the device asked for, if any. */
  module?: string;
  expiresAt: number;
  /** Minimum seconds between two polls. */
  interval: number;
  lastPollAt?: number;
  /** Set once a person approves the code: the device's identity. */
  principal?: Principal;
}

/** What a poll of the token endpoint with the device-code grant yields. */
export type DevicePoll =
  | { kind: 'approved'; principal: Principal }
  | { kind: 'error'; error: 'authorization_pending' | 'slow_down' | 'expired_token' | 'invalid_grant' };

/** Letters that cannot be mistaken for one another on a screen (no 0/O, 1/I/L). */
const USER_CODE_ALPHABET = 'BCDFGHJKMNPQRSTVWXZ23456789';

/**
 * The device-code flow's state (board screens and kiosks have nobody to type a password): a device starts an
 * authorization, shows the user code, and polls the token endpoint until a person approves the code
 * (`POST /__emulator/device/approve`, or the demo's `/demo/activate.html` page).
 */
export class DeviceFlow {
  private readonly byDeviceCode = new Map<string, DeviceAuthorization>();

  constructor(
    private readonly lifetimeSeconds = 600,
    private readonly intervalSeconds = 1,
    private readonly now: () => number = Date.now
  ) {}

  /** Starts an authorization for a device. */
  start(module?: string): DeviceAuthorization {
    this.prune();
    const authorization: DeviceAuthorization = {
      deviceCode: randomUUID(),
      userCode: this.newUserCode(),
      module,
      expiresAt: this.now() + this.lifetimeSeconds * 1000,
      interval: this.intervalSeconds
    };
    this.byDeviceCode.set(authorization.deviceCode, authorization);
    return authorization;
  }

  /** Approves a user code (case and dash insensitive); the device becomes `device-<n>`. False when unknown. */
  approve(userCode: string): boolean {
    const wanted = normalize(userCode);
    for (const authorization of this.byDeviceCode.values()) {
      if (normalize(authorization.userCode) !== wanted || authorization.expiresAt <= this.now()) continue;
      authorization.principal ??= { userId: `device-${authorization.deviceCode.slice(0, 8)}`, role: 'customer' };
      return true;
    }
    return false;
  }

  /** The authorizations not yet approved nor expired (for the control panel). */
  pending(): { userCode: string; module?: string; expiresAt: string }[] {
    this.prune();
    return [...this.byDeviceCode.values()]
      .filter(authorization => !authorization.principal)
      .map(({ userCode, module, expiresAt }) => ({ userCode, module, expiresAt: new Date(expiresAt).toISOString() }));
  }

  /** One poll of the token endpoint. An approved code is used up by the poll that returns it. */
  poll(deviceCode: string): DevicePoll {
    const authorization = this.byDeviceCode.get(deviceCode);
    if (!authorization) return { kind: 'error', error: 'invalid_grant' };
    const now = this.now();
    if (authorization.expiresAt <= now) {
      this.byDeviceCode.delete(deviceCode);
      return { kind: 'error', error: 'expired_token' };
    }
    if (authorization.principal) {
      this.byDeviceCode.delete(deviceCode);
      return { kind: 'approved', principal: authorization.principal };
    }
    const tooSoon =
      authorization.lastPollAt !== undefined && now - authorization.lastPollAt < authorization.interval * 1000 * 0.5;
    authorization.lastPollAt = now;
    return { kind: 'error', error: tooSoon ? 'slow_down' : 'authorization_pending' };
  }

  private newUserCode(): string {
    const bytes = randomBytes(8);
    const chars = [...bytes].map(byte => USER_CODE_ALPHABET[byte % USER_CODE_ALPHABET.length]);
    return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
  }

  private prune(): void {
    const now = this.now();
    for (const [code, authorization] of this.byDeviceCode)
      if (authorization.expiresAt <= now) this.byDeviceCode.delete(code);
  }
}

function normalize(userCode: string): string {
  return userCode.replace(/[^0-9a-z]/gi, '').toUpperCase();
}
