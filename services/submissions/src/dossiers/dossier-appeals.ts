import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import type { AdministrativeLevel, AppealDecidedData, AppealFiledData, CaseReopenedData, RecordedEvent } from '@cem/contracts';
import { APPEAL_OUTCOME_LABELS_VI, COUNCILS_EVENTS } from '@cem/contracts';
import type { EventEnvelope } from '@cem/messaging';
import { SERVICE_INFRA, type ServiceInfra } from '@cem/service-kit';

/**
 * Appeals against a council's result are decided in councils; the dossier's lineage shows them at the level
 * whose council gave the result. Submissions keeps a copy of the appeal events in its own store (same event
 * ids: a redelivery adds nothing), one stream per dossier, beside (not inside) the dossier's own stream.
 */
export const dossierAppealsStreamId = (dossierId: string) => `dossier-appeals-${dossierId}`;

@Controller()
export class DossierAppealsReplicationHandler {
  constructor(@Inject(SERVICE_INFRA) private readonly infra: ServiceInfra) {}

  private async copy(envelope: EventEnvelope): Promise<void> {
    const { event } = envelope;
    const { dossierId } = event.data as { dossierId: string };
    await this.infra.store.append(
      dossierAppealsStreamId(dossierId),
      [{ id: event.id, type: event.type, schemaVersion: event.schemaVersion, data: event.data, metadata: event.metadata }],
      { expectedVersion: 'any' },
    );
  }

  @EventPattern(COUNCILS_EVENTS.AppealFiled)
  filed(@Ctx() envelope: EventEnvelope) {
    return this.copy(envelope);
  }

  @EventPattern(COUNCILS_EVENTS.AppealDecided)
  decided(@Ctx() envelope: EventEnvelope) {
    return this.copy(envelope);
  }

  @EventPattern(COUNCILS_EVENTS.CaseReopened)
  reopened(@Ctx() envelope: EventEnvelope) {
    return this.copy(envelope);
  }
}

/** An appeal as the lineage shows it, at the level whose council's result it contested. */
export interface LineageAppeal {
  appealId: string;
  level: AdministrativeLevel;
  councilId: string;
  appellantKind: string;
  filedAt: string;
  grounds: string;
  contestedGradeLabel: string;
  contestedScore: number;
  outcome?: string;
  outcomeLabel?: string;
  reasons?: string;
  decidedAt?: string;
  reopenedScoring?: boolean;
}

/** Pure: the appeals folded from the copied events, oldest first. */
export function appealsOf(events: RecordedEvent[]): LineageAppeal[] {
  const appeals: LineageAppeal[] = [];
  // Appeal ids are numbered per case (kn-1, kn-2...): the case id tells the levels apart.
  const byCase = new Map<string, LineageAppeal>();
  const find = (caseId: string, appealId: string) => byCase.get(`${caseId}|${appealId}`);
  for (const e of events) {
    if (e.type === COUNCILS_EVENTS.AppealFiled) {
      const d = e.data as AppealFiledData;
      const a: LineageAppeal = {
        appealId: d.appealId,
        level: d.level,
        councilId: d.councilId,
        appellantKind: d.appellantKind,
        filedAt: d.filedAt,
        grounds: d.grounds,
        contestedGradeLabel: d.contested.gradeLabel,
        contestedScore: d.contested.aggregateScore,
      };
      appeals.push(a);
      byCase.set(`${d.caseId}|${d.appealId}`, a);
    } else if (e.type === COUNCILS_EVENTS.AppealDecided) {
      const d = e.data as AppealDecidedData;
      const a = find(d.caseId, d.appealId);
      if (a)
        Object.assign(a, {
          outcome: d.outcome,
          outcomeLabel: APPEAL_OUTCOME_LABELS_VI[d.outcome],
          reasons: d.reasons,
          decidedAt: d.decidedAt,
        });
    } else if (e.type === COUNCILS_EVENTS.CaseReopened) {
      const d = e.data as CaseReopenedData;
      const a = find(d.caseId, d.appealId);
      if (a) a.reopenedScoring = true;
    }
  }
  return appeals;
}
