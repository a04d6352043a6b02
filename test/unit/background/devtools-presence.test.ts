import { describe, expect, it } from 'vitest';
import { createDevtoolsPresence } from '../../../src/background/devtools-presence.js';

describe('devtools presence (issue 9: the worker knows where DevTools is open)', () => {
  it('tracks the tab and address of each devtools port until it closes', () => {
    const changed: number[] = [];
    const p = createDevtoolsPresence((tabId) => changed.push(tabId));
    const a = {};
    const b = {};
    expect(p.isOpen(3)).toBe(false);
    p.inspected(a, 3, 'https://app.example/');
    p.active(b, 3);
    expect(p.isOpen(3)).toBe(true);
    expect(p.urlOf(3)).toBe('https://app.example/');
    p.inspected(a, 3, 'https://app.example/next');
    expect(p.urlOf(3)).toBe('https://app.example/next');
    p.closed(a);
    expect(p.isOpen(3)).toBe(true);
    expect(p.urlOf(3)).toBeUndefined();
    p.closed(b);
    p.closed(b);
    expect(p.isOpen(3)).toBe(false);
    expect(changed).toEqual([3, 3, 3, 3, 3]);
  });

  it('a port that reports another tab moves there, and both tabs hear of it', () => {
    const changed: number[] = [];
    const p = createDevtoolsPresence((tabId) => changed.push(tabId));
    const a = {};
    p.inspected(a, 1, 'https://a.example/');
    p.inspected(a, 2, 'https://b.example/');
    expect([p.isOpen(1), p.isOpen(2)]).toEqual([false, true]);
    expect(changed).toEqual([1, 1, 2]);
  });

  it('repeating the same report changes nothing', () => {
    const changed: number[] = [];
    const p = createDevtoolsPresence((tabId) => changed.push(tabId));
    const a = {};
    p.inspected(a, 1, 'https://a.example/');
    p.active(a, 1);
    expect(changed).toEqual([1]);
    expect(p.urlOf(1)).toBe('https://a.example/');
  });
});
