import { useState } from 'react';
import { Link, Route, Routes, useParams } from 'react-router-dom';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Descriptions, Input, Space, Table, Tabs, Tag, Timeline, Typography } from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { PageTitle } from '../../layout/Shell';
import { DATE_TIME_FORMAT, formatDateTime } from '../../lib/format';
import { DOSSIER_STATUS_LABELS, EVENT_LABELS, LEVEL_LABELS, PROPOSAL_STATUS_LABELS, ROLE_LABELS, label } from '../../lib/labels';
import { DossierStatusTag, ErrorAlert, NotFound, QueryState } from '../../lib/ui';
import { raw } from '../../api/client';
import { enc } from '../shared/councils';
import { getJson, useDossier, useDossiers, useUnitName } from '../shared/queries';

interface HistoryRow {
  eventId: string;
  when: string;
  who: string;
  actorId: string;
  role: string;
  unit: string;
  level: string;
  context: string;
  type: string;
  what: string;
  why?: string;
  causationId?: string;
}

const CONTEXT_LABELS: Record<string, string> = {
  submissions: 'Tiếp nhận hồ sơ',
  councils: 'Hội đồng thẩm định',
  recognition: 'Khen thưởng',
  reporting: 'Báo cáo',
};

function Search() {
  const [q, setQ] = useState('');
  const dossiers = useDossiers({ q: q || undefined, limit: 50 });
  const unitName = useUnitName();
  return (
    <>
      <PageTitle>Kiểm tra, giám sát</PageTitle>
      <Input.Search
        allowClear
        enterButton="Tìm"
        aria-label="Tìm hồ sơ, đề nghị, khen thưởng"
        placeholder="Tên hồ sơ, tác giả (không cần dấu)"
        style={{ maxWidth: 520, marginBottom: 16 }}
        onSearch={(v) => setQ(v.trim())}
      />
      <QueryState query={dossiers} empty="Không tìm thấy hồ sơ nào">
        {(list) => (
          <Table
            rowKey="dossierId"
            size="middle"
            dataSource={list}
            pagination={{ pageSize: 20, showSizeChanger: false }}
            columns={[
              { title: 'Hồ sơ', dataIndex: 'title', render: (t: string, d) => <Link to={`/kiem-tra/ho-so/${enc(d.dossierId)}`}>{t}</Link> },
              { title: 'Tác giả', dataIndex: 'authors', render: (a: string[]) => a.join(', ') },
              { title: 'Đơn vị đề cử', dataIndex: 'nominatingUnitId', render: (u: string) => unitName(u) },
              { title: 'Trạng thái', dataIndex: 'status', render: (s: string) => <DossierStatusTag status={s} /> },
            ]}
          />
        )}
      </QueryState>
      <ChainStatus />
    </>
  );
}

function ChainStatus() {
  const verify = useQuery({
    queryKey: ['audit', 'verify'],
    queryFn: () => getJson<{ ok: boolean; eventsChecked?: number; firstBreak?: unknown }>('reporting', '/audit/verify'),
  });
  return (
    <Card size="small" title="Kiểm tra tính toàn vẹn (chuỗi băm)" style={{ marginTop: 16 }}>
      <QueryState query={verify} isEmpty={(v) => !v}>
        {(v) =>
          v.ok ? (
            <Alert type="success" showIcon message={`Chuỗi băm toàn vẹn: đã kiểm tra ${v.eventsChecked ?? 0} sự kiện.`} />
          ) : (
            <Alert type="error" showIcon message="Chuỗi băm bị phá vỡ" description={JSON.stringify(v.firstBreak)} />
          )
        }
      </QueryState>
    </Card>
  );
}

function HistoryTab({ id }: { id: string }) {
  const history = useQuery({
    queryKey: ['audit', 'history', id],
    queryFn: () => getJson<{ history: HistoryRow[] }>('reporting', `/audit/dossiers/${enc(id)}/history`),
  });
  return (
    <QueryState query={history} isEmpty={(h) => !h.history.length} empty="Chưa có lịch sử quyết định cho hồ sơ này">
      {(h) => (
        <Timeline
          items={h.history.map((r) => ({
            key: r.eventId,
            children: (
              <div data-testid="audit-entry" data-type={r.type}>
                <strong>{label(EVENT_LABELS, r.type) !== r.type ? label(EVENT_LABELS, r.type) : r.what}</strong>{' '}
                <Tag>{label(CONTEXT_LABELS, r.context)}</Tag>
                <br />
                {formatDateTime(r.when)} · {r.who} · {label(ROLE_LABELS, r.role)} · {r.unit} · {label(LEVEL_LABELS, r.level)}
                {r.what && label(EVENT_LABELS, r.type) !== r.type ? (
                  <>
                    <br />
                    <Typography.Text type="secondary">{r.what}</Typography.Text>
                  </>
                ) : null}
                {r.why ? (
                  <>
                    <br />
                    <em>Lý do: {r.why}</em>
                  </>
                ) : null}
                {r.causationId ? (
                  <>
                    <br />
                    <Typography.Text type="secondary">Do sự kiện {r.causationId}</Typography.Text>
                  </>
                ) : null}
              </div>
            ),
          }))}
        />
      )}
    </QueryState>
  );
}

