import { comparePositions, LOG_START, type LogPosition, type RecordedEvent } from '@cem/contracts';
import type { Subscription, SubscriptionOptions } from './event-store';
import { Wakeup } from './wakeup';

export interface LogSource {
  readAll(options: { after: LogPosition; limit: number }): Promise<RecordedEvent[]>;
  /** Calls back on every append notification; resolves to the function that stops listening. */
  listen(onAppend: () => void): Promise<() => Promise<void>>;
  /**
   * The last committed event, visible to readers or not yet. The visibility horizon (snapshot xmin) is
   * server-wide, so another schema's open transaction can hide our own committed events for a moment.
   */
  committedHead?(): Promise<LogPosition>;
}

const DEFAULT_BATCH = 1000;
const DEFAULT_POLL_MS = 500;
/**
 * A notification can arrive while its transaction still counts as running for the visibility horizon,
 * so a read right after it may come back empty: look again shortly rather than after a full poll.
 */
const RECHECK_AFTER_NOTIFY_MS = 50;
/**
 * A notified read that came back empty usually waits for one concurrent transaction a few ms older than
 * the one that notified: recheck after 2 ms, doubling up to RECHECK_AFTER_NOTIFY_MS, instead of waiting
 * the whole 50 ms (which was most of the relay's latency at 100 commands/s).
 */
const FIRST_RECHECK_MS = 2;

/**
 * Catch-up subscription: reads the log in batches from a position, hands each batch to the handler
 * before reading on, then follows live appends (notification or poll). The position only advances past
 * a batch the handler accepted, so a failing handler sees the same batch again.
 */
export class LogSubscription implements Subscription {
  private position: LogPosition;
  private running = true;
  private readonly wakeup = new Wakeup();
  /** Number of reads started so far; caught-up waiters need a short read that began after they asked. */
  private readsStarted = 0;
  private waiters: { afterRead: number; target: LogPosition; resolve: () => void }[] = [];
  private readonly done: Promise<void>;
  /** Ends a linger early (a caught-up waiter or stop). */
  private endLinger?: () => void;

  constructor(
    private readonly source: LogSource,
    private readonly options: SubscriptionOptions,
  ) {
    this.position = options.after ?? LOG_START;
    this.done = this.run();
  }

  /** Resolves once everything committed before the call has been handed to the handler. */
  async caughtUp(): Promise<void> {
    if (!this.running) return;
    const target = (await this.source.committedHead?.()) ?? LOG_START;
    if (!this.running) return;
    return new Promise((resolve) => {
      this.waiters.push({ afterRead: this.readsStarted, target, resolve });
      this.wakeup.signal();
      this.endLinger?.();
    });
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wakeup.signal();
    this.endLinger?.();
    await this.done;
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((w) => w.resolve());
  }

  private async run(): Promise<void> {
    const batchSize = this.options.batchSize ?? DEFAULT_BATCH;
    const pollMs = this.options.pollIntervalMs ?? DEFAULT_POLL_MS;
    const lingerMs = this.options.lingerMs ?? 0;
    const unlisten = await this.source
      .listen(() => this.wakeup.signal())
      .catch((error: unknown) => {
        this.options.onError?.(error); // polling alone still delivers everything, only later
        return () => Promise.resolve();
      });
    let waitMs = pollMs;
    let notifiedRead = false;
    let backoffMs = 0;
    try {
      while (this.running) {
        const read = ++this.readsStarted;
        let batch: RecordedEvent[];
        try {
          batch = await this.source.readAll({ after: this.position, limit: batchSize });
          if (batch.length > 0 && this.running) {
            await this.options.handler(batch);
            this.position = batch[batch.length - 1].position;
          }
        } catch (error) {
          this.options.onError?.(error);
          await this.wakeup.wait(pollMs);
          continue;
        }
        if (batch.length >= batchSize) continue;
        this.releaseWaiters(read);
        backoffMs = notifiedRead && batch.length === 0 ? (backoffMs ? backoffMs * 2 : FIRST_RECHECK_MS) : 0;
        if (backoffMs >= RECHECK_AFTER_NOTIFY_MS) backoffMs = 0;
        // Someone waits for events committed but still behind the horizon: look again soon.
        const notified = await this.wakeup.wait(backoffMs || (this.waiters.length ? RECHECK_AFTER_NOTIFY_MS : waitMs));
        notifiedRead = notified || backoffMs > 0;
        // Batching: let the appends of concurrent commands gather before reading (not on a recheck, not when
        // someone waits for read-your-writes).
        if (notified && !backoffMs && lingerMs > 0 && !this.waiters.length && this.running) await this.linger(lingerMs);
        waitMs = notified ? Math.min(RECHECK_AFTER_NOTIFY_MS, pollMs) : pollMs;
      }
    } finally {
      await unlisten().catch(() => undefined);
    }
  }

  private linger(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      let timer: NodeJS.Timeout | undefined = undefined;
      const done = () => {
        clearTimeout(timer);
        this.endLinger = undefined;
        resolve();
      };
      timer = setTimeout(done, ms);
      this.endLinger = done;
    });
  }

  private releaseWaiters(completedRead: number): void {
    const isReady = (w: { afterRead: number; target: LogPosition }) =>
      w.afterRead < completedRead && comparePositions(this.position, w.target) >= 0;
    const ready = this.waiters.filter(isReady);
    this.waiters = this.waiters.filter((w) => !isReady(w));
    ready.forEach((w) => w.resolve());
  }
}
