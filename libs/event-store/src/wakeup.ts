/** A one-slot signal: `wait` returns true as soon as `signal` was called (even before the wait began). */
export class Wakeup {
  private pending = false;
  private release?: () => void;

  signal(): void {
    this.pending = true;
    this.release?.();
  }

  /** Resolves true when signalled, false after `ms` without a signal. Consumes the signal. */
  async wait(ms: number): Promise<boolean> {
    if (!this.pending) {
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>((resolve) => {
        this.release = resolve;
        timer = setTimeout(resolve, ms);
      });
      clearTimeout(timer);
      this.release = undefined;
    }
    const signalled = this.pending;
    this.pending = false;
    return signalled;
  }
}
