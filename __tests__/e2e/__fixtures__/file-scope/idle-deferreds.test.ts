// Idle "next item" and "ready" deferreds, as queues, clients and mock servers keep: nothing waits
// on them, so nothing would run if they settled. Not leaks.
class Queue<T> {
  items: T[] = [];
  private wake!: () => void;
  next = new Promise<void>((resolve) => (this.wake = resolve));
  put(item: T): void {
    this.items.push(item);
    this.wake();
    this.next = new Promise<void>((resolve) => (this.wake = resolve));
  }
}

class MockServer {
  readonly ready: Promise<void>;
  private pending = new Map<number, (reply: string) => void>();
  constructor() {
    this.ready = new Promise(() => undefined);
  }
  request(id: number): Promise<string> {
    return new Promise((resolve) => this.pending.set(id, resolve));
  }
}

let queue: Queue<string>;
const server = new MockServer();
beforeEach(() => {
  queue = new Queue();
});

test('puts an item', () => {
  queue.put('hello');
  expect(queue.items).toEqual(['hello']);
});

test('holds an idle deferred, with expect.assertions', () => {
  expect.assertions(1);
  const waiter = new Queue<number>();
  expect(waiter.items).toEqual([]);
});

test('makes a call whose result nobody reads', () => {
  void server.request(1);
  expect(server).toBeDefined();
});
