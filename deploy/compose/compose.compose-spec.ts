import { execFile } from 'child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { promisify } from 'util';
import type { Actor, CouncilMember } from '@cem/contracts';
import { LocalIssuer } from '@cem/identity';
import { councilSeat, HCM, mintTokens, path, setUpHcmCampaign } from '@cem/testing/scenario';
import { passwordGrant } from '../keycloak/password-grant';
import { NO_AUDIENCE_CLIENT, OTHER_REALM, REALM } from '../keycloak/realm';
import { composeEnv, freePort, ROOT } from './compose-env';

/**
 * docker-compose.yml for real: the images deploy/images/build.sh built (servers and the four services, compiled
 * JavaScript), brought up by `docker compose up --wait` under a project name of this run. A commune's dossier
 * is drafted, submitted and received over HTTP on submissions; councils opens an evaluation case from the
 * DossierReceived it consumes from Kafka, and reporting archives both contexts' events (its audit history is
 * where the test looks). Then the councils container is killed (`docker kill`), a second dossier is received
 * while it is down, the container is started again, and it catches up: the second case shows up too. No service
 * restarted on the fresh broker. Keycloak (deploy/images/keycloak, the `keycloak` profile) runs beside them: once
 * reporting is recreated with it as its issuer, a Keycloak token is accepted and foreign tokens get 401.
 */
const run = promisify(execFile);
const { admin: ADMIN, auditor: AUDITOR, districtAgency: DISTRICT_AGENCY, tanKien: TAN_KIEN, frontChair: FRONT_CHAIR } = HCM;
const CAMPAIGN = 'hcm-sang-tao-compose';
const SERVICES = ['submissions', 'councils', 'recognition', 'reporting'] as const;
type Service = (typeof SERVICES)[number];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Retries `probe` until it returns a value (eventual consistency across services), up to `seconds`. */
async function eventually<T>(what: string, probe: () => Promise<T | undefined>, seconds = 120): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`${what}: not after ${seconds} s${last instanceof Error ? ` (${last.message})` : ''}`);
    await sleep(500);
  }
}

