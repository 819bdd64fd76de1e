// A browser-like project: the preset with the leak-detecting jsdom environment. The e2e helper
// links jest-environment-jsdom into node_modules, as the project's own install would.
module.exports = { preset: 'jest-preset-async', testEnvironment: 'jest-preset-async/environment-jsdom' };
