import { Controller, Get, HttpCode, Inject, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import type { Actor } from '@cem/contracts';
import { CurrentActor, Roles, SERVICE_INFRA, ServiceInfra } from '@cem/service-kit';
import { DocumentVerificationResponse, IssuedDocumentResponse, VerifyDocumentQuery } from './documents.dto';
import { downloadDocument, issueCertificates, issueDecisionDocument, verifyDocument } from './issued-documents';

/** Official documents: issue (render, hash, record), download (rendered again from the events), verify (public). */
@Controller()
export class DocumentsController {
  constructor(@Inject(SERVICE_INFRA) private readonly infra: ServiceInfra) {}

  /** One certificate per recipient of the decided award (Giấy khen, Bằng khen or Giấy chứng nhận by the award). */
  @ApiOkResponse({ type: IssuedDocumentResponse, isArray: true })
  @Post('proposals/:id/certificates')
  @HttpCode(200)
  @Roles('authority', 'emulation-board')
  certificates(@CurrentActor() actor: Actor, @Param('id') proposalId: string) {
    return issueCertificates(this.infra, actor, proposalId);
  }

  /** The decision with its list of every work decided under the same number. */
  @ApiOkResponse({ type: IssuedDocumentResponse })
  @Post('proposals/:id/decision-document')
  @HttpCode(200)
  @Roles('authority', 'emulation-board')
  decisionDocument(@CurrentActor() actor: Actor, @Param('id') proposalId: string) {
    return issueDecisionDocument(this.infra, actor, proposalId);
  }

  @ApiOkResponse({
    description: 'Tệp PDF, đúng mã SHA-256 đã ghi khi phát hành',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiProduces('application/pdf')
  @Get('documents/:documentId/pdf')
  async pdf(@Param('documentId') documentId: string): Promise<StreamableFile> {
    const { document, bytes } = await downloadDocument(this.infra, documentId);
    const name = document.kind === 'certificate' ? 'giay-chung-nhan' : 'quyet-dinh-khen-thuong';
    return new StreamableFile(bytes, {
      type: 'application/pdf',
      length: bytes.length,
      disposition: `attachment; filename="${name}-${document.documentId}.pdf"`,
    });
  }

  /** Public (the QR code's page): genuine, current, superseded or revoked, read from the event log now. */
  @ApiOkResponse({ type: DocumentVerificationResponse })
  @Get('public/documents/:documentId')
  verify(@Param('documentId') documentId: string, @Query() query: VerifyDocumentQuery) {
    return verifyDocument(this.infra, documentId, query.sha256);
  }
}
