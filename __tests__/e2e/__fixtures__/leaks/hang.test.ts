let timer: NodeJS.Timeout;
test('hangs on a timer', async () => {
  await new Promise((resolve) => {
    timer = setTimeout(resolve, 10_000);
  });
}, 200);
afterAll(() => clearTimeout(timer));

describe('a beforeAll that hangs', () => {
  let pending: NodeJS.Timeout;
  beforeAll(async () => {
    await new Promise((resolve) => {
      pending = setTimeout(resolve, 10_000);
    });
  }, 200);
  afterAll(() => clearTimeout(pending));
  test('runs after it', () => undefined);
});
