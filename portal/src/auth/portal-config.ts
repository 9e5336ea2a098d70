/** What the server that serves the portal tells it: the embedded launcher or a deployment's gateway. */
export interface PortalConfig {
  mode: 'embedded' | 'oidc';
  oidc?: { authority: string; clientId: string; scope?: string };
}

let cached: Promise<PortalConfig> | undefined;

export function portalConfig(): Promise<PortalConfig> {
  cached ??= fetch('/portal-api/config')
    .then((r) => (r.ok ? (r.json() as Promise<PortalConfig>) : { mode: 'oidc' as const }))
    .catch(() => ({ mode: 'oidc' as const }));
  return cached;
}

export interface DemoUser {
  key: string;
  name: string;
  role: string;
  unitId: string;
  unitName: string;
  level: string;
}
