// A package that ships CommonJS as .cjs next to ESM .js (urlpattern-polyfill, through mockttp), and
// the specifier `module: nodenext` wants for a .cts source.
import { answer } from 'dualpkg';
import { sum } from './sum.cjs';

test("a package's require of its own .cjs file finds that file, not the ESM .js beside it", () => {
  expect(answer).toBe(42);
});

test('./sum.cjs finds sum.cts', () => {
  expect(sum(1, 2)).toBe(3);
});
