import { NotFoundError, Role, CAMPAIGN_ROLES, NOMINATING_ROLES } from '@cem/contracts';
import { actorActingFrom, ownUnit, relation, Relation } from '@cem/identity';
import {
  bodyString,
  queryString,
  controllerAccess,
  defineAccessPolicy,
  optionalBodyString,
  paramString,
  ServiceAccessRule,
  ServiceInfra,
} from '@cem/service-kit';
import { AttachmentsController } from './attachments/attachments.controller';
import { receivingAgencyFor } from './campaigns/campaign.queries';
import { CampaignsController } from './campaigns/campaigns.controller';
import { DossierQueriesController } from './dossiers/dossier-queries.controller';
import { DossierListDoc, dossierListProjection } from './dossiers/dossier-list.projection';
import { canView, DossierVisibilityFacts } from './dossiers/dossier-visibility.policy';
import { loadDossier } from './dossiers/dossier.handlers';
import { DossiersController } from './dossiers/dossiers.controller';
import { entryAt } from './dossiers/dossier.state';
import { loadMandate } from './mandates/mandate.handlers';
import { MandatesController } from './mandates/mandates.controller';
import { requireCampaign, requireUnit } from './shared/lookups';
import { DossierImportsController } from './imports/dossier-imports.controller';
import { ClustersController } from './units/clusters.controller';
import { UnitsController } from './units/units.controller';

/**
 * Who may call each submissions route (docs/security.md). Roles first; then one of the relations must hold
 * between one of the units the actor acts from (their own, or a jurisdiction they hold a mandate for) and the
 * record. The deciders keep their own business rules; this file is the one place for who may ask.
 */

const ALL = 'any' as const;

// ---- facts -----------------------------------------------------------------------------------------------

/** A campaign's launching unit and, for agency and deadline routes, the jurisdiction named in the body. */
interface CampaignFacts {
  launcherPath: string[];
  jurisdictionPath?: string[];
}

async function campaignFacts(infra: ServiceInfra, campaignId: string, jurisdictionUnitId?: string): Promise<CampaignFacts> {
  const campaign = await requireCampaign(infra, campaignId);
  const launcher = await requireUnit(infra, campaign.campaign!.launchedByUnitId);
  const jurisdiction = jurisdictionUnitId ? await requireUnit(infra, jurisdictionUnitId) : undefined;
  return { launcherPath: launcher.unitPath, ...(jurisdiction ? { jurisdictionPath: jurisdiction.unitPath } : {}) };
}

/** What the dossier routes look at: who nominated it, where it sits now, which agency receives it there. */
interface DossierAccessFacts extends DossierVisibilityFacts {
  nominatingUnitPath: string[];
  currentJurisdictionPath?: string[];
  currentAgencyUnitId?: string;
}

async function dossierFacts(infra: ServiceInfra, dossierId: string): Promise<DossierAccessFacts> {
  const { state, dossier } = await loadDossier(infra, dossierId);
  const entry = entryAt(state, state.currentLevel);
  let currentAgencyUnitId: string | undefined;
  if (entry && state.currentLevel) {
    const campaign = await requireCampaign(infra, dossier.campaignId);
    currentAgencyUnitId = receivingAgencyFor(campaign, dossier.fieldCode, state.currentLevel, entry.jurisdictionUnitId);
  }
  return {
    nominatingUnitId: dossier.nominatingUnitId,
    nominatingUnitPath: dossier.nominatingUnitPath,
    authorPersonIds: dossier.authors.flatMap((a) => (a.personId ? [a.personId] : [])),
    reached: state.lineage.map((e) => `${e.level}:${e.jurisdictionUnitId}`),
    ...(entry ? { currentJurisdictionPath: entry.jurisdictionUnitPath } : {}),
    ...(currentAgencyUnitId ? { currentAgencyUnitId } : {}),
  };
}

// ---- relations ---------------------------------------------------------------------------------------------

const launchingUnit = ownUnit<CampaignFacts>((f) => f.launcherPath, 'đơn vị phát động phong trào');
const namedJurisdiction = ownUnit<CampaignFacts>(
  (f) => f.jurisdictionPath,
  'đơn vị của địa bàn được nêu (cấp dưới tự tổ chức phần của mình)',
);
const inCampaignArea = relation<CampaignFacts>('in-campaign-area', 'đơn vị thuộc địa bàn của phong trào', ({ unit }, f) =>
  unit.unitPath.includes(f.launcherPath[f.launcherPath.length - 1]),
);
const nominatingUnit = ownUnit<DossierAccessFacts>((f) => f.nominatingUnitPath, 'đơn vị đề cử hồ sơ');
const receivingAgency = ownUnit<DossierAccessFacts>(
  (f) => (f.currentAgencyUnitId ? [f.currentAgencyUnitId] : undefined),
  'cơ quan tiếp nhận được phân công cho lĩnh vực ở cấp hồ sơ đang nằm',
);
const currentJurisdiction = ownUnit<DossierAccessFacts>((f) => f.currentJurisdictionPath, 'cấp có thẩm quyền của địa bàn hồ sơ đang nằm');
const mayView = <F extends DossierVisibilityFacts>(): Relation<F> =>
  relation('may-view-dossier', 'đơn vị đề cử, tác giả, hoặc cơ quan xử lý của cấp hồ sơ đã đến', ({ actor, unit }, f) =>
    canView(actorActingFrom(actor, unit), f),
  );

