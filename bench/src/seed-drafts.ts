/* Dossier drafts of the demo scenario's Phủ Lý officer, for seeding an embedded platform (sections portal, embedded-default). */
import { randomUUID } from 'crypto';
import { SUBMISSIONS_EVENTS } from '@cem/contracts';
import type { NewEvent } from '@cem/contracts';
import { ALL_PERSONAS } from '../../deploy/embedded/demo-personas';
import { DEMO_CAMPAIGN, DEMO_FIELD } from '../../deploy/embedded/demo-scenario';
import { dossierStreamId } from '../../services/submissions/src/dossiers/dossier.decider';

const OFFICER = ALL_PERSONAS['district-officer-phu-ly'];

/**
 * Drafts of the Phủ Lý officer's unit straight into the submissions event store, as the API would have
 * recorded them (the store is the source of truth; the list read model and reporting's archive follow from it).
 */
export function drafts(count: number, year: number): Array<{ streamId: string; event: NewEvent & { id: string } }> {
  const unitPath = ['vn', 'vn-ha-nam', 'vn-ha-nam-phu-ly'];
  return Array.from({ length: count }, (_, i) => {
    const dossierId = `bench-${i.toString().padStart(5, '0')}-${randomUUID().slice(0, 6)}`;
    const draftedAt = new Date(Date.now() - (count - i) * 1000).toISOString();
    return {
      streamId: dossierStreamId(dossierId),
      event: {
        id: randomUUID(),
        type: SUBMISSIONS_EVENTS.DossierDrafted,
        data: {
          dossierId,
          campaignId: DEMO_CAMPAIGN,
          year,
          fieldCode: DEMO_FIELD,
          type: 'initiative',
          title: `Sáng kiến cải tiến thủ tục hành chính số ${i + 1}`,
          summary: 'Hồ sơ tạo cho phép đo hiệu năng của danh sách hồ sơ.',
          applicantKind: 'individual',
          authors: [{ name: `Nguyễn Văn Thử ${i + 1}` }],
          owners: [],
          nominatingUnitId: 'vn-ha-nam-phu-ly',
          nominatingUnitPath: unitPath,
          attachments: [],
          draftedAt,
        },
        metadata: {
          actor: { id: OFFICER.sub, name: OFFICER.name, role: OFFICER.role, unitId: OFFICER.unitId, level: OFFICER.level, unitPath },
          occurredAt: draftedAt,
          correlationId: dossierId,
          source: 'submissions',
        },
      },
    };
  });
}
