import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, Card, Form, Select, Space, Table, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/errors';
import { raw } from '../../api/client';
import { PageTitle } from '../../layout/Shell';
import { ErrorAlert, QueryState } from '../../lib/ui';
import { useCampaigns } from '../shared/queries';

interface ImportResult {
  imported: number;
  alreadyImported: boolean;
  dossiers: Array<{ row: number; dossierId: string; title: string }>;
}
interface RowProblem {
  row: number;
  column?: string;
  message: string;
}

/** The refused rows an import answered with (422 import-rejected), if that is what the error is. */
const problemsOf = (error: unknown): RowProblem[] =>
  error instanceof ApiError && error.code === 'import-rejected'
    ? ((error.details as { errors?: RowProblem[] } | undefined)?.errors ?? [])
    : [];

async function download(campaignId: string | undefined) {
  const res = await raw('submissions', `/dossier-imports/template${campaignId ? `?campaignId=${encodeURIComponent(campaignId)}` : ''}`);
  const a = document.createElement('a');
  a.href = URL.createObjectURL(await res.blob());
  a.download = 'mau-nhap-danh-sach-ho-so.xlsx';
  a.click();
  URL.revokeObjectURL(a.href);
}

/** A unit's list of dossiers from the Excel template: all rows become drafts, or none and the report says why. */
export default function ImportPage() {
  const campaigns = useCampaigns();
  const client = useQueryClient();
  const [campaignId, setCampaignId] = useState<string>();
  const [year, setYear] = useState<number>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const template = useMutation({ mutationFn: () => download(campaignId) });
  const upload = useMutation({
    mutationFn: async () => {
      const form = new FormData();
      form.append('file', files[0].originFileObj as Blob, files[0].name);
      const q = `?campaignId=${encodeURIComponent(campaignId!)}&year=${year}`;
      const res = await raw('submissions', `/dossier-imports${q}`, { method: 'POST', body: form });
      return (await res.json()) as ImportResult;
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['dossiers'] }),
  });
  const problems = problemsOf(upload.error);
  return (
    <>
      <PageTitle extra={<Link to="/don-vi">Quay lại danh sách</Link>}>Nhập danh sách hồ sơ từ tệp Excel</PageTitle>
      <Typography.Paragraph>
        Tải tệp mẫu, ghi mỗi hồ sơ trên một dòng rồi tải tệp lên. Hệ thống kiểm tra từng dòng: nếu có dòng sai, không hồ sơ nào được nhập và
        bảng dưới đây cho biết dòng, cột và lý do. Các hồ sơ được nhập là bản nháp của đơn vị, chưa nộp.
      </Typography.Paragraph>
      <QueryState query={campaigns} empty="Chưa có phong trào nào đang mở">
        {(list) => {
          const selected = list.find((c) => c.campaignId === campaignId);
          return (
            <Card>
              <Form layout="vertical" onFinish={() => upload.mutate()}>
                <Form.Item label="Phong trào" required>
                  <Select
                    aria-label="Phong trào"
                    value={campaignId}
                    onChange={(v: string) => {
                      setCampaignId(v);
                      setYear(undefined);
                    }}
                    options={list.map((c) => ({ value: c.campaignId, label: c.campaign.name }))}
                    placeholder="Chọn phong trào"
                  />
                </Form.Item>
                <Form.Item label="Năm (đợt)" required>
                  <Select
                    aria-label="Năm"
                    value={year}
                    onChange={(v: number) => setYear(v)}
                    options={Object.keys(selected?.editions ?? {}).map((y) => ({ value: Number(y), label: `Năm ${y}` }))}
                    placeholder="Chọn năm"
                  />
                </Form.Item>
                <Form.Item label="Tệp Excel (.xlsx) theo mẫu" required>
                  <Upload
                    accept=".xlsx"
                    maxCount={1}
                    fileList={files}
                    beforeUpload={() => false}
                    onChange={({ fileList }) => setFiles(fileList.slice(-1))}
                  >
                    <Button>Chọn tệp</Button>
                  </Upload>
                </Form.Item>
                <Space>
                  <Button onClick={() => template.mutate()} loading={template.isPending}>
                    Tải tệp mẫu
                  </Button>
                  <Button type="primary" htmlType="submit" disabled={!campaignId || !year || !files.length} loading={upload.isPending}>
                    Nhập danh sách
                  </Button>
                </Space>
              </Form>
            </Card>
          );
        }}
      </QueryState>
      <div style={{ marginTop: 16 }}>
        <ErrorAlert error={template.error} />
        {upload.error ? <ErrorAlert error={upload.error} /> : null}
        {problems.length ? (
          <Table<RowProblem>
            rowKey={(p) => `${p.row}|${p.column ?? ''}|${p.message}`}
            dataSource={problems}
            size="small"
            pagination={false}
            columns={[
              { title: 'Dòng', dataIndex: 'row', width: 80 },
              { title: 'Cột', dataIndex: 'column', render: (c?: string) => c ?? '—', width: 220 },
              { title: 'Lý do', dataIndex: 'message' },
            ]}
          />
        ) : null}
        {upload.data ? (
          <Alert
            type="success"
            showIcon
            message={
              upload.data.alreadyImported
                ? `Tệp này đã được nhập trước đó (${upload.data.imported} hồ sơ); không hồ sơ nào được tạo thêm.`
                : `Đã nhập ${upload.data.imported} hồ sơ (bản nháp).`
            }
            description={
              <ul style={{ margin: 0 }}>
                {upload.data.dossiers.map((d) => (
                  <li key={d.dossierId}>
                    Dòng {d.row}: <Link to={`/don-vi/ho-so/${encodeURIComponent(d.dossierId)}`}>{d.title}</Link>
                  </li>
                ))}
              </ul>
            }
          />
        ) : null}
      </div>
    </>
  );
}
