import { sum } from '../src/sum.js';

test('leaks an interval in ESM mode', () => {
  setInterval(() => sum(1, 1), 1000);
});
