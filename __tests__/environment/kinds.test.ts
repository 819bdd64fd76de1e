import { createHook } from 'node:async_hooks';
import { pbkdf2, pbkdf2Sync } from 'node:crypto';
import { promisify } from 'node:util';
import { callbackOf, describeResource, isAlive, isCryptoJob, onFire, startedWithCallback, typeHint, watchCryptoJob } from '../../src/environment/kinds';

describe('describeResource for timers', () => {
  test('names the delay of a live timer and the period of an interval', () => {
    const timer = setTimeout(() => undefined, 1234);
    const interval = setInterval(() => undefined, 50);
    try {
      expect(describeResource('timer', 'Timeout', timer)).toBe('setTimeout timer (1234 ms)');
      expect(describeResource('interval', 'Timeout', interval)).toBe('setInterval timer (every 50 ms)');
    } finally {
      clearTimeout(timer);
      clearInterval(interval);
    }
  });

  test('a fractional delay (a computed backoff) shows whole milliseconds', () => {
    const timer = setTimeout(() => undefined, 398.2066252542743);
    try {
      expect(describeResource('timer', 'Timeout', timer)).toBe('setTimeout timer (398 ms)');
    } finally {
      clearTimeout(timer);
    }
  });

  test('a cleared timer, whose delay Node resets to -1, shows no delay rather than -1 ms', () => {
    const timer = setTimeout(() => undefined, 1234);
    const interval = setInterval(() => undefined, 50);
    clearTimeout(timer);
    clearInterval(interval);
    expect(describeResource('timer', 'Timeout', timer)).toBe('setTimeout timer');
    expect(describeResource('interval', 'Timeout', interval)).toBe('setInterval timer (every 50 ms)');
  });
});

describe('onFire and callbackOf', () => {
  test('a wrapped callback still runs, with its arguments, and reports each firing', async () => {
    const fired: string[] = [];
    const ran: unknown[] = [];
    const timer = setTimeout((value: unknown) => ran.push(value), 5, 'argument');
    const callback = callbackOf(timer);
    onFire(timer, () => fired.push('fired'));
    expect(callbackOf(timer)).toBe(callback);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(ran).toEqual(['argument']);
    expect(fired).toEqual(['fired']);
  });

  test('a timer cleared before it fires reports nothing, and wrapping twice keeps the callback', () => {
    const fired: string[] = [];
    const callback = () => undefined;
    const timer = setTimeout(callback, 1000);
    onFire(timer, () => fired.push('first'));
    onFire(timer, () => fired.push('second'));
    expect(callbackOf(timer)).toBe(callback);
    clearTimeout(timer);
    expect(fired).toEqual([]);
    expect(() => onFire(undefined, () => undefined)).not.toThrow();
  });
});

