import { ADMINISTRATIVE_LEVELS, ROLES } from '../administrative';
import type { JsonSchema } from '../schema/json-schema';

const text = (description: string, example: string): JsonSchema => ({ type: 'string', description, example });

/**
 * The envelope every event travels in (CloudEvents Kafka binding, binary mode, see libs/messaging
 * cloud-events.codec.ts): attributes are `ce_*` headers, the value is the event's data.
 */
export const ENVELOPE_SCHEMAS: Record<string, JsonSchema> = {
  CloudEventHeaders: {
    type: 'object',
    description: 'Tiêu đề Kafka theo CloudEvents 1.0 (binary mode) cùng các phần mở rộng của nền tảng',
    properties: {
      ce_specversion: { type: 'string', const: '1.0', description: 'Phiên bản CloudEvents', example: '1.0' },
      ce_id: text('Mã sự kiện (UUIDv7), duy nhất: dùng để khử trùng lặp khi nhận lại', '01936a52-7c1e-7b3a-9f1e-5d2c3b4a5e6f'),
      ce_source: text('Phân hệ ghi sự kiện', '/cem/submissions'),
      ce_type: text('Loại sự kiện', 'submissions.DossierReceived'),
      ce_time: text('Thời điểm quyết định (thời gian nghiệp vụ, ISO-8601)', '2026-04-05T09:00:00.000Z'),
      ce_subject: text('Mã luồng sự kiện (trùng với khóa Kafka)', 'dossier-hs-2026-0001'),
      'content-type': { type: 'string', const: 'application/json', description: 'Kiểu nội dung của giá trị', example: 'application/json' },
      ce_schemaversion: text('Phiên bản lược đồ dữ liệu của loại sự kiện', '1'),
      ce_streamversion: text('Số thứ tự của sự kiện trong luồng (1 là sự kiện đầu)', '3'),
      ce_position: text('Vị trí trong nhật ký của phân hệ, dạng giao_dịch:thứ_tự', '1042:0'),
      ce_recordedat: text('Thời điểm ghi vào kho sự kiện', '2026-04-05T09:00:00.120Z'),
      ce_hash: text(
        'Mã băm SHA-256 (hex) nối chuỗi với sự kiện trước của cùng luồng',
        'b1946ac92492d2347c6235b4d2611184b1946ac92492d2347c6235b4d2611184',
      ),
      ce_metadata: {
        type: 'string',
        contentMediaType: 'application/json',
        description: 'Siêu dữ liệu của sự kiện dạng JSON (lược đồ EventMetadata): người thực hiện, thời điểm, mã tương quan, lý do',
        example:
          '{"actor":{"id":"u-1","role":"agency-officer","unitId":"vn-ha-nam-so-khcn","level":"province","unitPath":["vn","vn-ha-nam","vn-ha-nam-so-khcn"]},"occurredAt":"2026-04-05T09:00:00.000Z","correlationId":"c-1","source":"submissions"}',
      },
    },
    required: [
      'ce_specversion',
      'ce_id',
      'ce_source',
      'ce_type',
      'ce_time',
      'ce_subject',
      'content-type',
      'ce_schemaversion',
      'ce_streamversion',
      'ce_position',
      'ce_recordedat',
      'ce_hash',
      'ce_metadata',
    ],
  },
  DeadLetterHeaders: {
    type: 'object',
    description: 'Tiêu đề của thông điệp gốc (có thể thiếu hoặc hỏng) cùng các tiêu đề dlq_*',
    properties: {
      dlq_reason: text('Lý do không xử lý được', 'submissions.DossierReceived@1: dossier.title: title must be a string'),
      dlq_group: text('Nhóm tiêu thụ đã chuyển thông điệp', 'cem.councils'),
      dlq_source_topic: text('Chủ đề gốc', 'cem.submissions.events'),
      dlq_partition: text('Phân vùng gốc', '0'),
      dlq_offset: text('Vị trí (offset) gốc', '1042'),
      dlq_failed_at: text('Thời điểm chuyển vào dead letter', '2026-04-05T09:00:01.000Z'),
    },
    required: ['dlq_reason', 'dlq_group', 'dlq_source_topic', 'dlq_partition', 'dlq_offset', 'dlq_failed_at'],
    additionalProperties: { type: 'string', description: 'Các tiêu đề ce_* của thông điệp gốc' },
  },
  EventMetadata: {
    type: 'object',
    description: 'Siêu dữ liệu mọi sự kiện mang theo (tiêu đề ce_metadata)',
    properties: {
      actor: { allOf: [{ $ref: '#/components/schemas/EventActor' }], description: 'Người thực hiện' },
      occurredAt: text('Thời điểm quyết định (thời gian nghiệp vụ)', '2026-04-05T09:00:00.000Z'),
      correlationId: text('Mã tương quan của cả chuỗi xử lý', 'c-01936a52'),
      causationId: text('Mã sự kiện gây ra sự kiện này (khi là phản ứng với sự kiện khác)', '01936a52-7c1e-7b3a-9f1e-5d2c3b4a5e6f'),
      reason: text('Lý do (trả lại, rút, chấm lại, thu hồi...)', 'Thiếu bản mô tả giải pháp'),
      source: text('Phân hệ ghi sự kiện đầu tiên', 'submissions'),
    },
    required: ['actor', 'occurredAt', 'correlationId', 'source'],
  },
  EventActor: {
    type: 'object',
    description: 'Người thực hiện: vai trò, đơn vị (hoặc địa bàn được ủy quyền) và đường dẫn đơn vị',
    properties: {
      id: text('Mã người dùng (sub của token)', 'u-nguyen-van-a'),
      name: text('Họ và tên', 'Nguyễn Văn A'),
      role: { type: 'string', enum: [...ROLES, 'system'], description: 'Vai trò', example: 'agency-officer' },
      unitId: text('Đơn vị thực hiện (địa bàn khi thay mặt theo ủy quyền)', 'vn-ha-nam-so-khcn'),
      level: { type: 'string', enum: [...ADMINISTRATIVE_LEVELS], description: 'Cấp hành chính', example: 'province' },
      unitPath: {
        type: 'array',
        items: { type: 'string' },
        description: 'Đường dẫn mã đơn vị từ Trung ương',
        example: ['vn', 'vn-ha-nam', 'vn-ha-nam-so-khcn'],
      },
      mandate: { allOf: [{ $ref: '#/components/schemas/EventMandateUse' }], description: 'Ủy quyền đã dùng, khi thay mặt một địa bàn' },
    },
    required: ['id', 'role', 'unitId', 'level', 'unitPath'],
  },
  EventMandateUse: {
    type: 'object',
    description: 'Ủy quyền (giao nhiệm vụ) người thực hiện đã dùng và đơn vị của chính họ',
    properties: {
      mandateId: text('Mã ủy quyền', 'uq-ha-nam-ban-tdkt'),
      decisionRef: text('Số quyết định giao nhiệm vụ', '15/QĐ-UBND'),
      ownUnitId: text('Đơn vị của chính người thực hiện', 'vn-ha-nam-so-noi-vu'),
      ownUnitPath: {
        type: 'array',
        items: { type: 'string' },
        description: 'Đường dẫn đơn vị của chính người thực hiện',
        example: ['vn', 'vn-ha-nam', 'vn-ha-nam-so-noi-vu'],
      },
      ownLevel: {
        type: 'string',
        enum: [...ADMINISTRATIVE_LEVELS],
        description: 'Cấp của đơn vị của chính người thực hiện',
        example: 'province',
      },
    },
    required: ['mandateId', 'decisionRef', 'ownUnitId', 'ownUnitPath', 'ownLevel'],
  },
};
