import { tone } from '../../lib/tone';
import { Link, Route, Routes, useNavigate, useParams } from 'react-router-dom';
import { Button, Card, List, Space, Tabs, Tag, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { PageTitle } from '../../layout/Shell';
import { getSession } from '../../auth/session';
import { formatDate } from '../../lib/format';
import { QueryState, NotFound } from '../../lib/ui';
import { ActionButton } from '../shared/ActionButton';
import { DossierTable } from '../shared/DossierTable';
import { DossierView } from '../shared/DossierView';
import { post, useCampaigns, useDossier } from '../shared/queries';
import type { Campaign } from '../shared/types';
import { DossierForm, DossierFormValues } from './DossierForm';
import ImportPage from './ImportPage';
import { AppealsIntro, AppealsTable, useAppeals } from '../shared/appeals';

function clean(values: DossierFormValues & { attachments: unknown[] }) {
  return {
    ...values,
    summary: values.summary ?? '',
    authors: values.authors.map((a) => ({ name: a.name.trim(), ...(a.role?.trim() ? { role: a.role.trim() } : {}) })),
    owners: (values.owners ?? []).map((o) => ({
      name: o.name.trim(),
      ...(o.share !== undefined && o.share !== null ? { share: o.share } : {}),
    })),
  };
}

/** Deadlines that apply to my unit: those set for a jurisdiction on my path (or for a whole level). */
function myDeadlines(c: Campaign): Campaign['deadlines'] {
  const path = getSession()?.user.unitPath ?? [];
  return c.deadlines.filter((d) => !d.jurisdictionUnitId || path.includes(d.jurisdictionUnitId));
}

function OpenCampaigns() {
  const campaigns = useCampaigns();
  return (
    <QueryState query={campaigns} empty="Chưa có phong trào nào đang mở">
      {(list) => (
        <List
          dataSource={list}
          renderItem={(c) => (
            <List.Item>
              <Card size="small" style={{ width: '100%' }} title={c.campaign.name}>
                <p>
                  Kế hoạch số {c.campaign.planNumber} ngày {formatDate(c.campaign.planDate)}
                </p>
                <p>
                  Lĩnh vực:{' '}
                  {Object.values(c.fields).map((f) => (
                    <Tag key={f.fieldCode}>{f.name}</Tag>
                  ))}
                </p>
                <p>
                  Hạn nộp:{' '}
                  {myDeadlines(c).length
                    ? myDeadlines(c).map((d) => (
                        <Tag color={tone('error')} key={`${d.year}-${d.level}-${d.jurisdictionUnitId}`}>
                          Năm {d.year}: {formatDate(d.deadline)}
                        </Tag>
                      ))
                    : 'chưa quy định cho đơn vị'}
                </p>
              </Card>
            </List.Item>
          )}
        />
      )}
    </QueryState>
  );
}

function MyAppeals() {
  const appeals = useAppeals();
  return (
    <>
      <AppealsIntro>
        Kiến nghị, khiếu nại về kết quả thẩm định mà đơn vị hoặc tác giả đã gửi, trong thời hạn phong trào quy định (gửi từ trang của từng
        hồ sơ).
      </AppealsIntro>
      <AppealsTable query={appeals} />
    </>
  );
}

function Home() {
  return (
    <>
      <PageTitle
        extra={
          <Space>
            <Link to="/don-vi/nhap-danh-sach">
              <Button>Nhập danh sách từ Excel</Button>
            </Link>
            <Link to="/don-vi/ho-so-moi">
              <Button type="primary">Lập hồ sơ mới</Button>
            </Link>
          </Space>
        }
      >
        Hồ sơ của đơn vị
      </PageTitle>
      <Tabs
        items={[
          { key: 'dossiers', label: 'Hồ sơ của tôi', children: <DossierTable linkTo={(id) => `/don-vi/ho-so/${id}`} /> },
          { key: 'campaigns', label: 'Phong trào đang mở', children: <OpenCampaigns /> },
          { key: 'appeals', label: 'Kiến nghị', children: <MyAppeals /> },
        ]}
      />
    </>
  );
}

function NewDossier() {
  const navigate = useNavigate();
  const client = useQueryClient();
  const draft = useMutation({
    mutationFn: async (values: DossierFormValues & { attachments: unknown[] }) =>
      (await post('submissions', '/dossiers', clean(values))) as { dossierId: string },
    onSuccess: async (res) => {
      await client.invalidateQueries({ queryKey: ['dossiers'] });
      void navigate(`/don-vi/ho-so/${res.dossierId}`);
    },
  });
  return (
    <>
      <PageTitle>Lập hồ sơ mới</PageTitle>
      <DossierForm submitting={draft.isPending} error={draft.error} onSubmit={(v) => draft.mutate(v)} />
    </>
  );
}

function AmendDossier() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const dossier = useDossier(id);
  const amend = useMutation({
    mutationFn: async (values: DossierFormValues & { attachments: unknown[] }) => {
      const { campaignId: _c, year: _y, fieldCode: _f, ...changes } = clean(values);
      return post('submissions', `/dossiers/${encodeURIComponent(id)}/amend`, changes);
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['dossier', id] });
      await client.invalidateQueries({ queryKey: ['dossiers'] });
      void navigate(`/don-vi/ho-so/${id}`);
    },
  });
  return (
    <>
      <PageTitle>Bổ sung hồ sơ</PageTitle>
      <QueryState query={dossier} isEmpty={(d) => !d}>
        {(d) => (
          <DossierForm amend initial={d.dossier} submitting={amend.isPending} error={amend.error} onSubmit={(v) => amend.mutate(v)} />
        )}
      </QueryState>
    </>
  );
}

