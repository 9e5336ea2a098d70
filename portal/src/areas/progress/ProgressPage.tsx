import { lazy, Suspense, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Select, Space, Spin, Statistic, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { api, data } from '../../api/client';
import type { components } from '../../api/generated/reporting';
import { PageTitle } from '../../layout/Shell';
import { formatNumber } from '../../lib/format';
import {
  CASE_PROGRESS_LABELS_VI,
  DOSSIER_STATUS_LABELS_VI,
  LEVEL_LABELS,
  label,
  PROPOSAL_STATUS_LABELS_VI,
  REPORT_STATUS_LABELS_VI,
} from '../../lib/labels';
import { QueryState } from '../../lib/ui';
import { useCampaigns } from '../shared/queries';
import type { Campaign } from '../shared/types';

// ECharts is large: the statistics chart's chunk, loaded only when the chart is shown.
const Chart = lazy(() => import('../reporting/Chart'));

type Progress = components['schemas']['EditionProgressResponse'];
type UnitRow = components['schemas']['UnitProgressResponse'];
type LevelRow = components['schemas']['LevelProgressResponse'];
type Counts = components['schemas']['ProgressCountsResponse'];

/** The dossier statuses shown, in the order a dossier goes through them, with the chart's colours. */
const DOSSIER_STACKS = [
  ['draft', '#9e9e9e'],
  ['submitted', '#1565c0'],
  ['received', '#2e7d32'],
  ['returned', '#ef6c00'],
  ['forwarded', '#6a1b9a'],
  ['withdrawn', '#5d4037'],
] as const;

const decisions = (c: Counts) => c.proposals.decided + c.proposals.issued;

/** The columns both tables share: dossiers, the council's progress, proposals and decisions, reports. */
function countColumns<T extends Counts>(): ColumnsType<T> {
  const n = (v: number) => formatNumber(v);
  return [
    {
      title: 'Hồ sơ',
      children: [
        { title: 'Tổng số', key: 'dossiers', render: (_: unknown, r: T) => n(r.dossiers.total) },
        ...DOSSIER_STACKS.map(([s]) => ({
          title: DOSSIER_STATUS_LABELS_VI[s],
          key: `d-${s}`,
          render: (_: unknown, r: T) => n(r.dossiers[s]),
        })),
      ],
    },
    {
      title: 'Hội đồng thẩm định',
      children: [
        { title: CASE_PROGRESS_LABELS_VI.assigned, key: 'c-assigned', render: (_: unknown, r: T) => n(r.cases.assigned) },
        { title: CASE_PROGRESS_LABELS_VI.scoring, key: 'c-scoring', render: (_: unknown, r: T) => n(r.cases.scoring) },
        { title: CASE_PROGRESS_LABELS_VI.finalised, key: 'c-finalised', render: (_: unknown, r: T) => n(r.cases.finalised) },
        { title: 'Được nghiệm thu', key: 'c-accepted', render: (_: unknown, r: T) => n(r.cases.accepted) },
      ],
    },
    {
      title: 'Khen thưởng',
      children: [
        { title: 'Đề nghị', key: 'p-total', render: (_: unknown, r: T) => n(r.proposals.total) },
        { title: PROPOSAL_STATUS_LABELS_VI['sent-back'], key: 'p-sent-back', render: (_: unknown, r: T) => n(r.proposals['sent-back']) },
        { title: 'Quyết định khen thưởng', key: 'p-decided', render: (_: unknown, r: T) => n(decisions(r)) },
      ],
    },
    {
      title: 'Báo cáo',
      children: [
        { title: REPORT_STATUS_LABELS_VI.reported, key: 'r-reported', render: (_: unknown, r: T) => n(r.reports.reported) },
        { title: REPORT_STATUS_LABELS_VI.late, key: 'r-late', render: (_: unknown, r: T) => n(r.reports.late) },
        { title: REPORT_STATUS_LABELS_VI.missing, key: 'r-missing', render: (_: unknown, r: T) => n(r.reports.missing) },
      ],
    },
  ];
}

function Totals({ totals }: { totals: Counts }) {
  const cards: Array<[string, number]> = [
    ['Hồ sơ', totals.dossiers.total],
    [DOSSIER_STATUS_LABELS_VI.received, totals.dossiers.received],
    [CASE_PROGRESS_LABELS_VI.finalised, totals.cases.finalised],
    ['Đề nghị khen thưởng', totals.proposals.total],
    ['Quyết định khen thưởng', decisions(totals)],
    [`Báo cáo ${REPORT_STATUS_LABELS_VI.missing.toLowerCase()}`, totals.reports.missing],
  ];
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      {cards.map(([title, value]) => (
        <Col xs={12} md={8} lg={4} key={title}>
          <Card size="small">
            <Statistic title={title} value={value} formatter={(v) => formatNumber(Number(v))} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function EditionView({ progress }: { progress: Progress }) {
  const levels = progress.levels;
  return (
    <>
      <Totals totals={progress.totals} />
      <Card size="small" title="Hồ sơ theo trạng thái và cấp" style={{ marginBottom: 16 }}>
        <Suspense fallback={<Spin />}>
          <Chart
            title="Số hồ sơ theo trạng thái"
            categories={levels.map((l) => label(LEVEL_LABELS, l.level))}
            stacks={DOSSIER_STACKS.map(([s, color]) => ({
              name: DOSSIER_STATUS_LABELS_VI[s],
              color,
              values: levels.map((l) => l.dossiers[s]),
            }))}
          />
        </Suspense>
      </Card>
      <Typography.Title level={4}>Tổng hợp theo cấp</Typography.Title>
      <Table<LevelRow>
        size="small"
        bordered
        rowKey="level"
        pagination={false}
        scroll={{ x: true }}
        dataSource={levels}
        aria-label="Tổng hợp theo cấp"
        columns={[
          { title: 'Cấp', dataIndex: 'level', fixed: 'left', render: (l: string) => label(LEVEL_LABELS, l) },
          { title: 'Số đơn vị', dataIndex: 'units', render: (v: number) => formatNumber(v) },
          ...countColumns<LevelRow>(),
        ]}
      />
      <Typography.Title level={4} style={{ marginTop: 24 }}>
        Theo đơn vị
      </Typography.Title>
      <Table<UnitRow>
        size="small"
        bordered
        rowKey={(r) => `${r.level}|${r.unitId}`}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        scroll={{ x: true }}
        dataSource={progress.units}
        aria-label="Tiến độ theo đơn vị"
        columns={[
          { title: 'Đơn vị', dataIndex: 'unitId', fixed: 'left', render: (_: string, r) => r.unitName ?? r.unitId },
          { title: 'Cấp', dataIndex: 'level', render: (l: string) => label(LEVEL_LABELS, l) },
          ...countColumns<UnitRow>(),
        ]}
      />
    </>
  );
}

/** Toàn cảnh phong trào: one campaign edition's progress by level and unit, within the person's jurisdiction. */
export default function ProgressPage() {
  const campaigns = useCampaigns();
  const list = campaigns.data ?? [];
  const [campaignId, setCampaignId] = useState<string>();
  const [chosenYear, setYear] = useState<number>();
  const campaign: Campaign | undefined = list.find((c) => c.campaignId === campaignId) ?? list[0];
  const years = campaign
    ? Object.keys(campaign.editions ?? {})
        .map(Number)
        .sort((a, b) => b - a)
    : [];
  const year: number | undefined = chosenYear !== undefined && years.includes(chosenYear) ? chosenYear : years[0];
  const progress = useQuery({
    queryKey: ['edition-progress', campaign?.campaignId, year],
    enabled: Boolean(campaign && year),
    queryFn: () =>
      data<Progress>(
        api.reporting.GET('/campaigns/{campaignId}/editions/{year}/progress', {
          params: { path: { campaignId: campaign?.campaignId ?? '', year: year ?? 0 }, query: {} },
        }),
      ),
  });
  return (
    <>
      <PageTitle>Toàn cảnh phong trào</PageTitle>
      <Typography.Paragraph>
        Tiến độ của từng đợt phong trào theo cấp và đơn vị: hồ sơ theo trạng thái, tiến độ thẩm định của Hội đồng, đề nghị và quyết định
        khen thưởng, báo cáo phải nộp. Số liệu trong phạm vi đơn vị của mình và các đơn vị cấp dưới.
      </Typography.Paragraph>
      <QueryState query={campaigns} empty="Chưa có phong trào nào">
        {() => (
          <>
            <Space wrap style={{ marginBottom: 16 }}>
              <Select
                aria-label="Phong trào"
                style={{ width: 420 }}
                value={campaign?.campaignId}
                onChange={(id: string) => {
                  setCampaignId(id);
                  setYear(undefined);
                }}
                options={list.map((c) => ({ value: c.campaignId, label: c.campaign.name }))}
              />
              <Select
                aria-label="Năm"
                style={{ width: 120 }}
                value={year}
                onChange={setYear}
                options={years.map((y) => ({ value: y, label: `Năm ${y}` }))}
              />
            </Space>
            {year ? (
              <QueryState query={progress} isEmpty={(p) => !p}>
                {(p) => <EditionView progress={p} />}
              </QueryState>
            ) : (
              <Typography.Paragraph type="secondary">Phong trào này chưa mở đợt nào.</Typography.Paragraph>
            )}
          </>
        )}
      </QueryState>
    </>
  );
}
