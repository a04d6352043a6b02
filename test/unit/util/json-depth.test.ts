import { describe, expect, it } from 'vitest';
import { limitDepth, MAX_JSON_DEPTH, tooDeepMarker } from '../../../src/core/util/json-depth.js';

/** `{"a":{"a":...1...}}` with `levels` objects. */
const nestedObjects = (levels: number) => JSON.parse(`${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`) as unknown;
const nestedArrays = (levels: number) => JSON.parse(`${'['.repeat(levels)}${']'.repeat(levels)}`) as unknown;

/** Depth of the deepest object or array (the root is 1), iteratively. */
function depthOf(value: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    max = Math.max(max, d);
    for (const c of Object.values(v)) stack.push([c, d + 1]);
  }
  return max;
}

describe('limitDepth', () => {
  it.each<[string, unknown]>([
    ['a primitive', 'x'],
    ['null', null],
    ['a flat object', { a: 1, b: 'x' }],
    ['64 levels of objects', nestedObjects(64)],
    ['64 levels of arrays', nestedArrays(64)],
  ])('returns %s itself, unchanged', (_name, value) => {
    const r = limitDepth(value);
    expect(r.truncated).toBe(false);
    expect(r.value).toBe(value);
  });

  it.each<[string, unknown]>([
    ['65 levels of objects', nestedObjects(65)],
    ['50,000 levels of objects', nestedObjects(50_000)],
    ['50,000 levels of arrays', nestedArrays(50_000)],
  ])('cuts %s to 64 levels, with the marker in place of the rest, and the result serialises', (_name, value) => {
    const r = limitDepth(value);
    expect(r.truncated).toBe(true);
    expect(depthOf(r.value)).toBe(MAX_JSON_DEPTH);
    const text = JSON.stringify(r.value);
    expect(text).toContain(JSON.stringify(tooDeepMarker(MAX_JSON_DEPTH)));
    expect(tooDeepMarker(64)).toBe('[nested deeper than 64 levels]');
  });

  it('keeps siblings of the deep branch, does not modify its input, and keeps a "__proto__" member as data', () => {
    const value = JSON.parse('{"sub":"u1","__proto__":{"x":[[[1]]]},"deep":[[[[1]]]],"list":[1,"two",null]}') as Record<string, unknown>;
    const before = JSON.stringify(value);
    const r = limitDepth(value, 3);
    expect(r.truncated).toBe(true);
    expect(JSON.stringify(value)).toBe(before);
    expect(r.value).toEqual(JSON.parse('{"sub":"u1","__proto__":{"x":["[nested deeper than 3 levels]"]},"deep":[["[nested deeper than 3 levels]"]],"list":[1,"two",null]}'));
    expect(Object.getPrototypeOf(r.value)).toBe(Object.prototype);
    expect(Object.keys(r.value)).toEqual(['sub', '__proto__', 'deep', 'list']);
  });

  it('replaces the root itself when the limit is below 1', () => {
    expect(limitDepth({ a: 1 }, 0)).toEqual({ value: '[nested deeper than 0 levels]', truncated: true });
  });
});
