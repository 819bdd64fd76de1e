// A monorepo: each package has its own config; the root one names them. The preset at the root gives
// the run its reporters (Jest reads `reporters` from the root config only when `projects` is set).
module.exports = { preset: 'jest-preset-async', projects: ['<rootDir>/packages/api', '<rootDir>/packages/web'] };
