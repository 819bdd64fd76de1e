// A task timer the test started and did not wait for: it fires while the next test runs.
const fired: string[] = [];

test('starts a task and does not wait for it', () => {
  setTimeout(() => fired.push('task'), 60);
});

test('the next test runs while it fires', async () => {
  await new Promise((resolve) => setTimeout(resolve, 120));
  expect(fired).toEqual(['task']);
});
