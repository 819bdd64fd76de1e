const sleep = (ms: number) =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

test('uses a multi-line helper', () => {
  void sleep(5000).then(() => undefined);
});
