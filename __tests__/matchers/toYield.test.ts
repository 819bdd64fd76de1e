import { failureOf } from '../helpers/failure';

async function* numbers(...values: number[]) {
  for (const value of values) {
    await null;
    yield value;
  }
}

/** An endless async iterator that records whether it was closed. */
function ticker() {
  const state = { closed: false };
  const iterable = {
    async *[Symbol.asyncIterator]() {
      try {
        for (let n = 0; ; n++) yield n;
      } finally {
        state.closed = true;
      }
    },
  };
  return { iterable, state };
}

describe('.toYield', () => {
  test('passes when the async iterable yields exactly the values', async () => {
    await expect(numbers(1, 2, 3)).toYield([1, 2, 3]);
    await expect(numbers()).toYield([]);
  });

  test('compares with recursive equality and asymmetric matchers', async () => {
    async function* events() {
      yield { type: 'open', at: new Date(0) };
      yield { type: 'data', payload: [1, 2] };
    }
    await expect(events()).toYield([{ type: 'open', at: new Date(0) }, { type: 'data', payload: expect.any(Array) }]);
  });

  test('accepts a synchronous iterable', async () => {
    await expect(new Set(['a', 'b'])).toYield(['a', 'b']);
  });

  test('stops an endless iterator one value past the expected ones and closes it', async () => {
    const { iterable, state } = ticker();
    const message = await failureOf(() => expect(iterable).toYield([0, 1]));
    expect(message).toContain('It yielded more than 2; iteration stopped after 3 and the iterator was closed.');
    expect(state.closed).toBe(true);
  });

  test('fails on a different value, with a diff and the index', async () => {
    const message = await failureOf(() => expect(numbers(1, 2, 4)).toYield([1, 2, 3]));
    expect(message).toContain('expect(received).toYield(expected)\n\n- Expected  - 1\n+ Received  + 1');
    expect(message).toContain('-   3,\n+   4,');
    expect(message).toContain('First difference at index 2.');
  });

  test('fails when it ended early', async () => {
    const message = await failureOf(() => expect(numbers(1)).toYield([1, 2]));
    expect(message).toContain('It ended after 1 value.');
  });

  test('fails when the iterator threw, showing the error and what came before', async () => {
    async function* broken() {
      yield 'first';
      throw new Error('stream reset');
    }
    const message = await failureOf(() => expect(broken()).toYield(['first', 'second']));
    expect(message).toContain('The iterator threw after yielding 1 value: Error: stream reset');
    expect(message).toContain('"first"');
  });

  test('a throwing iterator fails even when the values so far are all that was expected', async () => {
    async function* broken() {
      yield 'only';
      throw new Error('late failure');
    }
    const message = await failureOf(() => expect(broken()).toYield(['only']));
    expect(message).toBe('expect(received).toYield(expected)\n\nExpected: to yield ["only"]\nReceived: it yielded exactly these values, then threw Error: late failure');
  });
});

describe('.not.toYield', () => {
  test('passes when the values differ', async () => {
    await expect(numbers(1, 2)).not.toYield([2, 1]);
  });

  test('fails when the values are exactly these', async () => {
    const message = await failureOf(() => expect(numbers(1, 2)).not.toYield([1, 2]));
    expect(message).toBe('expect(received).not.toYield(expected)\n\nExpected: not to yield [1, 2]\nReceived: it yielded exactly these values');
  });
});

describe('.toYield bad input', () => {
  test.each([
    ['a number', 5, 'Received has type:  number'],
    ['a promise', Promise.resolve([1]), 'Received has type:  object'],
    ['undefined', undefined, 'Received has value: undefined'],
  ])('received %s is a matcher error, also under .not', async (_what, received, detail) => {
    for (const assertion of [() => expect(received).toYield([1]), () => expect(received).not.toYield([1])]) {
      const message = await failureOf(assertion);
      expect(message).toContain('Matcher error: received value must be an async iterable or an iterable');
      expect(message).toContain(detail);
    }
  });

  test('an iterator method that returns no iterator is a matcher error, also under .not', async () => {
    const odd = { [Symbol.asyncIterator]: () => 5 };
    for (const assertion of [() => expect(odd).toYield([]), () => expect(odd).not.toYield([])]) {
      expect(await failureOf(assertion)).toContain('Matcher error: received value must return an iterator (an object with next()) from its iterator method');
    }
  });

  test('an iterator method that throws is a matcher error', async () => {
    const broken = {
      [Symbol.asyncIterator]() {
        throw new Error('closed pool');
      },
    };
    expect(await failureOf(() => expect(broken).not.toYield([]))).toContain(
      'Matcher error: received value could not start iterating: its iterator method threw Error: closed pool',
    );
  });

  test('expected values that are not an array are a matcher error', async () => {
    const message = await failureOf(() => expect(numbers(1)).toYield(1 as unknown as number[]));
    expect(message).toContain('Matcher error: expected value must be an array of the values it should yield');
  });
});
