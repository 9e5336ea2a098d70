import { DomainRuleViolation, ForbiddenError, RECOGNITION_EVENTS as E } from '@cem/contracts';
import { deciderSpec } from '@cem/decider/testing';
import { awardProposalDecider } from '../proposals/award-proposal.decider';
import { authority, board, decided, decidedData, haNamActor, received, secretary, verified } from '../proposals/proposal.fixtures';
import type { ProposalEvent } from '../proposals/proposal.state';
import { decisionDocumentDecider } from './decision-document.decider';
import { verifyIssuedDocument } from './document-verification';
import { certificateIssued } from './documents.fixtures';

const proposals = deciderSpec(awardProposalDecider);
const decisions = deciderSpec(decisionDocumentDecider);
const certificate = certificateIssued();
const issue = (actor = authority, documents = [certificate]) => ({
  type: 'IssueCertificates' as const,
  actor,
  proposalId: 'p-1',
  documents,
});
const revoked: ProposalEvent = {
  type: E.AwardRevoked,
  data: {
    proposalId: 'p-1',
    awardCode: decidedData.awardCode,
    level: 'province',
    jurisdictionUnitId: 'vn-ha-nam',
    year: 2019,
    reason: 'Sao chép',
    decisionNumber: '1500/QĐ-UBND',
    decisionDate: '2020-01-15',
  },
};
const issuedEvent: ProposalEvent = { type: E.DocumentIssued, data: certificate };

describe('certificates: issued once per recipient of a standing decided award', () => {
  it('records the certificate with its SHA-256 on the proposal', () => {
    proposals.given([received, verified, decided]).when(issue()).then([issuedEvent]);
  });
  it('issues nothing again for a recipient who already holds one', () => {
    proposals.given([received, verified, decided, issuedEvent]).when(issue()).then([]);
  });
  it('refuses a revoked or undecided award, a stranger to the decision, and other roles', () => {
    proposals
      .given([received, verified, decided, revoked])
      .when(issue())
      .thenThrows(DomainRuleViolation, /thu hồi/);
    proposals
      .given([received, verified])
      .when(issue())
      .thenThrows(DomainRuleViolation, /chưa có quyết định/);
    proposals
      .given([received, verified, decided])
      .when(issue(authority, [certificateIssued({ recipient: { name: 'Người khác', kind: 'individual' } })]))
      .thenThrows(DomainRuleViolation, /Người khác/);
    proposals.given([received, verified, decided]).when(issue(secretary)).thenThrows(ForbiddenError);
    proposals
      .given([received, verified, decided])
      .when(issue(haNamActor('authority', { unitId: 'vn-nam-dinh', unitPath: ['vn', 'vn-nam-dinh'] })))
      .thenThrows(ForbiddenError);
  });
});

describe('the decision document: one version per list of works', () => {
  const document = certificateIssued({ documentId: 'qd-1', kind: 'award-decision', certificateKind: undefined, recipient: undefined });
  const command = (overrides = {}) => ({
    type: 'IssueDecisionDocument' as const,
    actor: board,
    proposal: { ...(received.data as never as { proposalId: string }), origin: 'council' } as never,
    decisions: [decidedData],
    document,
    ...overrides,
  });
  it('records the first version, then nothing for the same list, then a superseding version when the list grew', () => {
    decisions
      .given([])
      .when(command())
      .then([{ type: E.DocumentIssued, data: document }]);
    decisions
      .given([{ type: E.DocumentIssued, data: document }])
      .when(command({ document: { ...document, documentId: 'qd-2' } }))
      .then([]);
    const grown = { ...document, documentId: 'qd-2', proposalIds: ['p-1', 'p-2'] };
    decisions
      .given([{ type: E.DocumentIssued, data: document }])
      .when(command({ decisions: [decidedData, { ...decidedData, proposalId: 'p-2' }], document: grown }))
      .then([{ type: E.DocumentIssued, data: { ...grown, supersedes: 'qd-1' } }]);
  });
  it('refuses a list that is not the decision’s', () => {
    decisions
      .given([])
      .when(command({ decisions: [{ ...decidedData, proposalId: 'p-9' }] }))
      .thenThrows(DomainRuleViolation, /khác danh sách/);
  });
});

describe('verification from the events', () => {
  const fold = (events: ProposalEvent[]) => events.reduce(awardProposalDecider.evolve, awardProposalDecider.initialState());
  it('a recorded certificate of a standing award is genuine and current; the right hash matches, another does not', () => {
    const state = fold([received, verified, decided, issuedEvent]);
    const result = verifyIssuedDocument(certificate, [state], [certificate], 'A'.repeat(64));
    expect(result).toMatchObject({ genuine: true, status: 'current', hashMatches: true, recipientName: 'Nguyễn Văn A' });
    expect(verifyIssuedDocument(certificate, [state], [certificate], 'b'.repeat(64)).hashMatches).toBe(false);
  });
  it('a revoked award’s certificate verifies as revoked, naming the revoking decision', () => {
    const state = fold([received, verified, decided, issuedEvent, revoked]);
    const result = verifyIssuedDocument(certificate, [state], [certificate]);
    expect(result.status).toBe('revoked');
    expect(result.statusLabel).toMatch(/thu hồi/);
    expect(result.works[0].revocation).toEqual({ decisionNumber: '1500/QĐ-UBND', decisionDate: '2020-01-15', reason: 'Sao chép' });
  });
  it('an earlier decision document is superseded by the later version', () => {
    const state = fold([received, verified, decided]);
    const first = certificateIssued({ documentId: 'qd-1', kind: 'award-decision' });
    const second = { ...first, documentId: 'qd-2' };
    expect(verifyIssuedDocument(first, [state], [first, second])).toMatchObject({ status: 'superseded', supersededBy: 'qd-2' });
    expect(verifyIssuedDocument(second, [state], [first, second]).status).toBe('current');
  });
});
