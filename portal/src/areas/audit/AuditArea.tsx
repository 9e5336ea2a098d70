import { HTMLAttributes, useState } from 'react';
import { Link, Route, Routes, useParams } from 'react-router-dom';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Descriptions, Input, Space, Table, Tabs, Tag, Typography } from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { PageTitle } from '../../layout/Shell';
import { DATE_TIME_FORMAT, formatDate, formatDateTime } from '../../lib/format';
import { DOSSIER_STATUS_LABELS, EVENT_LABELS, LEVEL_LABELS, PROPOSAL_STATUS_LABELS, ROLE_LABELS, label } from '../../lib/labels';
import { ErrorAlert, NotFound, QueryState } from '../../lib/ui';
import { tone } from '../../lib/tone';
import { api, data, raw } from '../../api/client';
import type { components } from '../../api/generated/reporting';
import { enc } from '../shared/councils';
import { getJson, useDossier, useUnitName } from '../shared/queries';

type HistoryRow = components['schemas']['HistoryRowResponse'];
type SearchResult = components['schemas']['AuditSearchResultResponse'];

const CONTEXT_LABELS: Record<string, string> = {
  submissions: 'Tiếp nhận hồ sơ',
  councils: 'Hội đồng thẩm định',
  recognition: 'Khen thưởng',
  reporting: 'Báo cáo',
};

const KIND_TONES: Record<string, string> = { dossier: 'processing', proposal: 'warning', award: 'success' };

/** Where a result's timeline is: a dossier's own, or the proposal's (an award is decided on a proposal). */
const historyPath = (r: SearchResult) =>
  r.kind === 'dossier' ? `/kiem-tra/ho-so/${enc(r.subjectId)}` : `/kiem-tra/de-nghi/${enc(r.subjectId)}`;

/** Hồ sơ, đề nghị, quyết định khen thưởng in one search over the archive, found without diacritics. */
function useAuditSearch(q: string) {
  return useQuery({
    queryKey: ['audit', 'search', q],
    placeholderData: (previous) => previous,
    queryFn: () => data<SearchResult[]>(api.reporting.GET('/audit/search', { params: { query: { ...(q ? { q } : {}), limit: 100 } } })),
  });
}

