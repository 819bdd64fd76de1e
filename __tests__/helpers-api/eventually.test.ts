import { eventually } from '../../src';

describe('eventually', () => {
  test('returns the value once the function stops throwing', async () => {
    let calls = 0;
    const value = await eventually(() => {
      calls++;
      if (calls < 3) throw new Error('not yet');
      return 'ready';
    }, { interval: 1 });
    expect(value).toBe('ready');
    expect(calls).toBe(3);
  });

  test('retries rejections of an async function too', async () => {
    const check = jest.fn<Promise<number>, []>().mockRejectedValueOnce(new Error('no')).mockResolvedValue(7);
    await expect(eventually(check, { interval: 1 })).resolves.toBe(7);
    expect(check).toHaveBeenCalledTimes(2);
  });

  test('rethrows the last error with the attempts and the time spent', async () => {
    let calls = 0;
    const error = await eventually(() => {
      calls++;
      expect(calls).toBe(-1);
    }, { timeout: 20, interval: 5 }).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain('expect(received).toBe(expected)');
    // How many attempts fit in 20 ms depends on the machine; the message counts them exactly.
    expect((error as Error).message).toMatch(new RegExp(`eventually: still failing after ${calls} attempts? in \\d+ ms$`));
  });

  test('wraps a thrown non-Error, keeping it as the cause', async () => {
    const error = (await eventually(() => {
      throw 'plain string';
    }, { timeout: 0 }).catch((e: unknown) => e)) as Error;
    expect(error.message).toBe('eventually: still failing after 1 attempt in 0 ms; the last attempt threw plain string');
    expect(error.cause).toBe('plain string');
  });

  describe('under fake timers', () => {
    afterEach(() => jest.useRealTimers());

    test('advances the fake clock by the interval between attempts', async () => {
      jest.useFakeTimers();
      let ready = false;
      setTimeout(() => (ready = true), 3000);
      const startedAt = jest.now();
      await eventually(() => expect(ready).toBe(true), { timeout: 5000, interval: 100 });
      expect(jest.now() - startedAt).toBe(3000);
    });

    test('counts the timeout in fake time and gives up', async () => {
      jest.useFakeTimers({ legacyFakeTimers: true });
      await expect(eventually(() => expect(false).toBe(true), { timeout: 1000, interval: 250 })).rejects.toThrow(
        /eventually: still failing after 5 attempts in 1000 ms$/,
      );
    });
  });

  test.each([
    ['a function that is not one', ['nope'], 'eventually: fn must be a function, received \'nope\''],
    ['a negative timeout', [() => 1, { timeout: -5 }], 'eventually: options.timeout must be a non-negative number of milliseconds up to 2147483647, received -5'],
    ['an interval of 0', [() => 1, { interval: 0 }], 'eventually: options.interval must be a positive number of milliseconds up to 2147483647, received 0'],
  ])('bad input: %s is a TypeError that says what was wrong', async (_what, args, text) => {
    await expect((eventually as (...a: unknown[]) => Promise<unknown>)(...args)).rejects.toThrow(new TypeError(text));
  });
});
