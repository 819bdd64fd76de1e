/**
 * A perpetual agent: it runs until stopped, beats a heartbeat on the bus, and handles the tasks sent
 * to it. `await using agent = ...` stops it at the end of the scope.
 */
import type { MessageBus } from './bus';

export interface Task {
  id: string;
  input: number;
}

export interface AgentOptions {
  name: string;
  bus: MessageBus;
  heartbeatMs?: number;
  /** What the agent does with a task. */
  work: (task: Task) => Promise<number>;
}

export class Agent implements AsyncDisposable {
  readonly name: string;
  private readonly bus: MessageBus;
  private readonly heartbeatMs: number;
  private readonly work: (task: Task) => Promise<number>;
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private unsubscribe: (() => void) | undefined;
  private readonly running = new Set<Promise<unknown>>();
  beats = 0;

  constructor({ name, bus, heartbeatMs = 1000, work }: AgentOptions) {
    this.name = name;
    this.bus = bus;
    this.heartbeatMs = heartbeatMs;
    this.work = work;
  }

  get started(): boolean {
    return this.heartbeat !== undefined;
  }

  start(): void {
    if (this.started) throw new Error(`agent ${this.name} is already running`);
    this.heartbeat = setInterval(() => {
      this.beats++;
      void this.bus.publish('heartbeat', { agent: this.name, beat: this.beats });
    }, this.heartbeatMs);
    this.unsubscribe = this.bus.subscribe<Task>(`tasks.${this.name}`, (task) => this.track(this.handle(task)));
  }

  /** Handles one task and publishes its result. */
  async handle(task: Task): Promise<number> {
    if (!this.started) throw new Error(`agent ${this.name} is stopped`);
    const output = await this.work(task);
    await this.bus.publish('results', { agent: this.name, id: task.id, output });
    return output;
  }

  /** Stops the heartbeat and waits for the tasks in progress. */
  async stop(): Promise<void> {
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
    this.unsubscribe?.();
    await Promise.allSettled(this.running);
  }

  /**
   * Runs until `signal` aborts: starts, says so on the bus, waits for the abort, then stops — the
   * heartbeat, the subscription, the tasks in progress — on every path, and says that too.
   */
  async run(signal: AbortSignal): Promise<void> {
    signal.throwIfAborted();
    this.start();
    try {
      await this.bus.publish('status', { agent: this.name, state: 'running' });
      // An abort that lands while the status is published has fired already: no listener would hear it.
      if (!signal.aborted) await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
    } finally {
      await this.stop();
      await this.bus.publish('status', { agent: this.name, state: 'stopped' });
    }
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }

  private async track(work: Promise<unknown>): Promise<void> {
    this.running.add(work);
    try {
      await work;
    } finally {
      this.running.delete(work);
    }
  }
}
