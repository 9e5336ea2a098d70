import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, List, Space, Tag, Typography, Upload } from 'antd';
import { raw } from '../../api/client';
import { PageTitle } from '../../layout/Shell';
import { CERTIFICATE_KIND_LABELS_VI, label } from '../../lib/labels';
import { formatDate, formatDateTime } from '../../lib/format';
import { QueryState } from '../../lib/ui';
import { tone } from '../../lib/tone';
import { sha256OfFile } from '../shared/documents';

interface Verification {
  documentId: string;
  kind: 'award-decision' | 'certificate';
  certificateKind?: string;
  genuine: boolean;
  status: 'current' | 'superseded' | 'revoked';
  statusLabel: string;
  sha256: string;
  issuedAt: string;
  decisionNumber: string;
  decisionDate: string;
  recipientName?: string;
  supersededBy?: string;
  hashMatches?: boolean;
  works: Array<{
    proposalId: string;
    title: string;
    awardName: string;
    recipients: Array<{ name: string; kind: string }>;
    revoked: boolean;
    revocation?: { decisionNumber: string; decisionDate: string; reason: string };
  }>;
}

const STATUS_TYPE = { current: 'success', superseded: 'warning', revoked: 'error' } as const;

/** Xác minh văn bản: the QR code's page, for anyone, no sign-in; answered from the event log. */
export default function VerifyPage() {
  const { documentId = '' } = useParams();
  const [sha256, setSha256] = useState<string>();
  const query = useQuery({
    queryKey: ['public', 'documents', documentId, sha256],
    retry: false,
    queryFn: async () =>
      (await (
        await raw('recognition', `/public/documents/${encodeURIComponent(documentId)}${sha256 ? `?sha256=${sha256}` : ''}`)
      ).json()) as Verification,
  });
  return (
    <>
      <PageTitle>Xác minh văn bản khen thưởng</PageTitle>
      <Typography.Paragraph>
        Đối chiếu văn bản (quyết định khen thưởng, giấy chứng nhận, giấy khen, bằng khen) với sổ phát hành của hệ thống.
      </Typography.Paragraph>
      {query.isError ? (
        <Alert
          type="error"
          showIcon
          data-testid="verification-status"
          message="Không xác minh được: văn bản không có trong sổ phát hành của hệ thống"
          description={`Mã văn bản: ${documentId}`}
        />
      ) : (
        <QueryState query={query}>
          {(v) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Alert type={STATUS_TYPE[v.status]} showIcon data-testid="verification-status" message={v.statusLabel} />
              {v.hashMatches === true ? (
                <Alert type="success" showIcon message="Tệp đối chiếu đúng là tệp đã phát hành (mã SHA-256 trùng khớp)" />
              ) : null}
              {v.hashMatches === false ? (
                <Alert type="error" showIcon message="Tệp đối chiếu KHÔNG đúng tệp đã phát hành (mã SHA-256 khác): tệp đã bị thay đổi" />
              ) : null}
              <Descriptions bordered size="small" column={1}>
                <Descriptions.Item label="Loại văn bản">
                  {v.kind === 'award-decision' ? 'Quyết định khen thưởng' : label(CERTIFICATE_KIND_LABELS_VI, v.certificateKind)}
                </Descriptions.Item>
                {v.recipientName ? <Descriptions.Item label="Cấp cho">{v.recipientName}</Descriptions.Item> : null}
                <Descriptions.Item label="Quyết định">
                  Số {v.decisionNumber} ngày {formatDate(v.decisionDate)}
                </Descriptions.Item>
                <Descriptions.Item label="Phát hành lúc">{formatDateTime(v.issuedAt)}</Descriptions.Item>
                <Descriptions.Item label="Mã SHA-256">
                  <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                    {v.sha256}
                  </Typography.Text>
                </Descriptions.Item>
                {v.supersededBy ? (
                  <Descriptions.Item label="Văn bản thay thế">
                    <a href={`/xac-minh/${v.supersededBy}`}>{v.supersededBy}</a>
                  </Descriptions.Item>
                ) : null}
              </Descriptions>
              <List
                header={<strong>Công trình, khen thưởng ghi trong văn bản</strong>}
                bordered
                dataSource={v.works}
                renderItem={(w) => (
                  <List.Item>
                    <Space direction="vertical">
                      <span>
                        <strong>{w.title}</strong> — {w.awardName}{' '}
                        {w.revoked ? <Tag color={tone('error')}>Đã thu hồi</Tag> : <Tag color={tone('success')}>Còn hiệu lực</Tag>}
                      </span>
                      <span>{w.recipients.map((r) => r.name).join('; ')}</span>
                      {w.revocation ? (
                        <span>
                          Thu hồi theo quyết định số {w.revocation.decisionNumber} ngày {formatDate(w.revocation.decisionDate)}:{' '}
                          {w.revocation.reason}
                        </span>
                      ) : null}
                    </Space>
                  </List.Item>
                )}
              />
              <Upload
                accept="application/pdf"
                showUploadList={false}
                beforeUpload={(file) => {
                  void sha256OfFile(file).then(setSha256);
                  return false;
                }}
              >
                <Button>Đối chiếu tệp PDF đang có (tính mã SHA-256 ngay trên máy, không tải lên)</Button>
              </Upload>
            </Space>
          )}
        </QueryState>
      )}
    </>
  );
}
