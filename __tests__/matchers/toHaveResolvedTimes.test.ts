import { deferred } from '../../src';
import { failureOf } from '../helpers/failure';
import { MIXED_CALLS, mixedMock } from '../helpers/mixedMock';

describe('.toHaveResolvedTimes', () => {
  test('passes when exactly n calls returned a promise that fulfilled', async () => {
    await expect(mixedMock()).toHaveResolvedTimes(1);
    const api = jest.fn().mockResolvedValue('ok');
    await api();
    await api();
    await expect(api).toHaveResolvedTimes(2);
  });

  test('0 means no call fulfilled, as toHaveReturnedTimes(0)', async () => {
    await expect(jest.fn()).toHaveResolvedTimes(0);
    const api = jest.fn().mockRejectedValue(new Error('down'));
    await api().catch(() => undefined);
    await expect(api).toHaveResolvedTimes(0);
  });

  test('a pending promise, a plain value and a synchronous throw do not count', async () => {
    const api = jest
      .fn()
      .mockReturnValueOnce(deferred().promise)
      .mockReturnValueOnce(1)
      .mockImplementationOnce(() => {
        throw new Error('sync');
      });
    api();
    api();
    expect(() => api()).toThrow('sync');
    await expect(api).toHaveResolvedTimes(0);
  });

  test('a promise that fulfils after the call, before the matcher runs, counts', async () => {
    const reply = deferred<string>();
    const api = jest.fn().mockReturnValue(reply.promise);
    void api();
    reply.resolve('late');
    await expect(api).toHaveResolvedTimes(1);
  });

  test('fails with the expected and received counts and every call', async () => {
    const message = await failureOf(() => expect(mixedMock()).toHaveResolvedTimes(2));
    expect(message).toBe(
      `expect(received).toHaveResolvedTimes(expected)\n\nExpected: 2 calls that resolved\nReceived: 1 call that resolved\n\n${MIXED_CALLS}`,
    );
  });

  test('fails for a mock never called', async () => {
    const message = await failureOf(() => expect(jest.fn()).toHaveResolvedTimes(1));
    expect(message).toBe('expect(received).toHaveResolvedTimes(expected)\n\nExpected: 1 call that resolved\nReceived: the mock was never called');
  });

  test('works through jest.spyOn', async () => {
    const api = { get: async (id: number) => ({ id }) };
    const spy = jest.spyOn(api, 'get');
    await api.get(1);
    await expect(spy).toHaveResolvedTimes(1);
  });
});

describe('.not.toHaveResolvedTimes', () => {
  test('passes when the count differs', async () => {
    await expect(mixedMock()).not.toHaveResolvedTimes(2);
    await expect(jest.fn()).not.toHaveResolvedTimes(1);
  });

  test('fails when the count is n', async () => {
    const message = await failureOf(() => expect(mixedMock()).not.toHaveResolvedTimes(1));
    expect(message).toBe(
      `expect(received).not.toHaveResolvedTimes(expected)\n\nExpected: not 1 call that resolved\nReceived: 1 call that resolved\n\n${MIXED_CALLS}`,
    );
  });
});

describe('.toHaveResolvedTimes, bad input', () => {
  test.each([
    ['a function that is not a mock', async () => 1],
    ['a promise', Promise.resolve(1)],
    ['undefined', undefined],
  ])('received %s is a matcher error, under .not too', async (_what, received) => {
    for (const assertion of [() => expect(received).toHaveResolvedTimes(1), () => expect(received).not.toHaveResolvedTimes(1)]) {
      const message = await failureOf(assertion);
      expect(message).toContain('Matcher error: received value must be a mock or spy function');
      expect(message).toContain('Received has value:');
    }
  });

  test.each([[-1], [1.5], [NaN], ['2'], [undefined]])('n = %p is a matcher error, under .not too', async (n) => {
    for (const assertion of [
      () => expect(jest.fn()).toHaveResolvedTimes(n as number),
      () => expect(jest.fn()).not.toHaveResolvedTimes(n as number),
    ]) {
      const message = await failureOf(assertion);
      expect(message).toContain('Matcher error: expected value must be a non-negative integer');
      expect(message).toContain(`Expected has value: ${n === '2' ? '"2"' : String(n)}`);
    }
  });
});
