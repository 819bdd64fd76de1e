// jest-preset-async: `preset: 'jest-preset-async'`. Paths only; every default is explained in the README.
const resolve = (entry) => require.resolve(`./dist/src/${entry}`);

module.exports = {
  testEnvironment: resolve('environment'),
  setupFilesAfterEnv: [resolve('setup')],
  transform: {
    // Transpile each file on its own (fast); `tsc --noEmit` type-checks. See "Type checking" in the README.
    '^.+\\.[cm]?tsx?$': [require.resolve('ts-jest'), { tsconfig: { isolatedModules: true } }],
  },
  moduleFileExtensions: ['ts', 'tsx', 'mts', 'cts', 'js', 'mjs', 'cjs', 'jsx', 'json', 'node'],
  testMatch: ['**/__tests__/**/*.?([mc])[jt]s?(x)', '**/?(*.)+(spec|test).?([mc])[jt]s?(x)'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  clearMocks: true,
  testTimeout: 10000,
};
