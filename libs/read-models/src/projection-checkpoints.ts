import type { LogPosition } from '@cem/contracts';
import type { DocumentCollection, DocumentStore, ReadModelDocument } from './document-store';
import type { Projection } from './projection';

export const CHECKPOINTS_COLLECTION = '_checkpoints';

/** `_id` is the projection name; `version` is the projection version the documents were built with. */
export interface ProjectionCheckpoint extends ReadModelDocument, LogPosition {
  version: number;
}

/**
 * Checkpoints live beside the documents they describe, not in the event store: a document store that
 * loses its data (the embedded one without its snapshot file, a wiped database) loses its checkpoints with it, and the
 * projections rebuild instead of resuming over missing documents.
 */
export class ProjectionCheckpoints {
  private readonly collection: DocumentCollection<ProjectionCheckpoint>;

  constructor(documents: DocumentStore) {
    this.collection = documents.collection<ProjectionCheckpoint>(CHECKPOINTS_COLLECTION);
  }

  async load(names: string[]): Promise<Map<string, ProjectionCheckpoint>> {
    const found = await this.collection.getMany(names);
    return new Map(found.map((checkpoint) => [checkpoint._id, checkpoint]));
  }

  /** One write for all projections of a batch. */
  async save(projections: Projection[], position: LogPosition): Promise<void> {
    await this.collection.putMany(projections.map((p) => ({ _id: p.name, tx: position.tx, pos: position.pos, version: p.version })));
  }

  async remove(names: string[]): Promise<void> {
    await this.collection.deleteMany(names);
  }
}
