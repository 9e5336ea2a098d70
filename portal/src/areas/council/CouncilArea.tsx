import { tone } from '../../lib/tone';
import { useMemo, useState } from 'react';
import { Link, Route, Routes, useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { PageTitle } from '../../layout/Shell';
import { getSession } from '../../auth/session';
import { ApiError } from '../../api/errors';
import { DATE_FORMAT, formatDate, formatDateTime, formatNumber } from '../../lib/format';
import { GRADE_LABELS, label } from '../../lib/labels';
import { ErrorAlert, NotFound, QueryState } from '../../lib/ui';
import { ActionButton } from '../shared/ActionButton';
import {
  caseStatusLabel,
  CouncilCase,
  CouncilConflict,
  CriteriaSet,
  Criterion,
  enc,
  useComposition,
  useCouncilCases,
  useCouncilConflicts,
  useCriteriaSets,
  useScores,
} from '../shared/councils';
import { getJson, post, useCampaignName, useFieldName, useUnitName } from '../shared/queries';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Appeal, AppealsIntro, AppealsTable, useAppeals } from '../shared/appeals';

const role = () => getSession()?.user.role ?? '';

function CaseStatus({ c }: { c: CouncilCase }) {
  return (
    <Space size={4} wrap>
      <Tag color={tone(c.status === 'finalised' ? 'success' : 'processing')}>{c.statusLabel ?? label(caseStatusLabel, c.status)}</Tag>
      {c.grade ? <Tag color={tone('warning')}>{c.gradeLabel ?? label(GRADE_LABELS, c.grade)}</Tag> : null}
      {c.recommendedUpward ? <Tag color={tone('processing')}>Đã đề xuất lên cấp trên</Tag> : null}
      {c.honourProposed ? <Tag color={tone('error')}>Đã đề nghị khen thưởng</Tag> : null}
      {c.reopened ? <Tag color={tone('warning')}>Thẩm định lại sau kiến nghị</Tag> : null}
    </Space>
  );
}

function CasesTab() {
  const cases = useCouncilCases();
  const unitName = useUnitName();
  const fieldName = useFieldName();
  return (
    <QueryState query={cases} empty="Hội đồng chưa có hồ sơ thẩm định nào">
      {(list) => (
        <Table<CouncilCase>
          rowKey="caseId"
          dataSource={list}
          size="middle"
          pagination={{ pageSize: 20, showSizeChanger: false }}
          columns={[
            { title: 'Hồ sơ', dataIndex: 'title', render: (t: string, c) => <Link to={`/hoi-dong/ho-so/${enc(c.caseId)}`}>{t}</Link> },
            { title: 'Tác giả', dataIndex: 'authors', render: (a: CouncilCase['authors']) => a.map((x) => x.name).join(', ') },
            { title: 'Đơn vị đề cử', dataIndex: 'nominatingUnitId', render: (u: string) => unitName(u) },
            { title: 'Lĩnh vực', dataIndex: 'fieldCode', render: (f: string) => fieldName(f) },
            { title: 'Ngày tiếp nhận', dataIndex: 'receivedAt', render: (d: string) => formatDate(d) },
            { title: 'Điểm', dataIndex: 'aggregateScore', render: (s?: number) => formatNumber(s) },
            { title: 'Trạng thái', key: 'status', render: (_: unknown, c) => <CaseStatus c={c} /> },
          ]}
        />
      )}
    </QueryState>
  );
}

