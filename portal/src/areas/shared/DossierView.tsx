import type { ReactNode } from 'react';
import { Card, Col, Descriptions, Empty, Row, Steps, Table, Timeline, Typography } from 'antd';
import { DOSSIER_TYPE_LABELS_VI, APPLICANT_KIND_LABELS_VI, EVENT_LABELS, LEVEL_LABELS, ROLE_LABELS, label } from '../../lib/labels';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format';
import { DossierStatusTag, QueryState } from '../../lib/ui';
import { useCampaignName, useDossier, useFieldName, useLineage, useUnitName } from './queries';
import type { DossierDetail, HistoryEntry } from './types';

export function HistoryTimeline({ history }: { history: HistoryEntry[] }) {
  const unitName = useUnitName();
  if (!history.length) return <Empty description="Chưa có lịch sử" />;
  return (
    <Timeline
      items={history.map((h) => ({
        key: `${h.version}-${h.type}`,
        children: (
          <div data-testid="history-entry">
            <strong>{label(EVENT_LABELS, h.type)}</strong> — {formatDateTime(h.at)}
            <br />
            {h.actorName ?? h.actorId} · {label(ROLE_LABELS, h.role)} · {unitName(h.unitId)}
            {h.level ? ` · ${label(LEVEL_LABELS, h.level)}` : ''}
            {h.reason ? (
              <>
                <br />
                <em>Lý do: {h.reason}</em>
              </>
            ) : null}
          </div>
        ),
      }))}
    />
  );
}

function Lineage({ id }: { id: string }) {
  const lineage = useLineage(id);
  const unitName = useUnitName();
  return (
    <QueryState query={lineage} isEmpty={(l) => !l || !l.up?.length} empty="Hồ sơ chưa được nộp lên cấp nào">
      {(l) => (
        <Steps
          direction="vertical"
          size="small"
          current={l!.up.length - 1}
          items={l!.up.map((s) => ({
            title: `${label(LEVEL_LABELS, s.level)} — ${unitName(s.jurisdictionUnitId)}`,
            description: [
              `${s.arrivedBy === 'forwarding' ? 'Được chuyển lên' : 'Nộp'} ngày ${formatDate(s.arrivedAt)}`,
              s.receivedAt ? `tiếp nhận ngày ${formatDate(s.receivedAt)}` : undefined,
              s.returnedAt ? `trả lại ngày ${formatDate(s.returnedAt)}` : undefined,
              s.forwardedAt
                ? `chuyển lên cấp trên ngày ${formatDate(s.forwardedAt)}${s.decisionRef ? ` (${s.decisionRef})` : ''}`
                : undefined,
              ...(s.appeals ?? []).map(
                (a) =>
                  `kiến nghị ngày ${formatDate(a.filedAt)} về kết quả ${a.contestedGradeLabel}: ${a.outcomeLabel ?? 'đang giải quyết'}${
                    a.reopenedScoring ? ' (thẩm định lại)' : ''
                  }`,
              ),
            ]
              .filter(Boolean)
              .join(', '),
          }))}
        />
      )}
    </QueryState>
  );
}

export function DossierSummary({ d }: { d: DossierDetail }) {
  const unitName = useUnitName();
  const fieldName = useFieldName();
  const campaignName = useCampaignName();
  const c = d.dossier;
  return (
    <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
      <Descriptions.Item label="Tên hồ sơ" span={2}>
        {c.title}
      </Descriptions.Item>
      <Descriptions.Item label="Trạng thái">
        <DossierStatusTag status={d.status} />
      </Descriptions.Item>
      <Descriptions.Item label="Cấp hiện tại">{label(LEVEL_LABELS, d.level)}</Descriptions.Item>
      <Descriptions.Item label="Loại">{label(DOSSIER_TYPE_LABELS_VI, c.type)}</Descriptions.Item>
      <Descriptions.Item label="Cá nhân / Tập thể">{label(APPLICANT_KIND_LABELS_VI, c.applicantKind)}</Descriptions.Item>
      <Descriptions.Item label="Phong trào">{campaignName(c.campaignId)}</Descriptions.Item>
      <Descriptions.Item label="Năm · Lĩnh vực">
        {c.year} · {fieldName(c.fieldCode)}
      </Descriptions.Item>
      <Descriptions.Item label="Đơn vị đề cử">{unitName(c.nominatingUnitId)}</Descriptions.Item>
      <Descriptions.Item label="Cơ quan tiếp nhận">{unitName(d.receivingAgencyUnitId)}</Descriptions.Item>
      <Descriptions.Item label="Tác giả" span={2}>
        {c.authors.map((a) => a.name + (a.role ? ` (${a.role})` : '')).join('; ')}
      </Descriptions.Item>
      <Descriptions.Item label="Chủ sở hữu" span={2}>
        {c.owners.length ? c.owners.map((o) => o.name + (o.share !== undefined ? ` (${formatNumber(o.share)}%)` : '')).join('; ') : '—'}
      </Descriptions.Item>
      <Descriptions.Item label="Tóm tắt" span={2}>
        {c.summary || '—'}
      </Descriptions.Item>
      {d.lastReason ? (
        <Descriptions.Item label="Lý do gần nhất" span={2}>
          {d.lastReason}
        </Descriptions.Item>
      ) : null}
    </Descriptions>
  );
}

export function AttachmentTable({ attachments }: { attachments: DossierDetail['dossier']['attachments'] }) {
  return (
    <Table
      size="small"
      rowKey="sha256"
      pagination={false}
      dataSource={attachments ?? []}
      locale={{ emptyText: 'Không có tài liệu đính kèm' }}
      columns={[
        { title: 'Tài liệu đính kèm', dataIndex: 'name' },
        { title: 'Dung lượng', dataIndex: 'size', render: (s: number) => `${formatNumber(s / 1024)} KB` },
        {
          title: 'SHA-256',
          dataIndex: 'sha256',
          render: (h: string) => (
            <Typography.Text code copyable style={{ fontSize: 11 }}>
              {h}
            </Typography.Text>
          ),
        },
      ]}
    />
  );
}

/** One dossier: content, attachments with hashes, status timeline and lineage; `actions` by who looks. */
export function DossierView({ id, actions }: { id: string; actions?: (d: DossierDetail) => ReactNode }) {
  const dossier = useDossier(id);
  return (
    <QueryState query={dossier} isEmpty={(d) => !d}>
      {(d) => (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={15}>
            <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>Thông tin hồ sơ</h2>} extra={actions?.(d)}>
              <DossierSummary d={d} />
              <Typography.Title level={3} style={{ fontSize: 15, marginTop: 16 }}>
                Tài liệu đính kèm
              </Typography.Title>
              <AttachmentTable attachments={d.dossier.attachments} />
            </Card>
          </Col>
          <Col xs={24} xl={9}>
            <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>Quá trình xử lý</h2>} style={{ marginBottom: 16 }}>
              <HistoryTimeline history={d.history} />
            </Card>
            <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>Các cấp hồ sơ đã qua</h2>}>
              <Lineage id={id} />
            </Card>
          </Col>
        </Row>
      )}
    </QueryState>
  );
}
