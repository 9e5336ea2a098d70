import { tone } from '../../lib/tone';
import { lazy, Suspense, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Row, Select, Space, Spin, Table, Tabs, Tag } from 'antd';
import { PageTitle } from '../../layout/Shell';
import { getSession } from '../../auth/session';
import { formatDate, formatNumber } from '../../lib/format';
import { GRADE_LABELS, LEVEL_LABELS, label } from '../../lib/labels';
import { ErrorAlert, QueryState } from '../../lib/ui';
import { raw } from '../../api/client';
import { enc } from '../shared/councils';
import { getJson, useFieldName, useUnitName } from '../shared/queries';

// ECharts is large: loaded only when a chart is shown.
const Chart = lazy(() => import('./Chart'));

interface Period {
  periodId: string;
  year: number;
  kind: string;
  title: string;
  openedByUnitId: string;
  deadlines: Array<{ level: string; dueBy?: string; deadline?: string }>;
}

interface PeriodStatus {
  missing: Array<{ unitId: string; level: string; dueBy: string }>;
  late: Array<{ unitId: string; level: string; dueBy: string; submittedAt: string }>;
  pending: Array<{ unitId: string; level: string; dueBy?: string }>;
  reported: Array<{ unitId: string; reportId: string; submittedAt: string }>;
}

interface StatisticsRow {
  key: string;
  year: number;
  level: string;
  unitId: string;
  fieldCode: string;
  dossiersSubmitted: number;
  dossiersReceived: number;
  accepted: number;
  byGrade: Record<string, number>;
  awards: number;
}

function PeriodStatusView({ period }: { period: Period }) {
  const unitName = useUnitName();
  const status = useQuery({
    queryKey: ['period-status', period.periodId],
    queryFn: () => getJson<PeriodStatus>('reporting', `/periods/${enc(period.periodId)}/status`),
  });
  return (
    <QueryState query={status} isEmpty={(s) => !s}>
      {(s) => {
        const rows = [
          ...s.reported.map((r) => ({ unitId: r.unitId, state: 'reported', at: r.submittedAt, dueBy: undefined as string | undefined })),
          ...s.late.map((r) => ({ unitId: r.unitId, state: 'late', at: r.submittedAt, dueBy: r.dueBy })),
          ...s.missing.map((r) => ({ unitId: r.unitId, state: 'missing', at: undefined, dueBy: r.dueBy })),
          ...s.pending.map((r) => ({ unitId: r.unitId, state: 'pending', at: undefined, dueBy: r.dueBy })),
        ];
        const tag = {
          reported: ['success', 'Đã báo cáo'],
          late: ['warning', 'Nộp muộn'],
          missing: ['error', 'Chưa báo cáo'],
          pending: ['default', 'Chưa đến hạn'],
        } as const;
        return (
          <Table
            size="small"
            rowKey={(r) => `${r.unitId}-${r.state}`}
            pagination={false}
            dataSource={rows}
            locale={{ emptyText: 'Chưa có đơn vị nào phải báo cáo' }}
            columns={[
              { title: 'Đơn vị', dataIndex: 'unitId', render: (u: string) => unitName(u) },
              {
                title: 'Tình trạng',
                dataIndex: 'state',
                render: (st: keyof typeof tag) => <Tag color={tone(tag[st][0])}>{tag[st][1]}</Tag>,
              },
              { title: 'Hạn nộp', dataIndex: 'dueBy', render: (d?: string) => formatDate(d) },
              { title: 'Ngày nộp', dataIndex: 'at', render: (d?: string) => formatDate(d) },
            ]}
          />
        );
      }}
    </QueryState>
  );
}

function Periods() {
  const periods = useQuery({ queryKey: ['periods'], queryFn: () => getJson<Period[]>('reporting', '/periods') });
  return (
    <QueryState query={periods} empty="Chưa có kỳ báo cáo nào">
      {(list) => (
        <Row gutter={[16, 16]}>
          {list.map((p) => (
            <Col xs={24} key={p.periodId}>
              <Card size="small" title={`${p.title} (${p.year})`}>
                <p>
                  Hạn nộp:{' '}
                  {p.deadlines.map((d) => (
                    <Tag key={d.level}>
                      {label(LEVEL_LABELS, d.level)}: {formatDate(d.dueBy ?? d.deadline)}
                    </Tag>
                  ))}
                </p>
                <PeriodStatusView period={p} />
              </Card>
            </Col>
          ))}
        </Row>
      )}
    </QueryState>
  );
}

