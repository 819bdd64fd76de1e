// `preset: 'jest-preset-async'`. The configuration is built in src/preset.ts; its defaults are
// explained in the README. `preset: 'jest-preset-async/typecheck'` adds ts-jest's type errors.
module.exports = require('./dist/src/preset').createPreset({ typecheck: false });
