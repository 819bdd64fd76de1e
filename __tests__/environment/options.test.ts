import { applyOptions, DEFAULTS, parsePragma, rejectMisplaced } from '../../src/environment/options';

describe('the scope option', () => {
  test("defaults to 'file'", () => {
    expect(DEFAULTS.scope).toBe('file');
  });

  test("takes 'test' from the config and from a pragma", () => {
    expect(applyOptions(DEFAULTS, { scope: 'test' }, 'config').scope).toBe('test');
    expect(applyOptions(DEFAULTS, parsePragma('scope=test graceMs=50'), 'pragma')).toMatchObject({ scope: 'test', graceMs: 50 });
  });

  test('a bad value is an error that names it', () => {
    expect(() => applyOptions(DEFAULTS, { scope: 'suite' }, 'testEnvironmentOptions["jest-preset-async"]')).toThrow(
      'jest-preset-async: testEnvironmentOptions["jest-preset-async"]: scope must be "file" or "test", received "suite"',
    );
  });

  test('an unknown key says which known one it most likely meant, and lists them all', () => {
    expect(() => applyOptions(DEFAULTS, { scop: 'test' }, 'config')).toThrow(/unknown setting "scop" \(did you mean "scope"\?\) \(known: .*scope/);
    expect(() => applyOptions(DEFAULTS, { gracems: 10 }, 'config')).toThrow('unknown setting "gracems" (did you mean "graceMs"?)');
    expect(() => applyOptions(DEFAULTS, { colour: 'red' }, 'config')).toThrow(/unknown setting "colour" \(known: /);
  });
});

describe('settings written straight into testEnvironmentOptions', () => {
  test('are an error that says where they go', () => {
    expect(() => rejectMisplaced({ scope: 'test' })).toThrow(
      'jest-preset-async: testEnvironmentOptions: "scope" is a setting of the leak detection: write testEnvironmentOptions: { "jest-preset-async": {"scope":"test"} }, received {"scope":"test"}',
    );
    expect(() => rejectMisplaced({ graceMs: 50, promises: 'off', url: 'http://localhost' })).toThrow('"graceMs", "promises" are settings of the leak detection');
  });

  test("the environment's own options and the detector's key are fine", () => {
    expect(() => rejectMisplaced({ customExportConditions: ['node'], url: 'http://localhost', 'jest-preset-async': { scope: 'test' } })).not.toThrow();
  });
});
