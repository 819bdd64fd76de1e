// The project's own tests run under its own preset (dogfood). The example suite imports the
// package by name, as a user would: the name maps to the build (`npm install` runs it).
module.exports = {
  preset: './jest-preset.js',
  moduleNameMapper: { '^jest-preset-async$': '<rootDir>/dist/src/index.js' },
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/__fixtures__/', '/__tests__/types/', '/__tests__/helpers/', '/.bench/'],
  // Generated benchmark projects (npm run bench) are not part of this project.
  modulePathIgnorePatterns: ['<rootDir>/.bench/'],
};
