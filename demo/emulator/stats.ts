/** Commands a client may send; each has a counter in {@link EmulatorStats.frames}, zero until seen. */
export const CLIENT_COMMANDS = [
  'CONNECT',
  'STOMP',
  'SUBSCRIBE',
  'UNSUBSCRIBE',
  'SEND',
  'ACK',
  'NACK',
  'BEGIN',
  'COMMIT',
  'ABORT',
  'DISCONNECT'
] as const;

/** Counters answered by `GET /__emulator/stats`. */
export interface EmulatorStats {
  /** `open`: WebSockets open now; `total`: WebSockets opened since start or the last reset. */
  connections: { open: number; total: number };
  /** Well-formed frames received from clients, by command (unknown commands get their own key). */
  frames: Record<string, number>;
  /** Active subscriptions by exact destination (a live gauge, never reset). */
  subscriptions: Record<string, number>;
  /** MESSAGE frames sent to clients. */
  messages: number;
}

/** Mutable counters behind {@link EmulatorStats}. */
export class StatsCounter {
  private open = 0;
  private total = 0;
  private messages = 0;
  private frames: Record<string, number> = emptyFrameCounts();

  /** Counts a new WebSocket. */
  connectionOpened(): void {
    this.open += 1;
    this.total += 1;
  }

  /** Counts a closed WebSocket. */
  connectionClosed(): void {
    this.open -= 1;
  }

  /** Counts a frame received from a client. */
  frameReceived(command: string): void {
    this.frames[command] = (this.frames[command] ?? 0) + 1;
  }

  /** Counts MESSAGE frames sent. */
  messagesSent(count: number): void {
    this.messages += count;
  }

  /** Zeroes `connections.total`, `frames` and `messages`; open connections and subscriptions are gauges. */
  reset(): void {
    this.total = 0;
    this.messages = 0;
    this.frames = emptyFrameCounts();
  }

  /** A copy of the counters, with the given subscription gauge. */
  snapshot(subscriptions: Record<string, number>): EmulatorStats {
    return {
      connections: { open: this.open, total: this.total },
      frames: { ...this.frames },
      subscriptions,
      messages: this.messages
    };
  }
}

function emptyFrameCounts(): Record<string, number> {
  return Object.fromEntries(CLIENT_COMMANDS.map(command => [command, 0]));
}
