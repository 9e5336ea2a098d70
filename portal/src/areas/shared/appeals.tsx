import { Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format';
import { tone } from '../../lib/tone';
import { QueryState } from '../../lib/ui';
import { getJson } from './queries';

/** An appeal (kiến nghị, khiếu nại) against a council's result, as GET /appeals gives it. */
export interface Appeal {
  appealId: string;
  caseId: string;
  dossierId: string;
  title: string;
  councilId: string;
  appellantKind: 'author' | 'nominating-unit';
  appellantId: string;
  grounds: string;
  filedAt: string;
  windowEndsOn: string;
  handledBy: 'same-council' | 'level-above';
  contested: { aggregateScore: number; gradeLabel: string; meetingDate: string; minutesRef: string };
  status: 'filed' | 'assigned' | 'decided';
  statusLabel: string;
  toCouncilId?: string;
  outcome?: 'upheld' | 'rejected';
  outcomeLabel?: string;
  reasons?: string;
  reopenScoring?: boolean;
  decidedAt?: string;
}

export const APPELLANT_LABELS: Record<Appeal['appellantKind'], string> = { author: 'Tác giả', 'nominating-unit': 'Đơn vị đề cử' };
export const HANDLER_LABELS: Record<Appeal['handledBy'], string> = {
  'same-council': 'Chính Hội đồng đã thẩm định',
  'level-above': 'Hội đồng cấp trên',
};

export function useAppeals(query = '') {
  return useQuery({ queryKey: ['appeals', query], queryFn: () => getJson<Appeal[]>('councils', `/appeals${query}`) });
}

export function AppealStatus({ a }: { a: Appeal }) {
  return (
    <Space size={4} wrap>
      <Tag color={tone(a.status === 'decided' ? 'success' : 'processing')}>{a.statusLabel}</Tag>
      {a.outcomeLabel ? <Tag color={tone(a.outcome === 'upheld' ? 'warning' : 'default')}>{a.outcomeLabel}</Tag> : null}
      {a.reopenScoring ? <Tag color={tone('error')}>Thẩm định lại</Tag> : null}
    </Space>
  );
}

/** The appeal's facts: what was contested, on what grounds, and how it was decided. */
export function AppealDetails({ a }: { a: Appeal }) {
  return (
    <Descriptions size="small" column={1} bordered>
      <Descriptions.Item label="Người kiến nghị">{APPELLANT_LABELS[a.appellantKind]}</Descriptions.Item>
      <Descriptions.Item label="Ngày tiếp nhận">{formatDateTime(a.filedAt)}</Descriptions.Item>
      <Descriptions.Item label="Kết quả bị kiến nghị">
        {formatNumber(a.contested.aggregateScore)} điểm, xếp loại {a.contested.gradeLabel} (họp ngày {formatDate(a.contested.meetingDate)},
        biên bản {a.contested.minutesRef})
      </Descriptions.Item>
      <Descriptions.Item label="Nội dung kiến nghị">{a.grounds}</Descriptions.Item>
      <Descriptions.Item label="Hạn kiến nghị">{formatDate(a.windowEndsOn)}</Descriptions.Item>
      <Descriptions.Item label="Hội đồng giải quyết">{a.toCouncilId ?? HANDLER_LABELS[a.handledBy]}</Descriptions.Item>
      {a.reasons ? <Descriptions.Item label="Lý do giải quyết">{a.reasons}</Descriptions.Item> : null}
    </Descriptions>
  );
}

/** A list of appeals; `actions` adds the buttons the viewer may use on each. */
export function AppealsTable({ query, actions }: { query: ReturnType<typeof useAppeals>; actions?: (a: Appeal) => React.ReactNode }) {
  return (
    <QueryState query={query} empty="Chưa có kiến nghị nào">
      {(list) => (
        <Table<Appeal>
          rowKey={(a) => `${a.caseId}|${a.appealId}`}
          dataSource={list}
          size="middle"
          pagination={{ pageSize: 20, showSizeChanger: false }}
          expandable={{ expandedRowRender: (a) => <AppealDetails a={a} /> }}
          columns={[
            { title: 'Hồ sơ', dataIndex: 'title' },
            { title: 'Người kiến nghị', dataIndex: 'appellantKind', render: (k: Appeal['appellantKind']) => APPELLANT_LABELS[k] },
            { title: 'Ngày tiếp nhận', dataIndex: 'filedAt', render: (d: string) => formatDate(d) },
            {
              title: 'Kết quả bị kiến nghị',
              key: 'contested',
              render: (_: unknown, a) => `${formatNumber(a.contested.aggregateScore)} điểm (${a.contested.gradeLabel})`,
            },
            { title: 'Trạng thái', key: 'status', render: (_: unknown, a) => <AppealStatus a={a} /> },
            ...(actions ? [{ title: 'Thao tác', key: 'actions', render: (_: unknown, a: Appeal) => actions(a) }] : []),
          ]}
        />
      )}
    </QueryState>
  );
}

export function AppealsIntro({ children }: { children: string }) {
  return <Typography.Paragraph type="secondary">{children}</Typography.Paragraph>;
}
