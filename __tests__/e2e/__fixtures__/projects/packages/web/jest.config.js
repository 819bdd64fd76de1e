module.exports = { preset: 'jest-preset-async', displayName: 'web' };
