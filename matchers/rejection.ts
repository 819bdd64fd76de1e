/**
 * What a rejection is expected to be, in the forms `toRejectWith` and `toHaveRejectedWith` share:
 * a class (instanceof), a string (substring of the message), a RegExp (searched in the message),
 * an object (subset of properties, as toMatchObject), an Error instance (same class and message),
 * and `(Class, string | RegExp | object)`.
 */
import type { MatcherContext } from 'expect';
import { types } from 'node:util';
import { fail, type HintOptions } from './utils';

type Class = abstract new (...args: never[]) => unknown;

export interface RejectionSpec {
  cls?: Class;
  exactClass?: boolean;
  message?: string | RegExp;
  exactMessage?: boolean;
  props?: object;
}

/** A plain object (of any realm) or an asymmetric matcher such as `expect.objectContaining(...)`. */
const isPlainObjectLike = (value: unknown): value is object => {
  if (typeof value !== 'object' || value === null) return false;
  if ((value as { $$typeof?: unknown }).$$typeof === Symbol.for('jest.asymmetricMatcher')) return true;
  const proto = Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null;
  return proto === null || (Object.prototype.toString.call(value) === '[object Object]' && proto.constructor?.name === 'Object');
};

const isClass = (value: unknown): value is Class =>
  typeof value === 'function' && typeof (value as { prototype?: unknown }).prototype === 'object';

/**
 * Reads the arguments; anything else is a matcher error that names what was received.
 * `expectedArg` is the first argument's name in the hint (`'n'` for `toHaveNthRejectedWith`).
 */
export function parseRejectionSpec(
  ctx: MatcherContext,
  name: string,
  options: HintOptions,
  expected: unknown,
  detail: unknown,
  argCount: number,
  expectedArg = 'expected',
): RejectionSpec {
  const problem = (what: string, label: string, value: unknown): never =>
    fail(ctx, name, expectedArg, options, what, label, value, ctx.utils.printExpected);
  const spec: RejectionSpec = {};

  if (expected === undefined) {
    if (argCount > 1 && detail !== undefined) problem('a second argument needs an Error class as the first', 'Detail', detail);
    return spec;
  }
  if (typeof expected === 'function') {
    if (!isClass(expected)) return problem('expected value must be a class (a constructor function)', 'Expected', expected);
    spec.cls = expected;
    if (detail === undefined) return spec;
    if (typeof detail === 'string' || detail instanceof RegExp) spec.message = detail;
    else if (isPlainObjectLike(detail)) spec.props = detail;
    else problem('the second argument must be a string, a RegExp or a plain object of properties', 'Detail', detail);
    return spec;
  }
  if (detail !== undefined) problem('a second argument is only allowed after an Error class', 'Detail', detail);
  if (typeof expected === 'string' || expected instanceof RegExp) return { message: expected };
  if (expected instanceof Error || types.isNativeError(expected)) {
    const error = expected as Error;
    return { cls: error.constructor as Class, exactClass: true, message: error.message, exactMessage: true };
  }
  if (isPlainObjectLike(expected)) return { props: expected };
  return problem(
    'expected value must be an Error class, a string, a RegExp, a plain object of properties or an Error instance',
    'Expected',
    expected,
  );
}

// Errors thrown by Node itself come from the outer realm, not the test's vm context, so
// `instanceof TypeError` is false for them. For built-in classes the name decides.
const BUILT_IN_ERRORS = new Set(['Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'EvalError', 'URIError', 'AggregateError']);

function classMatches(reason: unknown, cls: Class, exact: boolean): boolean {
  if (typeof reason !== 'object' || reason === null) return false;
  const builtIn = BUILT_IN_ERRORS.has(cls.name) && (globalThis as Record<string, unknown>)[cls.name] === cls;
  const same = (ctor: unknown) => ctor === cls || (builtIn && typeof ctor === 'function' && ctor.name === cls.name);
  if (exact) return same((reason as object).constructor);
  if (reason instanceof cls) return true;
  for (let proto = Object.getPrototypeOf(reason); builtIn && proto; proto = Object.getPrototypeOf(proto)) {
    if (same(proto.constructor)) return true;
  }
  return false;
}

/** The message a person would match against: an error's `message`, or a string reason itself. */
export function messageOf(reason: unknown): string | undefined {
  if (typeof reason === 'string') return reason;
  if (typeof reason === 'object' && reason !== null && typeof (reason as { message?: unknown }).message === 'string') {
    return (reason as { message: string }).message;
  }
  return undefined;
}

export function matchesRejection(ctx: MatcherContext, reason: unknown, spec: RejectionSpec): boolean {
  if (spec.cls && !classMatches(reason, spec.cls, spec.exactClass ?? false)) return false;
  if (spec.message !== undefined) {
    const message = messageOf(reason);
    if (message === undefined) return false;
    if (spec.message instanceof RegExp) {
      spec.message.lastIndex = 0;
      if (!spec.message.test(message)) return false;
    } else if (spec.exactMessage ? message !== spec.message : !message.includes(spec.message)) {
      return false;
    }
  }
  if (spec.props) {
    const { utils } = ctx;
    return ctx.equals(reason, spec.props, [...ctx.customTesters, utils.iterableEquality, utils.subsetEquality]);
  }
  return true;
}

/** "TypeError, message containing "boom"", in the expected colour; "any rejection" when nothing is asked. */
export function describeSpec(ctx: MatcherContext, spec: RejectionSpec): string {
  const { utils } = ctx;
  const parts: string[] = [];
  if (spec.cls) parts.push(utils.EXPECTED_COLOR(spec.cls.name || 'an anonymous class'));
  if (spec.message !== undefined) {
    const how = spec.message instanceof RegExp ? 'matching' : spec.exactMessage ? 'equal to' : 'containing';
    parts.push(`message ${how} ${utils.printExpected(spec.message)}`);
  }
  if (spec.props) parts.push(`properties ${utils.printExpected(spec.props)}`);
  return parts.length ? parts.join(', ') : 'any rejection';
}

/** The received side of a property diff: only the keys the expectation names. */
export function pickProps(reason: unknown, props: object): unknown {
  if (typeof reason !== 'object' || reason === null) return reason;
  const picked: Record<string, unknown> = {};
  for (const key of Object.keys(props)) picked[key] = (reason as Record<string, unknown>)[key];
  return picked;
}
