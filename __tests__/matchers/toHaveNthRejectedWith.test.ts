import { deferred } from '../../src';
import { failureOf } from '../helpers/failure';
import { HttpError, MIXED_CALLS, mixedMock } from '../helpers/mixedMock';

describe('.toHaveNthRejectedWith', () => {
  test('with only n, passes when call n rejected', async () => {
    await expect(mixedMock()).toHaveNthRejectedWith(2);
  });

  test('passes with the forms of toRejectWith', async () => {
    await expect(mixedMock()).toHaveNthRejectedWith(2, HttpError);
    await expect(mixedMock()).toHaveNthRejectedWith(2, Error);
    await expect(mixedMock()).toHaveNthRejectedWith(2, 'HTTP 5');
    await expect(mixedMock()).toHaveNthRejectedWith(2, /50\d/);
    await expect(mixedMock()).toHaveNthRejectedWith(2, { status: 503 });
    await expect(mixedMock()).toHaveNthRejectedWith(2, new HttpError(503));
    await expect(mixedMock()).toHaveNthRejectedWith(2, HttpError, 'HTTP 503');
    await expect(mixedMock()).toHaveNthRejectedWith(2, HttpError, /503$/);
    await expect(mixedMock()).toHaveNthRejectedWith(2, HttpError, { status: 503 });
  });

  test('asymmetric matchers work', async () => {
    await expect(mixedMock()).toHaveNthRejectedWith(2, { status: expect.any(Number) });
    await expect(mixedMock()).toHaveNthRejectedWith(2, HttpError, expect.objectContaining({ status: 503 }));
  });

  test('a promise that rejects after the call, before the matcher runs, counts', async () => {
    const reply = deferred<string>();
    const api = jest.fn().mockResolvedValueOnce('ok').mockReturnValueOnce(reply.promise);
    void api();
    (api() as Promise<string>).catch(() => undefined);
    reply.reject(new TypeError('late'));
    await expect(api).toHaveNthRejectedWith(2, TypeError, 'late');
  });

  test('fails with a diff of the properties when call n rejected with others', async () => {
    const message = await failureOf(() => expect(mixedMock()).toHaveNthRejectedWith(2, HttpError, { status: 404 }));
    expect(message).toBe(
      'expect(received).toHaveNthRejectedWith(n, expected, detail)\n\n' +
        'Expected: rejected with HttpError, properties {"status": 404}\n' +
        'Received: call 2 rejected with HttpError: HTTP 503\n\n' +
        '- Expected properties  - 1\n+ Received properties  + 1\n\n  Object {\n-   "status": 404,\n+   "status": 503,\n  }\n\n' +
        MIXED_CALLS,
    );
  });

  test('fails saying what call n did when it did not reject', async () => {
    const message = await failureOf(() => expect(mixedMock()).toHaveNthRejectedWith(1));
    expect(message).toBe(`expect(received).toHaveNthRejectedWith(n)\n\nExpected: rejected\nReceived: call 1 resolved with {"id": 1}\n\n${MIXED_CALLS}`);
    expect(await failureOf(() => expect(mixedMock()).toHaveNthRejectedWith(3, HttpError))).toContain('Received: call 3 still pending\n');
  });

  test('a call that threw synchronously is not a rejection', async () => {
    const api = jest.fn(() => {
      throw new HttpError(500);
    });
    expect(() => api()).toThrow();
    expect(await failureOf(() => expect(api).toHaveNthRejectedWith(1, HttpError))).toContain('Received: call 1 threw [Error: HTTP 500]');
  });

  test('fails when there is no call n, saying how many calls there were', async () => {
    const message = await failureOf(() => expect(mixedMock()).toHaveNthRejectedWith(6, 'HTTP'));
    expect(message).toBe(
      `expect(received).toHaveNthRejectedWith(n, expected)\n\nExpected: rejected with message containing "HTTP"\nReceived: no call 6: the mock was called 4 times\n\n${MIXED_CALLS}`,
    );
    expect(await failureOf(() => expect(jest.fn()).toHaveNthRejectedWith(1))).toBe(
      'expect(received).toHaveNthRejectedWith(n)\n\nExpected: rejected\nReceived: the mock was never called',
    );
  });
});

describe('.not.toHaveNthRejectedWith', () => {
  test('passes when call n did not reject so, or does not exist', async () => {
    await expect(mixedMock()).not.toHaveNthRejectedWith(1);
    await expect(mixedMock()).not.toHaveNthRejectedWith(2, TypeError);
    await expect(mixedMock()).not.toHaveNthRejectedWith(2, HttpError, { status: 404 });
    await expect(mixedMock()).not.toHaveNthRejectedWith(5);
  });

  test('fails when call n rejected so', async () => {
    const message = await failureOf(() => expect(mixedMock()).not.toHaveNthRejectedWith(2, /503/));
    expect(message).toBe(
      'expect(received).not.toHaveNthRejectedWith(n, expected)\n\n' +
        'Expected: not rejected with message matching /503/\n' +
        `Received: call 2 rejected with HttpError: HTTP 503\n\n${MIXED_CALLS}`,
    );
  });
});

describe('.toHaveNthRejectedWith, bad input', () => {
  test.each([
    ['a function that is not a mock', async () => 1],
    ['a number', 42],
  ])('received %s is a matcher error, under .not too', async (_what, received) => {
    for (const assertion of [() => expect(received).toHaveNthRejectedWith(1), () => expect(received).not.toHaveNthRejectedWith(1, Error)]) {
      const message = await failureOf(assertion);
      expect(message).toContain('Matcher error: received value must be a mock or spy function');
      expect(message).toContain('Received has value:');
    }
  });

  test.each([[0], [-1], [1.5], [NaN], ['2']])('n = %p is a matcher error, under .not too', async (n) => {
    for (const assertion of [
      () => expect(mixedMock()).toHaveNthRejectedWith(n as number),
      () => expect(mixedMock()).not.toHaveNthRejectedWith(n as number, HttpError),
    ]) {
      const message = await failureOf(assertion);
      expect(message).toContain('Matcher error: n must be a positive integer');
      expect(message).toContain(`n has value: ${n === '2' ? '"2"' : String(n)}`);
    }
  });

  test('an expectation of another kind is a matcher error naming it, under .not too', async () => {
    for (const assertion of [
      () => expect(mixedMock()).toHaveNthRejectedWith(2, 42 as unknown as string),
      () => expect(mixedMock()).not.toHaveNthRejectedWith(2, 42 as unknown as string),
    ]) {
      const message = await failureOf(assertion);
      expect(message).toContain('toHaveNthRejectedWith(n, expected)\n\nMatcher error: expected value must be an Error class, a string, a RegExp');
      expect(message).toContain('Expected has value: 42');
    }
    expect(await failureOf(() => expect(mixedMock()).toHaveNthRejectedWith(2, 'HTTP' as never, 'detail' as never))).toContain(
      'Matcher error: a second argument is only allowed after an Error class',
    );
  });
});
