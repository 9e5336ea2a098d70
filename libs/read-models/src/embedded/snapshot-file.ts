import { createHash } from 'crypto';
import { open, rename, rm } from 'fs/promises';
import { dirname } from 'path';
import { deserialize, serialize } from 'v8';
import type { ReadModelDocument } from '../document-store';

/**
 * The embedded document store's image on disk: every collection's documents at one instant, in one file.
 *
 * Records are V8-serialised (what structuredClone does), so a document comes back exactly as it was stored,
 * Dates and `undefined` fields included: JSON would turn a Date into a string and drop `undefined`, and the
 * loaded model would then differ from a rebuilt one. Layout: records of [u32 LE length][payload], the first a
 * header (format and version), then chunks of one collection's documents, then a trailer carrying how many
 * records and documents came before it and the SHA-256 of every byte before it. A file whose trailer is
 * missing, or whose counts or hash disagree, is refused as a whole (a torn or corrupted write).
 *
 * The file is written beside its final name and renamed over it once synced, so a crash while writing leaves
 * the previous image in place; readers never see a half-written file under the final name.
 */
const FORMAT = 'cem-read-models';
const FORMAT_VERSION = 1;
/** Documents per record: bounds each serialisation (and the event-loop pause it costs). */
const CHUNK = 1000;
/** Records buffered before a write: fewer, larger writes. */
const WRITE_BYTES = 1 << 20;

interface Header {
  format: string;
  version: number;
}
interface Chunk {
  collection: string;
  documents: ReadModelDocument[];
}
interface Trailer {
  end: true;
  records: number;
  documents: number;
  sha256: string;
}

export type SnapshotContents = Map<string, ReadModelDocument[]>;

export type SnapshotReadResult =
  { status: 'loaded'; collections: SnapshotContents; documents: number } | { status: 'missing' } | { status: 'refused'; reason: string };

/**
 * Writes `collections` (taken by the caller at one instant) to `file` atomically. Yields to the event loop
 * between writes, so a large store is written without stalling requests; the caller must not mutate the
 * documents meanwhile (the embedded store never mutates a stored document, it replaces it).
 */
export async function writeSnapshot(
  file: string,
  collections: Array<[string, ReadModelDocument[]]>,
): Promise<{ bytes: number; documents: number }> {
  const temporary = `${file}.tmp`;
  const handle = await open(temporary, 'w');
  const hash = createHash('sha256');
  let bytes = 0;
  let records = 0;
  let documents = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    if (!pendingBytes) return;
    const buffer = Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    await handle.write(buffer);
  };
  const push = async (payload: Buffer, hashed: boolean) => {
    const length = Buffer.alloc(4);
    length.writeUInt32LE(payload.length);
    if (hashed) {
      hash.update(length);
      hash.update(payload);
      records++;
    }
    pending.push(length, payload);
    pendingBytes += 4 + payload.length;
    bytes += 4 + payload.length;
    if (pendingBytes >= WRITE_BYTES) await flush();
  };
  try {
    await push(serialize({ format: FORMAT, version: FORMAT_VERSION } satisfies Header), true);
    for (const [collection, docs] of collections) {
      for (let start = 0; start < docs.length; start += CHUNK) {
        const chunk = docs.slice(start, start + CHUNK);
        await push(serialize({ collection, documents: chunk } satisfies Chunk), true);
        documents += chunk.length;
      }
    }
    await push(serialize({ end: true, records, documents, sha256: hash.digest('hex') } satisfies Trailer), false);
    await flush();
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await handle.close();
  await rename(temporary, file);
  await syncDirectory(dirname(file));
  return { bytes, documents };
}

/** The rename is durable once the directory entry is: without this a power cut could bring the old file back. */
async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } catch {
    // Some file systems refuse fsync on a directory; the rename itself is still atomic there.
  } finally {
    await handle.close();
  }
}

/**
 * Reads an image written by writeSnapshot. Everything is checked before anything is returned: a file that
 * was cut short, altered or written by another format version is refused with the reason, never half-loaded.
 */
export async function readSnapshot(file: string): Promise<SnapshotReadResult> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'missing' };
    throw error;
  }
  try {
    const size = (await handle.stat()).size;
    const hash = createHash('sha256');
    const collections: SnapshotContents = new Map();
    let offset = 0;
    let records = 0;
    let documents = 0;
    const readRecord = async (): Promise<{ length: Buffer; payload: Buffer } | undefined> => {
      if (offset + 4 > size) return undefined;
      const length = Buffer.alloc(4);
      await handle.read(length, 0, 4, offset);
      const n = length.readUInt32LE();
      if (offset + 4 + n > size) return undefined;
      const payload = Buffer.alloc(n);
      await handle.read(payload, 0, n, offset + 4);
      offset += 4 + n;
      return { length, payload };
    };
    for (;;) {
      const record = await readRecord();
      if (!record) return { status: 'refused', reason: `cut short at byte ${offset} of ${size} (no trailer)` };
      const value = deserialize(record.payload) as Partial<Header & Chunk & Trailer>;
      if (records === 0 && (value.format !== FORMAT || value.version !== FORMAT_VERSION)) {
        return { status: 'refused', reason: `not a ${FORMAT} v${FORMAT_VERSION} image` };
      }
      if (value.end) {
        const digest = hash.digest('hex');
        if (value.records !== records || value.documents !== documents || value.sha256 !== digest || offset !== size) {
          return { status: 'refused', reason: 'trailer does not match the content (corrupted or torn write)' };
        }
        return { status: 'loaded', collections, documents };
      }
      hash.update(record.length);
      hash.update(record.payload);
      records++;
      if (records > 1) {
        if (typeof value.collection !== 'string' || !Array.isArray(value.documents))
          return { status: 'refused', reason: 'malformed record' };
        const docs = collections.get(value.collection);
        if (docs) docs.push(...value.documents);
        else collections.set(value.collection, value.documents);
        documents += value.documents.length;
      }
    }
  } catch (error) {
    // deserialize throws on bytes that are not a V8 value: corruption, reported like the other refusals.
    return { status: 'refused', reason: `unreadable: ${(error as Error).message}` };
  } finally {
    await handle.close();
  }
}
