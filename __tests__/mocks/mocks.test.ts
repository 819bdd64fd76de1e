import { mock, mockAsyncDisposable, mockAsyncIterable, mockDeep, mockSequence } from '../../src';

describe('mockSequence', () => {
  test('resolves values and rejects Errors in order: fail twice, then succeed', async () => {
    const send = mockSequence([new Error('ECONNRESET'), new Error('ETIMEDOUT'), { ok: true }]);
    await expect(send('a')).rejects.toThrow('ECONNRESET');
    await expect(send('b')).rejects.toThrow('ETIMEDOUT');
    await expect(send('c')).resolves.toEqual({ ok: true });
    expect(send.mock.calls).toEqual([['a'], ['b'], ['c']]);
  });

  test('creates a rejection only when called, so an unused Error rejects nothing', async () => {
    const send = mockSequence([1, new Error('never reached')]);
    await expect(send()).resolves.toBe(1);
  });

  test('a call past the end rejects, saying the sequence ran out', async () => {
    const send = mockSequence(['only']);
    await send();
    await expect(send()).rejects.toThrow('mockSequence: the sequence ran out after 1 call; this was call 2.');
  });

  test('works as the implementation of another mock', async () => {
    const client = mock<{ send(message: string): Promise<string> }>();
    client.send.mockImplementation(mockSequence([new Error('busy'), 'sent']));
    await expect(client.send('x')).rejects.toThrow('busy');
    await expect(client.send('x')).resolves.toBe('sent');
  });

  test('bad input is a TypeError that says what was wrong', () => {
    expect(() => mockSequence('abc' as unknown as string[])).toThrow(new TypeError("mockSequence: outcomes must be an array of values and Errors, received 'abc'"));
  });
});

describe('mockAsyncIterable', () => {
  test('gives a fresh iterator to each for await', async () => {
    const stream = mockAsyncIterable(['a', 'b']);
    await expect(stream).toYield(['a', 'b']);
    await expect(stream).toYield(['a', 'b']);
    expect(stream.next).toHaveBeenCalledTimes(6);
  });

  test('records return() when the consumer stops early', async () => {
    const stream = mockAsyncIterable(['a', 'b', 'c']);
    for await (const item of stream) if (item === 'b') break;
    expect(stream.return).toHaveBeenCalledTimes(1);
  });

  test('runs a generator factory, and its finally block on an early stop', async () => {
    let closed = 0;
    const stream = mockAsyncIterable(async function* () {
      try {
        yield 1;
        yield 2;
      } finally {
        closed++;
      }
    });
    for await (const item of stream) if (item === 1) break;
    expect(closed).toBe(1);
    await expect(stream).toYield([1, 2]);
  });

  test('throw() reaches the generator', async () => {
    const stream = mockAsyncIterable(async function* () {
      yield 1;
    });
    const iterator = stream[Symbol.asyncIterator]();
    await iterator.next();
    await expect(iterator.throw!(new Error('abort'))).rejects.toThrow('abort');
    expect(stream.throw).toHaveBeenCalledWith(new Error('abort'));
  });

  test('bad input is a TypeError that says what was wrong', () => {
    expect(() => mockAsyncIterable(5 as unknown as number[])).toThrow(
      new TypeError('mockAsyncIterable: source must be an array of values or a function returning an async iterator, received 5'),
    );
  });
});

describe('mockAsyncDisposable', () => {
  interface Connection {
    query(sql: string): Promise<number>;
  }

  test('is disposed by await using, and the test can see it', async () => {
    const conn = mockAsyncDisposable<Connection>();
    conn.query.mockResolvedValue(3);
    {
      await using scoped = conn;
      await expect(scoped.query('select')).resolves.toBe(3);
      expect(conn[Symbol.asyncDispose]).not.toHaveBeenCalled();
    }
    expect(conn[Symbol.asyncDispose]).toHaveBeenCalledTimes(1);
  });

  test('keeps the given implementation', async () => {
    const conn = mockAsyncDisposable<Connection>({ query: async () => 9 });
    await expect(conn.query('x')).resolves.toBe(9);
  });
});

describe('deep mocks and await', () => {
  interface Service {
    client: { connect(): Promise<void> };
  }

  test('awaiting a mock or a deep mock property does not hang (the then trap)', async () => {
    const service = mockDeep<Service>();
    await expect(Promise.resolve(service)).toResolveWithin(100);
    await expect((async () => await service.client)()).toResolveWithin(100);
    await expect(async () => mock<Service>()).toResolveWithin(100);
  });
});
