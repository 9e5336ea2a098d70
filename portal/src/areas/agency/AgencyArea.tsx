import { Link, Route, Routes, useParams } from 'react-router-dom';
import { Space, Tabs } from 'antd';
import { PageTitle } from '../../layout/Shell';
import { NotFound } from '../../lib/ui';
import { ActionButton } from '../shared/ActionButton';
import { DossierTable } from '../shared/DossierTable';
import { DossierView } from '../shared/DossierView';
import { post } from '../shared/queries';

function Inbox() {
  const link = (id: string) => `/tiep-nhan/ho-so/${id}`;
  return (
    <>
      <PageTitle>Tiếp nhận hồ sơ</PageTitle>
      <Tabs
        items={[
          { key: 'submitted', label: 'Chờ tiếp nhận', children: <DossierTable linkTo={link} initialStatus="submitted" /> },
          { key: 'received', label: 'Đã tiếp nhận', children: <DossierTable linkTo={link} initialStatus="received" /> },
          { key: 'all', label: 'Tất cả', children: <DossierTable linkTo={link} /> },
        ]}
      />
    </>
  );
}

function Detail() {
  const { id = '' } = useParams();
  const path = `/dossiers/${encodeURIComponent(id)}`;
  const invalidate = [['dossier', id], ['dossiers']];
  return (
    <>
      <PageTitle extra={<Link to="/tiep-nhan">Quay lại hộp hồ sơ</Link>}>Hồ sơ</PageTitle>
      <DossierView
        id={id}
        actions={(d) => (
          // Only what the rules allow: receive or return what was lodged; forward what was received.
          <Space wrap>
            {d.status === 'submitted' ? (
              <ActionButton
                type="primary"
                run={() => post('submissions', `${path}/receive`, {})}
                invalidate={invalidate}
                success="Đã tiếp nhận hồ sơ"
              >
                Tiếp nhận
              </ActionButton>
            ) : null}
            {d.status === 'submitted' || d.status === 'received' ? (
              <ActionButton
                fields={[{ name: 'reason', label: 'Lý do trả lại', multiline: true, placeholder: 'Thiếu bản thuyết minh...' }]}
                run={(v) => post('submissions', `${path}/return`, { reason: v.reason })}
                invalidate={invalidate}
                success="Đã trả lại hồ sơ để bổ sung"
              >
                Trả lại để bổ sung
              </ActionButton>
            ) : null}
            {d.status === 'received' ? (
              <ActionButton
                fields={[{ name: 'decisionRef', label: 'Văn bản đề nghị (số, ký hiệu)', placeholder: '512/UBND-NV', required: false }]}
                run={(v) => post('submissions', `${path}/forward`, v.decisionRef?.trim() ? { decisionRef: v.decisionRef.trim() } : {})}
                invalidate={invalidate}
                success="Đã chuyển hồ sơ lên cấp trên"
              >
                Chuyển lên cấp trên
              </ActionButton>
            ) : null}
          </Space>
        )}
      />
    </>
  );
}

export default function AgencyArea() {
  return (
    <Routes>
      <Route index element={<Inbox />} />
      <Route path="ho-so/:id" element={<Detail />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
