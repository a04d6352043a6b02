/**
 * What `npm start` must close whatever happens: the browser and the servers, in reverse order of starting, each
 * once, failures ignored (a browser the user closed cannot be closed again). Leftover browsers become zombies,
 * so every start registers its close here at once. A closer added after the run began (a browser whose launch
 * was under way at Ctrl+C) runs at once. Does not install signal handlers (main.ts does).
 */

/** A last-in, first-out list of closers. */
export class Cleanup {
  private readonly closers: (() => Promise<void>)[] = [];
  private readonly late: Promise<void>[] = [];
  private running: Promise<void> | undefined;

  /** Registers a closer; it runs before the ones added earlier, or now when the run has begun. */
  add(close: () => Promise<void>): void {
    if (this.running) this.late.push(close().catch(() => undefined));
    else this.closers.push(close);
  }

  /** Runs every closer once, newest first, and waits for late ones too; call it again after a late add. Never rejects. */
  async run(): Promise<void> {
    this.running ??= (async () => {
      for (const close of [...this.closers].reverse()) await close().catch(() => undefined);
    })();
    await this.running;
    await Promise.all(this.late);
  }
}
