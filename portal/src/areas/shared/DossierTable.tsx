import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Input, Select, Space, Table } from 'antd';
import { DOSSIER_STATUS_LABELS, DOSSIER_TYPE_LABELS_VI, LEVEL_LABELS, label } from '../../lib/labels';
import { formatDateTime } from '../../lib/format';
import { DossierStatusTag, ErrorAlert } from '../../lib/ui';
import { DossierFilter, useCampaigns, useDossiers, useUnitName } from './queries';
import type { DossierListItem } from './types';

const PAGE = 20;

/** Dossiers the signed-in person may see, paginated by the API (limit/skip), searched without diacritics. */
export function DossierTable({
  base,
  linkTo,
  initialStatus,
}: {
  base?: DossierFilter;
  linkTo: (id: string) => string;
  initialStatus?: string;
}) {
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<string | undefined>(initialStatus);
  const [campaignId, setCampaignId] = useState<string>();
  const [fieldCode, setFieldCode] = useState<string>();
  const [page, setPage] = useState(1);
  const campaigns = useCampaigns();
  const unitName = useUnitName();
  // One more than a page tells whether there is a next page without counting everything.
  const list = useDossiers({ ...base, q: q || undefined, status, campaignId, fieldCode, limit: PAGE + 1, skip: (page - 1) * PAGE });
  const rows = (list.data ?? []).slice(0, PAGE);
  const hasMore = (list.data?.length ?? 0) > PAGE;
  const fields = campaigns.data?.flatMap((c) => Object.values(c.fields)) ?? [];
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          aria-label="Tìm hồ sơ"
          placeholder="Tìm theo tên hồ sơ, tác giả (không cần dấu)"
          style={{ width: 340 }}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
        />
        <Select
          allowClear
          aria-label="Trạng thái"
          placeholder="Trạng thái"
          style={{ width: 200 }}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={Object.entries(DOSSIER_STATUS_LABELS).map(([value, l]) => ({ value, label: l }))}
        />
        <Select
          allowClear
          aria-label="Phong trào"
          placeholder="Phong trào"
          style={{ width: 260 }}
          value={campaignId}
          onChange={setCampaignId}
          options={(campaigns.data ?? []).map((c) => ({ value: c.campaignId, label: c.campaign.name }))}
        />
        <Select
          allowClear
          aria-label="Lĩnh vực"
          placeholder="Lĩnh vực"
          style={{ width: 200 }}
          value={fieldCode}
          onChange={setFieldCode}
          options={[...new Map(fields.map((f) => [f.fieldCode, f.name])).entries()].map(([value, l]) => ({ value, label: l }))}
        />
      </Space>
      <ErrorAlert error={list.error} />
      <Table<DossierListItem>
        rowKey="dossierId"
        size="middle"
        loading={list.isFetching}
        dataSource={rows}
        locale={{ emptyText: list.isPending ? 'Đang tải...' : 'Không có hồ sơ nào' }}
        pagination={{
          current: page,
          pageSize: PAGE,
          total: (page - 1) * PAGE + rows.length + (hasMore ? 1 : 0),
          showSizeChanger: false,
          onChange: setPage,
        }}
        columns={[
          { title: 'Tên hồ sơ', dataIndex: 'title', render: (t: string, r) => <Link to={linkTo(r.dossierId)}>{t}</Link> },
          { title: 'Loại', dataIndex: 'type', render: (t: string) => label(DOSSIER_TYPE_LABELS_VI, t) },
          { title: 'Tác giả', dataIndex: 'authors', render: (a: string[]) => a.join(', ') },
          { title: 'Đơn vị đề cử', dataIndex: 'nominatingUnitId', render: (u: string) => unitName(u) },
          { title: 'Cấp', dataIndex: 'level', render: (l: string | null) => label(LEVEL_LABELS, l) },
          { title: 'Trạng thái', dataIndex: 'status', render: (s: string) => <DossierStatusTag status={s} /> },
          { title: 'Cập nhật', dataIndex: 'updatedAt', render: (d: string) => formatDateTime(d) },
        ]}
      />
    </>
  );
}
