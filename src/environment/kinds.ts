/**
 * What the detector reports, in user words: the kinds of leaked things, how to tell whether a
 * resource is still alive, and how to release each kind.
 */

/** A kind of leaked thing, as options, pragmas and `allowLeaks()` name it. */
export type LeakKind =
  | 'timer'
  | 'interval'
  | 'immediate'
  | 'server'
  | 'socket'
  | 'udp'
  | 'child-process'
  | 'watcher'
  | 'pipe'
  | 'signal'
  | 'worker'
  | 'handle'
  | 'promise'
  | 'assertion';

export const LEAK_KINDS: readonly LeakKind[] = [
  'timer',
  'interval',
  'immediate',
  'server',
  'socket',
  'udp',
  'child-process',
  'watcher',
  'pipe',
  'signal',
  'worker',
  'handle',
  'promise',
  'assertion',
];

/**
 * async_hooks types that are never leaks on their own: one-shot requests that end by themselves
 * (they keep nothing alive after their callback), Node's own bookkeeping, and wrappers whose
 * underlying handle is tracked instead (TLSWRAP rides on a TCPWRAP).
 */
export const IGNORED_TYPES = new Set([
  'TickObject',
  'Microtask',
  'TIMERWRAP',
  'ELDHISTOGRAM',
  'DNSCHANNEL',
  'GETADDRINFOREQWRAP',
  'GETNAMEINFOREQWRAP',
  'QUERYWRAP',
  'TCPCONNECTWRAP',
  'PIPECONNECTWRAP',
  'SHUTDOWNWRAP',
  'WRITEWRAP',
  'SENDWRAP',
  'FSREQCALLBACK',
  'FSREQPROMISE',
  'FILEHANDLECLOSEREQ',
  'STREAMPIPE',
  'CustomGC',
  'HASHREQUEST',
  'CIPHERREQUEST',
  'KEYEXPORTREQUEST',
  'PerformanceObserver',
  'ZLIB',
  'TLSWRAP',
  'HTTPINCOMINGMESSAGE',
  'HTTPCLIENTREQUEST',
  'HTTPPARSER',
  'JSSTREAM',
  'FILEHANDLE',
]);

const KIND_OF_TYPE: Record<string, LeakKind> = {
  Immediate: 'immediate',
  TCPSERVERWRAP: 'server',
  PIPESERVERWRAP: 'server',
  TCPWRAP: 'socket',
  UDPWRAP: 'udp',
  PROCESSWRAP: 'child-process',
  FSEVENTWRAP: 'watcher',
  STATWATCHER: 'watcher',
  PIPEWRAP: 'pipe',
  TTYWRAP: 'pipe',
  SIGNALWRAP: 'signal',
  WORKER: 'worker',
  MESSAGEPORT: 'worker',
};

/**
 * crypto's jobs that take a callback, by the function that starts one. A job the code started with
 * a callback runs that callback when it is done: still computing after the test, it runs the test's
 * code later, as a timer would. Node calls the job's `ondone` then, read when the job finishes;
 * `watchCryptoJob` wraps what is set there to see it. (A job started for `util.promisify` or
 * WebCrypto settles a promise: that promise is what is judged, by who waits on it.)
 */
const CRYPTO_JOBS: Record<string, string> = {
  PBKDF2REQUEST: 'crypto.pbkdf2()',
  SCRYPTREQUEST: 'crypto.scrypt()',
  DERIVEBITSREQUEST: 'crypto.hkdf()',
  KEYPAIRGENREQUEST: 'crypto.generateKeyPair()',
  KEYGENREQUEST: 'crypto.generateKey()',
  RANDOMBYTESREQUEST: 'crypto.randomBytes() or randomFill()',
  RANDOMPRIMEREQUEST: 'crypto.generatePrime()',
  CHECKPRIMEREQUEST: 'crypto.checkPrime()',
  SIGNREQUEST: 'crypto.sign()',
  VERIFYREQUEST: 'crypto.verify()',
};
// No handle of their own: the tracker records them only as jobs.
for (const type of Object.keys(CRYPTO_JOBS)) IGNORED_TYPES.add(type);
const COMPUTING = Symbol('jest-preset-async.cryptoJobComputing');

