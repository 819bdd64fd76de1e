import { readFile } from 'node:fs/promises';
import { failureOf } from '../helpers/failure';

class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}
class NotFoundError extends HttpError {
  override name = 'NotFoundError';
}

const rejecting = (reason: unknown) => Promise.reject(reason);
const notFound = () => rejecting(new NotFoundError(404, 'GET /users/7: not found'));

describe('.toRejectWith', () => {
  test('with no argument, passes for any rejection', async () => {
    await expect(notFound()).toRejectWith();
    await expect(rejecting('a plain string')).toRejectWith();
  });

  test('a class passes for instances of it and of its subclasses', async () => {
    await expect(notFound()).toRejectWith(NotFoundError);
    await expect(notFound()).toRejectWith(HttpError);
    await expect(notFound()).toRejectWith(Error);
  });

  test('a built-in class also matches errors from Node itself (another realm)', async () => {
    await expect(readFile('/definitely/not/here')).toRejectWith(Error, { code: 'ENOENT' });
    await expect(readFile(42 as unknown as string)).toRejectWith(TypeError);
  });

  test('a string is a substring of the message', async () => {
    await expect(notFound()).toRejectWith('not found');
    await expect(rejecting('timeout after 5s')).toRejectWith('timeout');
  });

  test('a RegExp is searched in the message, like pytest.raises(match=...)', async () => {
    await expect(notFound()).toRejectWith(/users\/\d+/);
    const sticky = /found/g;
    await expect(notFound()).toRejectWith(sticky);
    await expect(notFound()).toRejectWith(sticky); // lastIndex of a global RegExp does not leak between uses
  });

  test('an asymmetric matcher is accepted as the properties', async () => {
    await expect(notFound()).toRejectWith(HttpError, expect.objectContaining({ status: 404 }));
  });

  test('an object is a subset of the error properties, as toMatchObject', async () => {
    await expect(notFound()).toRejectWith({ status: 404 });
    await expect(notFound()).toRejectWith({ status: expect.any(Number), name: 'NotFoundError' });
  });

  test('an Error instance requires the same class and message', async () => {
    await expect(notFound()).toRejectWith(new NotFoundError(0, 'GET /users/7: not found'));
  });

  test.each([
    ['a string', 'users/7'],
    ['a RegExp', /^GET/],
    ['an object', { status: 404 }],
  ])('a class combines with %s', async (_what, detail) => {
    await expect(notFound()).toRejectWith(HttpError, detail);
  });

  test('accepts a function returning the promise', async () => {
    await expect(async () => {
      throw new HttpError(500, 'boom');
    }).toRejectWith(HttpError, { status: 500 });
  });

  test('through .rejects it checks the reason it is given', async () => {
    await expect(notFound()).rejects.toRejectWith(HttpError, /not found/);
  });

  test('fails when it resolved, showing the value', async () => {
    const message = await failureOf(() => expect(Promise.resolve({ ok: true })).toRejectWith(HttpError));
    expect(message).toBe('expect(received).toRejectWith(expected)\n\nExpected: a rejection with HttpError\nReceived: resolved with {"ok": true}');
  });

  test('fails on another class, showing both classes and the message', async () => {
    const message = await failureOf(() => expect(rejecting(new RangeError('port 70000'))).toRejectWith(HttpError, 'not found'));
    expect(message).toBe(
      'expect(received).toRejectWith(expected, detail)\n\n' +
        'Expected: a rejection with HttpError, message containing "not found"\n' +
        'Received: rejected with RangeError: port 70000',
    );
  });

  test('fails on a message that does not match', async () => {
    const message = await failureOf(() => expect(notFound()).toRejectWith(/forbidden/));
    expect(message).toContain('Expected: a rejection with message matching /forbidden/\nReceived: rejected with NotFoundError: GET /users/7: not found');
  });

  test('fails on properties that differ, with a diff of the named properties', async () => {
    const message = await failureOf(() => expect(notFound()).toRejectWith(HttpError, { status: 500 }));
    expect(message).toContain('Expected: a rejection with HttpError, properties {"status": 500}');
    expect(message).toContain('- Expected properties  - 1\n+ Received properties  + 1');
    expect(message).toContain('-   "status": 500,\n+   "status": 404,');
  });

  test('an Error instance fails for a subclass or another message', async () => {
    await expect(notFound()).not.toRejectWith(new HttpError(404, 'GET /users/7: not found'));
    const message = await failureOf(() => expect(notFound()).toRejectWith(new NotFoundError(404, 'other')));
    expect(message).toContain('Expected: a rejection with NotFoundError, message equal to "other"');
  });

  test('the received error is named by its class when its name was left at "Error"', async () => {
    class QuotaError extends Error {}
    const message = await failureOf(() => expect(rejecting(new QuotaError('over quota'))).toRejectWith(TypeError));
    expect(message).toContain('Received: rejected with QuotaError: over quota');
  });

  test('a message check fails for a reason that has no message', async () => {
    const message = await failureOf(() => expect(rejecting(42)).toRejectWith('4'));
    expect(message).toContain('Received: rejected with 42');
  });
});

