// The project's testRegex does not match *.test.js: Jest's default testMatch must not add it.
test('is not run', () => {
  throw new Error('a file outside the testRegex ran');
});
