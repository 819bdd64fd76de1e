import { deferred } from '../../src';
import { failureOf } from '../helpers/failure';
import { HttpError, MIXED_CALLS, mixedMock } from '../helpers/mixedMock';

/** Two calls: the first fulfilled, the last rejected with HttpError(503). */
function retriedMock() {
  const api = jest.fn().mockResolvedValueOnce('ok').mockRejectedValueOnce(new HttpError(503));
  void api();
  (api() as Promise<unknown>).catch(() => undefined);
  return api;
}
const RETRIED_CALLS = 'Calls:\n  call 1: resolved with "ok"\n  call 2: rejected with HttpError: HTTP 503';

describe('.toHaveLastRejectedWith', () => {
  test('with no argument, passes when the last call rejected', async () => {
    await expect(retriedMock()).toHaveLastRejectedWith();
  });

  test('passes with the forms of toRejectWith', async () => {
    await expect(retriedMock()).toHaveLastRejectedWith(HttpError);
    await expect(retriedMock()).toHaveLastRejectedWith('503');
    await expect(retriedMock()).toHaveLastRejectedWith(/^HTTP/);
    await expect(retriedMock()).toHaveLastRejectedWith({ status: 503 });
    await expect(retriedMock()).toHaveLastRejectedWith(new HttpError(503));
    await expect(retriedMock()).toHaveLastRejectedWith(HttpError, /503/);
    await expect(retriedMock()).toHaveLastRejectedWith(HttpError, { status: 503, message: 'HTTP 503' });
  });

  test('asymmetric matchers work', async () => {
    await expect(retriedMock()).toHaveLastRejectedWith({ status: expect.any(Number) });
    await expect(retriedMock()).toHaveLastRejectedWith(Error, expect.objectContaining({ message: expect.stringContaining('503') }));
  });

  test('a promise that rejects after the call, before the matcher runs, counts', async () => {
    const reply = deferred<string>();
    const api = jest.fn().mockReturnValue(reply.promise);
    (api() as Promise<string>).catch(() => undefined);
    reply.reject('ECONNRESET');
    await expect(api).toHaveLastRejectedWith('ECONNRESET');
  });

  test('fails with a diff of the properties when the last call rejected with others', async () => {
    const message = await failureOf(() => expect(retriedMock()).toHaveLastRejectedWith({ status: 429 }));
    expect(message).toBe(
      'expect(received).toHaveLastRejectedWith(expected)\n\n' +
        'Expected: rejected with properties {"status": 429}\n' +
        'Received: call 2 rejected with HttpError: HTTP 503\n\n' +
        '- Expected properties  - 1\n+ Received properties  + 1\n\n  Object {\n-   "status": 429,\n+   "status": 503,\n  }\n\n' +
        RETRIED_CALLS,
    );
  });

  test('fails saying what the last call did when it did not reject', async () => {
    const message = await failureOf(() => expect(mixedMock()).toHaveLastRejectedWith());
    expect(message).toBe(`expect(received).toHaveLastRejectedWith()\n\nExpected: rejected\nReceived: call 4 returned "sync", not a promise\n\n${MIXED_CALLS}`);
  });

  test('an earlier rejection does not count', async () => {
    const api = jest.fn().mockRejectedValueOnce(new HttpError(503)).mockResolvedValueOnce('ok');
    await api().catch(() => undefined);
    await api();
    expect(await failureOf(() => expect(api).toHaveLastRejectedWith(HttpError))).toContain('Received: call 2 resolved with "ok"\n');
  });

  test('fails for a mock never called', async () => {
    expect(await failureOf(() => expect(jest.fn()).toHaveLastRejectedWith(HttpError, 'HTTP'))).toBe(
      'expect(received).toHaveLastRejectedWith(expected, detail)\n\nExpected: rejected with HttpError, message containing "HTTP"\nReceived: the mock was never called',
    );
  });
});

describe('.not.toHaveLastRejectedWith', () => {
  test('passes when the last call did not reject so', async () => {
    await expect(mixedMock()).not.toHaveLastRejectedWith();
    await expect(retriedMock()).not.toHaveLastRejectedWith(TypeError);
    await expect(jest.fn()).not.toHaveLastRejectedWith();
  });

  test('fails when the last call rejected so', async () => {
    const message = await failureOf(() => expect(retriedMock()).not.toHaveLastRejectedWith(HttpError));
    expect(message).toBe(
      'expect(received).not.toHaveLastRejectedWith(expected)\n\n' +
        'Expected: not rejected with HttpError\n' +
        `Received: call 2 rejected with HttpError: HTTP 503\n\n${RETRIED_CALLS}`,
    );
  });
});

describe('.toHaveLastRejectedWith, bad input', () => {
  test.each([
    ['a function that is not a mock', async () => 1],
    ['undefined', undefined],
  ])('received %s is a matcher error, under .not too', async (_what, received) => {
    for (const assertion of [() => expect(received).toHaveLastRejectedWith(), () => expect(received).not.toHaveLastRejectedWith(Error, 'x')]) {
      const message = await failureOf(assertion);
      expect(message).toContain('Matcher error: received value must be a mock or spy function');
      expect(message).toContain('Received has value:');
    }
  });

  test('an expectation of another kind is a matcher error naming it, under .not too', async () => {
    for (const assertion of [
      () => expect(retriedMock()).toHaveLastRejectedWith(true as unknown as string),
      () => expect(retriedMock()).not.toHaveLastRejectedWith(true as unknown as string),
    ]) {
      const message = await failureOf(assertion);
      expect(message).toContain('Matcher error: expected value must be an Error class, a string, a RegExp');
      expect(message).toContain('Expected has value: true');
    }
    expect(await failureOf(() => expect(retriedMock()).toHaveLastRejectedWith(HttpError, 404 as never))).toContain(
      'Matcher error: the second argument must be a string, a RegExp or a plain object of properties',
    );
  });
});