type Dimension = 'fieldCode' | 'level' | 'year' | 'grade';

function Statistics() {
  const [year, setYear] = useState<number>();
  const [by, setBy] = useState<Dimension>('fieldCode');
  const fieldName = useFieldName();
  const unitName = useUnitName();
  const query = year ? `?year=${year}` : '';
  const stats = useQuery({ queryKey: ['statistics', year], queryFn: () => getJson<StatisticsRow[]>('reporting', `/statistics${query}`) });
  const download = useMutation({
    mutationFn: async (kind: 'csv' | 'xlsx') => {
      const res = await raw('reporting', `/statistics/export.${kind}${query}`);
      const a = document.createElement('a');
      a.href = URL.createObjectURL(await res.blob());
      a.download = `thong-ke.${kind}`;
      a.click();
      URL.revokeObjectURL(a.href);
    },
  });
  const rows = stats.data ?? [];
  const groups = new Map<string, number>();
  for (const r of rows) {
    if (by === 'grade')
      for (const [g, n] of Object.entries(r.byGrade)) groups.set(label(GRADE_LABELS, g), (groups.get(label(GRADE_LABELS, g)) ?? 0) + n);
    else {
      const k =
        by === 'level'
          ? label(LEVEL_LABELS, r.level)
          : by === 'fieldCode'
            ? r.fieldCode
              ? fieldName(r.fieldCode)
              : 'Khác'
            : String(r[by] || 'Khác');
      groups.set(k, (groups.get(k) ?? 0) + r.dossiersReceived);
    }
  }
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          aria-label="Năm"
          placeholder="Năm"
          style={{ width: 120 }}
          value={year}
          onChange={setYear}
          options={[...new Set(rows.map((r) => r.year))].map((y) => ({ value: y, label: String(y) }))}
        />
        <Select
          aria-label="Thống kê theo"
          style={{ width: 200 }}
          value={by}
          onChange={setBy}
          options={[
            { value: 'fieldCode', label: 'Theo lĩnh vực' },
            { value: 'level', label: 'Theo cấp' },
            { value: 'year', label: 'Theo năm' },
            { value: 'grade', label: 'Theo xếp loại' },
          ]}
        />
        <Button onClick={() => download.mutate('csv')}>Tải CSV</Button>
        <Button onClick={() => download.mutate('xlsx')}>Tải Excel (XLSX)</Button>
      </Space>
      <ErrorAlert error={download.error} />
      <QueryState query={stats} empty="Chưa có số liệu thống kê">
        {(list) => (
          <>
            <Suspense fallback={<Spin />}>
              <Chart title={by === 'grade' ? 'Số hồ sơ theo xếp loại' : 'Số hồ sơ được tiếp nhận'} data={[...groups.entries()]} />
            </Suspense>
            <Table
              size="small"
              rowKey="key"
              dataSource={list}
              pagination={{ pageSize: 20, showSizeChanger: false }}
              columns={[
                { title: 'Năm', dataIndex: 'year' },
                { title: 'Cấp', dataIndex: 'level', render: (l: string) => label(LEVEL_LABELS, l) },
                { title: 'Đơn vị', dataIndex: 'unitId', render: (u: string) => unitName(u) },
                { title: 'Lĩnh vực', dataIndex: 'fieldCode', render: (f: string) => fieldName(f) },
                { title: 'Đã nộp', dataIndex: 'dossiersSubmitted', render: formatNumber },
                { title: 'Đã tiếp nhận', dataIndex: 'dossiersReceived', render: formatNumber },
                { title: 'Được nghiệm thu', dataIndex: 'accepted', render: formatNumber },
                { title: 'Khen thưởng', dataIndex: 'awards', render: formatNumber },
              ]}
            />
          </>
        )}
      </QueryState>
    </>
  );
}

export default function ReportingArea() {
  const role = getSession()?.user.role;
  return (
    <>
      <PageTitle>Báo cáo và thống kê</PageTitle>
      {role === 'auditor' ? (
        <Alert type="info" showIcon message="Kiểm tra viên chỉ xem, không thao tác." style={{ marginBottom: 16 }} />
      ) : null}
      <Tabs
        items={[
          { key: 'stats', label: 'Thống kê', children: <Statistics /> },
          { key: 'periods', label: 'Kỳ báo cáo', children: <Periods /> },
        ]}
      />
    </>
  );
}
