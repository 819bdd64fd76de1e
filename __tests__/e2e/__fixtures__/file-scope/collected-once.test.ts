// One collection right after the test exposes gc, and what a beforeAll made: collected as without the preset.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

class Client {
  readonly ready = new Promise<void>(() => undefined);
  constructor() {
    void this.ready.then(() => this.connected());
  }
  connected(): void {}
}

let shared: Client | undefined;
let gc: () => void = () => undefined;
const turn = () => new Promise((resolve) => setTimeout(resolve, 1));

beforeAll(() => {
  shared = new Client();
});

test('a client the test dropped is collected by the first gc() after gc is exposed', async () => {
  let client: Client | undefined = new Client();
  const dropped = new WeakRef(client);
  client = undefined;
  await turn();
  setFlagsFromString('--expose-gc');
  gc = runInNewContext('gc') as () => void;
  setFlagsFromString('--no-expose-gc');
  gc();
  expect(dropped.deref()).toBeUndefined();
});

test('a client a beforeAll made, then dropped, is collected', async () => {
  const dropped = new WeakRef(shared as Client);
  shared = undefined;
  await turn();
  gc();
  expect(dropped.deref()).toBeUndefined();
});