/** The chair of the council an appeal was given to decides it: outcome, reasons, and whether scoring reopens. */
function DecideAppeal({ a }: { a: Appeal }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ outcome: 'upheld' | 'rejected'; reasons: string; reopenScoring: boolean }>();
  const client = useQueryClient();
  const decide = useMutation({
    mutationFn: (v: { outcome: 'upheld' | 'rejected'; reasons: string; reopenScoring?: boolean }) =>
      post('councils', `/cases/${enc(a.caseId)}/appeals/${enc(a.appealId)}/decide`, { ...v, reopenScoring: Boolean(v.reopenScoring) }),
    onSuccess: async () => {
      setOpen(false);
      await client.invalidateQueries({ queryKey: ['appeals'] });
      await client.invalidateQueries({ queryKey: ['council-cases'] });
    },
  });
  const outcome = Form.useWatch('outcome', form);
  return (
    <>
      <Button type="primary" size="small" onClick={() => setOpen(true)}>
        Giải quyết kiến nghị
      </Button>
      <Modal
        open={open}
        title="Giải quyết kiến nghị"
        okText="Xác nhận"
        cancelText="Hủy"
        confirmLoading={decide.isPending}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <ErrorAlert error={decide.error} />
        <Form form={form} layout="vertical" onFinish={(v) => decide.mutate(v)} preserve={false} initialValues={{ outcome: 'rejected' }}>
          <Form.Item name="outcome" label="Kết luận" rules={[{ required: true }]}>
            <Select
              options={[
                { value: 'upheld', label: 'Chấp nhận kiến nghị' },
                { value: 'rejected', label: 'Không chấp nhận kiến nghị' },
              ]}
            />
          </Form.Item>
          <Form.Item name="reasons" label="Lý do" rules={[{ required: true, whitespace: true, message: 'Vui lòng nêu lý do' }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="reopenScoring" valuePropName="checked">
            <Checkbox disabled={outcome !== 'upheld'}>
              Mở lại việc chấm điểm để thẩm định lại (giữ kết quả và điểm cũ trong lịch sử)
            </Checkbox>
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function AppealsTab() {
  const appeals = useAppeals();
  return (
    <>
      <AppealsIntro>
        Kiến nghị, khiếu nại của tác giả hoặc đơn vị đề cử về kết quả thẩm định: Thư ký Hội đồng đã thẩm định giao cho Hội đồng giải quyết
        theo quy định của phong trào; Chủ tịch Hội đồng được giao giải quyết, nêu lý do.
      </AppealsIntro>
      <AppealsTable
        query={appeals}
        actions={(a) => (
          <Space wrap>
            {a.status === 'filed' && role() === 'council-secretary' ? (
              <ActionButton
                size="small"
                title="Giao Hội đồng giải quyết kiến nghị"
                fields={[
                  { name: 'councilId', label: 'Mã Hội đồng giải quyết', initial: a.handledBy === 'same-council' ? a.councilId : '' },
                ]}
                run={(v) => post('councils', `/cases/${enc(a.caseId)}/appeals/${enc(a.appealId)}/assign`, { councilId: v.councilId })}
                invalidate={[['appeals']]}
                success="Đã giao giải quyết kiến nghị"
              >
                Giao giải quyết
              </ActionButton>
            ) : null}
            {a.status === 'assigned' && role() === 'council-chair' ? <DecideAppeal a={a} /> : null}
          </Space>
        )}
      />
    </>
  );
}

function useCouncilIds(): string[] {
  const cases = useCouncilCases();
  const me = getSession()?.user.sub ?? '';
  const queue = useQuery({
    queryKey: ['queue', me],
    queryFn: () => getJson<Array<{ councilId: string }>>('councils', `/members/${enc(me)}/queue`),
    retry: false,
  });
  return useMemo(
    () => [
      ...new Set(
        [...(cases.data ?? []).map((c) => c.councilId), ...(queue.data ?? []).map((q) => q.councilId)].filter((x): x is string =>
          Boolean(x),
        ),
      ),
    ],
    [cases.data, queue.data],
  );
}

function CouncilPicker({ value, onChange }: { value?: string; onChange: (v: string) => void }) {
  const ids = useCouncilIds();
  return ids.length ? (
    <Select
      aria-label="Hội đồng"
      style={{ width: 260 }}
      value={value ?? ids[0]}
      onChange={onChange}
      options={ids.map((id) => ({ value: id, label: id }))}
    />
  ) : (
    <Input.Search aria-label="Mã Hội đồng" placeholder="Mã Hội đồng" style={{ width: 260 }} onSearch={onChange} enterButton="Xem" />
  );
}

function CompositionTab() {
  const ids = useCouncilIds();
  const [picked, setPicked] = useState<string>();
  const councilId = picked ?? ids[0];
  const [on, setOn] = useState(dayjs());
  const composition = useComposition(councilId, on.format('YYYY-MM-DD'));
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <CouncilPicker value={councilId} onChange={setPicked} />
        <span>Thành phần tại ngày</span>
        <DatePicker aria-label="Thành phần tại ngày" format={DATE_FORMAT} value={on} onChange={(d) => d && setOn(d)} allowClear={false} />
      </Space>
      {!councilId ? (
        <Alert type="info" showIcon message="Chưa xác định được Hội đồng: nhập mã Hội đồng để xem thành phần." />
      ) : (
        <QueryState query={composition} isEmpty={(c) => !c}>
          {(c) => (
            <>
              <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
                <Descriptions.Item label="Hội đồng" span={2}>
                  {c.name}
                </Descriptions.Item>
                <Descriptions.Item label="Quyết định thành lập">
                  Số {c.decision.number} ngày {formatDate(c.decision.date)}
                </Descriptions.Item>
                <Descriptions.Item label="Người ký">{c.decision.signedBy}</Descriptions.Item>
                <Descriptions.Item label="Lĩnh vực">{c.fieldCodes.length ? c.fieldCodes.join(', ') : 'Mọi lĩnh vực'}</Descriptions.Item>
                <Descriptions.Item label="Số thành viên tối thiểu (túc số)">{c.regulations.quorum}</Descriptions.Item>
              </Descriptions>
              <Typography.Title level={2} style={{ fontSize: 16 }}>
                Thành phần tại ngày {formatDate(c.on)}
              </Typography.Title>
              <Table
                rowKey="memberId"
                size="small"
                pagination={false}
                dataSource={c.members}
                columns={[
                  { title: 'Họ và tên', dataIndex: 'personName' },
                  { title: 'Chức danh trong Hội đồng', dataIndex: 'role', render: (r: string) => label(MEMBER_ROLE, r) },
                  { title: 'Cơ quan', dataIndex: 'agencyName' },
                  { title: 'Từ ngày', dataIndex: 'effectiveFrom', render: (d: string) => formatDate(d) },
                ]}
              />
              <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>
                Quá trình tham gia
              </Typography.Title>
              <Table
                rowKey={(t) => `${t.memberId}-${t.from}`}
                size="small"
                pagination={false}
                dataSource={c.tenures}
                columns={[
                  { title: 'Thành viên', dataIndex: 'memberId', render: (m: string, t) => t.personName ?? m },
                  { title: 'Từ ngày', dataIndex: 'from', render: (d: string) => formatDate(d) },
                  { title: 'Đến ngày', dataIndex: 'until', render: (d?: string) => (d ? formatDate(d) : 'nay') },
                  { title: 'Lý do', dataIndex: 'reason', render: (r?: string) => r ?? '—' },
                ]}
              />
              <ConflictRegister councilId={c.councilId} />
            </>
          )}
        </QueryState>
      )}
    </>
  );
}

/** Xung đột lợi ích: found on the dossier at assignment or declared by the member, with the recusal it caused. */
function ConflictRegister({ councilId }: { councilId: string }) {
  const conflicts = useCouncilConflicts(councilId);
  if (conflicts.error instanceof ApiError && conflicts.error.status === 404) {
    return (
      <Alert
        style={{ marginTop: 16 }}
        type="info"
        showIcon
        message="Xung đột lợi ích của thành viên chỉ Chủ tịch, Thư ký của chính Hội đồng và kiểm tra viên được xem."
      />
    );
  }
  return (
    <section aria-labelledby="xung-dot-loi-ich">
      <Typography.Title level={2} id="xung-dot-loi-ich" style={{ fontSize: 16, marginTop: 16 }}>
        Xung đột lợi ích của thành viên
      </Typography.Title>
      <QueryState query={conflicts} empty="Chưa có thành viên nào có xung đột lợi ích với hồ sơ của Hội đồng">
        {(list) => (
          <Table<CouncilConflict>
            rowKey={(r) => `${r.memberId}|${r.caseId}`}
            size="small"
            data-testid="conflict-register"
            pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
            dataSource={list}
            columns={[
              { title: 'Thành viên', dataIndex: 'personName' },
              { title: 'Hồ sơ', dataIndex: 'title', render: (t: string, r) => <Link to={`/hoi-dong/ho-so/${enc(r.caseId)}`}>{t}</Link> },
              {
                title: 'Xung đột lợi ích',
                key: 'conflict',
                render: (_: unknown, r) => (
                  <Space direction="vertical" size={2}>
                    {r.detected.map((d) => (
                      <span key={`${d.kind}-${d.matched}`}>
                        <Tag color={tone('warning')}>Tự động phát hiện</Tag>
                        {d.kindLabel}: {d.matched}
                      </span>
                    ))}
                    {r.declared ? (
                      <span>
                        <Tag color={tone('processing')}>Tự khai ngày {formatDate(r.declared.declaredAt)}</Tag>
                        {r.declared.reason}
                      </span>
                    ) : null}
                  </Space>
                ),
              },
              {
                title: 'Thẩm định',
                dataIndex: 'recused',
                render: (recused: boolean) =>
                  recused ? <Tag color={tone('error')}>Không tham gia thẩm định (do xung đột lợi ích)</Tag> : 'Vẫn tham gia',
              },
              { title: 'Ngày phân công', dataIndex: 'assignedAt', render: (d: string) => formatDate(d) },
            ]}
          />
        )}
      </QueryState>
    </section>
  );
}

const MEMBER_ROLE: Record<string, string> = {
  chair: 'Chủ tịch Hội đồng',
  'vice-chair': 'Phó Chủ tịch Hội đồng',
  secretary: 'Thư ký Hội đồng',
  member: 'Ủy viên Hội đồng',
  expert: 'Chuyên gia',
};

function RankingTab() {
  const cases = useCouncilCases();
  const client = useQueryClient();
  const fieldName = useFieldName();
  const campaignName = useCampaignName();
  const scopes = useMemo(() => {
    const m = new Map<string, { councilId: string; campaignId: string; year: number; fieldCode: string; level: string }>();
    for (const c of cases.data ?? [])
      if (c.councilId)
        m.set(`${c.councilId}|${c.campaignId}|${c.year}|${c.fieldCode}`, {
          councilId: c.councilId,
          campaignId: c.campaignId,
          year: c.year,
          fieldCode: c.fieldCode,
          level: c.level,
        });
    return [...m.entries()];
  }, [cases.data]);
  const [key, setKey] = useState<string>();
  const scope = (scopes.find(([k]) => k === key) ?? scopes[0])?.[1];
  const titles = new Map((cases.data ?? []).map((c) => [c.dossierId, c.title]));
  const ranking = useQuery({
    queryKey: ['rankings', scope],
    enabled: Boolean(scope),
    queryFn: () =>
      getJson<
        Array<{
          revision: number;
          publishedAt: string;
          entries: Array<{ rank: number; dossierId: string; caseId: string; score: number; grade: string; title?: string }>;
        }>
      >(
        'councils',
        `/rankings?campaignId=${enc(scope.campaignId)}&year=${scope.year}&fieldCode=${enc(scope.fieldCode)}&level=${scope.level}`,
      ),
  });
  const publish = useMutation({
    mutationFn: () =>
      post('councils', '/rankings/publish', {
        councilId: scope.councilId,
        campaignId: scope.campaignId,
        year: scope.year,
        fieldCode: scope.fieldCode,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['rankings'] }),
  });
  if (!scopes.length) return <Alert type="info" showIcon message="Chưa có hồ sơ nào để xếp hạng." />;
  const doc = ranking.data?.[0];
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label="Đợt và lĩnh vực"
          style={{ width: 640, maxWidth: '100%' }}
          value={key ?? scopes[0][0]}
          onChange={setKey}
          options={scopes.map(([k, s]) => ({ value: k, label: `${campaignName(s.campaignId)} · ${s.year} · ${fieldName(s.fieldCode)}` }))}
        />
        <Button type="primary" loading={publish.isPending} onClick={() => publish.mutate()}>
          Công bố xếp hạng
        </Button>
      </Space>
      <ErrorAlert error={publish.error} />
      <QueryState query={ranking} empty="Chưa công bố xếp hạng cho đợt và lĩnh vực này">
        {() => (
          <>
            {doc ? (
              <Typography.Paragraph>
                Lần công bố thứ {doc.revision}, {formatDateTime(doc.publishedAt)}
              </Typography.Paragraph>
            ) : null}
            <Table
              rowKey="caseId"
              size="middle"
              pagination={false}
              dataSource={doc?.entries ?? []}
              aria-label="Bảng xếp hạng"
              columns={[
                { title: 'Hạng', dataIndex: 'rank' },
                { title: 'Hồ sơ', dataIndex: 'dossierId', render: (d: string, e) => e.title ?? titles.get(d) ?? d },
                { title: 'Điểm', dataIndex: 'score', render: (s: number) => formatNumber(s) },
                {
                  title: 'Xếp loại',
                  dataIndex: 'grade',
                  render: (g: string) => <Tag color={tone('warning')}>{label(GRADE_LABELS, g)}</Tag>,
                },
              ]}
            />
          </>
        )}
      </QueryState>
    </>
  );
}

function CriteriaEditor({ set }: { set: CriteriaSet }) {
  const client = useQueryClient();
  const [form] = Form.useForm<{ criteria: Criterion[] }>();
  const save = useMutation({
    mutationFn: async (values: { criteria: Criterion[] }) => {
      const drafted = (await post('councils', '/criteria-sets', {
        criteriaSetId: set.criteriaSetId,
        campaignId: set.campaignId,
        year: set.year,
        fieldCode: set.fieldCode,
        criteria: values.criteria,
        bands: set.current?.bands ?? [],
      })) as { version?: number; draftVersion?: number; events?: Array<{ data?: { version?: number } }> };
      const version = drafted.version ?? drafted.draftVersion ?? drafted.events?.[0]?.data?.version ?? (set.current?.version ?? 0) + 1;
      return post('councils', `/criteria-sets/${enc(set.criteriaSetId)}/publish`, { version });
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['criteria-sets'] }),
  });
  const total = (Form.useWatch('criteria', form) ?? []).reduce((s: number, c: Criterion | undefined) => s + (c?.weight ?? 0), 0);
  return (
    <Form form={form} layout="vertical" initialValues={{ criteria: set.current?.criteria ?? [] }} onFinish={(v) => save.mutate(v)}>
      <ErrorAlert error={save.error} />
      <Form.List name="criteria">
        {(items) =>
          items.map((item) => (
            <Space key={item.key} wrap align="baseline">
              <Form.Item name={[item.name, 'name']} label="Tiêu chí">
                <Input style={{ width: 300 }} />
              </Form.Item>
              <Form.Item name={[item.name, 'weight']} label="Trọng số" rules={[{ required: true }]}>
                <InputNumber min={0} max={1} step={0.05} decimalSeparator="," />
              </Form.Item>
              <Form.Item name={[item.name, 'scaleMax']} label="Điểm tối đa">
                <InputNumber min={1} disabled />
              </Form.Item>
            </Space>
          ))
        }
      </Form.List>
      <Typography.Paragraph>Tổng trọng số: {formatNumber(total)}</Typography.Paragraph>
      <Button htmlType="submit" type="primary" loading={save.isPending}>
        Lưu và công bố phiên bản mới
      </Button>
    </Form>
  );
}

