/**
 * The built-ins the hooks use for their private channels, taken once when a hook installs. A hook installs before
 * any script of its page (or worker) runs; a script that later replaces `MessagePort.prototype.postMessage`, the
 * `data` getter of MessageEvent or `Function.prototype.call` changes nothing the hooks do, because they call the
 * functions they took (through `call` bound at install, so no property is looked up at call time).
 */

/** The constructors a hook's global (a window or a worker's global) provides. */
export interface HookScope {
  EventTarget: typeof EventTarget;
  Event: typeof Event;
  MessageEvent: typeof MessageEvent;
  MessagePort: typeof MessagePort;
  MessageChannel: typeof MessageChannel;
}

/** The channel operations, as functions that take their receiver first. */
export interface Builtins {
  /** `addEventListener`. */
  listen(target: EventTarget, type: string, listener: (event: Event) => void, capture: boolean): void;
  /** `removeEventListener`. */
  unlisten(target: EventTarget, type: string, listener: (event: Event) => void, capture: boolean): void;
  /** `Event.prototype.stopImmediatePropagation`. */
  stopImmediately(event: Event): void;
  /** The MessageEvent getters `data`, `ports` and `source`. */
  data(event: MessageEvent): unknown;
  ports(event: MessageEvent): readonly MessagePort[];
  source(event: MessageEvent): unknown;
  /** `MessagePort.prototype.postMessage`, `start` and `close`. */
  post(port: MessagePort, message: unknown, transfer?: Transferable[]): void;
  start(port: MessagePort): void;
  close(port: MessagePort): void;
  /** A new MessageChannel's two ports. */
  channel(): { port1: MessagePort; port2: MessagePort };
}

type Method = (...args: never[]) => unknown;

// Taken when this module is evaluated, which is part of the hook's install (the bundle is one script).
const bindCall = Function.prototype.bind.bind(Function.prototype.call) as (fn: Method) => unknown;
const describe = Object.getOwnPropertyDescriptor;
const define = Object.defineProperty;
const setPrototypeOf = Object.setPrototypeOf;
const ITERATOR = Symbol.iterator;

/**
 * `object` without a prototype: a dictionary or descriptor the browser reads member by member (`{ type }` of a
 * Blob, listener options, a property descriptor) then finds no member a page added to Object.prototype. Changes
 * `object` itself and returns it.
 */
export function bare<T extends object>(object: T): T {
  return setPrototypeOf(object, null) as T;
}

/** `fn` as a function whose first argument is its `this`: `uncurry(f)(self, a)` is `f.call(self, a)`. */
export function uncurry<T extends Method>(fn: T): (self: unknown, ...args: Parameters<T>) => ReturnType<T> {
  return bindCall(fn) as (self: unknown, ...args: Parameters<T>) => ReturnType<T>;
}

/**
 * An array of `items` that iterates with a closure of its own. Web APIs read a sequence argument (a transfer list,
 * Blob parts) through its iterator; an array's iterator and its `next` live on prototypes a page can replace, and
 * could then see or swap the port being transferred. This one is found as an own property. Does not protect
 * what else reads the array (index access and `length` are own properties anyway).
 */
export function list<T>(...items: T[]): T[] {
  const out = items;
  define(
    out,
    ITERATOR,
    bare({
      value: () => {
        let i = 0;
        return { next: () => (i < items.length ? { value: items[i++], done: false } : { value: undefined, done: true }) };
      },
    }),
  );
  return out;
}

/**
 * A reader of property `name`: its getter on `proto` when there is one, else a plain read (for own data properties,
 * as node's MessageChannel has). Does not check that the object read is of the prototype's class.
 */
export function reader<T>(proto: object, name: string): (self: unknown) => T {
  const getter = describe(proto, name)?.get;
  if (getter) return uncurry(getter as () => T);
  return (self) => (self as Record<string, T>)[name] as T;
}

/**
 * The channel built-ins of `scope`, taken now. Throws when `scope` lacks one of them (a hook then does not
 * install). Does not take `window.postMessage` or the Worker's: the page hook takes those itself.
 */
export function takeBuiltins(scope: HookScope): Builtins {
  const target = scope.EventTarget.prototype;
  type Options = { capture: boolean };
  const add = uncurry(target.addEventListener as (type: string, listener: (event: Event) => void, options: Options) => void);
  const remove = uncurry(target.removeEventListener as (type: string, listener: (event: Event) => void, options: Options) => void);
  const stop = uncurry(scope.Event.prototype.stopImmediatePropagation);
  const message = scope.MessageEvent.prototype;
  const port = scope.MessagePort.prototype;
  const post = uncurry(port.postMessage as (message: unknown, transfer?: Transferable[]) => void);
  const start = uncurry(port.start);
  const close = uncurry(port.close);
  const Channel = scope.MessageChannel;
  const port1 = reader<MessagePort>(Channel.prototype, 'port1');
  const port2 = reader<MessagePort>(Channel.prototype, 'port2');
  return {
    // Options as a dictionary without prototype: no `once`, `passive` or `signal` a page put on Object.prototype.
    listen: (t, type, listener, capture) => add(t, type, listener, bare({ capture })),
    unlisten: (t, type, listener, capture) => remove(t, type, listener, bare({ capture })),
    stopImmediately: (event) => stop(event),
    data: reader<unknown>(message, 'data'),
    ports: reader<readonly MessagePort[]>(message, 'ports'),
    source: reader<unknown>(message, 'source'),
    post: (p, m, transfer) => (transfer ? post(p, m, transfer) : post(p, m)),
    start: (p) => start(p),
    close: (p) => close(p),
    channel: () => {
      const channel = new Channel();
      return { port1: port1(channel), port2: port2(channel) };
    },
  };
}
