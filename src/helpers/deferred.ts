import { isThenable } from './thenable';

/** A promise settled from the outside, and where it stands. */
export interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T | PromiseLike<T>): void;
  reject(reason?: unknown): void;
  /** `'pending'` until the promise settles; set at once by `resolve(value)` and `reject(reason)`. */
  readonly state: 'pending' | 'fulfilled' | 'rejected';
}


/**
 * A promise with its `resolve` and `reject` in hand: the building block for deterministic async
 * tests (decide in the test when a dependency answers, instead of racing the clock).
 * @example
 * const reply = deferred<string>();
 * transport.send.mockReturnValue(reply.promise);
 * const call = client.request('ping');
 * await expect(call).toBePending();
 * reply.resolve('pong');
 * await expect(call).resolves.toBe('pong');
 */
export function deferred<T = void>(): Deferred<T> {
  let state: Deferred<T>['state'] = 'pending';
  let locked = false;
  let resolvePromise!: (value: T | PromiseLike<T>) => void;
  let rejectPromise!: (reason?: unknown) => void;
  const promise = new Promise<T>((resolve, reject) => {
    resolvePromise = resolve;
    rejectPromise = reject;
  });
  return {
    promise,
    resolve(value) {
      if (!locked) {
        locked = true;
        if (isThenable(value)) {
          // Follows the thenable; its rejection still surfaces through `promise`.
          Promise.resolve(value).then(
            () => (state = 'fulfilled'),
            () => (state = 'rejected'),
          );
        } else {
          state = 'fulfilled';
        }
      }
      resolvePromise(value);
    },
    reject(reason) {
      if (!locked) {
        locked = true;
        state = 'rejected';
      }
      rejectPromise(reason);
    },
    get state() {
      return state;
    },
  };
}
