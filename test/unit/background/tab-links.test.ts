import { describe, expect, it } from 'vitest';
import { createTabLinks, type TabOrigin } from '../../../src/background/tab-links.js';

function links(origins: Record<number, TabOrigin | 'gone'>) {
  const asked: number[] = [];
  const l = createTabLinks({
    describe: async (tabId) => {
      asked.push(tabId);
      const o = origins[tabId];
      if (o === 'gone') throw new Error(`No tab with id: ${tabId}.`);
      return o;
    },
  });
  return { l, asked };
}

describe('tab links (issue 9: a login popup belongs to the tab that opened it)', () => {
  it.each<[string, TabOrigin | 'gone' | undefined, number | undefined]>([
    ['a popup window opened by tab 1', { openerTabId: 1, popup: true }, 1],
    ['a normal tab opened from a link', { openerTabId: 1, popup: false }, undefined],
    ['a popup nobody opened (the user)', { popup: true }, undefined],
    ['a popup naming itself as opener', { openerTabId: 5, popup: true }, undefined],
    ['a tab the browser no longer knows', 'gone', undefined],
    ['no answer at all', undefined, undefined],
  ])('%s', async (_name, origin, expected) => {
    const { l } = links(origin === undefined ? {} : { 5: origin });
    expect(await l.linkedTab(5)).toBe(expected);
  });

  it('asks the browser once per tab until the tab is forgotten', async () => {
    const { l, asked } = links({ 7: { openerTabId: 2, popup: true } });
    await Promise.all([l.linkedTab(7), l.linkedTab(7)]);
    expect(await l.linkedTab(7)).toBe(2);
    expect(asked).toEqual([7]);
    l.forget(7);
    await l.linkedTab(7);
    expect(asked).toEqual([7, 7]);
  });
});
