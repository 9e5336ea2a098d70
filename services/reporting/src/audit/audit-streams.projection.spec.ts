import fc from 'fast-check';
import type { RecordedEvent } from '@cem/contracts';
import { recorded } from '../shared/recorded-event.fixtures';
import { AuditStreamsDoc, auditStreamsProjection, dossierSubject, proposalSubject } from './audit-streams.projection';
import { decisionHistory, HistorySubject } from './decision-history';

/** The index folded over the events in order, as the projection runner would. */
function index(events: RecordedEvent[]): Map<string, AuditStreamsDoc> {
  const docs = new Map<string, AuditStreamsDoc>();
  for (const e of events) {
    for (const id of new Set(auditStreamsProjection.documentIds(e)))
      docs.set(id, auditStreamsProjection.apply(docs.get(id) ?? null, e, id)!);
  }
  return docs;
}

/** What subject-events.ts reads: every event of the streams the index lists for the subject. */
function indexedEvents(events: RecordedEvent[], docs: Map<string, AuditStreamsDoc>, subject: HistorySubject): RecordedEvent[] {
  const streams = new Set<string>();
  if ('dossierId' in subject) {
    const doc = docs.get(dossierSubject(subject.dossierId));
    doc?.streams.forEach((s) => streams.add(s));
    for (const p of doc?.proposals ?? []) docs.get(proposalSubject(p))?.streams.forEach((s) => streams.add(s));
  } else {
    docs
      .get(proposalSubject('proposalId' in subject ? subject.proposalId : subject.awardDecisionId))
      ?.streams.forEach((s) => streams.add(s));
  }
  return events.filter((e) => streams.has(e.streamId));
}

const dossier = fc.constantFrom('d1', 'd2', 'd@3');
const proposal = fc.constantFrom('p1', 'p2');
const data = fc.oneof(
  dossier.map((dossierId) => ({ dossierId })),
  dossier.map((dossierId) => ({ dossier: { dossierId } })),
  fc.tuple(dossier, fc.constantFrom('district', 'province')).map(([d, level]) => ({ caseId: `${d}@${level}` })),
  fc.array(dossier, { maxLength: 3 }).map((ds) => ({ entries: ds.map((dossierId) => ({ dossierId })) })),
  fc.tuple(dossier, proposal).map(([dossierId, proposalId]) => ({ dossierId, proposalId })),
  proposal.map((proposalId) => ({ proposalId })),
  fc.constant({ unrelated: true }),
);
const event = fc.record({ stream: fc.constantFrom('a', 'b', 'c', 'd', 'e'), data, type: fc.constantFrom('test.A', 'test.B') });

describe('audit streams index', () => {
  it('a history from the indexed streams equals the history from the whole archive', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), (specs) => {
        const events = specs.map((s) => recorded(s.type, s.data, {}, s.stream));
        const docs = index(events);
        const subjects: HistorySubject[] = [
          { dossierId: 'd1' },
          { dossierId: 'd2' },
          { dossierId: 'd@3' },
          { dossierId: 'd' },
          { proposalId: 'p1' },
          { awardDecisionId: 'p2' },
        ];
        for (const subject of subjects) {
          expect(decisionHistory(indexedEvents(events, docs, subject), subject)).toEqual(decisionHistory(events, subject));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads every event type, also ones this release does not know', () => {
    expect(auditStreamsProjection.allEventTypes).toBe(true);
    const e = recorded('future.SomethingNew', { dossierId: 'd9' }, {}, 'x');
    expect(auditStreamsProjection.documentIds(e)).toEqual([dossierSubject('d9')]);
  });
});
