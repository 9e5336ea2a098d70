import { ROLES } from '@cem/contracts';
import { DEMO_USERS, PLATFORM_AUDIENCE } from '@cem/identity';

/**
 * The Keycloak realms of the distributed deployment, kept as code: `realm-cem.json` (the platform's realm)
 * and `realm-cem-other.json` (a second realm whose tokens the services must refuse) are generated from
 * this file by `npm run keycloak:realm`, and a unit test fails when the committed JSON drifts from it.
 *
 * The services read the claims `sub`, `name`, `role`, `unit_id`, `level` and `unit_path` (see
 * libs/identity token-claims). Keycloak keeps them as user attributes declared in the realm's user profile
 * (undeclared attributes are dropped silently); attribute mappers on each client put them into the access
 * token, and an audience mapper puts the services' audience into `aud`.
 */
export const REALM = 'cem';
export const OTHER_REALM = 'cem-other';
export const PORTAL_CLIENT = 'cem-portal';
/** A confidential client with the password grant, for integration tests and scripts only. */
export const TEST_CLIENT = 'cem-test';
export const TEST_CLIENT_SECRET = 'cem-test-secret';
/** Same as TEST_CLIENT but without the audience scope: its tokens must be refused (wrong audience). */
export const NO_AUDIENCE_CLIENT = 'cem-test-no-audience';
/** Every demo user's password in the demo realm. A real deployment imports its users from its own directory. */
export const DEMO_PASSWORD = 'demo';

/** Where the portal may be served: the embedded default's address and the browser tests' gateway. */
export const PORTAL_ORIGINS = ['http://127.0.0.1:3000', 'http://localhost:3000', 'http://127.0.0.1:3900'];

const attributeMapper = (claim: string, multivalued = false) => ({
  name: claim,
  protocol: 'openid-connect',
  protocolMapper: 'oidc-usermodel-attribute-mapper',
  consentRequired: false,
  config: {
    'user.attribute': claim,
    'claim.name': claim,
    'jsonType.label': 'String',
    multivalued: String(multivalued),
    'access.token.claim': 'true',
    'id.token.claim': 'true',
    'userinfo.token.claim': 'true',
    'introspection.token.claim': 'true',
  },
});

/** Declared attributes; only administrators edit them (a person must not change their own unit or role). */
const platformAttribute = (name: string, displayName: string, multivalued = false, options?: string[]) => ({
  name,
  displayName,
  multivalued,
  permissions: { view: ['admin', 'user'], edit: ['admin'] },
  validations: options ? { options: { options } } : {},
});

const userProfile = {
  attributes: [
    {
      name: 'username',
      displayName: '${username}',
      validations: { length: { min: 3, max: 255 }, 'username-prohibited-characters': {}, 'up-username-not-idn-homograph': {} },
      permissions: { view: ['admin', 'user'], edit: ['admin', 'user'] },
    },
    {
      name: 'email',
      displayName: '${email}',
      validations: { email: {}, length: { max: 255 } },
      required: { roles: ['user'] },
      permissions: { view: ['admin', 'user'], edit: ['admin', 'user'] },
    },
    {
      name: 'firstName',
      displayName: '${firstName}',
      validations: { length: { max: 255 }, 'person-name-prohibited-characters': {} },
      required: { roles: ['user'] },
      permissions: { view: ['admin', 'user'], edit: ['admin', 'user'] },
    },
    {
      name: 'lastName',
      displayName: '${lastName}',
      validations: { length: { max: 255 }, 'person-name-prohibited-characters': {} },
      required: { roles: ['user'] },
      permissions: { view: ['admin', 'user'], edit: ['admin', 'user'] },
    },
    platformAttribute('role', 'Vai trò', false, [...ROLES]),
    platformAttribute('unit_id', 'Đơn vị'),
    platformAttribute('level', 'Cấp', false, ['central', 'province', 'district', 'commune']),
    // Ordered from the top (central) down to the person's own unit; the services check that it ends at unit_id.
    platformAttribute('unit_path', 'Đường dẫn đơn vị', true),
  ],
  groups: [],
};

/**
 * Vietnamese names are written family name first ("Nguyễn Văn An"); Keycloak's `name` claim is
 * "firstName lastName", so firstName holds the family and middle names and lastName the given name.
 */
