import { failureOf } from '../helpers/failure';
import { HttpError, mixedMock } from '../helpers/mixedMock';

const calls =
  'Received:\n' +
  '  call 1: resolved with {"id": 1}\n' +
  '  call 2: rejected with HttpError: HTTP 503\n' +
  '  call 3: still pending\n' +
  '  call 4: returned "sync", not a promise';

describe('.toHaveResolved', () => {
  test('passes when a call returned a promise that fulfilled', async () => {
    await expect(mixedMock()).toHaveResolved();
  });

  test('fails when none did, listing every call', async () => {
    const api = jest.fn().mockRejectedValue(new Error('down'));
    await api().catch(() => undefined);
    const message = await failureOf(() => expect(api).toHaveResolved());
    expect(message).toBe('expect(received).toHaveResolved()\n\nExpected: a call that returned a promise which resolved\nReceived:\n  call 1: rejected with Error: down');
  });

  test('.not fails when one did', async () => {
    const message = await failureOf(() => expect(mixedMock()).not.toHaveResolved());
    expect(message).toBe(`expect(received).not.toHaveResolved()\n\nExpected: no call that returned a promise which resolved\n${calls}`);
  });

  test('a mock never called', async () => {
    expect(await failureOf(() => expect(jest.fn()).toHaveResolved())).toContain('Received: the mock was never called');
  });
});

describe('.toHaveResolvedWith', () => {
  test('passes when a call fulfilled with an equal value', async () => {
    await expect(mixedMock()).toHaveResolvedWith({ id: 1 });
    await expect(mixedMock()).toHaveResolvedWith({ id: expect.any(Number) });
    await expect(mixedMock()).not.toHaveResolvedWith({ id: 2 });
  });

  test('fails listing what each call did', async () => {
    const message = await failureOf(() => expect(mixedMock()).toHaveResolvedWith({ id: 2 }));
    expect(message).toBe(`expect(received).toHaveResolvedWith(expected)\n\nExpected: a call that resolved with {"id": 2}\n${calls}`);
  });
});

describe('.toHaveRejectedWith', () => {
  test('passes with the forms of toRejectWith', async () => {
    await expect(mixedMock()).toHaveRejectedWith();
    await expect(mixedMock()).toHaveRejectedWith(HttpError);
    await expect(mixedMock()).toHaveRejectedWith(HttpError, { status: 503 });
    await expect(mixedMock()).toHaveRejectedWith(/503/);
    await expect(mixedMock()).not.toHaveRejectedWith(TypeError);
  });

  test('fails listing what each call did', async () => {
    const message = await failureOf(() => expect(mixedMock()).toHaveRejectedWith(HttpError, { status: 404 }));
    expect(message).toBe(`expect(received).toHaveRejectedWith(expected, detail)\n\nExpected: a call that rejected with HttpError, properties {"status": 404}\n${calls}`);
  });

  test('a call that threw synchronously is not a rejection', async () => {
    const api = jest.fn(() => {
      throw new HttpError(500);
    });
    expect(() => api()).toThrow();
    expect(await failureOf(() => expect(api).toHaveRejectedWith(HttpError))).toContain('  call 1: threw [Error: HTTP 500]');
  });
});

describe('mock result matchers, bad input', () => {
  test.each([
    ['toHaveResolved', () => expect(async () => 1).toHaveResolved()],
    ['toHaveResolvedWith', () => expect('api').not.toHaveResolvedWith(1)],
    ['toHaveRejectedWith', () => expect({}).toHaveRejectedWith(Error)],
  ])('%s on a value that is not a mock is a matcher error', async (_name, assertion) => {
    expect(await failureOf(assertion)).toContain('Matcher error: received value must be a mock or spy function');
  });

  test('toHaveRejectedWith checks its expectation like toRejectWith', async () => {
    expect(await failureOf(() => expect(jest.fn()).toHaveRejectedWith(42 as unknown as string))).toContain(
      'Matcher error: expected value must be an Error class, a string, a RegExp, a plain object of properties or an Error instance',
    );
  });
});