interface StateAsOf {
  asOf: string;
  dossier: { status: string; level?: string };
  evaluationCases: Array<{ status: string; caseId?: string; grade?: string }>;
  proposals: Array<{ status: string }>;
  awarded: boolean;
}

function StateTab({ id }: { id: string }) {
  const [at, setAt] = useState<Dayjs>(dayjs());
  const state = useQuery({
    queryKey: ['audit', 'state', id, at.toISOString()],
    queryFn: () => getJson<StateAsOf>('reporting', `/audit/dossiers/${enc(id)}/state?asOf=${enc(at.toISOString())}`),
  });
  return (
    <>
      <Space style={{ marginBottom: 16 }}>
        <span>Trạng thái tại thời điểm</span>
        <DatePicker
          showTime
          format={DATE_TIME_FORMAT}
          value={at}
          onChange={(d) => d && setAt(d)}
          allowClear={false}
          aria-label="Thời điểm"
        />
      </Space>
      <QueryState query={state} isEmpty={(s) => !s}>
        {(s) => (
          <Descriptions bordered size="small" column={1}>
            <Descriptions.Item label="Thời điểm">{formatDateTime(s.asOf)}</Descriptions.Item>
            <Descriptions.Item label="Hồ sơ">
              {label(DOSSIER_STATUS_LABELS, s.dossier?.status === 'none' ? undefined : s.dossier?.status)}
            </Descriptions.Item>
            <Descriptions.Item label="Thẩm định">{s.evaluationCases.map((c) => c.status).join(', ') || '—'}</Descriptions.Item>
            <Descriptions.Item label="Đề nghị khen thưởng">
              {s.proposals.map((p) => label(PROPOSAL_STATUS_LABELS, p.status)).join(', ') || '—'}
            </Descriptions.Item>
            <Descriptions.Item label="Đã được khen thưởng">{s.awarded ? 'Có' : 'Chưa'}</Descriptions.Item>
          </Descriptions>
        )}
      </QueryState>
    </>
  );
}

function ExportTab({ id }: { id: string }) {
  const download = useMutation({
    mutationFn: async () => {
      const res = await raw('reporting', `/audit/export?dossierId=${enc(id)}`);
      const blob = new Blob([await res.text()], { type: 'application/json' });
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `lich-su-${id}.json`;
      a.click();
      URL.revokeObjectURL(a.href);
    },
  });
  return (
    <>
      <Typography.Paragraph>
        Xuất toàn bộ lịch sử quyết định của hồ sơ kèm giá trị băm của từng sự kiện để kiểm tra độc lập (`npm run audit -- verify-export`).
      </Typography.Paragraph>
      <ErrorAlert error={download.error} />
      <Button type="primary" loading={download.isPending} onClick={() => download.mutate()}>
        Xuất dữ liệu (JSON, có giá trị băm)
      </Button>
    </>
  );
}

function Dossier() {
  const { id = '' } = useParams();
  // The dossier by its title (its id while the title loads).
  const title = useDossier(id).data?.dossier.title ?? id;
  return (
    <>
      <PageTitle extra={<Link to="/kiem-tra">Quay lại tìm kiếm</Link>}>{`Lịch sử quyết định — ${title}`}</PageTitle>
      <Tabs
        items={[
          { key: 'history', label: 'Lịch sử quyết định', children: <HistoryTab id={id} /> },
          { key: 'state', label: 'Trạng thái tại thời điểm', children: <StateTab id={id} /> },
          { key: 'export', label: 'Xuất dữ liệu', children: <ExportTab id={id} /> },
        ]}
      />
    </>
  );
}

export default function AuditArea() {
  return (
    <Routes>
      <Route index element={<Search />} />
      <Route path="ho-so/:id" element={<Dossier />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