function Search() {
  const [q, setQ] = useState('');
  const results = useAuditSearch(q);
  return (
    <>
      <PageTitle>Kiểm tra, giám sát</PageTitle>
      <Input.Search
        allowClear
        enterButton="Tìm"
        aria-label="Tìm hồ sơ, đề nghị, khen thưởng"
        placeholder="Tên, tác giả, người được khen, số quyết định (không cần dấu)"
        style={{ maxWidth: 560, marginBottom: 16 }}
        onSearch={(v) => setQ(v.trim())}
      />
      <QueryState query={results} empty="Không tìm thấy hồ sơ, đề nghị hay quyết định khen thưởng nào">
        {(list) => (
          <Table<SearchResult>
            rowKey={(r) => `${r.kind}:${r.subjectId}`}
            size="middle"
            dataSource={list}
            pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
            columns={[
              {
                title: 'Loại',
                dataIndex: 'kindLabel',
                render: (k: string, r) => <Tag color={tone(KIND_TONES[r.kind])}>{k}</Tag>,
              },
              {
                title: 'Tên',
                dataIndex: 'title',
                // A dossier opens by its title; a proposal or an award by its code (they carry the dossier's title).
                render: (t: string, r) => (r.kind === 'dossier' ? <Link to={historyPath(r)}>{t}</Link> : t),
              },
              {
                title: 'Mã',
                dataIndex: 'subjectId',
                render: (id: string, r) =>
                  r.kind === 'dossier' ? id : <Link to={historyPath(r)}>{`${r.kind === 'award' ? 'Quyết định' : 'Đề nghị'} ${id}`}</Link>,
              },
              {
                title: 'Tác giả, người được khen',
                key: 'people',
                // The current ones; those an amendment or a resubmission removed are still found, shown as former.
                render: (_: unknown, r) => (
                  <>
                    {r.people.join(', ') || '—'}
                    {r.formerPeople?.length ? (
                      <>
                        <br />
                        <Typography.Text type="secondary">Trước đây: {r.formerPeople.join(', ')}</Typography.Text>
                      </>
                    ) : null}
                  </>
                ),
              },
              {
                title: 'Chi tiết',
                key: 'detail',
                render: (_: unknown, r) => (
                  <>
                    {r.detail ?? '—'}
                    {r.revoked ? (
                      <>
                        {' '}
                        <Tag color={tone('error')}>Đã thu hồi</Tag>
                      </>
                    ) : null}
                  </>
                ),
              },
              { title: 'Năm', dataIndex: 'year', render: (y?: number) => y ?? '—' },
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

const eventLabel = (type: string, what: string) => (label(EVENT_LABELS, type) !== type ? label(EVENT_LABELS, type) : what);

/** Lịch sử quyết định in causal order, one row per decision: who, as what, for which unit, when, why and what caused it. */
function HistoryTable({ rows }: { rows: HistoryRow[] }) {
  const unitName = useUnitName();
  const number = new Map(rows.map((r, i) => [r.eventId, i + 1]));
  return (
    <Table<HistoryRow>
      rowKey="eventId"
      size="small"
      dataSource={rows}
      pagination={false}
      scroll={{ x: 1100 }}
      onRow={(r) => ({ id: `su-kien-${r.eventId}`, 'data-testid': 'audit-entry', 'data-type': r.type }) as HTMLAttributes<HTMLElement>}
      columns={[
        { title: 'STT', key: 'n', width: 56, render: (_: unknown, r) => number.get(r.eventId) },
        { title: 'Thời điểm', dataIndex: 'when', width: 140, render: (w: string) => formatDateTime(w) },
        {
          title: 'Quyết định',
          key: 'what',
          render: (_: unknown, r) => (
            <>
              <strong>{eventLabel(r.type, r.what)}</strong> <Tag>{label(CONTEXT_LABELS, r.context)}</Tag>
              {eventLabel(r.type, r.what) !== r.what ? (
                <>
                  <br />
                  <Typography.Text type="secondary">{r.what}</Typography.Text>
                </>
              ) : null}
            </>
          ),
        },
        { title: 'Người thực hiện', dataIndex: 'who' },
        { title: 'Vai trò', dataIndex: 'role', render: (role: string) => label(ROLE_LABELS, role) },
        {
          title: 'Đơn vị',
          key: 'unit',
          render: (_: unknown, r) => (
            <>
              {/* The system acts for no unit; a person's unit at its own level (not the level a decision went to). */}
              {r.unit ? `${unitName(r.unit)} · ${label(LEVEL_LABELS, r.level)}` : label(ROLE_LABELS, r.role)}
              {r.mandateDecision ? (
                <>
                  <br />
                  <Typography.Text type="secondary">
                    Thay mặt theo {r.mandateDecision}
                    {r.ownUnit ? ` (đơn vị: ${unitName(r.ownUnit)})` : ''}
                  </Typography.Text>
                </>
              ) : null}
            </>
          ),
        },
        { title: 'Lý do', dataIndex: 'why', render: (why?: string) => (why ? <em>{why}</em> : '—') },
        {
          title: 'Nguyên nhân (do sự kiện)',
          key: 'cause',
          render: (_: unknown, r) => {
            if (!r.causationId) return '—';
            const n = number.get(r.causationId);
            const cause = r.causedBy;
            const what = cause
              ? `${eventLabel(cause.type, cause.what)} (${label(CONTEXT_LABELS, cause.context)})`
              : `sự kiện ${r.causationId}`;
            return n ? (
              <a href={`#su-kien-${r.causationId}`} data-testid="audit-cause">
                Dòng {n}: {what}
              </a>
            ) : (
              <span data-testid="audit-cause">
                {what}
                {cause ? `, ${formatDateTime(cause.when)}` : ''}
              </span>
            );
          },
        },
      ]}
    />
  );
}

function HistoryTab({ path }: { path: string }) {
  const history = useQuery({
    queryKey: ['audit', 'history', path],
    queryFn: () => getJson<{ history: HistoryRow[] }>('reporting', path),
  });
  return (
    <QueryState query={history} isEmpty={(h) => !h.history.length} empty="Chưa có lịch sử quyết định">
      {(h) => <HistoryTable rows={h.history} />}
    </QueryState>
  );
}

/** What an auditor replays: a dossier, or an honour proposal (and the award decided on it, same id). */
type Subject = { kind: 'dossier'; id: string } | { kind: 'proposal'; id: string };

const subjectPath = (s: Subject) => `/audit/${s.kind === 'dossier' ? 'dossiers' : 'proposals'}/${enc(s.id)}`;
const SUBJECT_WORDS: Record<Subject['kind'], string> = { dossier: 'hồ sơ', proposal: 'đề nghị khen thưởng' };

type DossierStateAsOf = components['schemas']['DossierStateAsOfResponse'];
type ProposalStateAsOf = components['schemas']['ProposalStateAsOfResponse'];

function DossierState({ s }: { s: DossierStateAsOf }) {
  // A dossier not drafted yet at that moment replays as 'none' (the generated type lists only real statuses).
  const status: string | undefined = s.dossier?.status ?? undefined;
  return (
    <Descriptions bordered size="small" column={1}>
      <Descriptions.Item label="Thời điểm">{formatDateTime(s.asOf)}</Descriptions.Item>
      <Descriptions.Item label="Hồ sơ">{label(DOSSIER_STATUS_LABELS, status === 'none' ? undefined : status)}</Descriptions.Item>
      <Descriptions.Item label="Thẩm định">{s.evaluationCases.map((c) => c.status).join(', ') || '—'}</Descriptions.Item>
      <Descriptions.Item label="Đề nghị khen thưởng">
        {s.proposals.map((p) => label(PROPOSAL_STATUS_LABELS, p.status)).join(', ') || '—'}
      </Descriptions.Item>
      <Descriptions.Item label="Đã được khen thưởng">{s.awarded ? 'Có' : 'Chưa'}</Descriptions.Item>
    </Descriptions>
  );
}

function ProposalState({ s }: { s: ProposalStateAsOf }) {
  const p = s.proposal;
  const proposedAward = p?.proposal.proposedAward;
  return (
    <Descriptions bordered size="small" column={1}>
      <Descriptions.Item label="Thời điểm">{formatDateTime(s.asOf)}</Descriptions.Item>
      <Descriptions.Item label="Đề nghị khen thưởng">{p ? label(PROPOSAL_STATUS_LABELS, p.status) : 'Chưa lập'}</Descriptions.Item>
      <Descriptions.Item label="Hình thức đề nghị">{typeof proposedAward === 'string' ? proposedAward : '—'}</Descriptions.Item>
      <Descriptions.Item label="Quyết định khen thưởng">
        {p?.decision ? `Số ${p.decision.decisionNumber} ngày ${formatDate(p.decision.decisionDate)}: ${p.decision.awardName}` : '—'}
      </Descriptions.Item>
      <Descriptions.Item label="Trao tặng">{p?.issued ? formatDate(p.issued.ceremonyDate) : '—'}</Descriptions.Item>
      <Descriptions.Item label="Đã được khen thưởng">{s.awarded ? 'Có' : 'Chưa'}</Descriptions.Item>
    </Descriptions>
  );
}

/** Trạng thái tại thời điểm: the subject replayed from the archive up to the chosen moment. */
function StateTab({ subject }: { subject: Subject }) {
  const [at, setAt] = useState<Dayjs>(dayjs());
  const state = useQuery({
    queryKey: ['audit', 'state', subject.kind, subject.id, at.toISOString()],
    queryFn: () =>
      getJson<DossierStateAsOf | ProposalStateAsOf>('reporting', `${subjectPath(subject)}/state?asOf=${enc(at.toISOString())}`),
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
        {(s) => (subject.kind === 'dossier' ? <DossierState s={s as DossierStateAsOf} /> : <ProposalState s={s as ProposalStateAsOf} />)}
      </QueryState>
    </>
  );
}

/** Xuất dữ liệu: the subject's history with the hash of each event, re-verifiable offline. */
function ExportTab({ subject }: { subject: Subject }) {
  const download = useMutation({
    mutationFn: async () => {
      const res = await raw('reporting', `/audit/export?${subject.kind === 'dossier' ? 'dossierId' : 'proposalId'}=${enc(subject.id)}`);
      const blob = new Blob([await res.text()], { type: 'application/json' });
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `lich-su-${subject.id}.json`;
      a.click();
      URL.revokeObjectURL(a.href);
    },
  });
  return (
    <>
      <Typography.Paragraph>
        Xuất toàn bộ lịch sử quyết định của {SUBJECT_WORDS[subject.kind]} kèm giá trị băm của từng sự kiện để kiểm tra độc lập (`npm run
        audit -- verify-export`).
      </Typography.Paragraph>
      <ErrorAlert error={download.error} />
      <Button type="primary" loading={download.isPending} onClick={() => download.mutate()}>
        Xuất dữ liệu (JSON, có giá trị băm)
      </Button>
    </>
  );
}

/** The same three tabs for a dossier and for a proposal: its history, its state as of a moment, its export. */
function SubjectTabs({ subject }: { subject: Subject }) {
  return (
    <Tabs
      items={[
        { key: 'history', label: 'Lịch sử quyết định', children: <HistoryTab path={`${subjectPath(subject)}/history`} /> },
        { key: 'state', label: 'Trạng thái tại thời điểm', children: <StateTab subject={subject} /> },
        { key: 'export', label: 'Xuất dữ liệu', children: <ExportTab subject={subject} /> },
      ]}
    />
  );
}

function Dossier() {
  const { id = '' } = useParams();
  // The dossier by its title (its id while the title loads).
  const title = useDossier(id).data?.dossier.title ?? id;
  return (
    <>
      <PageTitle extra={<Link to="/kiem-tra">Quay lại tìm kiếm</Link>}>{`Lịch sử quyết định — ${title}`}</PageTitle>
      <SubjectTabs subject={{ kind: 'dossier', id }} />
    </>
  );
}

/** A proposal's timeline, and the award decided on it (same id): from the council's proposal to the decision. */
function Proposal() {
  const { id = '' } = useParams();
  return (
    <>
      <PageTitle extra={<Link to="/kiem-tra">Quay lại tìm kiếm</Link>}>{`Lịch sử đề nghị khen thưởng — ${id}`}</PageTitle>
      <SubjectTabs subject={{ kind: 'proposal', id }} />
    </>
  );
}

export default function AuditArea() {
  return (
    <Routes>
      <Route index element={<Search />} />
      <Route path="ho-so/:id" element={<Dossier />} />
      <Route path="de-nghi/:id" element={<Proposal />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
