import { RECOGNITION_EVENTS as E } from '@cem/contracts';
import { project, recordedEvent } from '../shared/projection.fixtures';
import { decided, received, verified } from './proposal.fixtures';
import { proposalsProjection } from './proposals.projection';

describe('proposals read model', () => {
  it('follows the proposal through the same states as its aggregate', () => {
    const docs = project(
      proposalsProjection,
      [received, verified, decided].map((e) => recordedEvent(e)),
    );
    expect(docs.get('p-1')).toEqual(expect.objectContaining({ status: 'decided', decision: decided.data }));
    expect(docs.get('p-1')?.proposal.dossierId).toBe('d-1');
  });

  it('keeps the reason of a send-back for the proposer to read', () => {
    const sentBack = recordedEvent(
      { type: E.ProposalSentBack, data: { proposalId: 'p-1', sentBackBy: 'u', reason: 'Thiếu xác nhận' } },
      'Thiếu xác nhận',
    );
    const doc = project(proposalsProjection, [recordedEvent(received), sentBack]).get('p-1');
    expect(doc).toEqual(expect.objectContaining({ status: 'sent-back', lastReason: 'Thiếu xác nhận' }));
  });
});
