import { deferred } from '../../src';
import { failureOf } from '../helpers/failure';
import { MIXED_CALLS, mixedMock } from '../helpers/mixedMock';

describe('.toHaveRejectedTimes', () => {
  test('passes when exactly n calls returned a promise that rejected', async () => {
    await expect(mixedMock()).toHaveRejectedTimes(1);
    const api = jest.fn().mockRejectedValue(new Error('busy'));
    await api().catch(() => undefined);
    await api().catch(() => undefined);
    await expect(api).toHaveRejectedTimes(2);
  });

  test('0 means no call rejected', async () => {
    await expect(jest.fn()).toHaveRejectedTimes(0);
    const api = jest.fn().mockResolvedValue('ok');
    await api();
    await expect(api).toHaveRejectedTimes(0);
  });

  test('a synchronous throw is not a rejection; a promise rejected after the call is', async () => {
    const reply = deferred<string>();
    const api = jest
      .fn()
      .mockImplementationOnce(() => {
        throw new Error('sync');
      })
      .mockReturnValueOnce(reply.promise);
    expect(() => api()).toThrow('sync');
    (api() as Promise<string>).catch(() => undefined);
    reply.reject(new Error('late'));
    await expect(api).toHaveRejectedTimes(1);
  });

  test('fails with the expected and received counts and every call', async () => {
    const message = await failureOf(() => expect(mixedMock()).toHaveRejectedTimes(0));
    expect(message).toBe(
      `expect(received).toHaveRejectedTimes(expected)\n\nExpected: 0 calls that rejected\nReceived: 1 call that rejected\n\n${MIXED_CALLS}`,
    );
  });

  test('fails for a mock never called', async () => {
    const message = await failureOf(() => expect(jest.fn()).toHaveRejectedTimes(3));
    expect(message).toBe('expect(received).toHaveRejectedTimes(expected)\n\nExpected: 3 calls that rejected\nReceived: the mock was never called');
  });
});

describe('.not.toHaveRejectedTimes', () => {
  test('passes when the count differs', async () => {
    await expect(mixedMock()).not.toHaveRejectedTimes(0);
    await expect(mixedMock()).not.toHaveRejectedTimes(2);
  });

  test('fails when the count is n', async () => {
    const message = await failureOf(() => expect(mixedMock()).not.toHaveRejectedTimes(1));
    expect(message).toBe(
      `expect(received).not.toHaveRejectedTimes(expected)\n\nExpected: not 1 call that rejected\nReceived: 1 call that rejected\n\n${MIXED_CALLS}`,
    );
  });
});

describe('.toHaveRejectedTimes, bad input', () => {
  test.each([
    ['a function that is not a mock', async () => 1],
    ['a rejected promise', Promise.reject(new Error('x')).catch(() => undefined)],
    ['null', null],
  ])('received %s is a matcher error, under .not too', async (_what, received) => {
    for (const assertion of [() => expect(received).toHaveRejectedTimes(1), () => expect(received).not.toHaveRejectedTimes(1)]) {
      const message = await failureOf(assertion);
      expect(message).toContain('Matcher error: received value must be a mock or spy function');
      expect(message).toContain('Received has value:');
    }
  });

  test.each([[-1], [1.5], [NaN], ['2'], [Infinity]])('n = %p is a matcher error, under .not too', async (n) => {
    for (const assertion of [
      () => expect(jest.fn()).toHaveRejectedTimes(n as number),
      () => expect(jest.fn()).not.toHaveRejectedTimes(n as number),
    ]) {
      const message = await failureOf(assertion);
      expect(message).toContain('Matcher error: expected value must be a non-negative integer');
      expect(message).toContain(`Expected has value: ${n === '2' ? '"2"' : String(n)}`);
    }
  });
});
