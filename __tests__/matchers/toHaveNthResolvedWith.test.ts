import { deferred } from '../../src';
import { failureOf } from '../helpers/failure';
import { MIXED_CALLS, mixedMock } from '../helpers/mixedMock';

const hint = 'expect(received).toHaveNthResolvedWith(n, expected)\n\n';

describe('.toHaveNthResolvedWith', () => {
  test('passes when call n (from 1) fulfilled with an equal value', async () => {
    await expect(mixedMock()).toHaveNthResolvedWith(1, { id: 1 });
    const api = jest.fn().mockResolvedValueOnce([1]).mockResolvedValueOnce(new Map([['a', 2]]));
    await api();
    await api();
    await expect(api).toHaveNthResolvedWith(2, new Map([['a', 2]]));
  });

  test('asymmetric matchers work', async () => {
    await expect(mixedMock()).toHaveNthResolvedWith(1, { id: expect.any(Number) });
    await expect(mixedMock()).toHaveNthResolvedWith(1, expect.objectContaining({ id: 1 }));
  });

  test('a promise that fulfils after the call, before the matcher runs, counts', async () => {
    const reply = deferred<string>();
    const api = jest.fn().mockResolvedValueOnce('first').mockReturnValueOnce(reply.promise);
    void api();
    void api();
    reply.resolve('second');
    await expect(api).toHaveNthResolvedWith(2, 'second');
  });

  test('fails with a diff when call n fulfilled with another value', async () => {
    const message = await failureOf(() => expect(mixedMock()).toHaveNthResolvedWith(1, { id: 2 }));
    expect(message).toBe(
      hint +
        'Expected: resolved with {"id": 2}\n' +
        'Received: call 1 resolved with {"id": 1}\n\n' +
        '- Expected  - 1\n+ Received  + 1\n\n  Object {\n-   "id": 2,\n+   "id": 1,\n  }\n\n' +
        MIXED_CALLS,
    );
  });

  test('fails saying what call n did when it did not fulfil', async () => {
    const message = await failureOf(() => expect(mixedMock()).toHaveNthResolvedWith(2, { id: 1 }));
    expect(message).toBe(`${hint}Expected: resolved with {"id": 1}\nReceived: call 2 rejected with HttpError: HTTP 503\n\n${MIXED_CALLS}`);
    expect(await failureOf(() => expect(mixedMock()).toHaveNthResolvedWith(3, 1))).toContain('Received: call 3 still pending\n');
    expect(await failureOf(() => expect(mixedMock()).toHaveNthResolvedWith(4, 'sync'))).toContain('Received: call 4 returned "sync", not a promise\n');
  });

  test('fails when there is no call n, saying how many calls there were', async () => {
    const message = await failureOf(() => expect(mixedMock()).toHaveNthResolvedWith(5, { id: 1 }));
    expect(message).toBe(`${hint}Expected: resolved with {"id": 1}\nReceived: no call 5: the mock was called 4 times\n\n${MIXED_CALLS}`);
    const once = jest.fn().mockResolvedValue(1);
    await once();
    expect(await failureOf(() => expect(once).toHaveNthResolvedWith(2, 1))).toContain('Received: no call 2: the mock was called once');
    expect(await failureOf(() => expect(jest.fn()).toHaveNthResolvedWith(1, 1))).toBe(
      `${hint}Expected: resolved with 1\nReceived: the mock was never called`,
    );
  });
});

describe('.not.toHaveNthResolvedWith', () => {
  test('passes when call n did not fulfil with the value, or does not exist', async () => {
    await expect(mixedMock()).not.toHaveNthResolvedWith(1, { id: 2 });
    await expect(mixedMock()).not.toHaveNthResolvedWith(2, { id: 1 });
    await expect(mixedMock()).not.toHaveNthResolvedWith(9, { id: 1 });
    await expect(mixedMock()).not.toHaveNthResolvedWith(1, { id: expect.any(String) });
  });

  test('fails when call n fulfilled with the value', async () => {
    const message = await failureOf(() => expect(mixedMock()).not.toHaveNthResolvedWith(1, { id: expect.any(Number) }));
    expect(message).toBe(
      'expect(received).not.toHaveNthResolvedWith(n, expected)\n\n' +
        'Expected: not resolved with {"id": Any<Number>}\n' +
        `Received: call 1 resolved with {"id": 1}\n\n${MIXED_CALLS}`,
    );
  });
});

describe('.toHaveNthResolvedWith, bad input', () => {
  test.each([
    ['a function that is not a mock', async () => 1],
    ['a string', 'api'],
  ])('received %s is a matcher error, under .not too', async (_what, received) => {
    for (const assertion of [() => expect(received).toHaveNthResolvedWith(1, 1), () => expect(received).not.toHaveNthResolvedWith(1, 1)]) {
      const message = await failureOf(assertion);
      expect(message).toContain('Matcher error: received value must be a mock or spy function');
      expect(message).toContain('Received has value:');
    }
  });

  test.each([[0], [-1], [1.5], [NaN], ['2']])('n = %p is a matcher error, under .not too', async (n) => {
    for (const assertion of [
      () => expect(mixedMock()).toHaveNthResolvedWith(n as number, 1),
      () => expect(mixedMock()).not.toHaveNthResolvedWith(n as number, 1),
    ]) {
      const message = await failureOf(assertion);
      expect(message).toContain('Matcher error: n must be a positive integer');
      expect(message).toContain(`n has value: ${n === '2' ? '"2"' : String(n)}`);
    }
  });
});
