module.exports = { preset: 'jest-preset-async', globalSetup: '<rootDir>/global-setup.js' };
