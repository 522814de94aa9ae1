/** A task of the {@link Scheduler}. */
interface Task {
  at: number;
  seq: number;
  run: () => void;
}

/**
 * Simulated time: tasks run in the order of their due time (ties in the order they were scheduled), and time only
 * moves when {@link Scheduler.advanceTo} is called. The same calls give the same run on any machine.
 */
export class Scheduler {
  /** @param onError receives what a task throws; the other tasks still run. */
  constructor(
    private readonly onError: (error: unknown) => void = error => {
      throw error;
    }
  ) {}

  private tasks: Task[] = [];
  private seq = 0;
  private current = 0;

  /** Milliseconds of simulated time since the start. */
  get now(): number {
    return this.current;
  }

  /** When the next task is due, or undefined when nothing is scheduled. */
  get nextDue(): number | undefined {
    return this.tasks[0]?.at;
  }

  /** Runs `run` `delayMs` of simulated time from now. */
  after(delayMs: number, run: () => void): void {
    const task = { at: this.current + Math.max(0, delayMs), seq: this.seq++, run };
    let index = this.tasks.length;
    while (index > 0 && compare(this.tasks[index - 1]!, task) > 0) index -= 1;
    this.tasks.splice(index, 0, task);
  }

  /** Runs every task due up to `time`, each at its own due time, then sets the clock to `time`. */
  advanceTo(time: number): void {
    while (this.tasks.length && this.tasks[0]!.at <= time) {
      const task = this.tasks.shift()!;
      this.current = task.at;
      try {
        task.run();
      } catch (error) {
        this.onError(error);
      }
    }
    this.current = Math.max(this.current, time);
  }

  /** Drops every scheduled task. */
  clear(): void {
    this.tasks = [];
  }
}

function compare(a: Task, b: Task): number {
  return a.at - b.at || a.seq - b.seq;
}
