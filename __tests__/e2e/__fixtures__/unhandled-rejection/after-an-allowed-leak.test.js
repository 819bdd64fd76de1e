const { allowLeaks } = require('jest-preset-async');

let interval;
test('keeps an interval on purpose', () => {
  allowLeaks('interval');
  interval = setInterval(() => undefined, 500);
});

test('checks in a then it does not return', () => {
  Promise.resolve(1).then((value) => expect(value).toBe(2));
});

afterAll(() => clearInterval(interval));
