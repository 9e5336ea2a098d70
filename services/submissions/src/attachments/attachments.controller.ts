import { Controller, Get, HttpCode, Param, Post, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { NotFoundError, ValidationFailed } from '@cem/contracts';
import { Roles } from '@cem/service-kit';
import { MAX_ATTACHMENT_BYTES } from '../dossiers/dossier-content.rules';
import { AttachmentStore, StoredAttachment } from './attachment.store';
import { StoredAttachmentResponse } from '../shared/responses';

/** The part of multer's file object used here (its types are not installed). */
interface UploadedBytes {
  buffer: Buffer;
  originalname: string;
  mimetype: string;
}

const SHA256 = /^[0-9a-f]{64}$/;

/** The part of Express's response used here (its types are not installed). */
interface FileResponse {
  sendFile(path: string): void;
}

@ApiTags('attachments')
@ApiBearerAuth()
@Controller('attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentStore) {}

  /** Multipart upload (field `file`); multer stops reading past the dossier rule's limit and Nest answers 413. */
  @ApiCreatedResponse({ type: StoredAttachmentResponse })
  @Post()
  @HttpCode(201)
  @Roles('submitter', 'unit-officer', 'admin')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary', description: 'Tệp đính kèm (một tệp, trường `file`)', example: 'thuyet-minh.pdf' },
      },
    },
  })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } }))
  async upload(@UploadedFile() file: UploadedBytes | undefined): Promise<StoredAttachment & { name: string; contentType: string }> {
    if (!file) throw new ValidationFailed('Yêu cầu không hợp lệ: cần trường "file" (multipart)');
    const stored = await this.attachments.put(file.buffer);
    return { ...stored, name: file.originalname, contentType: file.mimetype || 'application/octet-stream' };
  }

  @ApiOkResponse({
    description: 'Nội dung tệp, đúng từng byte đã tải lên',
    content: {
      'application/octet-stream': { schema: { type: 'string', format: 'binary', description: 'Nội dung tệp', example: '%PDF-1.4' } },
    },
  })
  @Get(':sha256')
  async download(@Param('sha256') sha256: string, @Res() res: FileResponse): Promise<void> {
    if (!SHA256.test(sha256) || !(await this.attachments.sizeOf(sha256))) {
      throw new NotFoundError(`Không tìm thấy tệp ${sha256}`);
    }
    res.sendFile(this.attachments.pathOf(sha256));
  }
}
