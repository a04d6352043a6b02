/**
 * The worker-side hook (hook/install-worker-hook.ts) on a fake dedicated worker global, and the same hook as the
 * builds ship it: the text the vite plugin bundles (WORKER_HOOK_SOURCE), run as a classic script in a context of
 * its own.
 */
import { Script, createContext } from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Observation } from '../../../src/core/capture/observation.js';
import { HOOK_TAG } from '../../../src/capture/hook-protocol.js';
import { installWorkerHook, type WorkerGlobal } from '../../../src/capture/hook/install-worker-hook.js';
import { WORKER_HOOK_SOURCE } from '../../../src/capture/hook/worker-hook-source.js';
import { bundleWorkerHook } from '../../../scripts/worker-hook-source.js';
import { FakeMessageEvent, onNodePort, pageListener, scopeClasses, settle, until } from './fake-world.js';

const TOKEN = '{"access_token":"at-from-worker","token_type":"Bearer"}';

/** A dedicated worker's global: fetch answers every call with a token response. */
function workerGlobal() {
  const target = new EventTarget() as EventTarget & Record<string, unknown>;
  const fetch = vi.fn(async () => new Response(TOKEN, { status: 200, headers: { 'content-type': 'application/json' } }));
  Object.assign(target, scopeClasses, { fetch, location: { href: 'blob:https://rp.example.com/w1' } });
  return { scope: target as unknown as WorkerGlobal & EventTarget, fetch };
}

/** The page hook's end: a channel whose port2 is offered as the worker's first message. */
function offer(scope: EventTarget) {
  const channel = new MessageChannel();
  opened.push(channel.port1);
  const heard: unknown[] = [];
  onNodePort(channel.port1, 'message', (m: unknown) => heard.push(m));
  scope.dispatchEvent(new FakeMessageEvent('message', { data: { tag: HOOK_TAG, kind: 'port' }, ports: [channel.port2] }));
  return heard;
}

const opened: MessagePort[] = [];
afterEach(() => {
  for (const port of opened.splice(0)) port.close();
});

describe('installWorkerHook', () => {
  it("keeps the worker's exchanges until the offered port arrives, takes it unseen, then reports ready and the exchanges", async () => {
    const { scope, fetch } = workerGlobal();
    installWorkerHook(scope);
    // The worker's own script runs after the hook: its listeners come later.
    const script = [pageListener(scope, true), pageListener(scope, false)];
    const call = (scope.fetch as typeof globalThis.fetch)('https://idp.example.com/token', { method: 'POST', body: 'grant_type=refresh_token' });
    expect(await (await call).text()).toBe(TOKEN);
    expect(fetch).toHaveBeenCalledTimes(1);
    await settle();
    const heard = offer(scope);
    await until('ready and one observation', () => heard.length >= 2);
    expect(heard[0]).toEqual({ kind: 'ready' });
    const first = (heard[1] as { kind: string; observation: Observation }).observation;
    expect(first).toMatchObject({ method: 'POST', url: 'https://idp.example.com/token', status: 200, responseBody: { text: TOKEN } });
    await (scope.fetch as typeof globalThis.fetch)('https://api.example.net/data');
    await until('a second observation', () => heard.length >= 3);
    expect(script).toEqual([[], []]);
  });

  it("passes the worker's later messages on, even tagged ones, and looks at the first message only", async () => {
    const { scope } = workerGlobal();
    installWorkerHook(scope);
    const script = pageListener(scope, true);
    offer(scope);
    const later = new MessageChannel();
    opened.push(later.port1, later.port2);
    scope.dispatchEvent(new FakeMessageEvent('message', { data: { tag: HOOK_TAG, kind: 'port' }, ports: [later.port2] }));
    scope.dispatchEvent(new FakeMessageEvent('message', { data: 'from the page' }));
    expect(script).toEqual([
      { data: { tag: HOOK_TAG, kind: 'port' }, ports: 1 },
      { data: 'from the page', ports: 0 },
    ]);
  });

  it('a first message that is not an offer reaches the worker, and no later offer is taken', async () => {
    const { scope } = workerGlobal();
    installWorkerHook(scope);
    const script = pageListener(scope, false);
    scope.dispatchEvent(new FakeMessageEvent('message', { data: { type: 'init' } }));
    const heard = offer(scope);
    await settle();
    expect(heard).toEqual([]);
    expect(script.map((m) => m.data)).toEqual([{ type: 'init' }, { tag: HOOK_TAG, kind: 'port' }]);
  });
});

describe('WORKER_HOOK_SOURCE, as the builds ship it', () => {
  it('is one line of classic script, a function called at once, without a top-level directive', () => {
    expect(WORKER_HOOK_SOURCE.length).toBeGreaterThan(1000);
    expect(WORKER_HOOK_SOURCE).not.toMatch(/[\n\r\u2028\u2029]/);
    expect(WORKER_HOOK_SOURCE.startsWith('(function(){"use strict";')).toBe(true);
    expect(WORKER_HOOK_SOURCE.endsWith('})();')).toBe(true);
  });

  it('installs in a worker global of its own and talks over the offered port', async () => {
    const { scope, fetch } = workerGlobal();
    // The web globals a dedicated worker has and the hook's wrappers use, which a bare context lacks.
    Object.assign(scope, { self: scope, URL, Headers, Request, Response, TextDecoder, TextEncoder, URLSearchParams, FormData, Blob });
    const context = createContext(scope);
    new Script(WORKER_HOOK_SOURCE).runInContext(context);
    expect(scope.fetch).not.toBe(fetch);
    await (scope.fetch as typeof globalThis.fetch)('https://idp.example.com/token', { method: 'POST' });
    const heard = offer(scope);
    await until('ready and one observation', () => heard.length >= 2);
    expect(heard[0]).toEqual({ kind: 'ready' });
    expect((heard[1] as { observation: Observation }).observation).toMatchObject({ url: 'https://idp.example.com/token', responseBody: { text: TOKEN } });
  });

  it('leaves the script after it as it was: sloppy, its names free, its line numbers kept', () => {
    const context = createContext({});
    const after = 'undeclared = 1;\nlet e = 2; var t = 3; function n() { return this; }\nline = new Error().stack.split("\\n")[1];';
    new Script(WORKER_HOOK_SOURCE + after, { filename: 'worker.js' }).runInContext(context);
    expect(context.undeclared).toBe(1);
    expect(context.line).toContain('worker.js:3:');
  });

  it('the bundler refuses an entry it cannot build', async () => {
    await expect(bundleWorkerHook('src/capture/no-such-worker-hook.ts')).rejects.toThrow();
  });
});
