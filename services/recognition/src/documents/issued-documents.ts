import { createHash, randomUUID } from 'node:crypto';
import type { Actor, AwardDecidedData, DocumentIssuedData, RecordedEvent } from '@cem/contracts';
import { DomainRuleViolation, NotFoundError, RECOGNITION_EVENTS as E } from '@cem/contracts';
import { handleCommand, loadState } from '@cem/decider';
import type { ServiceInfra } from '@cem/service-kit';
import { awardProposalDecider } from '../proposals/award-proposal.decider';
import { ExistingProposal, proposalStreamId, ProposalState } from '../proposals/proposal.state';
import { httpCommand } from '../shared/command-context';
import { certificateContent, certificateKindOf, decisionContent, TEMPLATE_VERSION } from './document-content';
import { renderCertificate, renderDecision } from './document-templates';
import { decisionDocumentDecider, decisionDocumentStreamId } from './decision-document.decider';
import { DocumentVerification, verifyIssuedDocument } from './document-verification';
import {
  AwardDecisionDoc,
  awardDecisionId,
  awardDecisionsProjection,
  IssuedDocumentDoc,
  issuedDocumentsProjection,
} from './issued-documents.projection';

/**
 * The adapter around the documents slice: renders, hashes, records (through the deciders) and, on download or
 * verification, reads the events back. A PDF is never stored: it is rendered again from the events and must hash
 * to the recorded SHA-256 (the templates are deterministic and versioned).
 */

/** The portal's public origin, where the verification page is (printed as the QR code). */
export function publicOrigin(): string {
  return (process.env.CEM_PUBLIC_URL ?? `http://127.0.0.1:${process.env.CEM_PORT ?? '3000'}`).replace(/\/+$/, '');
}

export const verificationUrlOf = (documentId: string) => `${publicOrigin()}/xac-minh/${documentId}`;

export const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export interface RenderedDocument {
  document: DocumentIssuedData;
  bytes: Buffer;
}

async function proposalState(infra: ServiceInfra, proposalId: string): Promise<ProposalState> {
  return (await loadState(infra.store, awardProposalDecider, proposalStreamId(proposalId))).state;
}

function requireDecision(state: ProposalState, proposalId: string): ExistingProposal & { decision: AwardDecidedData } {
  if (state.status === 'none') throw new NotFoundError(`Không tìm thấy đề nghị ${proposalId}`);
  if (!state.decision) throw new DomainRuleViolation('not-decided', 'Đề nghị này chưa có quyết định khen thưởng');
  return state as ExistingProposal & { decision: AwardDecidedData };
}

/** Renders a document from its decision(s) and its own issuance facts. */
async function render(decisions: AwardDecidedData[], document: DocumentIssuedData): Promise<Buffer> {
  if (document.templateVersion !== TEMPLATE_VERSION) {
    throw new DomainRuleViolation('template-retired', `Mẫu văn bản phiên bản ${document.templateVersion} không còn được hỗ trợ`);
  }
  return document.kind === 'certificate'
    ? renderCertificate(certificateContent(decisions[0], document))
    : renderDecision(decisionContent(decisions, document));
}

async function renderNew(
  decisions: AwardDecidedData[],
  facts: Omit<DocumentIssuedData, 'documentId' | 'sha256' | 'size' | 'issuedAt' | 'verificationUrl' | 'templateVersion'>,
): Promise<RenderedDocument> {
  const documentId = randomUUID();
  // Whole seconds: the PDF's creation date holds no more, so the event and the file agree.
  const issuedAt = new Date(Math.floor(Date.now() / 1000) * 1000).toISOString();
  const draft = {
    ...facts,
    documentId,
    issuedAt,
    verificationUrl: verificationUrlOf(documentId),
    templateVersion: TEMPLATE_VERSION,
    sha256: '0'.repeat(64),
    size: 1,
  };
  const bytes = await render(decisions, draft);
  return { document: { ...draft, sha256: sha256Of(bytes), size: bytes.length }, bytes };
}

const issuedOn = (events: RecordedEvent[]) => events.filter((e) => e.type === E.DocumentIssued).map((e) => e.data as DocumentIssuedData);

/** Certificates for every recipient of a decided award who has none yet; answers every certificate of the award. */
export async function issueCertificates(infra: ServiceInfra, actor: Actor, proposalId: string): Promise<DocumentIssuedData[]> {
  const state = requireDecision(await proposalState(infra, proposalId), proposalId);
  const held = new Set((state.certificates ?? []).map((c) => c.recipientName));
  const decision = state.decision;
  const missing = state.status === 'revoked' ? [] : decision.recipients.filter((r) => !held.has(r.name));
  const rendered: DocumentIssuedData[] = [];
  for (const recipient of missing) {
    const { document } = await renderNew([decision], {
      kind: 'certificate',
      certificateKind: certificateKindOf(decision.awardName),
      jurisdictionUnitId: decision.jurisdictionUnitId,
      decisionNumber: decision.decisionNumber,
      decisionDate: decision.decisionDate,
      year: decision.year,
      proposalIds: [proposalId],
      recipient: { name: recipient.name, kind: recipient.kind },
    });
    rendered.push(document);
  }
  // The decider refuses a revoked award (nothing rendered then either) and names what is recorded.
  await handleCommand(
    infra.store,
    awardProposalDecider,
    proposalStreamId(proposalId),
    { type: 'IssueCertificates', actor, proposalId, documents: rendered },
    httpCommand(infra, actor),
  );
  await infra.readModelsCaughtUp();
  return issuedOn(await infra.store.readStream(proposalStreamId(proposalId))).filter((d) => d.kind === 'certificate');
}

