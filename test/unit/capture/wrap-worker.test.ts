/**
 * The page hook's Worker wrapper (hook/wrap-worker.ts) over a fake Worker that records how it was constructed
 * and resolves its script URL at construction, as browsers do, and fake object URLs.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { HOOK_TAG } from '../../../src/capture/hook-protocol.js';
import { takeBuiltins } from '../../../src/capture/hook/builtins.js';
import { trackObjectUrls } from '../../../src/capture/hook/object-urls.js';
import { WORKER_NOTE, wrapWorker } from '../../../src/capture/hook/wrap-worker.js';
import { scopeClasses, settle, until } from './fake-world.js';

const HOOK = '(function(){HOOK})();';

/** Object URLs as a browser keeps them: made, looked up when a worker is constructed, revoked. */
function fakeUrlStore() {
  const live = new Map<string, Blob>();
  const revoked: string[] = [];
  let n = 0;
  const statics = {
    createObjectURL(this: unknown, obj: Blob | MediaSource): string {
      if (!(obj instanceof Blob)) throw new TypeError('not a Blob');
      const url = `blob:https://rp.example.com/${++n}`;
      live.set(url, obj);
      return url;
    },
    revokeObjectURL(url: string): void {
      live.delete(url);
      revoked.push(url);
    },
  };
  return { statics, live, revoked };
}

function setup() {
  const store = fakeUrlStore();
  const constructed: FakeWorker[] = [];
  const observations: unknown[] = [];
  let refuse: (url: string) => boolean = () => false;

  class FakeWorker extends EventTarget {
    readonly args: unknown[];
    readonly newTarget: unknown;
    /** The script the URL stood for when constructed (undefined: not an object URL). */
    readonly script: Blob | undefined;
    readonly messages: { message: unknown; transfer: unknown[] }[] = [];
    constructor(...args: unknown[]) {
      super();
      const url = String(args[0]);
      if (refuse(url)) throw new DOMException(`refused ${url}`, 'SecurityError');
      this.args = args;
      this.newTarget = new.target;
      this.script = store.live.get(url);
      constructed.push(this);
    }
    postMessage(message: unknown, transfer: Iterable<unknown> = []): void {
      this.messages.push({ message, transfer: [...transfer] });
    }
  }

  const urls = trackObjectUrls(store.statics);
  const W = wrapWorker(
    { Worker: FakeWorker as unknown as typeof Worker, Blob, URL },
    { b: takeBuiltins(scopeClasses), urls, hookSource: HOOK, onObservation: (o) => observations.push(o) },
  );
  const pageUrl = (text: string, type = 'application/javascript') => store.statics.createObjectURL(new Blob([text], { type }));
  return { W, FakeWorker, constructed, observations, store, pageUrl, refuse: (fn: (url: string) => boolean) => (refuse = fn) };
}

/** The port the wrapper offered a worker in its first message. */
function offeredPort(worker: { messages: { message: unknown; transfer: unknown[] }[] }): MessagePort {
  const first = worker.messages[0];
  expect(first?.message).toEqual({ tag: HOOK_TAG, kind: 'port' });
  expect(first?.transfer).toHaveLength(1);
  const port = first!.transfer[0] as MessagePort;
  opened.push(port);
  return port;
}

const opened: MessagePort[] = [];
afterEach(() => {
  for (const port of opened.splice(0)) port.close();
});

