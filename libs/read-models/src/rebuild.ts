import { isDeepStrictEqual } from 'util';
import type { EventStore } from '@cem/event-store';
import type { DocumentCollection, DocumentStore, ReadModelDocument } from './document-store';
import { replayLog, ReplayOptions, ReplayResult, ReplayTarget } from './log-replay';
import type { Projection } from './projection';
import { ProjectionCheckpoints } from './projection-checkpoints';

export const VERIFY_SUFFIX = '__verify';

/**
 * Rebuilds projections from position 0: drops each collection and checkpoint, replays the log in big
 * batches, then saves the checkpoints so a runner started afterwards resumes from the end. Run it while no
 * ProjectionRunner of the same projections is writing (a version bump is the runner's own way to rebuild).
 */
export async function rebuildProjections(
  store: EventStore,
  documents: DocumentStore,
  projections: Projection[],
  options: ReplayOptions = {},
): Promise<ReplayResult> {
  const checkpoints = new ProjectionCheckpoints(documents);
  // Checkpoint first: a crash mid-rebuild then leaves no checkpoint, and the runner starts over cleanly.
  await checkpoints.remove(projections.map((p) => p.name));
  const targets = await freshTargets(documents, projections, (p) => p.collection);
  const result = await replayLog(store, targets, options);
  await checkpoints.save(projections, result.position);
  return result;
}

export interface DocumentDifference {
  collection: string;
  id: string;
  live: ReadModelDocument | null;
  rebuilt: ReadModelDocument | null;
}

export interface VerifyRebuildResult {
  equal: boolean;
  /** How many documents differ in total. */
  differenceCount: number;
  /** The first `maxDifferences` of them. */
  differences: DocumentDifference[];
  events: number;
}

export interface VerifyRebuildOptions extends ReplayOptions {
  maxDifferences?: number;
}

/**
 * Rebuild-equals-live check: replays the log into shadow collections (`<collection>__verify`) and compares
 * every document with the live one, both ways (changed, missing, extra). The live read models should be
 * caught up (runner.caughtUp()) and the log quiet, or recent events show up as differences.
 */
export async function verifyRebuild(
  store: EventStore,
  documents: DocumentStore,
  projections: Projection[],
  options: VerifyRebuildOptions = {},
): Promise<VerifyRebuildResult> {
  const shadowName = (p: Projection) => `${p.collection}${VERIFY_SUFFIX}`;
  const shadows = await freshTargets(documents, projections, shadowName);
  try {
    const { events } = await replayLog(store, shadows, options);
    const found: DocumentDifference[] = [];
    for (const { projection, collection: rebuilt } of shadows) {
      found.push(...(await compareCollections(projection.collection, documents.collection(projection.collection), rebuilt)));
    }
    return {
      equal: found.length === 0,
      differenceCount: found.length,
      differences: found.slice(0, options.maxDifferences ?? 20),
      events,
    };
  } finally {
    await Promise.all(shadows.map((s) => s.collection.drop()));
  }
}

async function freshTargets(
  documents: DocumentStore,
  projections: Projection[],
  collectionName: (p: Projection) => string,
): Promise<ReplayTarget[]> {
  const targets: ReplayTarget[] = [];
  for (const projection of projections) {
    const collection = documents.collection(collectionName(projection));
    await collection.drop();
    await collection.ensureIndexes(projection.indexes ?? []);
    targets.push({ projection, collection });
  }
  return targets;
}

const PAGE = 1000;

/** Every document of a collection, paged by `_id` range (skip would rescan on every page). */
async function* scanById(collection: DocumentCollection): AsyncGenerator<ReadModelDocument[]> {
  let after: string | undefined;
  for (;;) {
    const page = await collection.find(after === undefined ? {} : { _id: { $gt: after } }, { sort: { _id: 1 }, limit: PAGE });
    if (page.length) yield page;
    if (page.length < PAGE) return;
    after = page[page.length - 1]._id;
  }
}

/**
 * Walks each side and looks its pages up on the other, so it relies on neither side's sort order matching
 * ours. Documents present on both sides are compared once (in the first walk).
 */
async function compareCollections(name: string, live: DocumentCollection, rebuilt: DocumentCollection): Promise<DocumentDifference[]> {
  const differences: DocumentDifference[] = [];
  for await (const page of scanById(rebuilt)) {
    const counterparts = new Map((await live.getMany(page.map((d) => d._id))).map((d) => [d._id, d]));
    for (const doc of page) {
      const liveDoc = counterparts.get(doc._id) ?? null;
      if (!isDeepStrictEqual(liveDoc, doc)) differences.push({ collection: name, id: doc._id, live: liveDoc, rebuilt: doc });
    }
  }
  for await (const page of scanById(live)) {
    const present = new Set((await rebuilt.getMany(page.map((d) => d._id))).map((d) => d._id));
    for (const doc of page) {
      if (!present.has(doc._id)) differences.push({ collection: name, id: doc._id, live: doc, rebuilt: null });
    }
  }
  return differences;
}
