import { tone } from '../../lib/tone';
import { Link, Route, Routes, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Row, Space, Table, Tag, Typography } from 'antd';
import { PageTitle } from '../../layout/Shell';
import { getSession } from '../../auth/session';
import { formatDate, formatNumber } from '../../lib/format';
import { ErrorAlert, NotFound, QueryState } from '../../lib/ui';
import { ActionButton } from '../shared/ActionButton';
import { CriteriaSet, Criterion, enc, QueueItem, useCouncilCases, useCriteriaSets, useScores } from '../shared/councils';
import { getJson, post, useFieldName } from '../shared/queries';

const me = () => getSession()?.user.sub ?? '';

function useQueue() {
  return useQuery({ queryKey: ['queue', me()], queryFn: () => getJson<QueueItem[]>('councils', `/members/${enc(me())}/queue`) });
}

const QUEUE_STATUS: Record<QueueItem['status'], { text: string; color: string }> = {
  'to-score': { text: 'Chờ chấm điểm', color: 'warning' },
  scored: { text: 'Đã chấm điểm', color: 'success' },
  recused: { text: 'Không tham gia thẩm định (do xung đột lợi ích)', color: 'default' },
};

function Queue() {
  const queue = useQueue();
  const fieldName = useFieldName();
  return (
    <>
      <PageTitle>Phiếu chấm của tôi</PageTitle>
      <QueryState query={queue} empty="Bạn chưa được phân công thẩm định hồ sơ nào">
        {(list) => (
          <Table<QueueItem>
            rowKey="caseId"
            dataSource={list}
            pagination={{ pageSize: 20, showSizeChanger: false }}
            columns={[
              { title: 'Hồ sơ', dataIndex: 'title', render: (t: string, q) => <Link to={`/tham-dinh/ho-so/${enc(q.caseId)}`}>{t}</Link> },
              { title: 'Lĩnh vực', dataIndex: 'fieldCode', render: (f: string) => fieldName(f) },
              { title: 'Ngày phân công', dataIndex: 'assignedAt', render: (d: string) => formatDate(d) },
              {
                title: 'Trạng thái',
                dataIndex: 'status',
                render: (s: QueueItem['status']) => <Tag color={tone(QUEUE_STATUS[s].color)}>{QUEUE_STATUS[s].text}</Tag>,
              },
              { title: 'Điểm của tôi', dataIndex: 'ownTotal', render: (t?: number) => formatNumber(t) },
              { title: 'Hội đồng đã chốt', dataIndex: 'caseFinalised', render: (f: boolean) => (f ? 'Đã chốt' : 'Chưa') },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}

/** The criteria version in force for the case's edition and field. */
function useCriteriaFor(item: QueueItem | undefined) {
  const cases = useCouncilCases();
  const c = cases.data?.find((x) => x.caseId === item?.caseId);
  const sets = useCriteriaSets(item ? { fieldCode: item.fieldCode, ...(c ? { campaignId: c.campaignId, year: c.year } : {}) } : {});
  const set: CriteriaSet | undefined = sets.data?.find((s) => s.current);
  return { sets, set };
}

function ScoreForm({ item, set, revise }: { item: QueueItem; set: CriteriaSet; revise: boolean }) {
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ values: Record<string, number>; comments: Record<string, string>; reason?: string }>();
  const criteria = set.current!.criteria;
  const score = useMutation({
    mutationFn: (v: { values: Record<string, number>; comments?: Record<string, string>; reason?: string }) =>
      post('councils', `/cases/${enc(item.caseId)}/scores${revise ? '/revise' : ''}`, {
        criteriaVersion: set.current!.version,
        scores: criteria.map((c) => ({
          criterionCode: c.code,
          value: v.values[c.code],
          ...(v.comments?.[c.code]?.trim() ? { comment: v.comments[c.code].trim() } : {}),
        })),
        ...(revise ? { reason: v.reason } : {}),
      }),
    onSuccess: async () => {
      message.success(revise ? 'Đã điều chỉnh điểm' : 'Đã ghi nhận phiếu chấm');
      form.resetFields();
      await client.invalidateQueries({ queryKey: ['queue'] });
      await client.invalidateQueries({ queryKey: ['scores', item.caseId] });
    },
  });
  const values = Form.useWatch('values', form) ?? {};
  const total = criteria.reduce((s: number, c: Criterion) => s + (values[c.code] ?? 0) * c.weight, 0);
  return (
    <Form form={form} layout="vertical" onFinish={(v) => score.mutate(v)} aria-label="Phiếu chấm điểm">
      <ErrorAlert error={score.error} />
      <Typography.Paragraph>
        Bộ tiêu chí phiên bản {set.current!.version} (công bố ngày {formatDate(set.current!.publishedAt)})
      </Typography.Paragraph>
      {criteria.map((c) => (
        <Space key={c.code} align="baseline" wrap>
          <Form.Item
            name={['values', c.code]}
            label={`${c.name} (trọng số ${formatNumber(c.weight)}, ${c.scaleMin}–${c.scaleMax} điểm)`}
            rules={[{ required: true, message: 'Vui lòng chấm điểm tiêu chí này' }]}
          >
            <InputNumber min={c.scaleMin} max={c.scaleMax} step={0.1} decimalSeparator="," aria-label={c.name} />
          </Form.Item>
          <Form.Item name={['comments', c.code]} label="Nhận xét">
            <Input style={{ width: 280 }} aria-label={`Nhận xét ${c.name}`} />
          </Form.Item>
        </Space>
      ))}
      <Typography.Paragraph>
        Tổng điểm (theo trọng số): <strong>{formatNumber(total)}</strong>
      </Typography.Paragraph>
      {revise ? (
        <Form.Item
          name="reason"
          label="Lý do điều chỉnh điểm"
          rules={[{ required: true, whitespace: true, message: 'Vui lòng nêu lý do điều chỉnh' }]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
      ) : null}
      <Button type="primary" htmlType="submit" loading={score.isPending}>
        {revise ? 'Điều chỉnh điểm' : 'Gửi phiếu chấm'}
      </Button>
      {score.isSuccess ? <Alert style={{ marginTop: 12 }} type="success" showIcon message="Đã ghi nhận phiếu chấm" /> : null}
    </Form>
  );
}

function Others({ caseId }: { caseId: string }) {
  const scores = useScores(caseId);
  return (
    <QueryState query={scores} isEmpty={(s) => !s}>
      {(s) =>
        s.scores.length ? (
          <Table
            size="small"
            rowKey="memberId"
            pagination={false}
            dataSource={s.scores}
            aria-label="Điểm của các thành viên"
            columns={[
              { title: 'Thành viên', dataIndex: 'memberId', render: (m: string) => (m === me() ? 'Tôi' : m) },
              { title: 'Tổng điểm', dataIndex: 'total', render: (t: number) => formatNumber(t) },
              { title: 'Ngày chấm', dataIndex: 'submittedAt', render: (d: string) => formatDate(d) },
            ]}
          />
        ) : (
          <Alert
            data-testid="scores-hidden"
            type="info"
            showIcon
            message="Điểm của các thành viên khác chỉ hiện sau khi bạn đã chấm điểm."
          />
        )
      }
    </QueryState>
  );
}

function CaseScoring() {
  const { caseId = '' } = useParams();
  const queue = useQueue();
  const item = queue.data?.find((q) => q.caseId === caseId);
  const { sets, set } = useCriteriaFor(item);
  return (
    <>
      <PageTitle extra={<Link to="/tham-dinh">Quay lại danh sách</Link>}>{item?.title ?? 'Chấm điểm'}</PageTitle>
      <QueryState query={queue} isEmpty={() => !item} empty="Hồ sơ này không có trong danh sách phân công của bạn">
        {() => (
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <Card size="small" title={item!.status === 'scored' ? 'Điều chỉnh điểm (nêu lý do)' : 'Phiếu chấm điểm'}>
                {item!.status === 'recused' ? (
                  <Alert
                    type="warning"
                    showIcon
                    message="Bạn không tham gia thẩm định hồ sơ này (do xung đột lợi ích)"
                    description={item!.recusalReason}
                  />
                ) : item!.caseFinalised ? (
                  <Alert type="info" showIcon message="Hội đồng đã chốt kết quả hồ sơ này." />
                ) : (
                  <QueryState query={sets} isEmpty={() => !set} empty="Chưa có bộ tiêu chí được công bố cho đợt và lĩnh vực này">
                    {() => <ScoreForm item={item!} set={set!} revise={item!.status === 'scored'} />}
                  </QueryState>
                )}
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card size="small" title="Điểm của các thành viên" style={{ marginBottom: 16 }}>
                <Others caseId={caseId} />
              </Card>
              {item!.status === 'to-score' ? (
                <Card size="small" title="Xung đột lợi ích">
                  <Typography.Paragraph>
                    Nếu bạn có quan hệ với tác giả hoặc đơn vị đề cử, hãy khai báo để không tham gia thẩm định hồ sơ này.
                  </Typography.Paragraph>
                  <ActionButton
                    danger
                    fields={[
                      { name: 'reason', label: 'Nội dung xung đột lợi ích', multiline: true, placeholder: 'Là đồng tác giả của giải pháp' },
                    ]}
                    run={(v) => post('councils', `/cases/${enc(caseId)}/conflicts`, { reason: v.reason })}
                    invalidate={[['queue'], ['scores', caseId]]}
                    success="Đã khai báo xung đột lợi ích"
                  >
                    Khai báo xung đột lợi ích
                  </ActionButton>
                </Card>
              ) : null}
            </Col>
          </Row>
        )}
      </QueryState>
    </>
  );
}

export default function MemberArea() {
  return (
    <Routes>
      <Route index element={<Queue />} />
      <Route path="ho-so/:caseId" element={<CaseScoring />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
