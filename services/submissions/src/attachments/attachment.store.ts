import { createHash, randomUUID } from 'crypto';
import { mkdir, rename, stat, writeFile } from 'fs/promises';
import { join } from 'path';
import { Injectable } from '@nestjs/common';

export interface StoredAttachment {
  sha256: string;
  size: number;
}

/** Where attachment bytes live: CEM_DATA_DIR/attachments (the event log keeps only name, digest, size, type). */
export const attachmentsDir = (env: NodeJS.ProcessEnv = process.env): string =>
  join(env.CEM_DATA_DIR ?? join(process.cwd(), 'data'), 'attachments');

/**
 * Content-addressed file store: the file name is the SHA-256 of the bytes, so storing the same file twice
 * is harmless and a digest in an event identifies exactly one content.
 */
@Injectable()
export class AttachmentStore {
  private readonly dir = attachmentsDir();

  pathOf(sha256: string): string {
    return join(this.dir, sha256);
  }

  async put(bytes: Buffer): Promise<StoredAttachment> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await mkdir(this.dir, { recursive: true });
    if (!(await this.sizeOf(sha256))) {
      // Write aside then rename: a reader never sees a half-written file under its digest.
      const tmp = join(this.dir, `.${sha256}.${randomUUID()}.tmp`);
      await writeFile(tmp, bytes);
      await rename(tmp, this.pathOf(sha256));
    }
    return { sha256, size: bytes.length };
  }

  /** The stored size, or undefined when no such content was uploaded. */
  async sizeOf(sha256: string): Promise<number | undefined> {
    try {
      return (await stat(this.pathOf(sha256))).size;
    } catch {
      return undefined;
    }
  }
}
