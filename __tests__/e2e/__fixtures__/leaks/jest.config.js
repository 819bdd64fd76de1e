// Each file leaks one thing and cleans it up in afterAll, so the run ends: judged per test
// (`scope: 'test'`), that is a leak of the test. The default verdict (`scope: 'file'`) is
// exercised by the file-scope fixture.
module.exports = { preset: 'jest-preset-async', testEnvironmentOptions: { 'jest-preset-async': { scope: 'test' } } };
