import type { LogPosition, RecordedEvent } from '@cem/contracts';
import type { IndexSpec, ReadModelDocument } from './document-store';

/**
 * A read model: which events it reads, which documents each event touches, and a pure fold per document.
 * The runner does every I/O (batched loads and writes, checkpoints); `apply` never sees a database.
 */
export interface Projection<TDoc extends ReadModelDocument = ReadModelDocument> {
  /** Unique per service: names the checkpoint. */
  name: string;
  collection: string;
  /** Bump it when `apply` changes meaning: the runner then drops the collection and replays the log. */
  version: number;
  indexes?: IndexSpec[];
  eventTypes: string[];
  /** Reads every event whatever its type, also types this release does not know (an archive's index). */
  allEventTypes?: boolean;
  /** The documents an event changes (one event may touch several, e.g. a dossier and its campaign). */
  documentIds(event: RecordedEvent): string[];
  /** Pure: the next version of the document, or null to delete it. `doc` is a private copy. */
  apply(doc: TDoc | null, event: RecordedEvent, id: string): TDoc | null;
}

/**
 * What the runner stores: the projection's document plus the position of the last event applied to it.
 * Re-delivered events at or below that position are skipped, which makes replaying a batch harmless when
 * a crash fell between the document write and the checkpoint write.
 */
export type ProjectedDocument<TDoc extends ReadModelDocument = ReadModelDocument> = TDoc & { _position: LogPosition };