/** Every award decided under the proposal's decision number in its jurisdiction, read from the event log. */
async function decisionsUnder(infra: ServiceInfra, decision: AwardDecidedData): Promise<AwardDecidedData[]> {
  await infra.readModelsCaughtUp();
  const doc = await infra.documents
    .collection<AwardDecisionDoc>(awardDecisionsProjection.collection)
    .get(awardDecisionId(decision.jurisdictionUnitId, decision.decisionNumber));
  const ids = doc?.proposalIds.length ? doc.proposalIds : [decision.proposalId];
  const decisions: AwardDecidedData[] = [];
  for (const id of ids) {
    const state = await proposalState(infra, id);
    if (state.status !== 'none' && state.decision) decisions.push(state.decision);
  }
  return decisions;
}

/** The decision document of the proposal's decision: issued again only when its list grew. Answers the current version. */
export async function issueDecisionDocument(infra: ServiceInfra, actor: Actor, proposalId: string): Promise<DocumentIssuedData> {
  const state = requireDecision(await proposalState(infra, proposalId), proposalId);
  const decisions = await decisionsUnder(infra, state.decision);
  const { jurisdictionUnitId, decisionNumber, decisionDate, year } = state.decision;
  const streamId = decisionDocumentStreamId(jurisdictionUnitId, decisionNumber);
  const { state: documents } = await loadState(infra.store, decisionDocumentDecider, streamId);
  const latest = documents.versions.at(-1);
  const ids = decisions.map((d) => d.proposalId);
  if (latest && latest.proposalIds.length === ids.length && ids.every((id) => latest.proposalIds.includes(id))) return latest;
  const { document } = await renderNew(decisions, {
    kind: 'award-decision',
    jurisdictionUnitId,
    decisionNumber,
    decisionDate,
    year,
    proposalIds: ids,
  });
  const result = await handleCommand(
    infra.store,
    decisionDocumentDecider,
    streamId,
    { type: 'IssueDecisionDocument', actor, proposal: state.proposal, decisions, document },
    httpCommand(infra, actor),
  );
  await infra.readModelsCaughtUp();
  return result.state.versions.at(-1)!;
}

/** The issued document's own event, found through the read model and read from its stream. */
async function findIssued(infra: ServiceInfra, documentId: string): Promise<{ issued: DocumentIssuedData; stream: DocumentIssuedData[] }> {
  const documents = infra.documents.collection<IssuedDocumentDoc>(issuedDocumentsProjection.collection);
  let located = await documents.get(documentId);
  if (!located) {
    await infra.readModelsCaughtUp();
    located = await documents.get(documentId);
  }
  const notFound = new NotFoundError(`Không tìm thấy văn bản ${documentId}: không phải văn bản do hệ thống phát hành`);
  if (!located) throw notFound;
  const stream = issuedOn(await infra.store.readStream(located.streamId));
  const issued = stream.find((d) => d.documentId === documentId);
  if (!issued) throw notFound;
  return { issued, stream };
}

/** The PDF of an issued document, rendered again from the events; refused if it would not hash as recorded. */
export async function downloadDocument(infra: ServiceInfra, documentId: string): Promise<{ document: DocumentIssuedData; bytes: Buffer }> {
  const { issued } = await findIssued(infra, documentId);
  const decisions: AwardDecidedData[] = [];
  for (const id of issued.proposalIds) decisions.push(requireDecision(await proposalState(infra, id), id).decision);
  const bytes = await render(decisions, issued);
  if (sha256Of(bytes) !== issued.sha256) {
    throw new DomainRuleViolation('document-not-reproducible', 'Không tái tạo được văn bản đúng như bản đã phát hành (mã SHA-256 khác)');
  }
  return { document: issued, bytes };
}

/** The public verification: genuine (recorded), current, superseded or revoked, from the event log now. */
export async function verifyDocument(infra: ServiceInfra, documentId: string, sha256?: string): Promise<DocumentVerification> {
  const { issued, stream } = await findIssued(infra, documentId);
  const proposals = await Promise.all(issued.proposalIds.map((id) => proposalState(infra, id)));
  return verifyIssuedDocument(issued, proposals, stream, sha256);
}

/** The jurisdiction path of an issued document's award (for the access policy of the download). */
export async function documentJurisdiction(infra: ServiceInfra, documentId: string): Promise<{ path: string[] }> {
  const { issued } = await findIssued(infra, documentId);
  const state = await proposalState(infra, issued.proposalIds[0]);
  if (state.status === 'none') throw new NotFoundError(`Không tìm thấy văn bản ${documentId}`);
  return { path: state.proposal.jurisdictionUnitPath };
}