// ---- rules -------------------------------------------------------------------------------------------------

const onCampaign = (roles: readonly Role[], summary: string, withJurisdiction: boolean): ServiceAccessRule<CampaignFacts> => ({
  kind: 'command',
  roles,
  adminBypass: true,
  relations: withJurisdiction ? [launchingUnit, namedJurisdiction] : [launchingUnit],
  facts: (req, infra) =>
    campaignFacts(infra, paramString(req, 'id'), withJurisdiction ? optionalBodyString(req, 'jurisdictionUnitId') : undefined),
  summary,
});

const onDossier = (
  roles: readonly Role[],
  relations: Relation<DossierAccessFacts>[],
  summary: string,
): ServiceAccessRule<DossierAccessFacts> => ({
  kind: 'command',
  roles,
  relations,
  facts: (req, infra) => dossierFacts(infra, paramString(req, 'id')),
  summary,
});

const readDossier: ServiceAccessRule<DossierAccessFacts> = {
  kind: 'read',
  roles: ALL,
  relations: [mayView()],
  facts: (req, infra) => dossierFacts(infra, paramString(req, 'id')),
  summary: 'Đơn vị đề cử, tác giả, kiểm tra viên và cơ quan xử lý của cấp hồ sơ đã đến; ngoài phạm vi: 404',
};

