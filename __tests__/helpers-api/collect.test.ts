import { collect, flushPromises } from '../../src';

describe('collect', () => {
  test('returns every value of an async generator', async () => {
    async function* letters() {
      yield 'a';
      yield 'b';
    }
    await expect(collect(letters())).resolves.toEqual(['a', 'b']);
  });

  test('takes a synchronous iterable', async () => {
    await expect(collect(new Set([1, 2]))).resolves.toEqual([1, 2]);
  });

  test('with a limit, stops and closes an endless iterator', async () => {
    let closed = false;
    async function* forever() {
      try {
        for (let n = 0; ; n++) yield n;
      } finally {
        closed = true;
      }
    }
    await expect(collect(forever(), { limit: 3 })).resolves.toEqual([0, 1, 2]);
    expect(closed).toBe(true);
    await expect(collect(forever(), { limit: 0 })).resolves.toEqual([]);
  });

  test('passes on the error of the iterator', async () => {
    async function* broken() {
      yield 1;
      throw new Error('reset');
    }
    await expect(collect(broken())).rejects.toThrow('reset');
  });

  test.each([
    ['a value that is not iterable', [42], 'collect: iterable must be an async iterable or an iterable, received 42'],
    ['a negative limit', [[1], { limit: -1 }], 'collect: options.limit must be a non-negative integer, received -1'],
    ['a fractional limit', [[1], { limit: 1.5 }], 'collect: options.limit must be a non-negative integer, received 1.5'],
  ])('bad input: %s is a TypeError that says what was wrong', async (_what, args, text) => {
    await expect((collect as (...a: unknown[]) => Promise<unknown>)(...args)).rejects.toThrow(new TypeError(text));
  });
});

describe('flushPromises', () => {
  test('lets queued promise callbacks run, also under fake timers', async () => {
    jest.useFakeTimers();
    try {
      const seen: number[] = [];
      void Promise.resolve().then(() => seen.push(1)).then(() => seen.push(2));
      await flushPromises();
      expect(seen).toEqual([1, 2]);
    } finally {
      jest.useRealTimers();
    }
  });
});
