// What a settled Promise.race leaves pending waits for nobody: settling it would run nothing.
import { EventEmitter, once } from 'node:events';
import { promisify } from 'node:util';

const replies = new Map<number, (reply: string) => void>();
const request = (id: number) => new Promise<string>((resolve) => replies.set(id, resolve));
const callbacks: Array<(error: null, reply: string) => void> = [];
// Made by Node's own code: a promise of another realm than the test's.
const call = promisify((done: (error: null, reply: string) => void) => void callbacks.push(done));

test('awaits a race one reply won', async () => {
  setTimeout(() => replies.get(1)?.('one'), 5);
  await expect(Promise.race([request(1), request(2)])).resolves.toBe('one');
});

test("awaits a race of another realm's promises", async () => {
  const raced = Promise.race([call(), call()]);
  callbacks[0]?.(null, 'first');
  await expect(raced).resolves.toBe('first');
});

test('leaves a race nobody settles with a callback waiting on it', () => {
  void Promise.race([request(3), request(4)]).then((reply) => reply.toUpperCase());
});

// Node 20's events.once() is an async function returning a promise: its result resolves with it.
const emitters: EventEmitter[] = [];

test('awaits a race of once() that one event won, its emitter kept', async () => {
  const request = new EventEmitter();
  emitters.push(request);
  setTimeout(() => request.emit('response', 200), 5);
  const [status] = await Promise.race([once(request, 'real-request'), once(request, 'error'), once(request, 'response')]);
  expect(status).toBe(200);
});

test('leaves a callback on an async call whose reply never comes', () => {
  const ask = async (id: number) => request(id);
  void ask(5).then((reply) => reply.toUpperCase());
});
