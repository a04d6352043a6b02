/**
 * A bound on the nesting of decoded JSON. `JSON.parse` accepts any depth, but everything recursive that
 * later walks the value (`JSON.stringify`, `structuredClone`, rules, the panel) overflows the stack on a
 * hostile document nested tens of thousands of levels deep.
 */

/** How deep decoded JSON may nest before the deeper parts are replaced. */
export const MAX_JSON_DEPTH = 64;

/** What stands in for an object or array nested deeper than the limit. */
export function tooDeepMarker(max: number): string {
  return `[nested deeper than ${max} levels]`;
}

type Container = Record<string, unknown> | unknown[];

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null;
}

/** True when some object or array in `value` sits deeper than `max` levels (the root is level 1). Iterative. */
function exceeds(value: unknown, max: number): boolean {
  if (!isContainer(value)) return false;
  const stack: [Container, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    const children = Array.isArray(node) ? node : Object.values(node);
    for (const child of children) {
      if (!isContainer(child)) continue;
      if (depth + 1 > max) return true;
      stack.push([child, depth + 1]);
    }
  }
  return false;
}

/** Sets an own, enumerable member even when its name is `__proto__` (a plain assignment would set the prototype). */
function setMember(target: Record<string, unknown>, name: string, value: unknown): void {
  Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
}

/** A copy of `value` in which containers deeper than `max` levels are the marker string. Iterative. */
function truncatedCopy(value: Container, max: number): Container {
  const marker = tooDeepMarker(max);
  const copyOf = (node: Container): Container => (Array.isArray(node) ? new Array<unknown>(node.length) : {});
  const root = copyOf(value);
  const stack: [Container, Container, number][] = [[value, root, 1]];
  while (stack.length > 0) {
    const [source, target, depth] = stack.pop()!;
    if (Array.isArray(source)) {
      const out = target as unknown[];
      for (let i = 0; i < source.length; i++) {
        const child = source[i];
        if (!isContainer(child)) out[i] = child;
        else if (depth + 1 > max) out[i] = marker;
        else {
          const copy = copyOf(child);
          out[i] = copy;
          stack.push([child, copy, depth + 1]);
        }
      }
      continue;
    }
    const out = target as Record<string, unknown>;
    for (const [name, child] of Object.entries(source)) {
      if (!isContainer(child)) setMember(out, name, child);
      else if (depth + 1 > max) setMember(out, name, marker);
      else {
        const copy = copyOf(child);
        setMember(out, name, copy);
        stack.push([child, copy, depth + 1]);
      }
    }
  }
  return root;
}

/**
 * Bounds the nesting of a decoded JSON value: objects and arrays deeper than `max` levels (the root object
 * or array is level 1) become the string "[nested deeper than 64 levels]". Returns the value itself,
 * uncopied, when it is within the bound, else a copy, with `truncated: true`. Iterative, so it works on
 * values of any depth; never throws for values `JSON.parse` returns. Does not limit sizes or lengths,
 * and is meant for JSON data (plain objects, arrays, primitives), not class instances or cycles.
 */
export function limitDepth<T>(value: T, max: number = MAX_JSON_DEPTH): { value: T; truncated: boolean } {
  if (!isContainer(value)) return { value, truncated: false };
  if (max < 1) return { value: tooDeepMarker(max) as T, truncated: true };
  if (!exceeds(value, max)) return { value, truncated: false };
  return { value: truncatedCopy(value, max) as T, truncated: true };
}
