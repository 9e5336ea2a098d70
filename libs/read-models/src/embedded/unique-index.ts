import type { IndexSpec, ReadModelDocument } from '../document-store';
import { DuplicateKeyError } from '../document-store.errors';
import { valueAtPath } from './document-path';

/**
 * One unique index of the embedded store: key -> owning document id. A missing field counts as null, as on
 * MongoDB (FerretDB has no sparse or partial indexes to opt out of that), so two documents without the field
 * collide.
 */
export class UniqueIndex {
  private readonly owners = new Map<string, string>();
  private readonly paths: string[];

  constructor(
    private readonly collection: string,
    spec: IndexSpec,
  ) {
    this.paths = Object.keys(spec.fields);
  }

  get signature(): string {
    return this.paths.join(',');
  }

  keyOf(doc: ReadModelDocument): string {
    return JSON.stringify(this.paths.map((path) => valueAtPath(doc, path) ?? null));
  }

  /**
   * Throws if writing `incoming` over `existing` (same ids) would break uniqueness. Checked before anything
   * is written, so a refused batch leaves the collection untouched.
   */
  check(incoming: ReadModelDocument[]): void {
    const incomingIds = new Set(incoming.map((doc) => doc._id));
    const seen = new Map<string, string>();
    for (const doc of incoming) {
      const key = this.keyOf(doc);
      const other = seen.get(key);
      if (other !== undefined && other !== doc._id) throw this.duplicate(key, doc._id, other);
      seen.set(key, doc._id);
      // An owner that is itself being replaced in this batch frees its key; its new key is checked above.
      const owner = this.owners.get(key);
      if (owner !== undefined && owner !== doc._id && !incomingIds.has(owner)) throw this.duplicate(key, doc._id, owner);
    }
  }

  remove(doc: ReadModelDocument): void {
    const key = this.keyOf(doc);
    if (this.owners.get(key) === doc._id) this.owners.delete(key);
  }

  add(doc: ReadModelDocument): void {
    this.owners.set(this.keyOf(doc), doc._id);
  }

  private duplicate(key: string, id: string, owner: string): DuplicateKeyError {
    return new DuplicateKeyError(this.collection, `duplicate key ${key} on (${this.signature}) for ${id}, held by ${owner}`);
  }
}