export const SUBMISSIONS_POLICY = defineAccessPolicy(
  controllerAccess(UnitsController, {
    seed: { kind: 'command', roles: ['admin'], summary: 'Quản trị hệ thống nạp danh mục đơn vị' },
    register: { kind: 'command', roles: ['admin'], summary: 'Quản trị hệ thống đăng ký đơn vị dưới đơn vị cấp trên' },
    list: { kind: 'list', roles: ALL, summary: 'Danh mục đơn vị hành chính: thông tin công khai cho người đã đăng nhập' },
    get: { kind: 'read', roles: ALL, summary: 'Danh mục đơn vị hành chính' },
  }),
  controllerAccess(ClustersController, {
    form: {
      kind: 'command',
      roles: ['admin', 'emulation-board', 'unit-officer'],
      adminBypass: true,
      relations: [ownUnit<{ path: string[] }>((f) => f.path, 'đơn vị tổ chức cụm, khối')],
      facts: async (req, infra) => ({ path: (await requireUnit(infra, bodyString(req, 'organisingUnitId'))).unitPath }),
      summary: 'Cán bộ thi đua của chính đơn vị tổ chức cụm, khối',
    },
    list: { kind: 'list', roles: ALL, summary: 'Danh sách cụm, khối thi đua (công khai)' },
  }),
  controllerAccess(CampaignsController, {
    launch: {
      kind: 'command',
      roles: CAMPAIGN_ROLES,
      adminBypass: true,
      relations: [launchingUnit],
      facts: async (req, infra) => ({ launcherPath: (await requireUnit(infra, bodyString(req, 'launchedByUnitId'))).unitPath }),
      summary: 'Cán bộ của chính đơn vị phát động (hoặc đơn vị được ủy quyền cho đơn vị đó)',
    },
    openEdition: onCampaign(CAMPAIGN_ROLES, 'Đơn vị phát động mở đợt hằng năm', false),
    addField: onCampaign(CAMPAIGN_ROLES, 'Đơn vị phát động thêm lĩnh vực', false),
    assignAgency: onCampaign(CAMPAIGN_ROLES, 'Đơn vị phát động, hoặc chính đơn vị của địa bàn, phân công cơ quan tiếp nhận', true),
    setDeadline: onCampaign(CAMPAIGN_ROLES, 'Đơn vị phát động, hoặc chính đơn vị của địa bàn, đặt hạn nộp', true),
    setAppealRules: onCampaign(CAMPAIGN_ROLES, 'Đơn vị phát động quy định thời hạn kiến nghị và Hội đồng giải quyết', false),
    list: { kind: 'list', roles: ALL, summary: 'Phong trào là thông tin công khai cho người đã đăng nhập' },
    get: { kind: 'read', roles: ALL, summary: 'Phong trào là thông tin công khai cho người đã đăng nhập' },
  }),
  controllerAccess(DossiersController, {
    draft: {
      kind: 'command',
      roles: NOMINATING_ROLES,
      relations: [inCampaignArea],
      facts: (req, infra) => campaignFacts(infra, bodyString(req, 'campaignId')),
      summary: 'Đơn vị thuộc địa bàn của phong trào lập hồ sơ',
    },
    submit: onDossier(NOMINATING_ROLES, [nominatingUnit], 'Đơn vị đề cử nộp hồ sơ'),
    receive: onDossier(['agency-officer'], [receivingAgency], 'Cơ quan tiếp nhận được phân công ở cấp hồ sơ đang nằm'),
    returnToUnit: onDossier(['agency-officer'], [receivingAgency], 'Cơ quan tiếp nhận được phân công trả lại hồ sơ'),
    amend: onDossier(NOMINATING_ROLES, [nominatingUnit], 'Đơn vị đề cử bổ sung hồ sơ bị trả lại'),
    withdraw: onDossier(NOMINATING_ROLES, [nominatingUnit], 'Đơn vị đề cử rút hồ sơ'),
    forward: onDossier(
      ['agency-officer'],
      [receivingAgency],
      'Cơ quan tiếp nhận chuyển hồ sơ lên cấp trên, chỉ sau quyết định của cấp có thẩm quyền (đề xuất của Hội đồng được hệ thống tự ghi nhận)',
    ),
    decideForwardingOverride: onDossier(
      ['authority'],
      [currentJurisdiction],
      'Cấp có thẩm quyền của địa bàn hồ sơ đang nằm quyết định chuyển lên cấp trên không theo đề xuất của Hội đồng (nêu lý do)',
    ),
  }),
  controllerAccess(DossierImportsController, {
    template: { kind: 'read', roles: ALL, summary: 'Tệp mẫu nhập danh sách hồ sơ là thông tin công khai cho người đã đăng nhập' },
    import: {
      kind: 'command',
      roles: NOMINATING_ROLES,
      relations: [inCampaignArea],
      facts: (req, infra) => campaignFacts(infra, queryString(req, 'campaignId')),
      summary: 'Đơn vị thuộc địa bàn của phong trào nhập danh sách hồ sơ của chính mình',
    },
  }),
  controllerAccess(DossierQueriesController, {
    find: { kind: 'list', roles: ALL, summary: 'Danh sách lọc theo phạm vi được xem (đơn vị đề cử, tác giả, cơ quan xử lý)' },
    reached: { kind: 'list', roles: ALL, summary: 'Lọc theo phạm vi được xem' },
    get: readDossier,
    lineage: readDossier,
  }),
  controllerAccess(AttachmentsController, {
    upload: { kind: 'command', roles: ['submitter', 'unit-officer', 'admin'], summary: 'Người lập hồ sơ tải tệp lên' },
    download: {
      kind: 'read',
      roles: ALL,
      relations: [mayView<{ docs: DossierListDoc[] } & DossierVisibilityFacts>()].map((r) =>
        relation<{ docs: DossierListDoc[] }>(r.code, 'xem được ít nhất một hồ sơ có tệp này', (s, f) =>
          f.docs.some((d) => r.holds(s, d as never)),
        ),
      ),
      facts: async (req, infra) => {
        const sha256 = paramString(req, 'sha256');
        const docs = /^[0-9a-f]{64}$/.test(sha256)
          ? await infra.documents
              .collection<DossierListDoc>(dossierListProjection.collection)
              .find({ attachmentHashes: sha256 }, { limit: 50 })
          : [];
        if (!docs.length) throw new NotFoundError(`Không tìm thấy tệp ${sha256}`);
        return { docs };
      },
      summary: 'Chỉ người xem được một hồ sơ có tệp đó; ngoài phạm vi: 404',
    },
  }),
  controllerAccess(MandatesController, {
    grant: {
      kind: 'command',
      roles: ['authority', 'admin'],
      adminBypass: true,
      relations: [ownUnit<{ path: string[] }>((f) => f.path, 'cấp có thẩm quyền của chính địa bàn được ủy quyền')],
      facts: async (req, infra) => ({ path: (await requireUnit(infra, bodyString(req, 'jurisdictionUnitId'))).unitPath }),
      summary: 'Cấp có thẩm quyền của địa bàn giao nhiệm vụ (ủy quyền) cho một đơn vị',
    },
    revoke: {
      kind: 'command',
      roles: ['authority', 'admin'],
      adminBypass: true,
      relations: [ownUnit<{ path: string[] }>((f) => f.path, 'cấp có thẩm quyền của chính địa bàn được ủy quyền')],
      facts: async (req, infra) => ({ path: (await loadMandate(infra, paramString(req, 'id'))).jurisdictionUnitPath }),
      summary: 'Cấp có thẩm quyền của địa bàn chấm dứt ủy quyền',
    },
    list: { kind: 'list', roles: ALL, summary: 'Các ủy quyền đang có (minh bạch: ai thay mặt địa bàn nào)' },
  }),
);