describe('crypto jobs', () => {
  /** The jobs crypto makes while `run` runs, each watched as the tracker does, with its creation stack. */
  const jobsOf = (run: () => void): Array<{ type: string; job: object; stack: string }> => {
    const jobs: Array<{ type: string; job: object; stack: string }> = [];
    // The stack from below the hook, as the tracker captures it.
    const init = (_id: number, type: string, _trigger: number, resource: object): void => {
      if (!isCryptoJob(type)) return;
      const site: { stack?: string } = {};
      Error.captureStackTrace(site, init);
      watchCryptoJob(resource, () => undefined);
      jobs.push({ type, job: resource, stack: site.stack ?? '' });
    };
    const hook = createHook({ init }).enable();
    try {
      run();
    } finally {
      hook.disable();
    }
    return jobs;
  };

  test('a job started with a callback computes until it calls the callback, which still gets the result', async () => {
    let finish: (key: Buffer | undefined) => void = () => undefined;
    const done = new Promise<Buffer | undefined>((resolve) => (finish = resolve));
    const [entry] = jobsOf(() => pbkdf2('password', 'salt', 20_000, 64, 'sha512', (_error, key) => finish(key)));
    expect(entry?.type).toBe('PBKDF2REQUEST');
    expect(isAlive('PBKDF2REQUEST', entry?.job)).toBe(true);
    expect(startedWithCallback(entry?.stack ?? '')).toBe(true);
    expect(await done).toHaveLength(64);
    expect(isAlive('PBKDF2REQUEST', entry?.job)).toBe(false);
  });

  test("util.promisify's job is not the code's own callback, and a synchronous job never computes", async () => {
    let promised: Promise<Buffer> | undefined;
    const [forPromise] = jobsOf(() => (promised = promisify(pbkdf2)('password', 'salt', 1_000, 64, 'sha512')));
    expect(startedWithCallback(forPromise?.stack ?? '')).toBe(false);
    await promised;
    const [sync] = jobsOf(() => pbkdf2Sync('password', 'salt', 1_000, 64, 'sha512'));
    expect(sync?.type).toBe('PBKDF2REQUEST');
    expect(isAlive('PBKDF2REQUEST', sync?.job)).toBe(false);
  });

  test('a job started in a promise executor (a promisify by hand) is judged by its promise', async () => {
    let hashed: Promise<Buffer> | undefined;
    const [byHand] = jobsOf(
      () => (hashed = new Promise<Buffer>((resolve, reject) => pbkdf2('password', 'salt', 1_000, 64, 'sha512', (error, key) => (error ? reject(error) : resolve(key))))),
    );
    expect(startedWithCallback(byHand?.stack ?? '')).toBe(false);
    await hashed;
  });

  test('a job object that cannot take the watch is left alone, never computing', () => {
    const frozen = Object.freeze({});
    expect(() => watchCryptoJob(frozen, () => undefined)).not.toThrow();
    expect(isAlive('PBKDF2REQUEST', frozen)).toBe(false);
  });

  test('tells when a job gets its callback, never for a synchronous one, and a throwing listener costs the call nothing', () => {
    const started: string[] = [];
    const jobs: object[] = [];
    const init = (_id: number, type: string, _trigger: number, resource: object): void => {
      if (!isCryptoJob(type)) return;
      jobs.push(resource);
      watchCryptoJob(resource, () => {
        started.push(type);
        throw new Error('a listener that throws');
      });
    };
    const hook = createHook({ init }).enable();
    let key: Buffer | undefined;
    try {
      pbkdf2Sync('password', 'salt', 1_000, 64, 'sha512');
      pbkdf2('password', 'salt', 1_000, 64, 'sha512', (_error, result) => (key = result));
    } finally {
      hook.disable();
    }
    expect(jobs).toHaveLength(2);
    expect(started).toEqual(['PBKDF2REQUEST']);
    return new Promise<void>((done) => {
      const poll = setInterval(() => {
        if (!key) return;
        clearInterval(poll);
        expect(key).toHaveLength(64);
        done();
      }, 5);
    });
  });

  test('is named by the function that started it, with its own hint', () => {
    expect(describeResource('handle', 'PBKDF2REQUEST', {})).toBe('crypto.pbkdf2() job');
    expect(describeResource('handle', 'KEYPAIRGENREQUEST', {})).toBe('crypto.generateKeyPair() job');
    expect(describeResource('handle', 'SOMEWRAP', {})).toBe('open handle (SOMEWRAP)');
    expect(typeHint('SCRYPTREQUEST')).toMatch(/^wait for its callback/);
    expect(typeHint('TCPWRAP')).toBeUndefined();
  });
});

describe('isAlive for sockets', () => {
  const handle = (state: { reading?: boolean; bytesRead?: number; writeQueueSize?: number }) => ({ hasRef: () => true, ...state });

  test('a socket stopped behind data nobody reads, with nothing to write, is not alive', () => {
    expect(isAlive('TCPWRAP', handle({ reading: false, bytesRead: 131_072, writeQueueSize: 0 }))).toBe(false);
  });

  test('one that reads, connects (has read nothing yet) or still writes is alive', () => {
    expect(isAlive('TCPWRAP', handle({ reading: true, bytesRead: 70, writeQueueSize: 0 }))).toBe(true);
    expect(isAlive('TCPWRAP', handle({ reading: false, bytesRead: 0, writeQueueSize: 0 }))).toBe(true);
    expect(isAlive('TCPWRAP', handle({ reading: false, bytesRead: 131_072, writeQueueSize: 4096 }))).toBe(true);
  });

  test("an unref'd socket is not alive, whatever it reads", () => {
    expect(isAlive('TCPWRAP', { ...handle({ reading: true, bytesRead: 1 }), hasRef: () => false })).toBe(false);
  });
});
