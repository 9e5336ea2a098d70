import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { PortalConfig } from './portal-config';

// Authorisation code + PKCE (oidc-client-ts' default flow). State and tokens stay in sessionStorage;
// the code travels in the callback URL once and is exchanged at once, the access token never does.
function manager(config: NonNullable<PortalConfig['oidc']>): UserManager {
  return new UserManager({
    authority: config.authority,
    client_id: config.clientId,
    redirect_uri: `${window.location.origin}/dang-nhap/callback`,
    post_logout_redirect_uri: `${window.location.origin}/dang-nhap`,
    response_type: 'code',
    scope: config.scope ?? 'openid profile',
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
}

export async function startOidcSignIn(config: NonNullable<PortalConfig['oidc']>): Promise<void> {
  await manager(config).signinRedirect();
}

export async function completeOidcSignIn(config: NonNullable<PortalConfig['oidc']>): Promise<string> {
  const user = await manager(config).signinRedirectCallback();
  // Drop the code from the address bar.
  window.history.replaceState(null, '', '/dang-nhap/callback');
  return user.access_token;
}

/**
 * Ends the provider's session too (RP-initiated logout with the id token as hint), so that the next
 * "Đăng nhập" asks for the password again instead of signing the same person in silently.
 */
export async function startOidcSignOut(config: NonNullable<PortalConfig['oidc']>): Promise<void> {
  const users = manager(config);
  const user = await users.getUser();
  await users.removeUser();
  await users.signoutRedirect({ id_token_hint: user?.id_token });
}
