// Under the preset's environment Node stores async ids on every promise (as symbols); equality
// must not see them, as bare Jest does not.
const NODE_ASYNC_IDS = ['async_id_symbol', 'trigger_async_id_symbol'];

async function call(): Promise<number> {
  return 1;
}

test("this file's promises carry Node's async-id symbols, which is what the tester is for", () => {
  const descriptions = Object.getOwnPropertySymbols(Promise.resolve(1)).map((symbol) => symbol.description);
  expect(descriptions).toEqual(expect.arrayContaining(NODE_ASYNC_IDS));
});

test('two promises of one async function are equal, as under bare Jest', async () => {
  const first = call();
  const second = call();
  expect(first).toEqual(second);
  expect(first).toStrictEqual(second);
  expect({ pending: first }).toEqual({ pending: second });
  await Promise.all([first, second]);
});

test('a property of its own still tells promises apart', () => {
  const tagged = Object.assign(Promise.resolve(1), { tag: 'a' });
  expect(tagged).not.toEqual(Promise.resolve(1));
  expect(tagged).toEqual(Object.assign(Promise.resolve(2), { tag: 'a' }));
});

test('promises are still not equal to other values', () => {
  expect(Promise.resolve(1)).not.toEqual({});
  expect({}).not.toEqual(Promise.resolve(1));
});