/** A stack line of Node's own code (`at f (node:…)`, or an anonymous `at node:…`). */
export const isNodeFrame = (line: string): boolean => /\(node:|at node:/.test(line);

/** The index of the first line of the stack (header dropped) that `skip` does not pass over; -1 if none. */
export const firstFrameBeyond = (lines: string[], skip: (line: string) => boolean): number => lines.findIndex((line) => !skip(line));

export const isCryptoJob = (type: string): boolean => Object.hasOwn(CRYPTO_JOBS, type);

/**
 * Whether a crypto job was started by the code itself, with its own callback: the first frame past
 * Node's crypto functions is not Node's (util.promisify's, WebCrypto's), nor a promise executor
 * (`new Promise((resolve) => scrypt(…, (error, key) => resolve(key)))`, a promisify by hand: its
 * promise is what is judged, as util.promisify's). `stack` is its creation's.
 */
export function startedWithCallback(stack: string): boolean {
  const lines = stack.split('\n').slice(1);
  const at = firstFrameBeyond(lines, (line) => line.includes('node:internal/async_hooks') || line.includes('node:internal/crypto/'));
  if (at < 0 || isNodeFrame(lines[at] as string)) return false;
  return !/^\s*at new Promise \(<anonymous>\)/.test(lines[at + 1] ?? '');
}

/** A watched job between the setting of its callback and its call: the thread pool is still at work for it. */
export const isComputing = (job: object | undefined): boolean => (job as { [COMPUTING]?: boolean } | undefined)?.[COMPUTING] === true;

/**
 * Marks the job computing from when its callback is set until it is called, and calls `started`
 * when it is set (in the code's own call: it must not throw). A synchronous job (`pbkdf2Sync`,
 * `randomBytes(n)` without a callback) never gets one: never computing, and nothing else paid.
 */
export function watchCryptoJob(job: object, started: () => void): void {
  const state = job as { [COMPUTING]?: boolean };
  let ondone: unknown;
  try {
    Object.defineProperty(job, 'ondone', {
      configurable: true,
      get: () => ondone,
      set(callback: unknown) {
        if (typeof callback !== 'function') {
          ondone = callback;
          return;
        }
        state[COMPUTING] = true;
        ondone = function (this: unknown, ...args: unknown[]) {
          state[COMPUTING] = false;
          return (callback as (...args: unknown[]) => unknown).apply(this, args);
        };
        try {
          started();
        } catch {
          // The job goes unjudged; the code's call goes on as without the preset.
        }
      },
    });
  } catch {
    // Not a job object Node made as this Node does: left unwatched, never computing.
  }
}

/** The hint of a kind of handle whose own kind's does not fit. */
export const typeHint = (type: string): string | undefined =>
  isCryptoJob(type) ? 'wait for its callback (or await its promise form: util.promisify, crypto.subtle)' : undefined;

/**
 * A resource type the user's code made (`new AsyncResource('Bus')`, an `EventEmitterAsyncResource`):
 * Node's own types are Timeout, Immediate, TickObject, Microtask, PROMISE and upper-case wraps.
 */
export const isUserResourceType = (type: string): boolean =>
  !IGNORED_TYPES.has(type) && !(type in KIND_OF_TYPE) && type !== 'Timeout' && !/^[A-Z0-9_]+$/.test(type);

interface TimerLike {
  _destroyed?: boolean;
  _repeat?: number | null;
  _idleTimeout?: number;
  hasRef?: () => boolean;
}

type Callback = ((...args: unknown[]) => unknown) & { [ORIGINAL]?: Callback };
const ORIGINAL = Symbol('jest-preset-async.callback');

/**
 * Runs `fired` whenever the timer fires: its callback, wrapped (Node calls `timer._onTimeout()`; a
 * clear sets it to null). The wrapper keeps nothing the callback does not.
 */
export function onFire(timer: object | undefined, fired: () => void): void {
  const handle = timer as { _onTimeout?: Callback | null } | undefined;
  const callback = handle?._onTimeout;
  if (!handle || typeof callback !== 'function') return;
  const wrapper: Callback = function (this: unknown, ...args: unknown[]) {
    fired();
    return callback.apply(this, args);
  };
  wrapper[ORIGINAL] = callback[ORIGINAL] ?? callback;
  handle._onTimeout = wrapper;
}

/** The timer's callback as its code passed it (not a wrapper of `onFire`). */
export const callbackOf = (timer: object | undefined): unknown => {
  const callback = (timer as { _onTimeout?: Callback | null } | undefined)?._onTimeout;
  return callback?.[ORIGINAL] ?? callback;
};

/** An interval (or a timer refreshed as one): the same timer fires again. */
export const isRepeatingTimer = (resource: object | undefined): boolean => Boolean((resource as TimerLike | undefined)?._repeat);

export function kindOf(type: string, resource: object | undefined): LeakKind {
  if (type === 'Timeout') return isRepeatingTimer(resource) ? 'interval' : 'timer';
  return KIND_OF_TYPE[type] ?? 'handle';
}

/**
 * Whether the resource still keeps the process alive, read from the resource itself (async_hooks'
 * `destroy` arrives turns later): timers and immediates until run or cleared, handles while they
 * are open and ref'd. Resources without `hasRef` cannot keep the loop alive on their own.
 */
export function isAlive(type: string, resource: object | undefined): boolean {
  if (!resource) return false;
  const handle = resource as TimerLike;
  // The process's own stdin, stdout or stderr, made when code first reads `process.stdin` (a
  // library's logger often does): it belongs to the process, nothing can close it, it holds nothing.
  // A stdin that code reads from (`process.stdin.on('data')`) does hold the process: that stays a leak.
  if ((type === 'PIPEWRAP' || type === 'TTYWRAP') && isProcessStdio((resource as { fd?: unknown }).fd) && (resource as { reading?: unknown }).reading !== true) return false;
  if (type === 'Timeout' || type === 'Immediate') return !handle._destroyed && handle.hasRef?.() === true;
  if (isCryptoJob(type)) return isComputing(resource);
  if (type === 'TCPWRAP' && inactiveSocket(resource as SocketHandle)) return false;
  return typeof handle.hasRef === 'function' && handle.hasRef() === true;
}

const isProcessStdio = (fd: unknown): boolean => fd === 0 || fd === 1 || fd === 2;
/** The net.Socket of a stream handle (Node keeps it under its own `owner_symbol`). */
function ownerOf(handle: object): unknown {
  const key = Object.getOwnPropertySymbols(handle).find((symbol) => symbol.description === 'owner_symbol');
  return key === undefined ? undefined : (handle as Record<symbol, unknown>)[key];
}

/** A stream handle's own state: Node sets `reading` false until it starts reading, and when backpressure stops it. */
type SocketHandle = { reading?: boolean; writeQueueSize?: number; bytesRead?: number };

/**
 * A socket that read data, then stopped because nobody reads what it received (a fetch response
 * whose body the test never read), or that its peer ended while nobody read it to the end, with
 * nothing left to write: it does no work, and to libuv it is not active, so it cannot keep the
 * process alive. One still connecting has read nothing: it counts.
 */
function inactiveSocket(handle: SocketHandle): boolean {
  try {
    if ((handle.writeQueueSize ?? 0) !== 0) return false;
    if (handle.reading === false && (handle.bytesRead ?? 0) > 0) return true;
    // The peer ended it (EOF came in) and nobody read to the end: libuv stops polling it, as it does a stopped one.
    return (ownerOf(handle) as { _readableState?: { ended?: boolean } } | undefined)?._readableState?.ended === true;
  } catch {
    // A TLS socket's TCP handle reads `reading` through the TLS socket, gone once it closed (the getter throws).
    return false;
  }
}

/** "setTimeout timer (10000 ms)", "listening server", "child process (pid 1234)". */
export function describeResource(kind: LeakKind, type: string, resource: object | undefined): string {
  const timer = resource as TimerLike | undefined;
  // A cleared timer's delay reads -1: an interval keeps its period in `_repeat`, a timeout loses it.
  // A delay computed by the code (a backoff) can be fractional: Node keeps it so, users read milliseconds.
  const ms = timer?._idleTimeout !== undefined && timer._idleTimeout >= 0 ? Math.round(timer._idleTimeout) : undefined;
  switch (kind) {
    case 'timer':
      return ms === undefined ? 'setTimeout timer' : `setTimeout timer (${ms} ms)`;
    case 'interval':
      return `setInterval timer (every ${timer?._repeat ? Math.round(timer._repeat) : (ms ?? '?')} ms)`;
    case 'immediate':
      return 'setImmediate callback';
    case 'server':
      return 'listening server';
    case 'socket':
      return 'socket';
    case 'udp':
      return 'UDP socket';
    case 'child-process': {
      const pid = (resource as { pid?: number } | undefined)?.pid;
      return pid ? `child process (pid ${pid})` : 'child process';
    }
    case 'watcher':
      return type === 'STATWATCHER' ? 'file watcher (fs.watchFile)' : 'file watcher (fs.watch)';
    case 'pipe':
      return 'pipe';
    case 'signal':
      return 'signal listener';
    case 'worker':
      return type === 'WORKER' ? 'worker thread' : 'message port';
    default:
      return isCryptoJob(type) ? `${CRYPTO_JOBS[type]} job` : `open handle (${type})`;
  }
}

/** One line: how to release it. */
export const HINTS: Record<LeakKind, string> = {
  timer: 'clear it with clearTimeout(), or unref() it if it may outlive the test',
  interval: 'stop it with clearInterval() (for example in afterEach), or unref() it',
  immediate: 'cancel it with clearImmediate(), or await what it does',
  server: 'close it and wait for the close: await new Promise((done) => server.close(done))',
  socket: 'end it: socket.destroy(), or close the client or pool that owns it',
  udp: 'close it: socket.close()',
  'child-process': "wait for it to exit, or kill() it and await its 'exit' event",
  watcher: 'close it: watcher.close()',
  pipe: 'close or destroy the stream that owns it',
  signal: "remove the listener: process.off(signal, listener)",
  worker: 'terminate the worker, or close the port',
  handle: 'close the resource that owns it, or unref() it',
  promise: 'await it, or settle or abort the work it waits for',
  assertion: 'await it (or return it): `await expect(...)...`',
};

/** Report order: what explains the rest comes first. */
export const KIND_ORDER: readonly LeakKind[] = [
  'assertion',
  'server',
  'socket',
  'child-process',
  'worker',
  'watcher',
  'udp',
  'interval',
  'timer',
  'immediate',
  'signal',
  'pipe',
  'handle',
  'promise',
];
