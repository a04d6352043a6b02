/**
 * Fakes of what the page hook, its relay and the worker-side hook talk through, on node's own EventTarget,
 * MessageChannel and MessagePort: a window whose `postMessage` queues its message events as tasks that the test
 * runs when it chooses (to order the content scripts' installs against dispatch), and a MessageEvent whose
 * `data`, `ports` and `source` are prototype getters, as in browsers (node's own refuses a window as `source`).
 */

const nodeMessage = MessageEvent.prototype;
const nodeGetter = (name: string) => Object.getOwnPropertyDescriptor(nodeMessage, name)!.get!;
const nodeData = nodeGetter('data');
const nodePorts = nodeGetter('ports');

/**
 * A message event as browsers make it: the members are getters on the prototype. Its getters also read node's
 * own MessageEvents (those of MessagePorts), as one browser class serves both.
 */
export class FakeMessageEvent extends Event {
  readonly #data: unknown;
  readonly #ports: readonly MessagePort[];
  readonly #source: unknown;
  constructor(type: string, init: { data?: unknown; ports?: MessagePort[]; source?: unknown } = {}) {
    super(type, { cancelable: false });
    this.#data = init.data;
    this.#ports = Object.freeze([...(init.ports ?? [])]);
    this.#source = init.source ?? null;
  }
  get data(): unknown {
    return #data in this ? this.#data : nodeData.call(this);
  }
  get ports(): readonly MessagePort[] {
    return #ports in this ? this.#ports : (nodePorts.call(this) as readonly MessagePort[]);
  }
  get source(): unknown {
    return #source in this ? this.#source : null;
  }
}

/** The constructors a hook takes from its global. */
export const scopeClasses = {
  EventTarget,
  Event,
  MessageEvent: FakeMessageEvent as unknown as typeof MessageEvent,
  MessagePort,
  MessageChannel,
};

/** A window: an EventTarget with queued `postMessage` tasks. */
export class FakeWindow extends EventTarget {
  readonly EventTarget = EventTarget;
  readonly Event = Event;
  readonly MessageEvent = FakeMessageEvent as unknown as typeof MessageEvent;
  readonly MessagePort = MessagePort;
  readonly MessageChannel = MessageChannel;
  readonly location = { origin: 'https://rp.example.com' };
  /** Message tasks not dispatched yet, oldest first. */
  readonly tasks: (() => void)[] = [];
  /** Every message posted, with its target origin and transfer list. */
  readonly posted: { data: unknown; targetOrigin: string; transfer: MessagePort[] }[] = [];

  postMessage(data: unknown, targetOrigin: string, transfer: MessagePort[] = []): void {
    const ports = [...transfer];
    this.posted.push({ data, targetOrigin, transfer: ports });
    const copy = structuredClone(data);
    this.tasks.push(() => this.dispatchEvent(new FakeMessageEvent('message', { data: copy, ports, source: this })));
  }

  /** Runs the queued message tasks (and those they queue) in order. */
  runTasks(): void {
    for (let task = this.tasks.shift(); task; task = this.tasks.shift()) task();
  }
}

/** What a listener the page added saw: every message event, with its data and the number of ports. */
export function pageListener(target: EventTarget, capture: boolean): { data: unknown; ports: number }[] {
  const seen: { data: unknown; ports: number }[] = [];
  target.addEventListener(
    'message',
    (event) => {
      const message = event as MessageEvent;
      seen.push({ data: message.data, ports: message.ports.length });
    },
    capture,
  );
  return seen;
}

/**
 * Waits until `condition` holds, letting node deliver port messages between checks (at most `rounds` turns of
 * the event loop); throws naming `what` when it never does.
 */
export async function until(what: string, condition: () => boolean, rounds = 200): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    if (condition()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`never happened: ${what}`);
}

/** Lets node deliver every port message already posted (used only to show something did NOT happen). */
export async function settle(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** Node's own listener API of a MessagePort (`on`), which does not go through EventTarget.prototype. */
export function onNodePort(port: MessagePort, type: 'message' | 'close', listener: (value: unknown) => void): void {
  (port as unknown as { on(type: string, listener: (value: unknown) => void): void }).on(type, listener);
}
