import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Card, Table, Tag, Typography } from 'antd';
import { LEVEL_LABELS, ROLE_LABELS, label } from '../lib/labels';
import { ErrorAlert, QueryState } from '../lib/ui';
import { ApiError, errorMessage } from '../api/errors';
import { DemoUser, portalConfig } from './portal-config';
import { signIn } from './session';
import { homeFor } from './roles';

async function demoUsers(): Promise<DemoUser[]> {
  const res = await fetch('/portal-api/demo-users');
  if (!res.ok) throw new ApiError(res.status, errorMessage(res.status, await res.json().catch(() => undefined)));
  return (await res.json()) as DemoUser[];
}

async function demoToken(key: string): Promise<string> {
  const res = await fetch('/portal-api/demo-token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ key }),
  });
  const body = (await res.json().catch(() => undefined)) as { token?: string } | undefined;
  if (!res.ok || !body?.token) throw new ApiError(res.status, errorMessage(res.status, body));
  return body.token;
}

export default function LoginPage() {
  const navigate = useNavigate();
  const config = useQuery({ queryKey: ['portal-config'], queryFn: portalConfig, staleTime: Infinity });
  const embedded = config.data?.mode === 'embedded';
  const users = useQuery({ queryKey: ['demo-users'], queryFn: demoUsers, enabled: embedded });
  const [pending, setPending] = useState<string>();
  const login = useMutation({
    mutationFn: demoToken,
    onSuccess: (token) => {
      const session = signIn(token);
      void navigate(homeFor(session.user.role), { replace: true });
    },
    onSettled: () => setPending(undefined),
  });
  const oidc = useMutation({
    mutationFn: async () => {
      const { startOidcSignIn } = await import('./oidc');
      await startOidcSignIn(config.data!.oidc!);
    },
  });
  useEffect(() => {
    document.title = 'Đăng nhập — Phong trào thi đua sáng tạo';
  }, []);

  return (
    <main style={{ maxWidth: 1000, margin: '32px auto', padding: '0 16px' }}>
      <Typography.Title level={1} style={{ fontSize: 26 }}>
        Nền tảng Phong trào thi đua sáng tạo
      </Typography.Title>
      <QueryState query={config} isEmpty={() => false}>
        {(c) =>
          c.mode === 'embedded' ? (
            <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>Đăng nhập bằng người dùng mẫu</h2>}>
              <Typography.Paragraph>
                Bản chạy thử (nhúng) cấp phiên đăng nhập cho các người dùng mẫu dưới đây. Chọn người bạn muốn đóng vai.
              </Typography.Paragraph>
              <ErrorAlert error={login.error} />
              <QueryState query={users} empty="Không có người dùng mẫu">
                {(list) => (
                  <Table<DemoUser>
                    rowKey="key"
                    dataSource={list}
                    pagination={false}
                    size="middle"
                    columns={[
                      { title: 'Họ và tên', dataIndex: 'name' },
                      { title: 'Vai trò', dataIndex: 'role', render: (r: string) => <Tag>{label(ROLE_LABELS, r)}</Tag> },
                      { title: 'Đơn vị', dataIndex: 'unitName' },
                      { title: 'Cấp', dataIndex: 'level', render: (l: string) => label(LEVEL_LABELS, l) },
                      {
                        title: 'Thao tác',
                        key: 'login',
                        render: (_: unknown, u) => (
                          <Button
                            type="primary"
                            loading={pending === u.key}
                            aria-label={`Đăng nhập với vai ${u.name}`}
                            onClick={() => {
                              setPending(u.key);
                              login.mutate(u.key);
                            }}
                          >
                            Đăng nhập
                          </Button>
                        ),
                      },
                    ]}
                  />
                )}
              </QueryState>
            </Card>
          ) : (
            <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>Đăng nhập</h2>}>
              <ErrorAlert error={oidc.error} />
              <Typography.Paragraph>Đăng nhập bằng tài khoản do hệ thống định danh của cơ quan cấp.</Typography.Paragraph>
              <Button type="primary" loading={oidc.isPending} disabled={!c.oidc} onClick={() => oidc.mutate()}>
                Đăng nhập bằng tài khoản định danh
              </Button>
            </Card>
          )
        }
      </QueryState>
      <Typography.Paragraph style={{ marginTop: 24 }}>
        <a href="/cong-khai">Xem Gương sáng tạo (không cần đăng nhập)</a>
      </Typography.Paragraph>
    </main>
  );
}
