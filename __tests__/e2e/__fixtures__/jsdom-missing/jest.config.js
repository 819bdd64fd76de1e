// jest-environment-jsdom is not installed here: the environment says what to install.
module.exports = { preset: 'jest-preset-async', testEnvironment: 'jest-preset-async/environment-jsdom' };
