import { createServer, type Server } from 'node:http';
import { deferred } from '../../src';
import { failureOf } from '../helpers/failure';

/** A small job queue, as an app has one: `stop()` clears its poll timer, `stopBadly()` forgets it. */
class Queue {
  private timer: NodeJS.Timeout | undefined;
  start(): void {
    this.timer = setInterval(() => undefined, 50);
  }
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await new Promise((done) => setImmediate(done));
  }
  async stopBadly(): Promise<void> {
    await new Promise((done) => setImmediate(done));
  }
}

describe('.toLeaveNothingRunning', () => {
  test('passes for an async function that cleans up what it started', async () => {
    await expect(async () => {
      const queue = new Queue();
      queue.start();
      await queue.stop();
    }).toLeaveNothingRunning();
  });

  test('passes for a synchronous function, and for a server opened and closed', async () => {
    await expect(() => undefined).toLeaveNothingRunning();
    await expect(async () => {
      const server = createServer();
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      await new Promise((done) => server.close(done));
    }).toLeaveNothingRunning();
  });

  test('an idle deferred nobody waits on is not something running', async () => {
    const kept: unknown[] = [];
    await expect(() => {
      kept.push(deferred<void>());
    }).toLeaveNothingRunning();
    expect(kept).toHaveLength(1);
  });

  test('fails for a timer it left, naming it and its line, and the test may release it afterwards', async () => {
    const queue = new Queue();
    const message = await failureOf(() =>
      expect(async () => {
        queue.start();
        await queue.stopBadly();
      }).toLeaveNothingRunning(),
    );
    await queue.stop();
    expect(message).toMatch(
      /^expect\(fn\)\.toLeaveNothingRunning\(\)\n\nExpected: nothing fn started still running\nReceived: 1 thing still running:\n\n {2}● setInterval timer \(every 50 ms\), created at __tests__\/matchers\/toLeaveNothingRunning\.test\.ts:9:18 \(called from __tests__\/matchers\/toLeaveNothingRunning\.test\.ts:\d+:\d+\)\n {6}→ stop it with clearInterval\(\)/,
    );
  });

  test('fails for a listening server, naming the listen call', async () => {
    let server: Server | undefined;
    const message = await failureOf(() =>
      expect(async () => {
        server = createServer();
        await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
      }).toLeaveNothingRunning(),
    );
    await new Promise((done) => server!.close(done));
    expect(message).toContain('Received: 1 thing still running:\n\n  ● listening server, created at __tests__/matchers/toLeaveNothingRunning.test.ts:65:51');
  });

  test('a pending promise a callback waits on is reported when it is all that is left', async () => {
    let gate: ReturnType<typeof deferred<void>> | undefined;
    const message = await failureOf(() =>
      expect(() => {
        gate = deferred<void>();
        void gate.promise.then(() => undefined);
      }).toLeaveNothingRunning(),
    );
    gate!.resolve();
    expect(message).toMatch(/Received: 1 thing still running:\n\n {2}● pending promise, created at __tests__\/matchers\/toLeaveNothingRunning\.test\.ts:\d+:\d+/);
  });

  test('.not passes when something is left, and fails when nothing is', async () => {
    let timer: NodeJS.Timeout | undefined;
    await expect(() => {
      timer = setTimeout(() => undefined, 5000);
    }).not.toLeaveNothingRunning();
    clearTimeout(timer);
    const message = await failureOf(() => expect(() => undefined).not.toLeaveNothingRunning());
    expect(message).toBe('expect(fn).not.toLeaveNothingRunning()\n\nExpected: something fn started still running\nReceived: nothing is left running');
  });

  test('fails, also with .not, when fn throws or rejects', async () => {
    const thrown = await failureOf(() =>
      expect(() => {
        throw new TypeError('bad config');
      }).toLeaveNothingRunning(),
    );
    expect(thrown).toBe('expect(fn).toLeaveNothingRunning()\n\nExpected: fn to finish\nReceived: it threw TypeError: bad config');
    const rejected = await failureOf(() => expect(() => Promise.reject(new RangeError('no'))).not.toLeaveNothingRunning());
    expect(rejected).toContain('Received: it threw RangeError: no');
  });

  test('a value that is not a function is a matcher error', async () => {
    const message = await failureOf(() => expect(Promise.resolve()).toLeaveNothingRunning());
    expect(message).toContain('Matcher error: received value must be a function (the matcher calls it)');
    expect(message).toContain('Received has type:  object');
  });
});
