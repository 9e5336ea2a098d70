import { Link, Route, Routes } from 'react-router-dom';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Alert, Button, Checkbox, Form, Input, InputNumber, List, Space, Tag, Typography } from 'antd';
import { describeError } from '../../api/errors';
import { PageTitle } from '../../layout/Shell';
import { formatDateTime } from '../../lib/format';
import { ErrorAlert, NotFound, QueryState } from '../../lib/ui';
import {
  KIND_LABELS,
  markRead,
  type Notification,
  type NotificationPreferences,
  type NotificationPreferencesInput,
  NOTIFICATIONS_KEY,
  savePreferences,
  useNotifications,
  usePreferences,
} from './notifications';

/** Thông báo: what the signed-in person must act on, newest first; mark one or all as read. */
function NotificationList() {
  const query = useNotifications();
  const client = useQueryClient();
  const { message } = App.useApp();
  const mutation = useMutation({
    mutationFn: markRead,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
    },
    onError: (error) => message.error(describeError(error)),
  });
  const unreadIds = (query.data?.items ?? []).filter((n) => !n.read).map((n) => n.id);
  return (
    <>
      <PageTitle
        extra={
          <Space>
            <Button disabled={!unreadIds.length} loading={mutation.isPending} onClick={() => mutation.mutate(unreadIds)}>
              Đánh dấu tất cả đã xem
            </Button>
            <Link to="/thong-bao/thiet-lap">Thiết lập nhận thông báo</Link>
          </Space>
        }
      >
        Thông báo việc cần làm
      </PageTitle>
      <QueryState query={query} isEmpty={(d) => d.items.length === 0} empty="Không có việc nào cần xử lý">
        {(d) => (
          <>
            <Typography.Paragraph data-testid="unread-count">Chưa xem: {d.unread}</Typography.Paragraph>
            <List<Notification>
              dataSource={d.items}
              renderItem={(n) => (
                <List.Item
                  data-testid="notification"
                  style={{ opacity: n.read ? 0.65 : 1 }}
                  actions={
                    n.read
                      ? [<Tag key="read">Đã xem</Tag>]
                      : [
                          <Button key="read" size="small" onClick={() => mutation.mutate([n.id])}>
                            Đánh dấu đã xem
                          </Button>,
                        ]
                  }
                >
                  <List.Item.Meta
                    title={
                      <Space wrap>
                        <Tag color={n.read ? 'default' : 'red'}>{n.kindLabel}</Tag>
                        <Link to={n.link}>{n.title}</Link>
                      </Space>
                    }
                    description={
                      <>
                        {n.detail ? <div>{n.detail}</div> : null}
                        <Typography.Text type="secondary">
                          {n.dueBy ? `Hạn: ${formatDateTime(n.dueBy)} · ` : ''}Thời điểm: {formatDateTime(n.at)}
                        </Typography.Text>
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          </>
        )}
      </QueryState>
    </>
  );
}

interface PreferencesForm {
  email?: string;
  emailDigest: boolean;
  kinds: string[];
  digestHour: number;
  reminderDays: number;
}

const toForm = (p: NotificationPreferences): PreferencesForm => ({
  ...(p.email ? { email: p.email } : {}),
  emailDigest: p.channels.includes('email'),
  kinds: p.kinds,
  digestHour: p.digestHour,
  reminderDays: p.reminderDays,
});

function PreferencesEditor({ initial }: { initial: NotificationPreferences }) {
  const [form] = Form.useForm<PreferencesForm>();
  const client = useQueryClient();
  const { message } = App.useApp();
  const mutation = useMutation({
    mutationFn: (v: PreferencesForm) => {
      const body: NotificationPreferencesInput = {
        ...(v.email?.trim() ? { email: v.email.trim() } : {}),
        channels: v.emailDigest ? ['portal', 'email'] : ['portal'],
        kinds: v.kinds as NotificationPreferencesInput['kinds'],
        digestHour: v.digestHour,
        reminderDays: v.reminderDays,
      };
      return savePreferences(body);
    },
    onSuccess: async () => {
      message.success('Đã lưu thiết lập nhận thông báo');
      await client.invalidateQueries({ queryKey: ['notification-preferences'] });
      await client.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
    },
  });
  return (
    <Form<PreferencesForm>
      form={form}
      layout="vertical"
      initialValues={toForm(initial)}
      onFinish={(v) => mutation.mutate(v)}
      style={{ maxWidth: 560 }}
    >
      <ErrorAlert error={mutation.error} />
      {!initial.saved ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message="Bạn đang dùng thiết lập mặc định: thông báo chỉ hiển thị trên cổng thông tin."
        />
      ) : null}
      <Form.Item name="kinds" label="Các loại việc muốn được thông báo">
        <Checkbox.Group options={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Form.Item name="emailDigest" valuePropName="checked">
        <Checkbox>Nhận thư tổng hợp qua thư điện tử (mỗi ngày một thư)</Checkbox>
      </Form.Item>
      <Form.Item name="email" label="Địa chỉ thư điện tử" rules={[{ type: 'email', message: 'Địa chỉ thư điện tử không hợp lệ' }]}>
        <Input placeholder="ten.can.bo@donvi.gov.vn" autoComplete="email" />
      </Form.Item>
      <Space size="large" wrap>
        <Form.Item name="digestHour" label="Giờ gửi thư (giờ Việt Nam)" rules={[{ required: true, message: 'Chọn giờ gửi thư' }]}>
          <InputNumber min={0} max={23} />
        </Form.Item>
        <Form.Item name="reminderDays" label="Nhắc trước hạn (ngày)" rules={[{ required: true, message: 'Nhập số ngày' }]}>
          <InputNumber min={1} max={60} />
        </Form.Item>
      </Space>
      {initial.lastDigestDay ? (
        <Typography.Paragraph type="secondary">
          Thư tổng hợp gần nhất: ngày {initial.lastDigestDay.split('-').reverse().join('/')}
        </Typography.Paragraph>
      ) : null}
      <Space>
        <Button type="primary" htmlType="submit" loading={mutation.isPending}>
          Lưu thiết lập
        </Button>
        <Link to="/thong-bao">Quay lại thông báo</Link>
      </Space>
    </Form>
  );
}

function PreferencesPage() {
  const query = usePreferences();
  return (
    <>
      <PageTitle>Thiết lập nhận thông báo</PageTitle>
      <QueryState query={query}>{(p) => <PreferencesEditor initial={p} />}</QueryState>
    </>
  );
}

export default function NotificationsArea() {
  return (
    <Routes>
      <Route index element={<NotificationList />} />
      <Route path="thiet-lap" element={<PreferencesPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
