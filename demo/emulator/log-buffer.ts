/** One line of {@link LogBuffer}. */
export interface LogLine {
  /** Increases by one per line, from 1. */
  seq: number;
  /** ISO time the line was written. */
  time: string;
  text: string;
}

/** The last `capacity` log lines, for `GET /__emulator/log` (the control panel's log view). */
export class LogBuffer {
  private lines: LogLine[] = [];
  private seq = 0;

  constructor(private readonly capacity = 500) {}

  /** Keeps a line. */
  add(text: string): void {
    this.lines.push({ seq: ++this.seq, time: new Date().toISOString(), text });
    if (this.lines.length > this.capacity) this.lines.splice(0, this.lines.length - this.capacity);
  }

  /** Lines with `seq > after` (all kept ones by default), and the `seq` to ask after next time. */
  since(after = 0): { lines: LogLine[]; next: number } {
    return { lines: this.lines.filter(line => line.seq > after), next: this.seq };
  }
}
