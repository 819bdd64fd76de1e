/**
 * A message bus: publish/subscribe with async handlers, request/reply with a deadline, and topics
 * read as async streams.
 */
export type Handler<T = unknown> = (message: T) => void | Promise<void>;

export class RequestTimeoutError extends Error {
  override name = 'RequestTimeoutError';
  constructor(
    readonly topic: string,
    readonly ms: number,
  ) {
    super(`no reply on "${topic}" within ${ms} ms`);
  }
}

export class NoResponderError extends Error {
  override name = 'NoResponderError';
  constructor(readonly topic: string) {
    super(`nobody answers requests on "${topic}"`);
  }
}

export class MessageBus {
  private readonly subscribers = new Map<string, Set<Handler>>();
  private readonly responders = new Map<string, (request: unknown) => Promise<unknown>>();

  /** Calls `handler` for every message on `topic`; returns the function that unsubscribes. */
  subscribe<T>(topic: string, handler: Handler<T>): () => void {
    const handlers = this.subscribers.get(topic) ?? new Set<Handler>();
    this.subscribers.set(topic, handlers);
    handlers.add(handler as Handler);
    return () => handlers.delete(handler as Handler);
  }

  /** Delivers to every subscriber, concurrently; resolves when all handlers have finished. */
  async publish<T>(topic: string, message: T): Promise<number> {
    const handlers = [...(this.subscribers.get(topic) ?? [])];
    await Promise.all(handlers.map(async (handler) => handler(message)));
    return handlers.length;
  }

  /** Registers the one responder of `topic`. */
  respond<Req, Res>(topic: string, responder: (request: Req) => Promise<Res>): () => void {
    this.responders.set(topic, responder as (request: unknown) => Promise<unknown>);
    return () => this.responders.delete(topic);
  }

  /** Sends a request and waits for the reply, at most `ms` milliseconds. */
  async request<Req, Res>(topic: string, request: Req, ms = 1000): Promise<Res> {
    const responder = this.responders.get(topic);
    if (!responder) throw new NoResponderError(topic);
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      return (await Promise.race([
        responder(request),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new RequestTimeoutError(topic, ms)), ms);
        }),
      ])) as Res;
    } finally {
      clearTimeout(timer);
    }
  }

  /** The messages of `topic` as an async stream; leaving the `for await` unsubscribes. */
  async *stream<T>(topic: string): AsyncGenerator<T> {
    const queue: T[] = [];
    let wake: (() => void) | undefined;
    const unsubscribe = this.subscribe<T>(topic, (message) => {
      queue.push(message);
      wake?.();
    });
    try {
      for (;;) {
        while (queue.length) yield queue.shift() as T;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
    } finally {
      unsubscribe();
    }
  }

  subscriberCount(topic: string): number {
    return this.subscribers.get(topic)?.size ?? 0;
  }
}
