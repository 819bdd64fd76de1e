// Tests that force a garbage collection to see that something is collected, as a GC backstop's
// tests do: what only pending promises refer to is collected as without the preset.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
setFlagsFromString('--no-expose-gc');

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function collected(make: (registry: FinalizationRegistry<string>) => Promise<void> | void): Promise<boolean> {
  let done = false;
  const registry = new FinalizationRegistry<string>(() => (done = true));
  await make(registry);
  for (let round = 0; round < 20 && !done; round++) {
    gc();
    await tick(10);
  }
  return done;
}

const replies = new Map<number, (reply: string) => void>();
const request = (id: number) => new Promise<string>((resolve) => replies.set(id, resolve));

test('an object only a pending promise callback refers to is collected', async () => {
  expect(
    await collected((registry) => {
      const object = {};
      void new Promise(() => undefined).then(() => object);
      registry.register(object, 'object');
    }),
  ).toBe(true);
});

test('an async generator left suspended is collected', async () => {
  expect(
    await collected(async (registry) => {
      async function* numbers() {
        for (;;) {
          await tick(1);
          yield 1;
        }
      }
      const iterator = numbers();
      await iterator.next();
      registry.register(iterator, 'iterator');
    }),
  ).toBe(true);
});

test('waits on a reply that never comes, in a file that forces collections', () => {
  void request(9).then((reply) => reply.toUpperCase());
});