describe('docker compose: the distributed topology from the images', () => {
  // Named after tools/test.sh's run id when there is one: its exit trap removes the project even if jest dies.
  const project = `cem-compose-${process.env.CEM_TEST_RUN_ID ?? process.pid}`.toLowerCase();
  const issuerDir = mkdtempSync(join(tmpdir(), 'cem-compose-issuer-'));
  const ports = {} as Record<Service, number>;
  let env: NodeJS.ProcessEnv;
  let keycloakPort: number;
  const tokens = new Map<Actor, string>();
  let localAuditorToken: string;
  /** The first test's first dossier (received, its evaluation case opened). */
  let firstDossier: string;

  const compose = (...args: string[]) =>
    run('docker', ['compose', '-f', join(ROOT, 'docker-compose.yml'), '-p', project, ...args], {
      env,
      cwd: ROOT,
      maxBuffer: 64 * 1024 * 1024,
    });

  const call = async (service: Service, actor: Actor, method: 'GET' | 'POST', route: string, body?: object) => {
    const res = await fetch(`http://127.0.0.1:${ports[service]}${route}`, {
      signal: AbortSignal.timeout(30_000),
      method,
      headers: { authorization: `Bearer ${tokens.get(actor)}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as Record<string, unknown> };
  };
  const post = async (actor: Actor, route: string, body: object = {}, service: Service = 'submissions') => {
    const res = await call(service, actor, 'POST', route, body);
    if (res.status >= 300) throw new Error(`POST ${route}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const history = async (dossierId: string) => {
    const res = await call('reporting', AUDITOR, 'GET', `/audit/dossiers/${dossierId}/history`);
    if (res.status !== 200) throw new Error(`history: ${res.status}`);
    return (res.body.history as { type: string; source?: string }[]).map((e) => e.type);
  };
  /** Drafted by Tân Kiên, submitted to Bình Chánh, received by its Phòng Nội vụ: all over HTTP. */
  const receivedDossier = async (title: string) => {
    const drafted = await eventually('draft accepted (campaign read model)', async () =>
      post(TAN_KIEN, '/dossiers', {
        campaignId: CAMPAIGN,
        year: 2024,
        fieldCode: 'khcn',
        type: 'initiative',
        title,
        summary: 'Rút ngắn thời gian tiếp nhận hồ sơ hành chính tại xã',
        applicantKind: 'collective',
        authors: [{ name: 'Nguyễn Văn Đức', personId: 'p-duc', role: 'Chủ nhiệm' }],
        owners: [{ name: 'UBND xã Tân Kiên', share: 100 }],
        attachments: [],
      }),
    );
    const dossierId = drafted.dossierId as string;
    await post(TAN_KIEN, `/dossiers/${dossierId}/submit`);
    await post(DISTRICT_AGENCY, `/dossiers/${dossierId}/receive`);
    return dossierId;
  };
  const caseOpened = (dossierId: string) =>
    eventually(`evaluation case of ${dossierId} archived by reporting`, async () => {
      const types = await history(dossierId);
      return types.some((t) => t.endsWith('EvaluationCaseOpened')) ? types : undefined;
    });

  const containerOf = async (service: Service) => (await compose('ps', '-aq', service)).stdout.trim();
  const restartCounts = async () => {
    const counts = {} as Record<Service, number>;
    for (const s of SERVICES)
      counts[s] = Number((await run('docker', ['inspect', '-f', '{{.RestartCount}}', await containerOf(s)], { env })).stdout.trim());
    return counts;
  };

  const allHealthy = (seconds: number) =>
    eventually(
      'all four services answer /health',
      async () => {
        for (const s of SERVICES) if ((await call(s, ADMIN, 'GET', '/health')).status !== 200) return undefined;
        return true;
      },
      seconds,
    );

  beforeAll(async () => {
    keycloakPort = await freePort();
    env = {
      ...process.env,
      ...(await composeEnv()),
      CEM_ISSUER_DIR: issuerDir,
      CEM_LOG_LEVEL: 'warn',
      // Keycloak too (deploy/images/keycloak); the services verify the local issuer's tokens until the last test.
      COMPOSE_PROFILES: 'keycloak',
      CEM_KEYCLOAK_PORT: String(keycloakPort),
      CEM_OIDC_ISSUER: '',
    };
    for (const s of SERVICES) {
      ports[s] = await freePort();
      env[`CEM_${s.toUpperCase()}_PORT`] = String(ports[s]);
    }
    // The services verify tokens of this issuer; its key is mounted read-only, readable by their user.
    const issuer = await LocalIssuer.loadOrCreate(issuerDir);
    chmodSync(issuerDir, 0o755);
    for (const f of readdirSync(issuerDir)) chmodSync(join(issuerDir, f), 0o644);
    for (const [actor, token] of await mintTokens(issuer, Object.values(HCM))) tokens.set(actor, token);
    localAuditorToken = tokens.get(AUDITOR)!;
    // `--wait`: every container healthy, or the command fails (a service that exits on a fresh broker fails it).
    try {
      await compose('up', '-d', '--no-build', '--wait', '--wait-timeout', '600');
      await allHealthy(120);
    } catch (error) {
      console.error((await compose('logs', '--no-color', '--tail', '40')).stdout);
      throw error;
    }
  }, 900_000);

  afterAll(async () => {
    await compose('down', '-v', '--remove-orphans', '--timeout', '5').catch((error: unknown) =>
      console.error('compose down failed', error),
    );
    rmSync(issuerDir, { recursive: true, force: true });
  }, 120_000);

  it('runs the cross-service flow, and a killed service catches up after its restart', async () => {
    for (const s of SERVICES) expect((await call(s, ADMIN, 'GET', '/health')).status).toBe(200);
    // A fresh broker and fresh databases: each service creates its topics and starts without crashing once.
    expect(await restartCounts()).toEqual({ submissions: 0, councils: 0, recognition: 0, reporting: 0 });

    // The scenario of services/submissions/test/submissions.e2e-spec.ts (libs/testing scenario): units, the mandates
    // that let the city's board and Bình Chánh's Phòng Nội vụ act for their jurisdictions, then the campaign. The
    // access guard reads mandates and campaigns from projections: each step waits until it is accepted.
    await setUpHcmCampaign(post, {
      campaignId: CAMPAIGN,
      name: 'Phong trào thi đua sáng tạo (compose)',
      planNumber: '1/KH-COMPOSE',
      retry: (step) => eventually('campaign set-up step accepted (read models)', step),
    });

    // Bình Chánh's appraisal council for the field and edition, on councils: its members' agencies are seeded
    // units, which reach councils over Kafka (hence `eventually`).
    const seat = (memberId: string, personName: string, agencyUnitId: string, agencyName: string, role: CouncilMember['role']) =>
      councilSeat('2024-09-01', memberId, personName, agencyUnitId, agencyName, role);
    await eventually('council established (units replicated to councils)', () =>
      post(
        FRONT_CHAIR,
        '/councils',
        {
          councilId: 'hd-binh-chanh-compose',
          name: 'Hội đồng thẩm định sáng tạo huyện Bình Chánh',
          level: 'district',
          jurisdictionUnitId: 'vn-hcm-binh-chanh',
          jurisdictionUnitPath: path('binhChanh'),
          fieldCodes: ['khcn'],
          decision: { number: '01/QĐ-MTTQ', date: '2024-09-01', signedBy: 'Chủ tịch Ủy ban MTTQ huyện Bình Chánh' },
          members: [
            seat('m-chair', 'Trần Văn Hải', 'vn-hcm-binh-chanh-mttq', 'Ủy ban MTTQ huyện Bình Chánh', 'chair'),
            seat('m-secretary', 'Hoàng Thu Hà', 'vn-hcm-binh-chanh-phong-noi-vu', 'Phòng Nội vụ', 'secretary'),
            seat('m-kinh-te', 'Lê Văn Khoa', 'vn-hcm-binh-chanh-phong-kinh-te', 'Phòng Kinh tế', 'member'),
            seat('m-gddt', 'Phạm Thị Liên', 'vn-hcm-binh-chanh-phong-gddt', 'Phòng Giáo dục và Đào tạo', 'member'),
          ],
          regulations: { quorum: 3, aggregation: 'weighted-mean', tieBreak: ['higher-top-criterion', 'earlier-receipt', 'dossier-id'] },
          editions: [{ campaignId: CAMPAIGN, year: 2024 }],
        },
        'councils',
      ),
    );

    const first = await receivedDossier('Sáng kiến một cửa điện tử');
    firstDossier = first;
    expect(await caseOpened(first)).toEqual(
      expect.arrayContaining([expect.stringMatching(/DossierReceived$/), expect.stringMatching(/EvaluationCaseOpened$/)]),
    );

    const councils = await containerOf('councils');
    await run('docker', ['kill', councils], { env });
    expect((await run('docker', ['inspect', '-f', '{{.State.Running}}', councils], { env })).stdout.trim()).toBe('false');

    // While councils is down: submissions and reporting go on; the case waits in Kafka.
    const second = await receivedDossier('Sáng kiến sổ tay điện tử');
    const archived = await eventually('second dossier received, archived', async () => {
      const types = await history(second);
      return types.some((t) => t.endsWith('DossierReceived')) ? types : undefined;
    });
    expect(archived.some((t) => t.endsWith('EvaluationCaseOpened'))).toBe(false);

    await compose('start', 'councils');
    await allHealthy(180);
    expect(await caseOpened(second)).toEqual(expect.arrayContaining([expect.stringMatching(/EvaluationCaseOpened$/)]));
    // The first dossier's case is not opened twice (the reaction's event ids derive from the incoming event).
    expect((await history(first)).filter((t) => t.endsWith('EvaluationCaseOpened'))).toHaveLength(1);
  }, 600_000);

  it("accepts the Keycloak container's tokens once a service's issuer is Keycloak; another realm's, a wrong audience's and the local issuer's get 401", async () => {
    // The same container image and data; only the issuer changes (`up` recreates the one service).
    env = { ...env, CEM_OIDC_ISSUER: `http://keycloak:8080/realms/${REALM}` };
    await compose('up', '-d', '--no-build', '--wait', '--wait-timeout', '300', 'reporting');
    const keycloak = `http://127.0.0.1:${keycloakPort}`;

    const auditor = await passwordGrant(keycloak, REALM, 'auditor');
    tokens.set(AUDITOR, auditor);
    const history = await eventually('reporting answers with a Keycloak token', async () => {
      const res = await call('reporting', AUDITOR, 'GET', `/audit/dossiers/${firstDossier}/history`);
      return res.status === 200 ? res.body : undefined;
    });
    expect((history.history as { type: string }[]).map((e) => e.type)).toEqual(
      expect.arrayContaining([expect.stringMatching(/DossierReceived$/), expect.stringMatching(/EvaluationCaseOpened$/)]),
    );

    const refused = async (token: string) => {
      tokens.set(AUDITOR, token);
      return (await call('reporting', AUDITOR, 'GET', `/audit/dossiers/${firstDossier}/history`)).status;
    };
    expect(await refused(await passwordGrant(keycloak, OTHER_REALM, 'auditor'))).toBe(401);
    expect(await refused(await passwordGrant(keycloak, REALM, 'auditor', NO_AUDIENCE_CLIENT))).toBe(401);
    expect(await refused(localAuditorToken)).toBe(401);
  }, 600_000);
});
