import { anchorStore, type AnchorKey, type EventStore } from '@cem/event-store';
import type { EventBus, EventRelay } from '@cem/messaging';

/** Where signed chain anchors are published (kept forever like the events; nobody with the database can edit them). */
export function anchorsTopic(prefix = ''): string {
  return `${prefix}cem.anchors`;
}

export interface AnchorPublisherOptions {
  store: EventStore;
  /** The store's name in anchors (its schema). */
  storeName: string;
  bus: EventBus;
  relay: EventRelay;
  key: AnchorKey;
  topic: string;
  intervalMs: number;
  onError?: (error: unknown) => void;
}

/**
 * Signs the store's chain heads and publishes them every interval, from the replica that relays the store
 * (one anchor stream per store), and once more on a clean stop. See chain-anchor.ts for what it proves.
 */
export class AnchorPublisher {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(private readonly options: AnchorPublisherOptions) {}

  start(): void {
    this.timer = setInterval(() => void this.publishOnce(), this.options.intervalMs);
    this.timer.unref();
  }

  async publishOnce(): Promise<void> {
    const { store, storeName, bus, relay, key, topic } = this.options;
    if (!relay.isLeading || this.running) return;
    this.running = (async () => {
      try {
        const anchor = await anchorStore(store, storeName, key);
        await bus.publish([{ topic, key: storeName, value: JSON.stringify(anchor), headers: { anchor_key_id: anchor.keyId } }]);
      } catch (error) {
        this.options.onError?.(error);
      }
    })();
    await this.running;
    this.running = undefined;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
    await this.publishOnce();
  }
}
