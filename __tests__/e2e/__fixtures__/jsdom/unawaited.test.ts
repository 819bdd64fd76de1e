test('an unawaited .resolves assertion', () => {
  expect(Promise.resolve(document.title)).resolves.toBe('');
});

test('pending fake timers are not real handles', () => {
  jest.useFakeTimers();
  setTimeout(() => undefined, 10_000);
  jest.useRealTimers();
});
