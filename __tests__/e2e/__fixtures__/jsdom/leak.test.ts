test('leaks a timer', () => {
  document.body.innerHTML = '<p>loading</p>';
  setTimeout(() => undefined, 10_000);
});
