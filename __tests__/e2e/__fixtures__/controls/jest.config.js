module.exports = {
  preset: 'jest-preset-async',
  testEnvironmentOptions: {
    'jest-preset-async': {
      promises: 'warn',
      ignore: ['immediate', { kind: 'timer', stack: 'pooled-client' }],
    },
  },
};
