/* Section 4b: the same rebuild on the embedded default (PGlite event store + EmbeddedDocumentStore). */
import 'reflect-metadata';
import { createPgliteEventStore } from '@cem/event-store';
import { EmbeddedDocumentStore, rebuildProjections } from '@cem/read-models';
import { EMBEDDED_EVENTS, NAIVE_EVENTS, REPS, log, populate, rate, record, recordError, type DossierSummary } from './common';
import { naiveProjection, readWholeLog, summaryProjection } from './log';

async function main(): Promise<void> {
  const store = await createPgliteEventStore({ schema: 'bench' }); // in memory: nothing to clean up
  const documents = new EmbeddedDocumentStore();
  try {
    log(`populating ${EMBEDDED_EVENTS} events into PGlite (in memory)`);
    const populateRate = await populate(store, EMBEDDED_EVENTS, 'dossier', 1);
    log(`populated at ${Math.round(populateRate)} ev/s`);
    const reads = [];
    for (let rep = 0; rep < REPS; rep++) reads.push(await rate(EMBEDDED_EVENTS, () => readWholeLog(store)));
    record({
      figure: `embedded: catch-up read (PGlite, ${EMBEDDED_EVENTS} events)`,
      side: 'ours',
      label: 'EventStore.readAll on PGlite',
      samples: reads,
      note: 'informational, no baseline',
    });
    const ours = [];
    for (let rep = 0; rep < REPS; rep++) {
      ours.push(await rate(EMBEDDED_EVENTS, () => rebuildProjections(store, documents, [summaryProjection])));
      log(`rebuild embedded rep ${rep}: ${Math.round(ours[rep])} ev/s`);
    }
    record({
      figure: `embedded: rebuild (PGlite + EmbeddedDocumentStore, ${EMBEDDED_EVENTS} events)`,
      side: 'ours',
      label: 'rebuildProjections',
      samples: ours,
      target: '>= 5x naive, >= 50k ev/s',
    });
    const naive = [];
    const sampleSize = Math.min(EMBEDDED_EVENTS, NAIVE_EVENTS * 5);
    for (let rep = 0; rep < REPS; rep++) {
      const collection = documents.collection<DossierSummary>(`naive_${rep}`);
      // Timed like the rebuild: reading the events is part of it.
      naive.push(await rate(sampleSize, async () => naiveProjection(await store.readAll({ limit: sampleSize }), collection)));
    }
    record({
      figure: `embedded: rebuild (PGlite + EmbeddedDocumentStore, ${EMBEDDED_EVENTS} events)`,
      side: 'baseline',
      label: `naive get + upsert per event (first ${sampleSize} events, extrapolated)`,
      samples: naive,
    });
  } catch (error) {
    recordError('rebuild (embedded)', error);
    process.exitCode = 1;
  } finally {
    await documents.close();
    await store.close();
  }
}

void main();