function splitName(full: string): { firstName: string; lastName: string } {
  const words = full.split(' ');
  return words.length === 1
    ? { firstName: full, lastName: full }
    : { firstName: words.slice(0, -1).join(' '), lastName: words[words.length - 1] };
}

function demoUsers() {
  return Object.entries(DEMO_USERS).map(([key, user]) => ({
    username: key,
    enabled: true,
    email: `${key}@demo.cem.invalid`,
    emailVerified: true,
    ...splitName(user.name),
    attributes: {
      role: [user.role],
      unit_id: [user.unitId],
      level: [user.level],
      unit_path: [...user.unitPath],
    },
    credentials: [{ type: 'password', value: DEMO_PASSWORD, temporary: false }],
  }));
}

const claimMappers = [attributeMapper('role'), attributeMapper('unit_id'), attributeMapper('level'), attributeMapper('unit_path', true)];

const audienceMapper = {
  name: 'audience',
  protocol: 'openid-connect',
  protocolMapper: 'oidc-audience-mapper',
  consentRequired: false,
  config: {
    'included.custom.audience': PLATFORM_AUDIENCE,
    'access.token.claim': 'true',
    'id.token.claim': 'false',
    'introspection.token.claim': 'true',
  },
};

/**
 * Mappers sit on the clients rather than in realm client scopes: a realm import that lists client scopes
 * replaces Keycloak's built-in ones (`basic` carries `sub`, `profile` carries `name`), which the tokens need.
 */
const passwordGrantClient = (clientId: string, withAudience: boolean) => ({
  clientId,
  name: clientId,
  enabled: true,
  publicClient: false,
  secret: TEST_CLIENT_SECRET,
  clientAuthenticatorType: 'client-secret',
  standardFlowEnabled: false,
  directAccessGrantsEnabled: true,
  serviceAccountsEnabled: false,
  protocol: 'openid-connect',
  fullScopeAllowed: false,
  protocolMappers: withAudience ? [...claimMappers, audienceMapper] : claimMappers,
});

export function buildRealm(realm: string) {
  return {
    realm,
    displayName: 'Phong trào thi đua sáng tạo',
    enabled: true,
    // Local development over plain HTTP on 127.0.0.1; a deployment sets this to "external" or "all".
    sslRequired: 'none',
    internationalizationEnabled: true,
    supportedLocales: ['vi', 'en'],
    defaultLocale: 'vi',
    accessTokenLifespan: 900,
    registrationAllowed: false,
    loginWithEmailAllowed: false,
    bruteForceProtected: true,
    clients: [
      {
        clientId: PORTAL_CLIENT,
        name: 'Cổng thông tin',
        enabled: true,
        publicClient: true,
        standardFlowEnabled: true,
        implicitFlowEnabled: false,
        directAccessGrantsEnabled: false,
        serviceAccountsEnabled: false,
        protocol: 'openid-connect',
        redirectUris: PORTAL_ORIGINS.map((origin) => `${origin}/*`),
        webOrigins: PORTAL_ORIGINS,
        attributes: {
          'pkce.code.challenge.method': 'S256',
          'post.logout.redirect.uris': PORTAL_ORIGINS.map((origin) => `${origin}/*`).join('##'),
        },
        fullScopeAllowed: false,
        protocolMappers: [...claimMappers, audienceMapper],
      },
      passwordGrantClient(TEST_CLIENT, true),
      passwordGrantClient(NO_AUDIENCE_CLIENT, false),
    ],
    users: demoUsers(),
    components: {
      'org.keycloak.userprofile.UserProfileProvider': [
        {
          providerId: 'declarative-user-profile',
          subComponents: {},
          config: { 'kc.user.profile.config': [JSON.stringify(userProfile)] },
        },
      ],
    },
  };
}

/** The committed files: name -> JSON text. */
export function realmFiles(): Record<string, string> {
  return {
    'realm-cem.json': JSON.stringify(buildRealm(REALM), null, 2) + '\n',
    'realm-cem-other.json': JSON.stringify(buildRealm(OTHER_REALM), null, 2) + '\n',
  };
}
