// The file's verdict waits for the leaked interval: meanwhile Node reports the rejection of the
// last test, which Jest 30 files under that test and would never report.
test('leaves an interval running', () => {
  setInterval(() => undefined, 500);
});

test('checks in a then it does not return', () => {
  Promise.resolve(1).then((value) => expect(value).toBe(2));
});
