// The environment guards Promise.all/allSettled/race/any of the test's realm (assertions handed to
// one nobody awaited are reported); for everything else they behave as Node's own.
function* failsAfterOne(): Generator<number> {
  yield 1;
  throw new Error('boom');
}

test('an iterable that throws rejects the combinator with its error', async () => {
  await expect(Promise.all(failsAfterOne())).rejects.toThrow('boom');
  await expect(Promise.race(failsAfterOne())).rejects.toThrow('boom');
});

test('a value that is not iterable rejects, an array-like included', async () => {
  await expect(Promise.all({ length: 1, 0: 1 } as unknown as Iterable<number>)).rejects.toThrow(TypeError);
  await expect(Promise.allSettled(42 as unknown as Iterable<number>)).rejects.toThrow(TypeError);
});

test('values, order and names are those of the originals', async () => {
  await expect(Promise.all(new Set([1, Promise.resolve(2)]))).resolves.toEqual([1, 2]);
  await expect(Promise.any([Promise.reject(new Error('no')), 3])).resolves.toBe(3);
  expect([Promise.all.name, Promise.all.length]).toEqual(['all', 1]);
});

test('a combinator of assertions is awaited for them', async () => {
  await Promise.all([expect(Promise.resolve(1)).resolves.toBe(1), expect(Promise.reject(new Error('x'))).rejects.toThrow('x')]);
});