describe('.not.toRejectWith', () => {
  test('passes when it resolves', async () => {
    await expect(Promise.resolve(1)).not.toRejectWith();
  });

  test('passes when the reason does not match', async () => {
    await expect(notFound()).not.toRejectWith(TypeError);
    await expect(notFound()).not.toRejectWith(HttpError, { status: 500 });
  });

  test('fails when the reason matches, showing it', async () => {
    const message = await failureOf(() => expect(notFound()).not.toRejectWith(HttpError));
    expect(message).toBe(
      'expect(received).not.toRejectWith(expected)\n\n' +
        'Expected: not a rejection with HttpError\n' +
        'Received: rejected with NotFoundError: GET /users/7: not found',
    );
  });
});

describe('.toRejectWith bad input', () => {
  test('a bad argument next to a rejected promise is a matcher error, not an unhandled rejection', async () => {
    // Regression: the promise was observed only after the arguments were checked, and its
    // rejection took the whole Jest process down.
    const message = await failureOf(() => expect(notFound()).toRejectWith(42 as unknown as string));
    expect(message).toContain('Matcher error: expected value must be');
  });

  test('a received value that is not a promise is a matcher error, also under .not', async () => {
    for (const assertion of [() => expect('oops').toRejectWith(Error), () => expect('oops').not.toRejectWith(Error)]) {
      const message = await failureOf(assertion);
      expect(message).toContain('Matcher error: received value must be a promise or a function returning one');
      expect(message).toContain('Received has type:  string');
    }
  });

  test.each([
    ['a number', [42], 'expected value must be an Error class, a string, a RegExp, a plain object of properties or an Error instance'],
    ['null', [null], 'expected value must be an Error class, a string, a RegExp, a plain object of properties or an Error instance'],
    ['an arrow function', [() => undefined], 'expected value must be a class (a constructor function)'],
    ['a detail after a string', ['boom', 'bang'], 'a second argument is only allowed after an Error class'],
    ['a detail without a class', [undefined, 'bang'], 'a second argument needs an Error class as the first'],
    ['a numeric detail', [Error, 404], 'the second argument must be a string, a RegExp or a plain object of properties'],
    ['a Date', [new Date(0)], 'expected value must be an Error class, a string, a RegExp, a plain object of properties or an Error instance'],
    ['a Map', [new Map()], 'expected value must be an Error class, a string, a RegExp, a plain object of properties or an Error instance'],
    ['a promise', [Promise.resolve()], 'expected value must be an Error class, a string, a RegExp, a plain object of properties or an Error instance'],
    ['a Date detail', [Error, new Date(0)], 'the second argument must be a string, a RegExp or a plain object of properties'],
  ])('%s is a matcher error', async (_what, args, problem) => {
    const message = await failureOf(() => (expect(notFound()).toRejectWith as (...a: unknown[]) => Promise<void>)(...args));
    expect(message).toContain(`Matcher error: ${problem}`);
  });
});
