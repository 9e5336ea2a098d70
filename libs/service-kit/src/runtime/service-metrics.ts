import { Gauge, Histogram, type Registry } from 'prom-client';
import { LOG_START } from '@cem/contracts';
import type { EventStore } from '@cem/event-store';
import { relayCheckpointName, type EventBus, type EventRelay } from '@cem/messaging';
import type { ProjectionRunner } from '@cem/read-models';

export interface ServiceMetricsSources {
  store: EventStore;
  bus: EventBus;
  relay: EventRelay;
  runner: ProjectionRunner;
  consumer?: { groupId: string; topics: string[]; deadLetterTopic: string };
}

/** A scrape must not fail because one dependency is down: that series is simply left out this time. */
async function quietly(step: () => Promise<void>): Promise<void> {
  try {
    await step();
  } catch {
    /* dependency unreachable: readiness says so */
  }
}

/**
 * What an operator watches besides HTTP: relay lag (events of this store not yet published), which replica
 * relays, read-model lag per projection, consumer lag per group and topic, dead-letter counts, and the
 * latency of appends. Gauges are computed at scrape time from the store, the runner and the broker.
 */
export class ServiceMetrics {
  readonly appendDuration: Histogram<'outcome'>;

  constructor(
    registry: Registry,
    private sources?: ServiceMetricsSources,
  ) {
    const registers = [registry];
    this.appendDuration = new Histogram({
      name: 'cem_append_duration_seconds',
      help: 'Duration of event store appends (one command, one append)',
      labelNames: ['outcome'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    const sourcesNow = () => this.sources;
    new Gauge({
      name: 'cem_relay_lag_events',
      help: 'Events of this service store not yet published by the relay (by its position, or its checkpoint on another replica)',
      registers,
      async collect() {
        const s = sourcesNow();
        if (!s?.store.countAfter) return;
        await quietly(async () =>
          this.set(
            await s.store.countAfter!(
              // The leader knows its position; the stored checkpoint trails it by up to a second (event-relay.ts).
              (s.relay.isLeading ? s.relay.position : undefined) ?? (await s.store.load(relayCheckpointName(s.relay.topic))) ?? LOG_START,
            ),
          ),
        );
      },
    });
    new Gauge({
      name: 'cem_relay_leader',
      help: '1 when this replica is the relay of its store (one per store), else 0',
      registers,
      collect() {
        const s = sourcesNow();
        if (s) this.set(s.relay.isLeading ? 1 : 0);
      },
    });
    new Gauge({
      name: 'cem_projection_lag_events',
      help: 'Events of this service store not yet applied by each read-model projection',
      labelNames: ['projection'],
      registers,
      async collect() {
        const s = sourcesNow();
        if (!s?.store.countAfter) return;
        for (const [projection, position] of s.runner.projectionPositions()) {
          await quietly(async () => this.set({ projection }, await s.store.countAfter!(position)));
        }
      },
    });
    new Gauge({
      name: 'cem_projection_events_projected',
      help: 'Events handed to the read-model projections since the service started (rebuilds and catch-up included)',
      registers,
      collect() {
        const s = sourcesNow();
        if (s) this.set(s.runner.eventsProjected);
      },
    });
    new Gauge({
      name: 'cem_consumer_lag_messages',
      help: 'Messages of each consumed topic not yet processed by this service consumer group',
      labelNames: ['group', 'topic'],
      registers,
      async collect() {
        const s = sourcesNow();
        if (!s?.consumer || !s.bus.consumerLag) return;
        const { groupId, topics } = s.consumer;
        await quietly(async () => {
          for (const [topic, lag] of Object.entries(await s.bus.consumerLag!(groupId, topics))) this.set({ group: groupId, topic }, lag);
        });
      },
    });
    new Gauge({
      name: 'cem_dead_letter_messages',
      help: 'Messages in this service dead-letter topic (all replicas together)',
      labelNames: ['topic'],
      registers,
      async collect() {
        const s = sourcesNow();
        if (!s?.consumer || !s.bus.topicMessageCount) return;
        const topic = s.consumer.deadLetterTopic;
        await quietly(async () => this.set({ topic }, await s.bus.topicMessageCount!(topic)));
      },
    });
  }

  attach(sources: ServiceMetricsSources): void {
    this.sources = sources;
  }

  /** The store as commands see it: every append timed. */
  timedStore(store: EventStore): EventStore {
    const histogram = this.appendDuration;
    return new Proxy(store, {
      get(target, property) {
        const value: unknown = Reflect.get(target, property, target);
        if (property !== 'append') return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
        return async (...args: Parameters<EventStore['append']>) => {
          const end = histogram.startTimer();
          try {
            const result = await target.append(...args);
            end({ outcome: 'ok' });
            return result;
          } catch (error) {
            end({ outcome: 'error' });
            throw error;
          }
        };
      },
    });
  }
}