function CriteriaTab() {
  const sets = useCriteriaSets();
  return (
    <QueryState query={sets} empty="Chưa có bộ tiêu chí nào">
      {(list) => (
        <Row gutter={[16, 16]}>
          {list.map((s) => (
            <Col xs={24} xl={12} key={s.criteriaSetId}>
              <Card
                size="small"
                title={`Bộ tiêu chí ${s.fieldCode} · ${s.year} (phiên bản ${s.inForceVersion ?? s.current?.version ?? '—'})`}
              >
                <Table
                  size="small"
                  rowKey="code"
                  pagination={false}
                  dataSource={s.current?.criteria ?? []}
                  columns={[
                    { title: 'Tiêu chí', dataIndex: 'name' },
                    { title: 'Trọng số', dataIndex: 'weight', render: (w: number) => formatNumber(w) },
                    { title: 'Thang điểm', key: 'scale', render: (_: unknown, c: Criterion) => `${c.scaleMin}–${c.scaleMax}` },
                  ]}
                />
                <Typography.Paragraph style={{ marginTop: 8 }}>
                  Công bố ngày {formatDate(s.current?.publishedAt)}; các phiên bản đã công bố: {s.publishedVersions.join(', ') || '—'}
                </Typography.Paragraph>
                {role() === 'council-secretary' || role() === 'council-chair' ? (
                  <details>
                    <summary>Điều chỉnh trọng số</summary>
                    <CriteriaEditor set={s} />
                  </details>
                ) : null}
              </Card>
            </Col>
          ))}
        </Row>
      )}
    </QueryState>
  );
}

