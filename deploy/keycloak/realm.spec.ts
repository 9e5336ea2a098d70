import { readFileSync } from 'fs';
import { join } from 'path';
import { DEMO_USERS } from '@cem/identity';
import { buildRealm, REALM, realmFiles } from './realm';

describe('Keycloak realm kept as code', () => {
  it.each(Object.entries(realmFiles()))('the committed %s equals the generated one (npm run keycloak:realm)', (name, text) => {
    expect(readFileSync(join(__dirname, name), 'utf8')).toBe(text);
  });

  it('has every demo user of the embedded default, with the claims the services read', () => {
    const realm = buildRealm(REALM);
    expect(realm.users.map((u) => u.username).sort()).toEqual(Object.keys(DEMO_USERS).sort());
    const officer = realm.users.find((u) => u.username === 'commune-officer')!;
    expect(officer.attributes).toEqual({
      role: ['unit-officer'],
      unit_id: ['vn-hcm-binh-chanh-tan-kien'],
      level: ['commune'],
      unit_path: ['vn', 'vn-hcm', 'vn-hcm-binh-chanh', 'vn-hcm-binh-chanh-tan-kien'],
    });
    expect(`${officer.firstName} ${officer.lastName}`).toBe(DEMO_USERS['commune-officer'].name);
  });

  it('declares the platform attributes in the user profile (undeclared ones are dropped by Keycloak)', () => {
    const config = JSON.parse(
      buildRealm(REALM).components['org.keycloak.userprofile.UserProfileProvider'][0].config['kc.user.profile.config'][0],
    );
    expect((config.attributes as { name: string }[]).map((a) => a.name)).toEqual(
      expect.arrayContaining(['role', 'unit_id', 'level', 'unit_path']),
    );
  });

  it('lets the portal in only by the authorisation code flow with PKCE (S256), as a public client', () => {
    const portal = buildRealm(REALM).clients.find((c) => c.clientId === 'cem-portal') as { attributes: Record<string, string> };
    expect(portal).toMatchObject({
      publicClient: true,
      standardFlowEnabled: true,
      implicitFlowEnabled: false,
      directAccessGrantsEnabled: false,
    });
    expect(portal.attributes).toMatchObject({ 'pkce.code.challenge.method': 'S256' });
  });
});
