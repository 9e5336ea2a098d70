import { Presets, SingleBar } from 'cli-progress';
import type { EventStore } from '@cem/event-store';
import type { DocumentStore } from '../document-store';
import type { Projection } from '../projection';
import { rebuildProjections, verifyRebuild, VerifyRebuildResult } from '../rebuild';
import type { ReplayResult } from '../log-replay';

export interface RebuildCliOptions {
  store: EventStore;
  documents: DocumentStore;
  projections: Projection[];
  /** Afterwards, replay again into shadow collections and compare with what was just built. */
  verify?: boolean;
  batchSize?: number;
  /** Where the bar and the summary go; default stderr (stdout stays free for machine-readable output). */
  out?: NodeJS.WritableStream;
}

export interface RebuildCliResult {
  rebuild: ReplayResult;
  verification?: VerifyRebuildResult;
}

/** What the services' `rebuild` commands run: rebuild with a progress bar, then optionally verify. */
export async function runRebuildCli(options: RebuildCliOptions): Promise<RebuildCliResult> {
  const out = options.out ?? process.stderr;
  const names = options.projections.map((p) => p.name).join(', ');
  const withBar = async <T>(label: string, run: (onProgress: (done: number, total: number) => void) => Promise<T>) => {
    const bar = new SingleBar(
      { format: `${label} [{bar}] {percentage}% | {value}/{total} events | {eta_formatted} left`, stream: out, hideCursor: true },
      Presets.shades_classic,
    );
    bar.start(1, 0);
    try {
      return await run((done, total) => {
        bar.setTotal(total);
        bar.update(done);
      });
    } finally {
      bar.stop();
    }
  };

  const started = Date.now();
  const rebuild = await withBar('rebuild', (onProgress) =>
    rebuildProjections(options.store, options.documents, options.projections, { batchSize: options.batchSize, onProgress }),
  );
  const seconds = Math.max((Date.now() - started) / 1000, 0.001);
  out.write(
    `Rebuilt ${names} from ${rebuild.events} events in ${seconds.toFixed(1)} s (${Math.round(rebuild.events / seconds)} events/s)\n`,
  );
  if (!options.verify) return { rebuild };

  const verification = await withBar('verify ', (onProgress) =>
    verifyRebuild(options.store, options.documents, options.projections, { batchSize: options.batchSize, onProgress }),
  );
  out.write(
    verification.equal
      ? 'Verification: rebuild equals live\n'
      : `Verification FAILED: ${verification.differenceCount} documents differ, first ones:\n${JSON.stringify(verification.differences, null, 2)}\n`,
  );
  return { rebuild, verification };
}