function Home() {
  return (
    <>
      <PageTitle>Hội đồng thẩm định</PageTitle>
      <Tabs
        items={[
          { key: 'cases', label: 'Hồ sơ thẩm định', children: <CasesTab /> },
          { key: 'ranking', label: 'Xếp hạng', children: <RankingTab /> },
          { key: 'composition', label: 'Thành phần Hội đồng', children: <CompositionTab /> },
          { key: 'criteria', label: 'Bộ tiêu chí', children: <CriteriaTab /> },
          { key: 'appeals', label: 'Kiến nghị', children: <AppealsTab /> },
        ]}
      />
    </>
  );
}

function AssignForm({ c }: { c: CouncilCase }) {
  // The case list names the council; a service without that list leaves it to the secretary to type.
  const [typed, setTyped] = useState<string>();
  const councilId = c.councilId ?? typed;
  const composition = useComposition(councilId);
  const [picked, setPicked] = useState<string[]>();
  if (!councilId) {
    return (
      <Input.Search
        aria-label="Mã Hội đồng"
        placeholder="Mã Hội đồng (ví dụ hd-ha-nam-2026)"
        enterButton="Xem thành phần"
        onSearch={(v) => setTyped(v.trim() || undefined)}
      />
    );
  }
  const members = composition.data?.members ?? [];
  const value = picked ?? (c.assignedMemberIds.length ? c.assignedMemberIds : members.map((m) => m.memberId));
  return (
    <QueryState query={composition} isEmpty={(x) => !x}>
      {() => (
        <>
          <Checkbox.Group value={value} onChange={(v) => setPicked(v)} style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
            {members.map((m) => (
              <Checkbox key={m.memberId} value={m.memberId}>
                {m.personName} — {label(MEMBER_ROLE, m.role)}, {m.agencyName}
              </Checkbox>
            ))}
          </Checkbox.Group>
          <div style={{ marginTop: 12 }}>
            <ActionButton
              type="primary"
              disabled={!value.length}
              run={() => post('councils', `/cases/${enc(c.caseId)}/assign`, { memberIds: value })}
              invalidate={[['council-cases'], ['scores', c.caseId]]}
              success="Đã phân công thành viên thẩm định"
            >
              Phân công
            </ActionButton>
          </div>
        </>
      )}
    </QueryState>
  );
}

