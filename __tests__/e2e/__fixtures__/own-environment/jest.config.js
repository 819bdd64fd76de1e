// A config that had ts-jest's preset and kept its testEnvironment next to the new one.
module.exports = { preset: 'jest-preset-async', testEnvironment: 'node' };
