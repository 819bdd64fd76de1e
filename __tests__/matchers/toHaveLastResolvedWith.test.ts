import { deferred } from '../../src';
import { failureOf } from '../helpers/failure';
import { MIXED_CALLS, mixedMock } from '../helpers/mixedMock';

const hint = 'expect(received).toHaveLastResolvedWith(expected)\n\n';

function pollMock() {
  const api = jest.fn().mockResolvedValueOnce({ state: 'queued', id: 7 }).mockResolvedValueOnce({ state: 'done', id: 7 });
  void api();
  void api();
  return api;
}

describe('.toHaveLastResolvedWith', () => {
  test('passes when the last call fulfilled with an equal value', async () => {
    await expect(pollMock()).toHaveLastResolvedWith({ state: 'done', id: 7 });
  });

  test('asymmetric matchers work', async () => {
    await expect(pollMock()).toHaveLastResolvedWith(expect.objectContaining({ state: 'done' }));
    await expect(pollMock()).toHaveLastResolvedWith({ state: expect.stringMatching(/^do/), id: expect.any(Number) });
  });

  test('a promise that fulfils after the call, before the matcher runs, counts', async () => {
    const reply = deferred<number>();
    const api = jest.fn().mockReturnValue(reply.promise);
    void api();
    reply.resolve(3);
    await expect(api).toHaveLastResolvedWith(3);
  });

  test('fails with a diff when the last call fulfilled with another value', async () => {
    const message = await failureOf(() => expect(pollMock()).toHaveLastResolvedWith({ state: 'failed', id: 7 }));
    expect(message).toBe(
      hint +
        'Expected: resolved with {"id": 7, "state": "failed"}\n' +
        'Received: call 2 resolved with {"id": 7, "state": "done"}\n\n' +
        '- Expected  - 1\n+ Received  + 1\n\n  Object {\n    "id": 7,\n-   "state": "failed",\n+   "state": "done",\n  }\n\n' +
        'Calls:\n  call 1: resolved with {"id": 7, "state": "queued"}\n  call 2: resolved with {"id": 7, "state": "done"}',
    );
  });

  test('fails saying what the last call did when it did not fulfil', async () => {
    const message = await failureOf(() => expect(mixedMock()).toHaveLastResolvedWith('sync'));
    expect(message).toBe(`${hint}Expected: resolved with "sync"\nReceived: call 4 returned "sync", not a promise\n\n${MIXED_CALLS}`);
  });

  test('fails for a mock never called', async () => {
    expect(await failureOf(() => expect(jest.fn()).toHaveLastResolvedWith(1))).toBe(`${hint}Expected: resolved with 1\nReceived: the mock was never called`);
  });
});

describe('.not.toHaveLastResolvedWith', () => {
  test('passes when the last call did not fulfil with the value', async () => {
    await expect(pollMock()).not.toHaveLastResolvedWith({ state: 'queued', id: 7 });
    await expect(mixedMock()).not.toHaveLastResolvedWith({ id: 1 });
    await expect(jest.fn()).not.toHaveLastResolvedWith(undefined);
  });

  test('fails when the last call fulfilled with the value', async () => {
    const message = await failureOf(() => expect(pollMock()).not.toHaveLastResolvedWith(expect.objectContaining({ state: 'done' })));
    expect(message).toBe(
      'expect(received).not.toHaveLastResolvedWith(expected)\n\n' +
        'Expected: not resolved with ObjectContaining {"state": "done"}\n' +
        'Received: call 2 resolved with {"id": 7, "state": "done"}\n\n' +
        'Calls:\n  call 1: resolved with {"id": 7, "state": "queued"}\n  call 2: resolved with {"id": 7, "state": "done"}',
    );
  });
});

describe('.toHaveLastResolvedWith, bad input', () => {
  test.each([
    ['a function that is not a mock', async () => 1],
    ['a plain object', { mock: {} }],
  ])('received %s is a matcher error, under .not too', async (_what, received) => {
    for (const assertion of [() => expect(received).toHaveLastResolvedWith(1), () => expect(received).not.toHaveLastResolvedWith(1)]) {
      const message = await failureOf(assertion);
      expect(message).toContain('Matcher error: received value must be a mock or spy function');
      expect(message).toContain('Received has value:');
    }
  });
});
