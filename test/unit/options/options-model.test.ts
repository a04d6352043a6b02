import { describe, expect, it } from 'vitest';
import { createOptionsModel } from '../../../src/options/store/options-model.js';
import { fakeOptionsDeps } from './fake-deps.js';

async function started(...args: Parameters<typeof fakeOptionsDeps>) {
  const deps = fakeOptionsDeps(...args);
  const model = createOptionsModel(deps);
  await model.start();
  return { deps, model };
}

describe('options model: adding domains', () => {
  it('asks for host access before it returns, saves only once granted, and tells the worker', async () => {
    const { deps, model } = await started();
    deps.manual = true;
    const done = model.addDomains(['idp.example.com', 'localhost:3000'], 'two domains');
    // Synchronously, inside what would be the click handler.
    expect(deps.requests).toEqual([['*://idp.example.com/*', '*://localhost/*']]);
    expect(deps.stored.domains).toEqual([]);
    deps.answer();
    expect(await done).toBe(true);
    expect(deps.stored.domains).toEqual(['idp.example.com', 'localhost:3000']);
    expect(deps.notified).toBe(1);
    expect(model.access.value).toEqual({ 'idp.example.com': true, 'localhost:3000': true });
    expect(model.notice.value).toEqual({ kind: 'info', text: 'Added idp.example.com, localhost:3000.' });
  });

  it('does not save when host access is refused, and says so', async () => {
    const { deps, model } = await started();
    deps.grant = false;
    expect(await model.addDomains(['idp.example.com'], 'idp.example.com')).toBe(false);
    expect(deps.stored.domains).toEqual([]);
    expect(deps.notified).toBe(0);
    expect(model.notice.value?.kind).toBe('error');
    expect(model.notice.value?.text).toMatch(/refused/);
  });

  it.each([
    ['bad_host', /not a valid host/],
    ['https://idp.example.com/login', /no path/],
    ['idp.example.com', /already configured/],
  ])('refuses %j without asking for a permission', async (entry, message) => {
    const { deps, model } = await started({ domains: ['idp.example.com'] });
    expect(await model.addDomains([entry], entry)).toBe(false);
    expect(deps.requests).toEqual([]);
    expect(model.notice.value?.text).toMatch(message);
  });

  it('reports a failed save and does not tell the worker', async () => {
    const { deps, model } = await started();
    deps.saveError = new Error('quota');
    expect(await model.addDomains(['idp.example.com'], 'x')).toBe(false);
    expect(deps.notified).toBe(0);
    expect(model.notice.value?.text).toMatch(/could not be saved: quota/);
  });

  it('reports a worker that could not be told', async () => {
    const { deps, model } = await started();
    deps.notifyError = new Error('Extension context invalidated.');
    await model.update((s) => ({ ...s, skewSeconds: 10 }));
    expect(deps.stored.skewSeconds).toBe(10);
    expect(model.notice.value?.text).toMatch(/could not be told/);
  });
});

describe('options model: removing domains', () => {
  it('saves first, then gives back only the patterns no remaining domain needs', async () => {
    const { deps, model } = await started({ domains: ['localhost:3000', 'localhost:4000', 'idp.example.com'] });
    await model.removeDomain('localhost:3000');
    expect(deps.stored.domains).toEqual(['localhost:4000', 'idp.example.com']);
    expect(deps.removals).toEqual([]);
    await model.removeDomain('idp.example.com');
    expect(deps.removals).toEqual([['*://idp.example.com/*']]);
    expect(deps.notified).toBe(2);
  });

  it('never removes a built-in domain', async () => {
    const { deps, model } = await started({}, ['team.example.com']);
    await model.removeDomain('team.example.com');
    expect(deps.stored.domains).toEqual(['team.example.com']);
    expect(deps.removals).toEqual([]);
    expect(model.access.value).toEqual({ 'team.example.com': true });
  });
});

describe('options model: access', () => {
  it('shows missing access and grants it again on request', async () => {
    const { deps, model } = await started({ domains: ['idp.example.com'] });
    expect(model.access.value).toEqual({ 'idp.example.com': false });
    await model.grantAccess('idp.example.com');
    expect(deps.requests).toEqual([['*://idp.example.com/*']]);
    expect(model.access.value).toEqual({ 'idp.example.com': true });
  });

  it('follows settings changed elsewhere until stopped', async () => {
    const { deps, model } = await started();
    await deps.saveSettings({ ...deps.stored, domains: ['other.example'] });
    expect(model.settings.value?.domains).toEqual(['other.example']);
    model.stop();
    await deps.saveSettings({ ...deps.stored, domains: ['third.example'] });
    expect(model.settings.value?.domains).toEqual(['other.example']);
  });
});
