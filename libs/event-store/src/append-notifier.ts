/**
 * Wakes subscribers after appends without a NOTIFY inside the append transaction: PostgreSQL commits
 * notifying transactions one at a time (a global lock held through the commit flush), which capped
 * concurrent appends at a fraction of raw INSERT (docs/benchmarks.md). Here at most one NOTIFY is in
 * flight, sent after the append committed; appends meanwhile are coalesced into the next one.
 */
export class AppendNotifier {
  private inFlight = false;
  private pending = false;

  constructor(
    private readonly send: () => Promise<unknown>,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  poke(): void {
    if (this.inFlight) {
      this.pending = true;
      return;
    }
    this.inFlight = true;
    void this.drain();
  }

  private async drain(): Promise<void> {
    try {
      do {
        this.pending = false;
        await this.send().catch(this.onError);
      } while (this.pending);
    } finally {
      this.inFlight = false;
    }
  }
}
