import { RECOGNITION_EVENTS as E } from '@cem/contracts';
import { decidedData } from '../proposals/proposal.fixtures';
import { project, recordedEvent } from '../shared/projection.fixtures';
import { awardsHeldProjection } from './awards-held.projection';

const decidedEvent = (proposalId: string, awardCode = decidedData.awardCode) =>
  recordedEvent({ type: E.AwardDecided, data: { ...decidedData, proposalId, awardCode } });
const revokedEvent = (proposalId: string) =>
  recordedEvent({
    type: E.AwardRevoked,
    data: {
      proposalId,
      dossierId: 'd-1',
      awardCode: decidedData.awardCode,
      level: 'province',
      jurisdictionUnitId: 'vn-ha-nam',
      year: 2019,
      reason: 'Sai phạm',
      decisionNumber: '9/QĐ-UBND',
      decisionDate: '2020-01-01',
    },
  });

describe('awards held per dossier', () => {
  it('lists every award in force on the dossier', () => {
    const docs = project(awardsHeldProjection, [decidedEvent('p-1'), decidedEvent('p-2', 'nguoi-viet-dkst')]);
    expect(docs.get('d-1')?.awards).toEqual([
      { proposalId: 'p-1', awardCode: decidedData.awardCode },
      { proposalId: 'p-2', awardCode: 'nguoi-viet-dkst' },
    ]);
  });

  it('forgets a revoked award, so the dossier may receive it again', () => {
    expect(project(awardsHeldProjection, [decidedEvent('p-1'), revokedEvent('p-1')]).has('d-1')).toBe(false);
  });
});
