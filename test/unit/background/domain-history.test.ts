import { describe, expect, it } from 'vitest';
import { createDomainHistory, DOMAIN_SINCE_KEY } from '../../../src/background/domain-history.js';
import { FakeArea } from './fake-area.js';

describe('domain history (review: a capture is judged by the domains configured when it was made)', () => {
  it('dates the domains of a new browser session 0, later additions when they come, and forgets removed ones', async () => {
    const area = new FakeArea();
    let now = 1000;
    const h = createDomainHistory(area, () => now);
    await h.update(['idp.example', 'app.example']);
    expect(h.since()).toEqual({ 'idp.example': 0, 'app.example': 0 });
    now = 2000;
    await h.update(['idp.example', 'app.example', 'api.example']);
    now = 3000;
    await h.update(['app.example', 'api.example']);
    expect(h.since()).toEqual({ 'app.example': 0, 'api.example': 2000 });
    expect(area.value(DOMAIN_SINCE_KEY)).toEqual({ 'app.example': 0, 'api.example': 2000 });
  });

  it('a restarted worker keeps the dates; a domain added meanwhile is dated now', async () => {
    const area = new FakeArea();
    await createDomainHistory(area, () => 1).update(['idp.example']);
    await createDomainHistory(area, () => 2).update(['idp.example']);
    const later = createDomainHistory(area, () => 5000);
    await later.update(['idp.example', 'app.example']);
    expect(later.since()).toEqual({ 'idp.example': 0, 'app.example': 5000 });
  });

  it('garbage in the area is a new session; a failing area keeps the history in memory', async () => {
    const area = new FakeArea();
    area.data.set(DOMAIN_SINCE_KEY, JSON.stringify('garbage'));
    const h = createDomainHistory(area, () => 7);
    await h.update(['idp.example']);
    expect(h.since()).toEqual({ 'idp.example': 0 });
    const failing = createDomainHistory({ get: () => Promise.reject(new Error('gone')), set: () => Promise.reject(new Error('gone')) }, () => 9);
    await failing.update(['a.example']);
    await failing.update(['a.example', 'b.example']);
    expect(failing.since()).toEqual({ 'a.example': 0, 'b.example': 9 });
  });
});
