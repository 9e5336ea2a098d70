import { AsyncLocalStorage } from 'node:async_hooks';
import type { BusMessage, BusSubscription, BusSubscriptionOptions, EventBus } from '../event-bus';
import { backoffDelay, sleep } from '../retry';

export interface InProcessEventBusOptions {
  /** Attempts per message before publish() rejects (the message stays unacknowledged). Default 5. */
  maxAttempts?: number;
  /** First retry delay, doubled per attempt. Default 10 ms. */
  retryBackoffMs?: number;
}

interface Waiter {
  offset: number;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * One consumer group reading one topic: the in-process counterpart of a Kafka partition assignment.
 * Its offset survives stop() so a group that subscribes again resumes where it left off.
 */
class Lane {
  handler?: (message: BusMessage) => Promise<void>;
  private running = false;
  private idle: Promise<void> = Promise.resolve();
  private waiters: Waiter[] = [];

  constructor(
    private readonly log: BusMessage[],
    public offset: number,
    private readonly deliver: (lane: Lane, message: BusMessage) => Promise<void>,
  ) {}

  /** Resolves once every message up to `offset` (exclusive) has been handled by this group. */
  waitFor(offset: number): Promise<void> {
    if (!this.handler || this.offset >= offset) return Promise.resolve();
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ offset, resolve, reject }));
    this.pump();
    return done;
  }

  pump(): void {
    if (this.running || !this.handler) return;
    this.running = true;
    this.idle = this.drain();
  }

  async detach(): Promise<void> {
    this.handler = undefined;
    await this.idle;
    // Nobody will handle these until the group comes back; publishers must not hang on an absent group.
    this.settle(
      () => true,
      (w) => w.resolve(),
    );
  }

  // `running` is cleared in the same synchronous step as the last length check, so a message appended by a
  // concurrent publish is either seen by this loop or starts a new one: never stranded.
  private async drain(): Promise<void> {
    while (this.handler && this.offset < this.log.length) {
      try {
        await this.deliver(this, this.log[this.offset]);
      } catch (error) {
        this.running = false;
        // Stopped mid-retry: detach() releases the publishers. Otherwise the message stays unacknowledged and
        // the next publish (or re-subscribe) retries it, like a Kafka redelivery.
        if (this.attached())
          this.settle(
            () => true,
            (w) => w.reject(error),
          );
        return;
      }
      this.offset++;
      this.settle(
        (w) => w.offset <= this.offset,
        (w) => w.resolve(),
      );
    }
    this.running = false;
  }

  private attached(): boolean {
    return this.handler !== undefined;
  }

  private settle(match: (w: Waiter) => boolean, action: (w: Waiter) => void): void {
    const [hit, keep] = [this.waiters.filter(match), this.waiters.filter((w) => !match(w))];
    this.waiters = keep;
    hit.forEach(action);
  }
}

/**
 * The embedded default's bus. publish() resolves only after every subscribed group handled the messages, so
 * a relay checkpoint means "delivered", not just "queued". Topics keep their whole history in memory so that
 * a late subscriber with fromBeginning sees it (embedded mode rebuilds from the stores on restart anyway).
 */
export class InProcessEventBus implements EventBus {
  private readonly logs = new Map<string, BusMessage[]>();
  private readonly lanes = new Map<string, Map<string, Lane>>(); // topic -> groupId -> lane
  /** Lanes whose handler is on the current async call chain: waiting on them from inside would deadlock. */
  private readonly activeLanes = new AsyncLocalStorage<ReadonlySet<Lane>>();
  private readonly maxAttempts: number;
  private readonly retryBackoffMs: number;
  private closed = false;

  constructor(options: InProcessEventBusOptions = {}) {
    this.maxAttempts = options.maxAttempts ?? 5;
    this.retryBackoffMs = options.retryBackoffMs ?? 10;
  }

  async publish(messages: BusMessage[]): Promise<void> {
    if (this.closed) throw new Error('InProcessEventBus is closed');
    const ends = new Map<string, number>();
    for (const message of messages) {
      const log = this.log(message.topic);
      log.push({ ...message, partition: 0, offset: String(log.length) });
      ends.set(message.topic, log.length);
    }
    const active = this.activeLanes.getStore();
    const waits: Promise<void>[] = [];
    for (const [topic, end] of ends) {
      for (const lane of this.lanes.get(topic)?.values() ?? []) {
        if (!active?.has(lane)) waits.push(lane.waitFor(end));
        else lane.pump();
      }
    }
    await Promise.all(waits);
  }

  subscribe(options: BusSubscriptionOptions): Promise<BusSubscription> {
    if (this.closed) return Promise.reject(new Error('InProcessEventBus is closed'));
    const taken = options.topics.filter((t) => this.lanes.get(t)?.get(options.groupId)?.handler);
    if (taken.length) return Promise.reject(new Error(`group ${options.groupId} already has a subscriber on ${taken.join(', ')}`));
    const lanes = options.topics.map((topic) => {
      const byGroup = this.lanes.get(topic) ?? new Map<string, Lane>();
      this.lanes.set(topic, byGroup);
      const log = this.log(topic);
      let lane = byGroup.get(options.groupId);
      if (!lane) {
        lane = new Lane(log, options.fromBeginning === false ? log.length : 0, (l, m) => this.deliver(l, m));
        byGroup.set(options.groupId, lane);
      }
      lane.handler = options.handler;
      return lane;
    });
    lanes.forEach((lane) => lane.pump());
    return Promise.resolve({ stop: async () => void (await Promise.all(lanes.map((lane) => lane.detach()))) });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.lanes.values()].flatMap((byGroup) => [...byGroup.values()].map((l) => l.detach())));
  }

  private log(topic: string): BusMessage[] {
    let log = this.logs.get(topic);
    if (!log) this.logs.set(topic, (log = []));
    return log;
  }

  private async deliver(lane: Lane, message: BusMessage): Promise<void> {
    const chain = new Set(this.activeLanes.getStore() ?? []).add(lane);
    for (let attempt = 1; ; attempt++) {
      const handler = lane.handler;
      if (!handler) throw new Error('subscription stopped');
      try {
        return await this.activeLanes.run(chain, () => handler(message));
      } catch (error) {
        if (attempt >= this.maxAttempts) throw error;
        await sleep(backoffDelay(attempt, this.retryBackoffMs, 1000));
      }
    }
  }
}