function Detail() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const path = `/dossiers/${encodeURIComponent(id)}`;
  const invalidate = [['dossier', id], ['dossiers']];
  return (
    <>
      <PageTitle extra={<Link to="/don-vi">Quay lại danh sách</Link>}>Hồ sơ</PageTitle>
      <DossierView
        id={id}
        actions={(d) => (
          <Space wrap>
            {d.status === 'draft' || d.status === 'returned' || d.status === 'amended' ? (
              <ActionButton
                type="primary"
                run={() => post('submissions', `${path}/submit`, {})}
                invalidate={invalidate}
                success="Đã nộp hồ sơ"
              >
                Nộp hồ sơ
              </ActionButton>
            ) : null}
            {d.status === 'returned' || d.status === 'draft' ? (
              <Button onClick={() => void navigate(`/don-vi/ho-so/${id}/bo-sung`)}>Bổ sung hồ sơ</Button>
            ) : null}
            {d.level && ['received', 'forwarded'].includes(d.status) ? (
              <ActionButton
                title="Kiến nghị, khiếu nại về kết quả thẩm định"
                fields={[{ name: 'grounds', label: 'Nội dung, căn cứ kiến nghị', multiline: true }]}
                run={(v) => post('councils', `/cases/${encodeURIComponent(`${id}@${d.level}`)}/appeals`, { grounds: v.grounds })}
                invalidate={[['appeals'], ['dossier', id]]}
                success="Đã gửi kiến nghị"
              >
                Kiến nghị kết quả thẩm định
              </ActionButton>
            ) : null}
            {!['withdrawn', 'forwarded'].includes(d.status) ? (
              <ActionButton
                danger
                fields={[{ name: 'reason', label: 'Lý do rút hồ sơ', multiline: true }]}
                run={(v) => post('submissions', `${path}/withdraw`, { reason: v.reason })}
                invalidate={invalidate}
                success="Đã rút hồ sơ"
              >
                Rút hồ sơ
              </ActionButton>
            ) : null}
          </Space>
        )}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
        Mã hồ sơ: {id}
      </Typography.Paragraph>
    </>
  );
}

export default function UnitArea() {
  return (
    <Routes>
      <Route index element={<Home />} />
      <Route path="ho-so-moi" element={<NewDossier />} />
      <Route path="nhap-danh-sach" element={<ImportPage />} />
      <Route path="ho-so/:id" element={<Detail />} />
      <Route path="ho-so/:id/bo-sung" element={<AmendDossier />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
