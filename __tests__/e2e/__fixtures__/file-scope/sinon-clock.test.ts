// A sinon clock installed in beforeAll replaces Node's own timers module too: the verdict's waits must not run on it.
import { createServer, type Server } from 'node:net';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const FakeTimers = require('@sinonjs/fake-timers') as { install(): { uninstall(): void } };

test('leaves a real timer running before a sinon clock is installed', () => {
  setTimeout(() => undefined, 3000);
});

describe('a sinon clock installed in beforeAll', () => {
  let clock: { uninstall(): void };
  let server: Server;
  beforeAll(() => {
    clock = FakeTimers.install();
  });
  afterAll(() => {
    clock.uninstall();
    server.close();
  });

  test('starts a server the file closes in afterAll', (done) => {
    server = createServer().listen(0, '127.0.0.1', done);
  });

  // The matcher's module loads now, under the clock: it still waits on the real timers the setup file read.
  test('checks a pending promise with a matcher first used under the clock', async () => {
    await expect(new Promise<void>(() => {})).toBePending();
  });
});