describe('wrapWorker', () => {
  it('a classic blob worker runs the hook, then the page script on the same line; options object, name and new.target kept', async () => {
    const { W, FakeWorker, constructed, store, pageUrl } = setup();
    const url = pageUrl('"use strict";\npostMessage(1)');
    const options = { name: 'token-worker' };
    const worker = new W(url, options);
    expect(worker).toBeInstanceOf(FakeWorker);
    const fake = constructed[0]!;
    expect(fake.args[1]).toBe(options);
    expect(fake.args).toHaveLength(2);
    expect(fake.newTarget).toBe(W);
    expect(fake.args[0]).not.toBe(url);
    expect(await fake.script!.text()).toBe(`${HOOK}"use strict";\npostMessage(1)`);
    expect(fake.script!.type).toBe('text/javascript');
    // The main script's URL is resolved by the constructor: revoked at once, like the page may do with its own.
    expect(store.revoked).toEqual([fake.args[0]]);
    offeredPort(fake);
    expect(fake.messages).toHaveLength(1);
  });

  it('a URL the page revokes right after the constructor still starts its script (classic and module)', async () => {
    const { W, constructed, store, pageUrl } = setup();
    const classic = pageUrl('postMessage("c")');
    new W(classic);
    store.statics.revokeObjectURL(classic);
    const module = pageUrl('postMessage("m")');
    new W(module, { type: 'module' });
    store.statics.revokeObjectURL(module);
    expect(await constructed[0]!.script!.text()).toBe(`${HOOK}postMessage("c")`);
    const imports = [...(await constructed[1]!.script!.text()).matchAll(/import "([^"]+)";/g)].map((m) => m[1]!);
    expect(imports).toHaveLength(2);
    // The module's own script is imported under a URL of ours, alive until the worker has loaded it.
    expect(await store.live.get(imports[1]!)!.text()).toBe('postMessage("m")');
  });

  it('a module blob worker imports the hook module and then the same Blob; its URL is revoked once the worker is ready', async () => {
    const { W, constructed, store } = setup();
    const blob = new Blob(['export {}; postMessage(1)'], { type: 'text/javascript;charset=utf-8' });
    const url = store.statics.createObjectURL(blob);
    const options = { type: 'module' as const, name: 'm' };
    new W(url, options);
    const fake = constructed[0]!;
    expect(fake.args[1]).toBe(options);
    const source = await fake.script!.text();
    const [hookUrl, copyUrl] = [...source.matchAll(/import "([^"]+)";/g)].map((m) => m[1]!);
    expect(source).toBe(`import "${hookUrl}";import "${copyUrl}";`);
    expect(await store.live.get(hookUrl!)!.text()).toBe(HOOK);
    expect(store.live.get(copyUrl!)).toBe(blob);
    const port = offeredPort(fake);
    port.postMessage({ kind: 'ready' });
    await until('the copy was revoked', () => store.revoked.includes(copyUrl!));
    expect(store.live.has(hookUrl!)).toBe(true);
    new W(store.statics.createObjectURL(blob), { type: 'module' });
    expect(await constructed[1]!.script!.text()).toContain(`import "${hookUrl}";`);
  });

  it("a module worker's import URL is revoked when the worker reports an error before it is ready", async () => {
    const { W, constructed, store, pageUrl } = setup();
    new W(pageUrl('syntax error('), { type: 'module' });
    const copyUrl = [...(await constructed[0]!.script!.text()).matchAll(/import "([^"]+)";/g)][1]![1]!;
    expect(store.live.has(copyUrl)).toBe(true);
    constructed[0]!.dispatchEvent(new Event('error'));
    expect(store.live.has(copyUrl)).toBe(false);
  });

  it("the worker's observations come to onObservation with the worker note first", async () => {
    const { W, constructed, observations, pageUrl } = setup();
    new W(pageUrl('x'));
    const port = offeredPort(constructed[0]!);
    port.postMessage({ kind: 'observation', observation: { method: 'POST', url: 'https://idp.example.com/token', notes: ['n'] } });
    port.postMessage({ kind: 'observation', observation: { method: 'GET', url: 'https://idp.example.com/userinfo' } });
    port.postMessage({ kind: 'something else' });
    await until('two observations', () => observations.length === 2);
    expect(observations).toEqual([
      { method: 'POST', url: 'https://idp.example.com/token', notes: [WORKER_NOTE, 'n'] },
      { method: 'GET', url: 'https://idp.example.com/userinfo', notes: [WORKER_NOTE] },
    ]);
  });

  it('falls back to the page\'s own arguments when constructing the wrapped worker throws, and revokes its URLs', async () => {
    const { W, constructed, store, pageUrl, refuse } = setup();
    for (const [type, options] of [['classic', undefined], ['module', { type: 'module' as const }]] as const) {
      const url = pageUrl('postMessage(1)');
      refuse((u) => u !== url);
      const before = new Set(store.live.keys());
      const args: [string, WorkerOptions?] = options ? [url, options] : [url];
      const worker = new W(...args);
      const fake = constructed.at(-1)!;
      expect(worker, type).toBe(fake);
      expect(fake.args, type).toEqual(args);
      expect(fake.messages, type).toEqual([]);
      // Left alive: at most the hook module, made once per page for every module worker.
      const left = [...store.live.keys()].filter((u) => !before.has(u));
      expect(await Promise.all(left.map((u) => store.live.get(u)!.text())), type).toEqual(type === 'module' ? [HOOK] : []);
    }
  });

  it('throws what the browser throws when even the page\'s own arguments are refused', () => {
    const { W, pageUrl, refuse } = setup();
    refuse(() => true);
    expect(() => new W(pageUrl('x'))).toThrow(DOMException);
  });

  it.each<[string, (s: ReturnType<typeof setup>) => unknown[]]>([
    ['an https URL', () => ['https://rp.example.com/worker.js']],
    ['a relative URL', () => ['worker.js', { name: 'w' }]],
    ['a data: URL', () => ['data:text/javascript,postMessage(1)']],
    ['a blob: URL the page did not make here', () => ['blob:https://rp.example.com/elsewhere']],
    ['a revoked blob: URL', (s) => {
      const url = s.pageUrl('x');
      s.store.statics.revokeObjectURL(url);
      return [url];
    }],
    ['a module from a Blob that is not JavaScript', (s) => [s.pageUrl('x', 'text/plain'), { type: 'module' }]],
    ['a module from a Blob without a type', (s) => [s.pageUrl('x', ''), { type: 'module' }]],
    ['an unknown worker type', (s) => [s.pageUrl('x'), { type: 'shared' }]],
    ['options that are a string', (s) => [s.pageUrl('x'), 'module']],
    ['a script URL that is neither a string nor a URL', (s) => [{ toString: () => s.pageUrl('x') }]],
  ])('%s is left to the browser as given', (_name, args) => {
    const s = setup();
    const given = args(s);
    new s.W(...(given as [string]));
    const fake = s.constructed[0]!;
    expect(fake.args).toHaveLength(given.length);
    given.forEach((arg, i) => expect(fake.args[i]).toBe(arg));
    expect(fake.messages).toEqual([]);
  });

  it('wraps a blob worker given as a URL object', async () => {
    const { W, constructed, pageUrl } = setup();
    new W(new URL(pageUrl('postMessage(2)')));
    expect(await constructed[0]!.script!.text()).toBe(`${HOOK}postMessage(2)`);
  });

  it('keeps the constructor\'s shape: prototype, length, name, subclasses, and no call without new', () => {
    const { W, FakeWorker, constructed, pageUrl } = setup();
    expect(W.prototype).toBe(FakeWorker.prototype);
    expect(W.length).toBe(FakeWorker.length);
    expect(W.name).toBe('Worker');
    class Sub extends W {}
    const sub = new Sub(pageUrl('x'));
    expect(sub).toBeInstanceOf(Sub);
    expect(sub).toBeInstanceOf(W);
    expect(constructed[0]!.newTarget).toBe(Sub);
    expect(() => (W as unknown as (url: string) => unknown)(pageUrl('x'))).toThrow(TypeError);
  });

  it('never hands the offered port to an array iterator the page replaced', async () => {
    const { W, constructed, pageUrl } = setup();
    const proto = Array.prototype as unknown as Record<symbol, unknown>;
    const original = proto[Symbol.iterator] as (this: unknown[]) => Iterator<unknown>;
    const seen: unknown[][] = [];
    proto[Symbol.iterator] = function (this: unknown[]) {
      seen.push(this);
      return original.call(this);
    };
    try {
      new W(pageUrl('x'));
      new W(pageUrl('y'), { type: 'module' });
    } finally {
      proto[Symbol.iterator] = original;
    }
    for (const fake of constructed) offeredPort(fake);
    expect(seen.some((array) => array.some((item) => item instanceof MessagePort))).toBe(false);
    await settle(1);
  });
});