function ScoresCard({ c }: { c: CouncilCase }) {
  const scores = useScores(c.caseId);
  const composition = useComposition(c.councilId);
  const name = (id: string) =>
    composition.data?.tenures.find((t) => t.memberId === id)?.personName ??
    composition.data?.members.find((m) => m.memberId === id)?.personName ??
    id;
  return (
    <QueryState query={scores} isEmpty={(s) => !s}>
      {(s) =>
        s.scores.length ? (
          <Table
            size="small"
            rowKey="memberId"
            pagination={false}
            dataSource={s.scores}
            columns={[
              { title: 'Thành viên', dataIndex: 'memberId', render: (m: string) => name(m) },
              { title: 'Tổng điểm', dataIndex: 'total', render: (t: number) => formatNumber(t) },
              { title: 'Phiên bản tiêu chí', dataIndex: 'criteriaVersion' },
              { title: 'Ngày chấm', dataIndex: 'submittedAt', render: (d: string) => formatDate(d) },
            ]}
          />
        ) : (
          <Alert type="info" showIcon message="Điểm của các thành viên chỉ hiện sau khi bạn đã chấm, hoặc sau khi Hội đồng chốt kết quả." />
        )
      }
    </QueryState>
  );
}

function CaseDetail() {
  const { caseId = '' } = useParams();
  const cases = useCouncilCases();
  const listed = cases.data?.find((x) => x.caseId === caseId);
  // The case's own status (from its scores answer) is fresher than the list's read model.
  const live = useScores(caseId);
  const c = listed && live.data ? { ...listed, status: live.data.status === 'finalised' ? 'finalised' : listed.status } : listed;
  const path = `/cases/${enc(caseId)}`;
  const invalidate = [['council-cases'], ['scores', caseId], ['rankings']];
  const chair = role() === 'council-chair';
  return (
    <>
      <PageTitle extra={<Link to="/hoi-dong">Quay lại danh sách</Link>}>{c?.title ?? 'Hồ sơ thẩm định'}</PageTitle>
      <QueryState query={cases} isEmpty={() => !c} empty="Không tìm thấy hồ sơ thẩm định">
        {() => (
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <Card size="small" title="Thông tin" style={{ marginBottom: 16 }}>
                <Descriptions size="small" column={1}>
                  <Descriptions.Item label="Tác giả">{c!.authors.map((a) => a.name).join(', ')}</Descriptions.Item>
                  <Descriptions.Item label="Đợt">
                    {c!.campaignId} · {c!.year} · {c!.fieldCode}
                  </Descriptions.Item>
                  <Descriptions.Item label="Hội đồng">{c!.councilId ?? c!.waiting?.reasonText ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label="Trạng thái">
                    <CaseStatus c={c!} />
                  </Descriptions.Item>
                  <Descriptions.Item label="Điểm">{formatNumber(c!.aggregateScore)}</Descriptions.Item>
                </Descriptions>
              </Card>
              {c!.status !== 'finalised' && role() === 'council-secretary' ? (
                <Card size="small" title="Phân công thành viên thẩm định" style={{ marginBottom: 16 }}>
                  <AssignForm c={c!} />
                </Card>
              ) : null}
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title="Điểm của các thành viên" style={{ marginBottom: 16 }}>
                <ScoresCard c={c!} />
              </Card>
              <Card size="small" title="Kết luận của Hội đồng">
                <Space wrap>
                  {c!.status !== 'finalised' ? (
                    <ActionButton
                      type="primary"
                      fields={[
                        { name: 'meetingDate', label: 'Ngày họp', type: 'date', initial: dayjs().format('YYYY-MM-DD') },
                        { name: 'minutesRef', label: 'Số biên bản họp', placeholder: 'BB-05/HĐTĐ' },
                      ]}
                      run={(v) => post('councils', `${path}/finalise`, v)}
                      invalidate={invalidate}
                      success="Đã chốt kết quả thẩm định"
                    >
                      Chốt kết quả
                    </ActionButton>
                  ) : null}
                  {chair && c!.status === 'finalised' && !c!.recommendedUpward ? (
                    <ActionButton
                      fields={[{ name: 'decisionRef', label: 'Số văn bản đề xuất', placeholder: '15/QĐ-HĐTĐ' }]}
                      run={(v) => post('councils', `${path}/recommend`, v)}
                      invalidate={invalidate}
                      success="Đã đề xuất lên cấp trên"
                    >
                      Đề xuất lên cấp trên
                    </ActionButton>
                  ) : null}
                  {chair && c!.status === 'finalised' && !c!.honourProposed ? (
                    <ActionButton
                      fields={[
                        {
                          name: 'proposedAward',
                          label: 'Hình thức khen thưởng đề nghị',
                          required: false,
                          placeholder: 'Giải thưởng Người Hà Nam đoàn kết sáng tạo',
                        },
                      ]}
                      run={(v) =>
                        post('councils', `${path}/propose-honour`, v.proposedAward?.trim() ? { proposedAward: v.proposedAward.trim() } : {})
                      }
                      invalidate={invalidate}
                      success="Đã đề nghị khen thưởng"
                    >
                      Đề nghị khen thưởng
                    </ActionButton>
                  ) : null}
                </Space>
              </Card>
            </Col>
          </Row>
        )}
      </QueryState>
    </>
  );
}

export default function CouncilArea() {
  return (
    <Routes>
      <Route index element={<Home />} />
      <Route path="ho-so/:caseId" element={<CaseDetail />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
