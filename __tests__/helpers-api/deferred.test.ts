import { deferred } from '../../src';

describe('deferred', () => {
  test('is pending until resolved, then fulfilled with the value', async () => {
    const answer = deferred<number>();
    expect(answer.state).toBe('pending');
    await expect(answer.promise).toBePending();
    answer.resolve(42);
    expect(answer.state).toBe('fulfilled');
    await expect(answer.promise).resolves.toBe(42);
  });

  test('reject settles it at once as rejected', async () => {
    const answer = deferred<number>();
    answer.reject(new Error('gone'));
    expect(answer.state).toBe('rejected');
    await expect(answer.promise).rejects.toThrow('gone');
  });

  test('only the first settle counts, as with a promise', async () => {
    const answer = deferred<string>();
    answer.resolve('first');
    answer.reject(new Error('late'));
    answer.resolve('second');
    expect(answer.state).toBe('fulfilled');
    await expect(answer.promise).resolves.toBe('first');
  });

  test('resolving with a promise follows it', async () => {
    const inner = deferred<string>();
    const outer = deferred<string>();
    outer.resolve(inner.promise);
    expect(outer.state).toBe('pending');
    inner.reject(new Error('inner failed'));
    await expect(outer.promise).rejects.toThrow('inner failed');
    expect(outer.state).toBe('rejected');
  });
});
