module.exports = {
  preset: 'jest-preset-async',
  testEnvironmentOptions: {
    'jest-preset-async': {
      promises: 'warn',
      // Judged per test: each leak here is cleaned up by the file's afterAll so that the run ends.
      scope: 'test',
      ignore: ['immediate', { kind: 'timer', stack: 'pooled-client' }],
    },
  },
};
