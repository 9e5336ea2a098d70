import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Result, Spin } from 'antd';
import { describeError } from '../api/errors';
import { portalConfig } from './portal-config';
import { signIn } from './session';
import { homeFor } from './roles';

export default function OidcCallbackPage() {
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    (async () => {
      const config = await portalConfig();
      const { completeOidcSignIn } = await import('./oidc');
      const session = signIn(await completeOidcSignIn(config.oidc!));
      void navigate(homeFor(session.user.role), { replace: true });
    })().catch(setError);
  }, [navigate]);
  if (error)
    return (
      <Result status="error" title="Đăng nhập không thành công" subTitle={describeError(error)} extra={<a href="/dang-nhap">Thử lại</a>} />
    );
  return <Spin tip="Đang hoàn tất đăng nhập..." fullscreen />;
}
