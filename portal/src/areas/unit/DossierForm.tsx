import { useState } from 'react';
import { Button, Card, Form, Input, InputNumber, Select, Space, Typography, Upload } from 'antd';
import { raw } from '../../api/client';
import { describeError } from '../../api/errors';
import { APPLICANT_KIND_LABELS_VI, DOSSIER_TYPE_LABELS_VI } from '../../lib/labels';
import { formatNumber } from '../../lib/format';
import { ErrorAlert } from '../../lib/ui';
import { useCampaigns } from '../shared/queries';
import type { DossierContent } from '../shared/types';

export interface DossierFormValues {
  campaignId: string;
  year: number;
  fieldCode: string;
  type: string;
  title: string;
  summary?: string;
  applicantKind: string;
  authors: Array<{ name: string; role?: string }>;
  owners?: Array<{ name: string; share?: number }>;
}

type Attachment = NonNullable<DossierContent['attachments']>[number];

/** Drafting and amending share one form; amending locks the campaign, year and field. */
export function DossierForm({
  initial,
  amend = false,
  submitting,
  error,
  onSubmit,
}: {
  initial?: DossierContent;
  amend?: boolean;
  submitting: boolean;
  error: unknown;
  onSubmit: (values: DossierFormValues & { attachments: Attachment[] }) => void;
}) {
  const [form] = Form.useForm<DossierFormValues>();
  const campaigns = useCampaigns();
  const [attachments, setAttachments] = useState<Attachment[]>(initial?.attachments ?? []);
  const [uploadError, setUploadError] = useState<unknown>();
  const campaignId = Form.useWatch('campaignId', form);
  const campaign = campaigns.data?.find((c) => c.campaignId === campaignId);

  return (
    <Form<DossierFormValues>
      form={form}
      layout="vertical"
      initialValues={
        initial
          ? { ...initial, authors: initial.authors, owners: initial.owners }
          : { applicantKind: 'individual', type: 'solution', authors: [{ name: '' }], owners: [], year: new Date().getFullYear() }
      }
      onFinish={(values) => onSubmit({ ...values, attachments })}
      style={{ maxWidth: 820 }}
    >
      <ErrorAlert error={error} />
      <Card size="small" title="Phong trào và lĩnh vực" style={{ marginBottom: 16 }}>
        <Form.Item name="campaignId" label="Phong trào" rules={[{ required: true, message: 'Vui lòng chọn phong trào' }]}>
          <Select
            disabled={amend}
            loading={campaigns.isPending}
            placeholder="Chọn phong trào"
            options={(campaigns.data ?? []).map((c) => ({ value: c.campaignId, label: c.campaign.name }))}
            onChange={() => form.setFieldsValue({ fieldCode: undefined })}
          />
        </Form.Item>
        <Space wrap>
          <Form.Item name="year" label="Năm (đợt)" rules={[{ required: true, message: 'Vui lòng chọn năm' }]}>
            <Select
              disabled={amend}
              style={{ width: 140 }}
              options={Object.keys(campaign?.editions ?? { [new Date().getFullYear()]: [] }).map((y) => ({ value: Number(y), label: y }))}
            />
          </Form.Item>
          <Form.Item name="fieldCode" label="Lĩnh vực" rules={[{ required: true, message: 'Vui lòng chọn lĩnh vực' }]}>
            <Select
              disabled={amend}
              style={{ width: 260 }}
              placeholder="Chọn lĩnh vực"
              options={Object.values(campaign?.fields ?? {}).map((f) => ({ value: f.fieldCode, label: f.name }))}
            />
          </Form.Item>
        </Space>
      </Card>
      <Card size="small" title="Nội dung hồ sơ" style={{ marginBottom: 16 }}>
        <Form.Item
          name="title"
          label="Tên công trình, giải pháp, sáng kiến"
          rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập tên hồ sơ' }]}
        >
          <Input />
        </Form.Item>
        <Space wrap>
          <Form.Item name="type" label="Loại" rules={[{ required: true }]}>
            <Select style={{ width: 240 }} options={Object.entries(DOSSIER_TYPE_LABELS_VI).map(([value, l]) => ({ value, label: l }))} />
          </Form.Item>
          <Form.Item name="applicantKind" label="Cá nhân / Tập thể" rules={[{ required: true }]}>
            <Select style={{ width: 180 }} options={Object.entries(APPLICANT_KIND_LABELS_VI).map(([value, l]) => ({ value, label: l }))} />
          </Form.Item>
        </Space>
        <Form.Item name="summary" label="Tóm tắt">
          <Input.TextArea rows={4} />
        </Form.Item>
      </Card>
      <Card size="small" title="Tác giả / Nhóm tác giả" style={{ marginBottom: 16 }}>
        <Form.List name="authors">
          {(items, { add, remove }) => (
            <>
              {items.map((item, i) => (
                <Space key={item.key} align="baseline" wrap>
                  <Form.Item
                    name={[item.name, 'name']}
                    label={`Tác giả ${i + 1}`}
                    rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập họ tên tác giả' }]}
                  >
                    <Input style={{ width: 280 }} placeholder="Họ và tên" />
                  </Form.Item>
                  <Form.Item name={[item.name, 'role']} label="Vai trò">
                    <Input style={{ width: 200 }} placeholder="Chủ nhiệm, thành viên..." />
                  </Form.Item>
                  {items.length > 1 ? <Button onClick={() => remove(item.name)}>Xóa</Button> : null}
                </Space>
              ))}
              <Button onClick={() => add({ name: '' })}>Thêm tác giả</Button>
            </>
          )}
        </Form.List>
      </Card>
      <Card size="small" title="Chủ sở hữu / Đồng sở hữu" style={{ marginBottom: 16 }}>
        <Form.List name="owners">
          {(items, { add, remove }) => (
            <>
              {items.map((item, i) => (
                <Space key={item.key} align="baseline" wrap>
                  <Form.Item
                    name={[item.name, 'name']}
                    label={`Chủ sở hữu ${i + 1}`}
                    rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập tên chủ sở hữu' }]}
                  >
                    <Input style={{ width: 280 }} />
                  </Form.Item>
                  <Form.Item name={[item.name, 'share']} label="Tỷ lệ (%)">
                    <InputNumber min={0} max={100} decimalSeparator="," />
                  </Form.Item>
                  <Button onClick={() => remove(item.name)}>Xóa</Button>
                </Space>
              ))}
              <Button onClick={() => add({ name: '' })}>Thêm chủ sở hữu</Button>
            </>
          )}
        </Form.List>
      </Card>
      <Card size="small" title="Tài liệu đính kèm" style={{ marginBottom: 16 }}>
        <ErrorAlert error={uploadError} />
        <Upload
          multiple
          showUploadList={false}
          customRequest={({ file, onSuccess, onError }) => {
            // antd calls this and ignores what it returns: the upload reports back through onSuccess/onError.
            void (async () => {
              try {
                const body = new FormData();
                body.append('file', file as Blob);
                const res = await raw('submissions', '/attachments', { method: 'POST', body });
                const stored = (await res.json()) as Attachment;
                setAttachments((list) => [...list.filter((a) => a.sha256 !== stored.sha256), stored]);
                setUploadError(undefined);
                onSuccess?.(stored);
              } catch (e) {
                setUploadError(new Error(`Không tải lên được tệp: ${describeError(e)}`));
                onError?.(e as Error);
              }
            })();
          }}
        >
          <Button>Chọn tệp để tải lên</Button>
        </Upload>
        <ul style={{ marginTop: 12 }} aria-label="Tài liệu đã tải lên">
          {attachments.map((a) => (
            <li key={a.sha256} data-testid="attachment">
              {a.name} ({formatNumber(a.size / 1024)} KB) — SHA-256: <Typography.Text code>{a.sha256}</Typography.Text>{' '}
              <Button size="small" type="link" onClick={() => setAttachments((list) => list.filter((x) => x.sha256 !== a.sha256))}>
                Bỏ
              </Button>
            </li>
          ))}
        </ul>
      </Card>
      <Button type="primary" htmlType="submit" loading={submitting}>
        {amend ? 'Lưu nội dung bổ sung' : 'Lưu bản nháp'}
      </Button>
    </Form>
  );
}
