// The preset with one key of the user's own: it wins over the preset's testTimeout.
module.exports = { preset: 'jest-preset-async', testTimeout: 200 };
