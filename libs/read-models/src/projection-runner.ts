import { comparePositions, LOG_START, LogPosition, RecordedEvent } from '@cem/contracts';
import type { EventStore, Subscription } from '@cem/event-store';
import type { DocumentStore } from './document-store';
import type { Projection } from './projection';
import { projectBatch, RecentIds } from './projection-batch';
import { ProjectionCheckpoints } from './projection-checkpoints';
import { rebuildProjections } from './rebuild';

export interface ProjectionRunnerOptions {
  /** Events per batch read from the log; bigger batches mean fewer document writes on replay. */
  batchSize?: number;
  pollIntervalMs?: number;
  /**
   * Least time between two checkpoint writes while events keep coming (default 1000 ms); the last position is
   * written this long after a burst at the latest, and on stop. Every batch used to write one, which at a few
   * events per batch cost more than the documents themselves; a crash replays at most this much of the log,
   * and each document's `_position` makes that replay a no-op.
   */
  checkpointIntervalMs?: number;
  /**
   * After a notification, wait this long before reading, so concurrent commands' events are applied in one
   * batch (one getMany and one write per projection instead of one each); `caughtUp()` never waits for it.
   * Default 0.
   */
  lingerMs?: number;
  /** Called after every projection applied a batch (before caughtUp() waiters are released). */
  onApplied?: (events: RecordedEvent[]) => void;
  onError?: (error: unknown) => void;
}

const DEFAULT_CHECKPOINT_INTERVAL_MS = 1000;

/**
 * Keeps a service's read models up to date from the service's own event store.
 *
 * All projections share one catch-up subscription starting at the lowest checkpoint: the log is read once
 * however many projections there are (at an embedded start every projection replays from the beginning,
 * and PGlite serves one query at a time anyway), and all checkpoints are saved in one write per batch.
 * A projection that is ahead simply ignores the events at or below its own checkpoint.
 *
 * Per batch and projection: one getMany of the touched documents it has seen lately (the others are taken for
 * new and inserted unread; projectBatch), a pure fold, one deleteMany, one putMany and one insertMany, each only
 * when needed; checkpoints follow at most once per `checkpointIntervalMs`. A crash before the checkpoint write
 * re-delivers those batches; each document's `_position` makes the replay skip what it already applied.
 */
export class ProjectionRunner {
  private readonly checkpoints: ProjectionCheckpoints;
  /** In-memory mirror of each projection's checkpoint. */
  private readonly positions = new Map<string, LogPosition>();
  /** Per projection, the documents it touched lately: the others are taken for new and inserted unread. */
  private readonly recent = new Map<string, RecentIds>();

  /** The position each projection has applied up to (operations: read-model lag). */
  projectionPositions(): ReadonlyMap<string, LogPosition> {
    return this.positions;
  }
  /**
   * Events handed to the projections since construction: the rebuilds' replay plus every batch read (operations,
   * and the restart benchmark: a store that kept its read models shows only the catch-up after a restart).
   */
  eventsProjected = 0;
  private subscription?: Subscription;
  /** Position handled but not yet written as the checkpoint. */
  private unsaved?: LogPosition;
  private lastSavedAt = 0;
  private saveTimer?: NodeJS.Timeout;
  /** Checkpoint writes run one after the other, so an older position never overwrites a newer one. */
  private saving: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: EventStore,
    private readonly documents: DocumentStore,
    private readonly projections: Projection[],
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    const names = new Set(projections.map((p) => p.name));
    if (names.size !== projections.length) throw new Error('ProjectionRunner: projection names must be unique');
    this.checkpoints = new ProjectionCheckpoints(documents);
  }

  async start(): Promise<void> {
    if (this.subscription || !this.projections.length) return;
    await this.restoreCheckpoints();
    this.lastSavedAt = Date.now(); // just loaded or written by the rebuild
    // Rebuilt ones have theirs already; resumed ones get indexes added since their last start.
    for (const projection of this.projections) {
      await this.documents.collection(projection.collection).ensureIndexes(projection.indexes ?? []);
    }
    this.subscription = this.store.subscribe({
      after: this.lowestPosition(),
      batchSize: this.options.batchSize ?? 2000,
      pollIntervalMs: this.options.pollIntervalMs,
      lingerMs: this.options.lingerMs,
      handler: (events) => this.handle(events),
      onError: this.options.onError ?? ((error) => console.error('ProjectionRunner failed on a batch', error)),
    });
  }

  /** Resolves once every projection has applied everything committed before the call. */
  async caughtUp(): Promise<void> {
    if (!this.projections.length) return;
    if (!this.subscription) throw new Error('ProjectionRunner is not started');
    await this.subscription.caughtUp();
  }

  async stop(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.stop();
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    await this.saveCheckpoint();
  }

  /**
   * Resumes from stored checkpoints. A projection without one, or built by another version, is rebuilt
   * first (collection dropped, log replayed through the in-memory buffer, which beats replaying batch by
   * batch through the subscription), so no document of an older shape or with a stale `_position` survives.
   */
  private async restoreCheckpoints(): Promise<void> {
    const stored = await this.checkpoints.load(this.projections.map((p) => p.name));
    const outdated: Projection[] = [];
    for (const projection of this.projections) {
      const checkpoint = stored.get(projection.name);
      if (checkpoint && checkpoint.version === projection.version) {
        this.positions.set(projection.name, { tx: checkpoint.tx, pos: checkpoint.pos });
      } else {
        outdated.push(projection);
      }
    }
    if (!outdated.length) return;
    const { position, events } = await rebuildProjections(this.store, this.documents, outdated);
    this.eventsProjected += events;
    for (const projection of outdated) this.positions.set(projection.name, position);
  }

  private lowestPosition(): LogPosition {
    let lowest: LogPosition | undefined;
    for (const position of this.positions.values()) {
      if (!lowest || comparePositions(position, lowest) < 0) lowest = position;
    }
    return lowest ?? LOG_START;
  }

  private async handle(events: RecordedEvent[]): Promise<void> {
    if (!events.length) return;
    this.eventsProjected += events.length;
    await Promise.all(
      this.projections.map((projection) => {
        const after = this.positions.get(projection.name) ?? LOG_START;
        const unseen = events.filter((event) => comparePositions(event.position, after) > 0);
        let recent = this.recent.get(projection.name);
        if (!recent) this.recent.set(projection.name, (recent = new RecentIds()));
        return projectBatch(projection, this.documents.collection(projection.collection), unseen, recent);
      }),
    );
    this.options.onApplied?.(events);
    const last = events[events.length - 1].position;
    for (const projection of this.projections) this.positions.set(projection.name, last);
    this.unsaved = last;
    const interval = this.options.checkpointIntervalMs ?? DEFAULT_CHECKPOINT_INTERVAL_MS;
    const wait = this.lastSavedAt + interval - Date.now();
    if (wait <= 0) await this.saveCheckpoint();
    else
      this.saveTimer ??= setTimeout(() => {
        this.saveTimer = undefined;
        this.saveCheckpoint().catch(this.options.onError ?? ((error) => console.error('ProjectionRunner checkpoint failed', error)));
      }, wait);
  }

  private saveCheckpoint(): Promise<void> {
    this.saving = this.saving
      .catch(() => undefined)
      .then(async () => {
        const position = this.unsaved;
        if (!position) return;
        this.unsaved = undefined;
        this.lastSavedAt = Date.now();
        try {
          await this.checkpoints.save(this.projections, position);
        } catch (error) {
          this.unsaved ??= position; // tried again with the next batch or on stop
          throw error;
        }
      });
    return this.saving;
  }
}
