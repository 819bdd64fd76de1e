import { pickSteps } from '../../matchers/toAbortCleanly';
import { failureOf } from '../helpers/failure';

/** An abortable sleep, as well-behaved code writes it: the timer is cleared on abort. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });
}

/** A sync job of three steps whose heartbeat is stopped on every path. */
async function syncClean(signal: AbortSignal): Promise<string> {
  await sleep(5, signal);
  const heartbeat = setInterval(() => undefined, 1000);
  try {
    await sleep(5, signal);
    await sleep(5, signal);
  } finally {
    clearInterval(heartbeat);
  }
  return 'synced';
}

const leaked: NodeJS.Timeout[] = [];
/** The same job with a bug: an abort during the handshake (the second await) leaves the heartbeat. */
async function syncLeaky(signal: AbortSignal): Promise<string> {
  await sleep(5, signal);
  const heartbeat = setInterval(() => undefined, 1000);
  leaked.push(heartbeat);
  await sleep(5, signal); // the handshake: no try/finally around it yet
  try {
    await sleep(5, signal);
  } finally {
    clearInterval(heartbeat);
  }
  return 'synced';
}
afterEach(() => leaked.splice(0).forEach(clearInterval));

describe('.toAbortCleanly', () => {
  test('passes for an operation that rejects with the abort and stops its timers', async () => {
    await expect(syncClean).toAbortCleanly();
    await expect((signal: AbortSignal) => sleep(10_000, signal)).toAbortCleanly({ after: 5, within: 100 });
  });

  test('an operation that fulfils when aborted, or that was done before, passes too', async () => {
    await expect(async (signal: AbortSignal) => {
      await sleep(10_000, signal).catch(() => undefined);
      return 'stopped';
    }).toAbortCleanly();
    await expect(() => 'done at once').toAbortCleanly();
  });

  test('a rejection named AbortError passes, whatever its class', async () => {
    await expect(async (signal: AbortSignal) => {
      await new Promise((_, reject) => signal.addEventListener('abort', () => reject(Object.assign(new Error('stopped'), { name: 'AbortError' }))));
    }).toAbortCleanly();
  });

  test('fails when the operation ignores the abort: still pending, and on what', async () => {
    let timer: NodeJS.Timeout | undefined;
    const message = await failureOf(() =>
      expect(() => new Promise((resolve) => (timer = setTimeout(resolve, 10_000)))).toAbortCleanly({ within: 50 }),
    );
    clearTimeout(timer);
    expect(message).toMatch(/^expect\(fn\)\.toAbortCleanly\(options\)\n\nExpected: to stop cleanly within 50 ms when aborted after 0 ms\nReceived: aborted after 0 ms: still pending 50 ms after the abort, waiting on:\n\n {2}● setTimeout timer \(10000 ms\), created at __tests__\/matchers\/toAbortCleanly\.test\.ts:68:\d+/);
  });

  test('fails when it rejects with another error than the abort', async () => {
    const message = await failureOf(() =>
      expect(async (signal: AbortSignal) => {
        await sleep(10_000, signal).catch(() => {
          throw new TypeError('cleanup crashed');
        });
      }).toAbortCleanly(),
    );
    expect(message).toMatch(/Received: aborted after 0 ms while suspended at __tests__\/matchers\/toAbortCleanly\.test\.ts:77:\d+: rejected with another error than the abort: TypeError: cleanup crashed$/);
  });

  test('fails when it stops but leaves something running, naming it', async () => {
    const message = await failureOf(() => expect(syncLeaky).toAbortCleanly({ after: 7 }));
    expect(message).toContain('Received: aborted after 7 ms while suspended at __tests__/matchers/toAbortCleanly.test.ts:35:9: it rejected with DOMException: This operation was aborted, but left 1 thing running:');
    expect(message).toContain('  ● setInterval timer (every 1000 ms), created at __tests__/matchers/toAbortCleanly.test.ts:33:21');
  });

  test('everyStep passes for an operation that cleans up on every path', async () => {
    await expect(syncClean).toAbortCleanly({ everyStep: true });
  });

  test('everyStep follows a poller that is never idle for a while only, then aborts it', async () => {
    const poller = async (signal: AbortSignal) => {
      while (!signal.aborted) await sleep(20, signal).catch(() => undefined);
    };
    // maxRuns 2: the count stops after 20 steps, and two runs abort it at the first and the last.
    const message = await failureOf(() => expect(poller).not.toAbortCleanly({ everyStep: true, maxRuns: 2 }));
    expect(message).toContain('Received: every run stopped cleanly (2 runs)');
  });

  test('everyStep finds the one await where an abort leaks, and names its line', async () => {
    const message = await failureOf(() => expect(syncLeaky).toAbortCleanly({ everyStep: true }));
    // Two moments leak: right as it resumes after the connect (the handshake then rejects at once),
    // and while it waits in the handshake. The first is reported whole, the other in one line.
    expect(message).toMatch(/^expect\(fn\)\.toAbortCleanly\(options\)\n\nExpected: to stop cleanly within 1000 ms when aborted at every step\nReceived: step (\d+) of (\d+), aborted as it resumed from __tests__\/matchers\/toAbortCleanly\.test\.ts:32:9: it rejected with DOMException: This operation was aborted, but left 1 thing running:\n\n {2}● setInterval timer \(every 1000 ms\), created at __tests__\/matchers\/toAbortCleanly\.test\.ts:33:21/);
    expect(message).toMatch(/\n\nAlso not clean:\n {2}step \d+ of \d+, aborted while suspended at __tests__\/matchers\/toAbortCleanly\.test\.ts:35:9: it rejected with DOMException: This operation was aborted, but left 1 thing running$/);
  });

  test('.not passes when the operation does not stop cleanly, and fails when it does', async () => {
    await expect(syncLeaky).not.toAbortCleanly({ everyStep: true });
    leaked.splice(0).forEach(clearInterval);
    const message = await failureOf(() => expect(syncClean).not.toAbortCleanly({ everyStep: true, maxRuns: 3 }));
    expect(message).toBe('expect(fn).not.toAbortCleanly(options)\n\nExpected: not to stop cleanly when aborted at every step\nReceived: every run stopped cleanly (3 runs)');
    const once = await failureOf(() => expect(syncClean).not.toAbortCleanly());
    expect(once).toBe('expect(fn).not.toAbortCleanly()\n\nExpected: not to stop cleanly when aborted after 0 ms\nReceived: it stopped cleanly: rejected with DOMException: This operation was aborted, nothing left running');
  });

  test('a function that throws before the abort fails', async () => {
    const message = await failureOf(() =>
      expect(() => {
        throw new RangeError('no signal support');
      }).toAbortCleanly(),
    );
    expect(message).toContain('Received: called: it threw before it was aborted: RangeError: no signal support');
  });

  test('under fake timers, after and within advance the fake clock', async () => {
    jest.useFakeTimers();
    try {
      const started = Date.now();
      await expect((signal: AbortSignal) => sleep(60_000, signal)).toAbortCleanly({ after: 30_000, within: 5000 });
      expect(Date.now() - started).toBeGreaterThanOrEqual(30_000);
      const message = await failureOf(() => expect(() => new Promise((resolve) => setTimeout(resolve, 60_000))).toAbortCleanly({ within: 5000 }));
      expect(message).toContain('Received: aborted after 0 ms: still pending 5000 ms after the abort');
      jest.clearAllTimers();
      const everyStep = await failureOf(() => expect(syncClean).toAbortCleanly({ everyStep: true }));
      expect(everyStep).toContain('Matcher error: everyStep runs fn on the real clock: call jest.useRealTimers() first');
    } finally {
      jest.useRealTimers();
    }
  });

  test.each([
    ['not a function', Promise.resolve(), undefined, 'received value must be a function (the matcher calls it)'],
    ['options not an object', syncClean, 5, 'options must be an object { after?, within?, everyStep?, maxRuns? }'],
    ['an unknown option', syncClean, { afterMs: 5 }, 'unknown option afterMs (did you mean "after"?): the options are after, within, everyStep and maxRuns'],
    ['an option far from any', syncClean, { colour: 5 }, 'unknown option colour: the options are after, within, everyStep and maxRuns'],
    ['a negative after', syncClean, { after: -1 }, 'after must be a finite number of milliseconds from 0 to 2147483647'],
    ['a NaN within', syncClean, { within: Number.NaN }, 'within must be a finite number of milliseconds from 0 to 2147483647'],
    ['maxRuns below 1', syncClean, { everyStep: true, maxRuns: 0 }, 'maxRuns must be a whole number of at least 1'],
    ['everyStep not a boolean', syncClean, { everyStep: 'yes' }, 'everyStep must be true or false'],
  ])('bad input is a matcher error: %s', async (_, received, options, problem) => {
    const message = await failureOf(() => expect(received).toAbortCleanly(options as never));
    expect(message).toContain(`Matcher error: ${problem}`);
  });

  test('an await on a promise the test made is named as suspended while that promise is pending', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const message = await failureOf(() =>
      expect(async () => {
        await gate;
      }).toAbortCleanly({ within: 20 }),
    );
    open();
    expect(message).toMatch(/Received: aborted after 0 ms while suspended at __tests__\/matchers\/toAbortCleanly\.test\.ts:\d+:\d+: still pending 20 ms after the abort/);
  });
});

describe('pickSteps', () => {
  test('every step when there are few, spread evenly with the first and last when there are many', () => {
    expect(pickSteps(0, 100)).toEqual([0]);
    expect(pickSteps(4, 100)).toEqual([0, 1, 2, 3]);
    expect(pickSteps(101, 5)).toEqual([0, 25, 50, 75, 100]);
    expect(pickSteps(50, 1)).toEqual([0]);
  });
});
