/**
 * The preset's configuration, built in one place for its two entries: `preset: 'jest-preset-async'`
 * (transpile only) and `preset: 'jest-preset-async/typecheck'` (ts-jest type-checks each file).
 * Every default is explained in the README ("What the preset sets").
 */
import type { Config } from '@jest/types';
import { startRunLevelRecorder } from './runLevel';

/** ts-jest's TS151001 suggests `esModuleInterop` whenever the tsconfig leaves it off: advice, not a problem. */
const ESM_INTEROP_ADVICE = 151001;

export function createPreset({ typecheck }: { typecheck: boolean }): Config.InitialOptions {
  // Jest loads the preset in its main process before globalSetup runs: from here on, handles are
  // recorded so that the preset's globalTeardown can name what globalSetup left open.
  startRunLevelRecorder();
  return {
    testEnvironment: require.resolve('./environment'),
    setupFilesAfterEnv: [require.resolve('./setup')],
    globalTeardown: require.resolve('./teardown'),
    reporters: ['default', require.resolve('./reporter')],
    transform: {
      '^.+\\.[cm]?tsx?$': [
        require.resolve('./transform'),
        {
          // Merged over the project's own tsconfig.json. `isolatedModules` is ts-jest's switch for
          // transpiling each file on its own: several times faster, no type errors (tsc --noEmit's job).
          tsconfig: { isolatedModules: !typecheck },
          diagnostics: { ignoreCodes: [ESM_INTEROP_ADVICE] },
        },
      ],
    },
    moduleFileExtensions: ['ts', 'tsx', 'mts', 'cts', 'js', 'mjs', 'cjs', 'jsx', 'json', 'node'],
    testMatch: ['**/__tests__/**/*.?([mc])[jt]s?(x)', '**/?(*.)+(spec|test).?([mc])[jt]s?(x)'],
    testPathIgnorePatterns: ['/node_modules/', '/dist/'],
    clearMocks: true,
    testTimeout: 10_000,
  };
}
