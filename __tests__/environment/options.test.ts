import { applyOptions, DEFAULTS, parsePragma } from '../../src/environment/options';

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
