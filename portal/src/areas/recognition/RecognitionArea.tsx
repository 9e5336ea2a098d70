import { tone } from '../../lib/tone';
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, List, Space, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { PageTitle } from '../../layout/Shell';
import { getSession } from '../../auth/session';
import { formatDate } from '../../lib/format';
import { LEVEL_LABELS, PROPOSAL_STATUS_LABELS, label } from '../../lib/labels';
import { QueryState } from '../../lib/ui';
import { ActionButton } from '../shared/ActionButton';
import { enc } from '../shared/councils';
import { getJson, post } from '../shared/queries';
import { downloadDocument, IssuedDocument, slug } from '../shared/documents';

interface Proposal {
  proposalId: string;
  status: string;
  proposal: {
    proposalId: string;
    level: string;
    jurisdictionUnitId: string;
    campaignId?: string;
    year: number;
    title: string;
    recipients: Array<{ name: string; kind: string }>;
    proposedAward?: string;
    dossierId?: string;
    fieldCode?: string;
  };
  decision?: { decisionNumber: string; decisionDate: string; signer: string; awardName?: string; awardCode: string };
  lastReason?: string;
  certificates?: Array<{ documentId: string; recipientName: string; sha256: string; issuedAt: string }>;
}

interface Award {
  awardCode: string;
  name: string;
  level: string;
}

const STATUS_COLOR: Record<string, string> = {
  received: 'warning',
  verified: 'processing',
  'sent-back': 'warning',
  decided: 'success',
  issued: 'success',
  revoked: 'default',
};

