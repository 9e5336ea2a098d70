import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Input, Select, Space, Table, Tag, Typography } from 'antd';
import { PageTitle } from '../../layout/Shell';
import { LEVEL_LABELS, RECIPIENT_KIND_LABELS_VI, label } from '../../lib/labels';
import { formatDate } from '../../lib/format';
import { QueryState } from '../../lib/ui';
import { tone } from '../../lib/tone';
import { getJson } from '../shared/queries';

interface AwardHistoryEntry {
  proposalId: string;
  awardName: string;
  level: string;
  year: number;
  campaignId?: string;
  title: string;
  decisionNumber: string;
  decisionDate: string;
  recipients: Array<{ name: string; kind: string }>;
  nominatingUnitName?: string;
  status: 'decided' | 'issued' | 'revoked';
  revocation?: { decisionNumber: string; decisionDate: string; reason: string };
}

const STATUS = { decided: ['Đã quyết định', 'processing'], issued: ['Đã trao tặng', 'success'], revoked: ['Đã thu hồi', 'error'] } as const;

/** Lịch sử khen thưởng: every award of a person or a unit, across years, levels and movements (eligibility checks). */
export default function AwardHistoryPage() {
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<string>();
  const [level, setLevel] = useState<string>();
  const params = new URLSearchParams({ ...(q.trim() ? { q: q.trim() } : {}), ...(kind ? { kind } : {}), ...(level ? { level } : {}) });
  const query = useQuery({
    queryKey: ['award-history', q, kind, level],
    queryFn: () => getJson<AwardHistoryEntry[]>('recognition', `/award-history?${params.toString()}`),
    placeholderData: (previous) => previous,
  });
  return (
    <>
      <PageTitle>Lịch sử khen thưởng</PageTitle>
      <Typography.Paragraph>
        Tra cứu mọi khen thưởng của một cá nhân, tập thể hoặc đơn vị qua các năm, các cấp và các phong trào (khen thưởng của địa bàn mình và
        cấp dưới), để xét điều kiện khen thưởng.
      </Typography.Paragraph>
      <Space style={{ marginBottom: 16 }} wrap>
        <Input.Search
          allowClear
          aria-label="Tìm theo tên"
          placeholder="Tên cá nhân, tập thể, đơn vị (không cần dấu)"
          style={{ width: 380 }}
          onSearch={setQ}
        />
        <Select
          allowClear
          aria-label="Đối tượng"
          placeholder="Đối tượng"
          style={{ width: 160 }}
          value={kind}
          onChange={setKind}
          options={Object.entries(RECIPIENT_KIND_LABELS_VI).map(([value, l]) => ({ value, label: l }))}
        />
        <Select
          allowClear
          aria-label="Cấp"
          placeholder="Cấp khen thưởng"
          style={{ width: 180 }}
          value={level}
          onChange={setLevel}
          options={Object.entries(LEVEL_LABELS).map(([value, l]) => ({ value, label: l }))}
        />
      </Space>
      <QueryState query={query} empty="Không có khen thưởng nào khớp">
        {(rows) => (
          <Table
            rowKey="proposalId"
            dataSource={rows}
            pagination={{ pageSize: 20 }}
            columns={[
              { title: 'Năm', dataIndex: 'year', width: 70 },
              {
                title: 'Đối tượng',
                render: (_: unknown, r: AwardHistoryEntry) =>
                  r.recipients.map((x) => `${label(RECIPIENT_KIND_LABELS_VI, x.kind)} ${x.name}`).join('; '),
              },
              { title: 'Hình thức khen thưởng', dataIndex: 'awardName' },
              { title: 'Cấp', render: (_: unknown, r: AwardHistoryEntry) => label(LEVEL_LABELS, r.level) },
              { title: 'Công trình, thành tích', dataIndex: 'title' },
              { title: 'Đơn vị', render: (_: unknown, r: AwardHistoryEntry) => r.nominatingUnitName ?? '—' },
              {
                title: 'Quyết định',
                render: (_: unknown, r: AwardHistoryEntry) => `Số ${r.decisionNumber}, ${formatDate(r.decisionDate)}`,
              },
              {
                title: 'Tình trạng',
                render: (_: unknown, r: AwardHistoryEntry) => (
                  <Tag
                    color={tone(STATUS[r.status][1])}
                    title={r.revocation ? `Thu hồi theo QĐ ${r.revocation.decisionNumber}: ${r.revocation.reason}` : undefined}
                  >
                    {STATUS[r.status][0]}
                  </Tag>
                ),
              },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}
