import { ConnectionState } from '../connection-state.js';
import type { AuthErrorDetail, HubStatus } from '../types.js';
import { ListenerSet } from './listeners.js';

/**
 * A hub's {@link HubStatus} and the listeners that follow it: status listeners (each gets a copy), state listeners
 * (only on a state change) and auth-error listeners.
 */
export class StatusEmitter {
  /** Called with a copy of the status after every change but one of `lastMessageAt` alone. */
  readonly status = new ListenerSet<HubStatus>('a status listener', status => ({ ...status }));
  /** Called with the new state when the state changes. */
  readonly state = new ListenerSet<ConnectionState>('a state listener');
  /** Called each time the hub gives up on its credentials. */
  readonly authError = new ListenerSet<AuthErrorDetail>('an auth-error listener', detail => ({ ...detail }));
  private value: HubStatus = { state: ConnectionState.Idle, since: Date.now(), attempt: 0 };

  /** The status itself (not a copy): read it, change it only through {@link update}. */
  get current(): Readonly<HubStatus> {
    return this.value;
  }

  /** Records a message's arrival without telling anyone. */
  messageArrived(at: number): void {
    this.value.lastMessageAt = at;
  }

  /**
   * Applies `patch`. If anything but `lastMessageAt` changed, `since` is stamped on a state change and status
   * listeners are told, then (on a state change) state listeners.
   */
  update(patch: Partial<HubStatus>): void {
    const previous = this.value;
    const next: HubStatus = { ...previous, ...patch };
    if (next.state !== previous.state) next.since = Date.now();
    const keys = new Set([...Object.keys(previous), ...Object.keys(next)]) as Set<keyof HubStatus>;
    let changed = false;
    for (const key of keys) if (key !== 'lastMessageAt' && previous[key] !== next[key]) changed = true;
    if (!changed) return;
    this.value = next;
    this.status.emit(next);
    if (next.state !== previous.state) this.state.emit(next.state);
  }

  /** Removes every listener. */
  clear(): void {
    this.status.clear();
    this.state.clear();
    this.authError.clear();
  }
}
