// Three projects: one that kept its testEnvironment from a ts-jest config next to the preset, one
// with an environment of its own built on the preset's, and one that does not use the preset.
module.exports = {
  reporters: ['default', 'jest-preset-async/reporter'],
  projects: [
    { displayName: 'node-env', rootDir: '<rootDir>/node-env', preset: 'jest-preset-async', testEnvironment: 'node' },
    { displayName: 'subclass', rootDir: '<rootDir>/subclass', preset: 'jest-preset-async', testEnvironment: '<rootDir>/environment.js' },
    { displayName: 'plain', rootDir: '<rootDir>/plain', testEnvironment: 'node' },
  ],
};
