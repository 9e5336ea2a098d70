import { Suspense } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Badge, Button, Layout, Menu, Space, Spin, Typography } from 'antd';
import { useSession, signOut } from '../auth/session';
import { portalConfig } from '../auth/portal-config';
import { AREAS, areasFor } from '../auth/roles';
import { LEVEL_LABELS, ROLE_LABELS, label } from '../lib/labels';
import { useNotifications } from '../areas/notifications/notifications';

const { Header, Sider, Content } = Layout;

/** The frame around every signed-in page: who I am, my areas, sign out. */
export function Shell({ publicPage = false }: { publicPage?: boolean }) {
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  if (!session && !publicPage) return <Navigate to="/dang-nhap" replace />;
  const areas = session ? [...areasFor(session.user.role), AREAS[AREAS.length - 1]] : [AREAS[AREAS.length - 1]];
  const selected = areas.find((a) => location.pathname.startsWith(a.path))?.path;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', background: '#8e0000', paddingInline: 24 }}>
        <Link to="/" style={{ color: '#fff', fontWeight: 600, fontSize: 17 }}>
          Phong trào thi đua sáng tạo
        </Link>
        {session ? (
          <Space style={{ color: '#fff' }}>
            <NotificationBell />
            <span data-testid="current-user">
              {session.user.name} · {label(ROLE_LABELS, session.user.role)} · {label(LEVEL_LABELS, session.user.level)}
            </span>
            <Button
              size="small"
              onClick={() => {
                signOut();
                void portalConfig()
                  .then(async (config) => {
                    if (config.mode === 'oidc' && config.oidc) {
                      const { startOidcSignOut } = await import('../auth/oidc');
                      await startOidcSignOut(config.oidc);
                    } else {
                      void navigate('/dang-nhap');
                    }
                  })
                  .catch((error: unknown) => {
                    // The local session is gone already; the provider's session outlives it only if this fails.
                    console.error('Đăng xuất khỏi hệ thống định danh không thành công', error);
                    void navigate('/dang-nhap');
                  });
              }}
            >
              Đăng xuất
            </Button>
          </Space>
        ) : (
          <Link to="/dang-nhap" style={{ color: '#fff' }}>
            Đăng nhập
          </Link>
        )}
      </Header>
      <Layout>
        <Sider width={230} theme="light" breakpoint="lg" collapsedWidth={0}>
          <nav aria-label="Chức năng">
            <Menu
              mode="inline"
              selectedKeys={selected ? [selected] : []}
              items={areas.map((a) => ({ key: a.path, label: <Link to={a.path}>{a.title}</Link> }))}
            />
          </nav>
        </Sider>
        {/* Ant Design's Content is the page's one <main> landmark. */}
        <Content style={{ padding: 24, background: '#fff' }}>
          <div>
            <Suspense
              fallback={
                <Spin tip="Đang tải..." size="large">
                  <div style={{ minHeight: 80 }} />
                </Spin>
              }
            >
              <Outlet />
            </Suspense>
          </div>
        </Content>
      </Layout>
    </Layout>
  );
}

/** Thông báo: the number of things the person has not looked at yet, refreshed every minute; opens the list. */
function NotificationBell() {
  const query = useNotifications(60_000);
  const unread = query.data?.unread ?? 0;
  return (
    <Link to="/thong-bao" aria-label={`Thông báo, ${unread} chưa xem`} data-testid="notification-bell" style={{ color: '#fff' }}>
      <Badge count={unread} size="small" offset={[8, -2]}>
        <span style={{ color: '#fff' }}>Thông báo</span>
      </Badge>
    </Link>
  );
}

export function PageTitle({ children, extra }: { children: string; extra?: React.ReactNode }) {
  return (
    <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 16 }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {children}
      </Typography.Title>
      {extra}
    </div>
  );
}
