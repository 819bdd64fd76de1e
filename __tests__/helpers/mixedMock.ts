import { deferred } from '../../src';

/** An error with a class of its own and a property to match, as the mock-result tests reject with. */
export class HttpError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

/**
 * A mock called four times, whose calls returned, in order: a promise fulfilled with `{ id: 1 }`, one
 * rejected with `HttpError(503)`, one that stays pending (a deferred never settled) and a plain value.
 */
export function mixedMock() {
  const api = jest
    .fn<Promise<unknown> | string, [string]>()
    .mockResolvedValueOnce({ id: 1 })
    .mockRejectedValueOnce(new HttpError(503))
    .mockReturnValueOnce(deferred().promise)
    .mockReturnValueOnce('sync');
  for (const path of ['a', 'b', 'c', 'd']) {
    const result = api(path);
    if (result instanceof Promise) result.catch(() => undefined); // the code under test handles it
  }
  return api;
}

/** The list of calls every message about `mixedMock()` ends with. */
export const MIXED_CALLS =
  'Calls:\n' +
  '  call 1: resolved with {"id": 1}\n' +
  '  call 2: rejected with HttpError: HTTP 503\n' +
  '  call 3: still pending\n' +
  '  call 4: returned "sync", not a promise';