function ProposalCard({ p, awards }: { p: Proposal; awards: Award[] }) {
  const role = getSession()?.user.role;
  const path = `/proposals/${enc(p.proposalId)}`;
  const invalidate = [['proposals']];
  const board = role === 'emulation-board';
  const authority = role === 'authority';
  return (
    <Card
      size="small"
      style={{ width: '100%' }}
      title={<span data-testid="proposal-title">{p.proposal.title}</span>}
      extra={<Tag color={tone(STATUS_COLOR[p.status])}>{label(PROPOSAL_STATUS_LABELS, p.status)}</Tag>}
      actions={[
        <Space key="actions" wrap>
          {board && p.status === 'received' ? (
            <ActionButton
              type="primary"
              fields={[
                { name: 'note', label: 'Ý kiến thẩm định', required: false, multiline: true, placeholder: 'Thành tích đúng, hồ sơ đầy đủ' },
              ]}
              run={(v) => post('recognition', `${path}/verify`, v.note?.trim() ? { note: v.note.trim() } : {})}
              invalidate={invalidate}
              success="Đã thẩm định thành tích"
            >
              Thẩm định thành tích
            </ActionButton>
          ) : null}
          {board && (p.status === 'received' || p.status === 'verified') ? (
            <ActionButton
              fields={[{ name: 'reason', label: 'Lý do trả lại', multiline: true }]}
              run={(v) => post('recognition', `${path}/send-back`, { reason: v.reason })}
              invalidate={invalidate}
              success="Đã trả lại đề nghị"
            >
              Trả lại đề nghị
            </ActionButton>
          ) : null}
          {authority && p.status === 'verified' ? (
            <ActionButton
              type="primary"
              title="Quyết định khen thưởng"
              fields={[
                { name: 'decisionNumber', label: 'Số quyết định', placeholder: '2468/QĐ-UBND' },
                { name: 'decisionDate', label: 'Ngày quyết định', type: 'date', initial: dayjs().format('YYYY-MM-DD') },
                { name: 'signer', label: 'Người ký', placeholder: 'Chủ tịch UBND tỉnh' },
                {
                  name: 'awardCode',
                  label: 'Mã hình thức khen thưởng',
                  initial: awards.find((a) => a.level === p.proposal.level)?.awardCode ?? awards[0]?.awardCode,
                },
                { name: 'issuingAuthority', label: 'Cơ quan ban hành', required: false, placeholder: 'ỦY BAN NHÂN DÂN TỈNH HÀ NAM' },
                {
                  name: 'legalBases',
                  label: 'Căn cứ (mỗi dòng một căn cứ; để trống: Luật Thi đua, khen thưởng và Nghị định 98/2023/NĐ-CP)',
                  required: false,
                  multiline: true,
                },
              ]}
              run={(v) => {
                const { issuingAuthority, legalBases, ...rest } = v;
                const bases = (legalBases ?? '')
                  .split('\n')
                  .map((b) => b.trim())
                  .filter(Boolean);
                return post('recognition', `${path}/decide`, {
                  ...rest,
                  ...(issuingAuthority?.trim() ? { issuingAuthority: issuingAuthority.trim() } : {}),
                  ...(bases.length ? { legalBases: bases } : {}),
                });
              }}
              invalidate={invalidate}
              success="Đã quyết định khen thưởng"
            >
              Quyết định khen thưởng
            </ActionButton>
          ) : null}
          {(authority || board) && p.status === 'decided' ? (
            <ActionButton
              fields={[
                { name: 'ceremonyDate', label: 'Ngày trao tặng', type: 'date', initial: dayjs().format('YYYY-MM-DD'), required: false },
              ]}
              run={(v) => post('recognition', `${path}/issue`, v.ceremonyDate ? { ceremonyDate: v.ceremonyDate } : {})}
              invalidate={invalidate}
              success="Đã trao tặng"
            >
              Trao tặng
            </ActionButton>
          ) : null}
          {authority && (p.status === 'decided' || p.status === 'issued') ? (
            <ActionButton
              danger
              fields={[{ name: 'reason', label: 'Lý do thu hồi', multiline: true }]}
              run={(v) => post('recognition', `${path}/revoke`, { reason: v.reason })}
              invalidate={invalidate}
              success="Đã thu hồi khen thưởng"
            >
              Thu hồi
            </ActionButton>
          ) : null}
        </Space>,
      ]}
    >
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label="Người được đề nghị">{p.proposal.recipients.map((r) => r.name).join(', ')}</Descriptions.Item>
        <Descriptions.Item label="Cấp">{label(LEVEL_LABELS, p.proposal.level)}</Descriptions.Item>
        <Descriptions.Item label="Hình thức đề nghị">{p.proposal.proposedAward ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="Năm">{p.proposal.year}</Descriptions.Item>
        {p.decision ? (
          <Descriptions.Item label="Quyết định" span={2}>
            Số {p.decision.decisionNumber} ngày {formatDate(p.decision.decisionDate)}, người ký: {p.decision.signer}
          </Descriptions.Item>
        ) : null}
        {p.decision ? (
          <Descriptions.Item label="Văn bản" span={2}>
            <Documents p={p} canIssue={(authority || board) && p.status !== 'revoked'} />
          </Descriptions.Item>
        ) : null}
        {p.lastReason ? (
          <Descriptions.Item label="Lý do / ý kiến gần nhất" span={2}>
            {p.lastReason}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
    </Card>
  );
}

/** The decision and the certificates as PDF: issue (records each SHA-256), then download; the QR code verifies them. */
function Documents({ p, canIssue }: { p: Proposal; canIssue: boolean }) {
  const path = `/proposals/${enc(p.proposalId)}`;
  return (
    <Space wrap>
      {canIssue ? (
        <ActionButton
          run={() => post('recognition', `${path}/certificates`)}
          invalidate={[['proposals']]}
          success="Đã phát hành giấy chứng nhận (mã SHA-256 đã được ghi)"
        >
          Phát hành giấy chứng nhận
        </ActionButton>
      ) : null}
      {canIssue || p.status === 'revoked' ? (
        <ActionButton
          run={async () => {
            const issued = (await post('recognition', `${path}/decision-document`)) as IssuedDocument;
            await downloadDocument(issued.documentId, `quyet-dinh-${slug(p.decision?.decisionNumber ?? '')}.pdf`);
          }}
          success="Đã tải quyết định khen thưởng"
        >
          Tải quyết định (PDF)
        </ActionButton>
      ) : null}
      {(p.certificates ?? []).map((c) => (
        <ActionButton
          key={c.documentId}
          data-testid="certificate-download"
          run={() => downloadDocument(c.documentId, `giay-chung-nhan-${slug(c.recipientName)}.pdf`)}
        >
          {`Giấy chứng nhận: ${c.recipientName}`}
        </ActionButton>
      ))}
      {(p.certificates ?? []).length ? (
        <a href={`/xac-minh/${p.certificates![0].documentId}`} target="_blank" rel="noreferrer">
          Trang xác minh công khai
        </a>
      ) : null}
    </Space>
  );
}

function ProposalList({ status }: { status?: string }) {
  const proposals = useQuery({
    queryKey: ['proposals', status],
    queryFn: () => getJson<Proposal[]>('recognition', `/proposals${status ? `?status=${status}` : ''}`),
  });
  const awards = useQuery({ queryKey: ['awards'], queryFn: () => getJson<Award[]>('recognition', '/awards'), staleTime: 60_000 });
  return (
    <QueryState query={proposals} empty="Không có đề nghị khen thưởng nào">
      {(list) => (
        <List
          dataSource={list}
          renderItem={(p) => (
            <List.Item>
              <ProposalCard p={p} awards={awards.data ?? []} />
            </List.Item>
          )}
        />
      )}
    </QueryState>
  );
}

export default function RecognitionArea() {
  const role = getSession()?.user.role;
  const [tab, setTab] = useState(role === 'authority' ? 'verified' : 'received');
  return (
    <>
      <PageTitle>Đề nghị khen thưởng</PageTitle>
      <Typography.Paragraph>
        {role === 'authority'
          ? 'Các đề nghị đã được Ban Thi đua - Khen thưởng thẩm định thành tích chờ quyết định khen thưởng.'
          : 'Thẩm định thành tích các đề nghị khen thưởng do Hội đồng gửi lên.'}
      </Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={[
          { key: 'received', label: 'Chờ thẩm định', children: <ProposalList status="received" /> },
          { key: 'verified', label: 'Chờ quyết định', children: <ProposalList status="verified" /> },
          { key: 'decided', label: 'Đã quyết định', children: <ProposalList status="decided" /> },
          { key: 'sent-back', label: 'Đã trả lại', children: <ProposalList status="sent-back" /> },
          { key: 'all', label: 'Tất cả', children: <ProposalList /> },
        ]}
      />
    </>
  );
}
