/**
 * The preset's configuration, built in one place for its three entries: `preset: 'jest-preset-async'`
 * (transpile only), `preset: 'jest-preset-async/typecheck'` (ts-jest type-checks each file) and
 * `preset: 'jest-preset-async/esm'` (Jest's native ESM mode). Every default is explained in the
 * README ("What the preset sets").
 */
import type { Config } from '@jest/types';
import { createRequire } from 'node:module';
import { join, sep } from 'node:path';
import { jestVersion, unsupportedJest } from './jestPackages';
import { setOwnSourceMaps, startRunLevelRecorder } from './runLevel';

/** ts-jest's TS151001 suggests `esModuleInterop` whenever the tsconfig leaves it off: advice, not a problem. */
const ESM_INTEROP_ADVICE = 151001;

/**
 * The compiler ts-jest transpiles with: the package's own TypeScript 5.9, a dependency under its
 * real name. A project's own `typescript` of another version (7, say) keeps the top-level slot and
 * the `tsc` binary in npm, pnpm and yarn 1 alike, and this one is installed next to the package.
 */
const OWN_COMPILER = 'typescript';

export interface PresetOptions {
  typecheck: boolean;
  /** Jest's native ESM mode (`node --experimental-vm-modules`): TypeScript stays ESM. */
  esm?: boolean;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The project's own TypeScript, when it has one. */
function projectTypeScript(projectDir: string): { path: string; version: string } | undefined {
  try {
    const require = createRequire(join(projectDir, 'package.json'));
    const { version } = require(require.resolve('typescript/package.json')) as { version: string };
    return { path: require.resolve('typescript'), version };
  } catch {
    return undefined;
  }
}

/**
 * Type checking runs the project's TypeScript (its version decides what is an error). TypeScript 7
 * has no JavaScript compiler API: ts-jest cannot type-check with it, and says so once, here.
 */
function typecheckCompiler(projectDir: string): string {
  const project = projectTypeScript(projectDir);
  if (!project) return require.resolve(OWN_COMPILER);
  if (Number(project.version.split('.')[0]) < 7) return project.path;
  const error = new Error(
    `jest-preset-async/typecheck: ts-jest type-checks with TypeScript's JavaScript compiler API, which TypeScript ${project.version} (the project's) does not have. ` +
      "Use preset: 'jest-preset-async' (it transpiles with its own TypeScript 5.9) and type-check with the project's tsc --noEmit, " +
      'or install TypeScript 6 for the project (npm install --save-dev typescript@6).',
  );
  error.stack = '';
  throw error;
}

export function createPreset({ typecheck, esm = false }: PresetOptions): Config.InitialOptions {
  const unsupported = unsupportedJest(jestVersion());
  if (unsupported) throw unsupported;
  // Jest loads the preset in its main process before globalSetup runs: from here on, handles are
  // recorded so that the preset's globalTeardown can name what globalSetup left open.
  startRunLevelRecorder();
  // globalSetup/globalTeardown run in this process, transformed as tests are (babel-jest for
  // JavaScript): their stacks name the lines of the source, as the tests' do, through its source maps.
  setOwnSourceMaps(true);
  return {
    testEnvironment: require.resolve('./environment'),
    setupFilesAfterEnv: [require.resolve('./setup')],
    globalTeardown: require.resolve('./teardown'),
    reporters: ['default', require.resolve('./reporter')],
    transform: {
      '^.+\\.[cm]?tsx?$': [
        require.resolve('./transform'),
        {
          compiler: typecheck ? typecheckCompiler(process.cwd()) : require.resolve(OWN_COMPILER),
          // Merged over the project's own tsconfig.json. `isolatedModules` is ts-jest's switch for
          // transpiling each file on its own: several times faster, no type errors (tsc --noEmit's job).
          // Jest runs CommonJS unless in its ESM mode: `module: nodenext` in a `"type": "module"`
          // package would emit `import` statements, so transpiling emits CommonJS (the type-checking
          // mode converts by itself, with the project's module resolution).
          tsconfig:
            typecheck || esm
              ? { isolatedModules: !typecheck }
              : { isolatedModules: true, module: 'commonjs', moduleResolution: 'node10', verbatimModuleSyntax: false },
          diagnostics: { ignoreCodes: [ESM_INTEROP_ADVICE] },
          ...(esm ? { useESM: true } : {}),
        },
      ],
      // JavaScript as Jest runs it without a preset: babel-jest, with the project's Babel config.
      '^.+\\.[cm]?jsx?$': require.resolve('./babelTransform'),
    },
    // Jest's defaults, and this package's own build (already CommonJS; also when it is linked into a
    // project from outside node_modules).
    transformIgnorePatterns: ['/node_modules/', '\\.pnp\\.[^\\/]+$', `^${escapeRegExp(join(__dirname, '..', '..', 'dist') + sep)}`],
    ...(esm ? { extensionsToTreatAsEsm: ['.ts', '.tsx', '.mts'] } : {}),
    // `import './a.js'` (the specifier `module: nodenext` requires) finds a.ts or a.js; './a.cjs'
    // and './a.mjs' find a.cts and a.mts, else the file itself: never a sibling of another kind (a
    // package's require('./lib.cjs') must not load the ESM lib.js beside it).
    moduleNameMapper: {
      '^(\\.{1,2}/.*)\\.js$': '$1',
      '^(\\.{1,2}/.*)\\.cjs$': ['$1.cts', '$1.cjs'],
      '^(\\.{1,2}/.*)\\.mjs$': ['$1.mts', '$1.mjs'],
    },
    moduleFileExtensions: ['ts', 'tsx', 'mts', 'cts', 'js', 'mjs', 'cjs', 'jsx', 'json', 'node'],
    // No testMatch: Jest's own finds `__tests__/**` and `*.test.*`/`*.spec.*` (Jest 30's `.mts`/`.cts`
    // too), and a preset's would clash with a project's own `testRegex` ("cannot be used together").
    testPathIgnorePatterns: ['/node_modules/', '/dist/'],
    clearMocks: true,
    testTimeout: 10_000,
  };
}
