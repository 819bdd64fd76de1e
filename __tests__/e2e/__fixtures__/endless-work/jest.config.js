module.exports = { preset: 'jest-preset-async' };
