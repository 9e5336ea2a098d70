import { Actor, NotFoundError, Role, SCORING_ROLES } from '@cem/contracts';
import { loadState } from '@cem/decider';
import { ownUnit, ownUnitOrBelow, relation, Relation } from '@cem/identity';
import { bodyString, controllerAccess, defineAccessPolicy, paramString, ServiceAccessRule, ServiceInfra } from '@cem/service-kit';
import { AppealsController } from './appeals/appeals.controller';
import { compositionOn } from './councils/composition';
import type { EstablishedCouncil } from './councils/council.state';
import { CouncilsController } from './councils/councils.controller';
import { criteriaSetDecider, criteriaSetStreamId, currentCriteria } from './criteria/criteria-set.decider';
import { CriteriaController } from './criteria/criteria.controller';
import { EvaluationController } from './evaluation/evaluation.controller';
import { WorkItemDoc, workQueueProjection } from './evaluation/work-queue.projection';
import { GradingController } from './grading/grading.controller';
import { InnovationsController } from './innovations/innovations.controller';
import { ScoringController } from './scoring/scoring.controller';
import { registeredUnits } from './units/known-units';
import { loadCase, loadCaseState, loadCouncil } from './shared/stream-loaders';

/**
 * Who may call each councils route (docs/security.md): roles, then the relation to the council concerned —
 * its unit (the Front chair who establishes it, or a unit acting for that jurisdiction by mandate) or a seat on
 * it on the server's date. The deciders keep the business rules (quorum, conflicts, score visibility).
 */

const ALL = 'any' as const;
const CRITERIA_WRITERS: Role[] = ['front-chair', 'council-chair', 'council-secretary'];

interface CouncilFacts {
  council: EstablishedCouncil;
}

const seatedToday = (actor: Actor, council: EstablishedCouncil, today: string) =>
  compositionOn(council, today).some((t) => t.memberId === actor.id || t.personId === actor.id);

/** The person sits on the council on the server's date (the composition is answerable for any date). */
const councilSeat = relation<CouncilFacts>('council-seat', 'ngồi trong Hội đồng vào ngày hôm nay', ({ actor, today }, f) =>
  seatedToday(actor, f.council, today),
);
/** The chair or secretary of the council, by token role and by seat. */
const officerSeat = relation<CouncilFacts>(
  'council-officer-seat',
  'Chủ tịch hoặc Thư ký của chính Hội đồng',
  ({ actor, today }, f) => (actor.role === 'council-chair' || actor.role === 'council-secretary') && seatedToday(actor, f.council, today),
);
const councilUnit = ownUnit<CouncilFacts>((f) => f.council.jurisdictionUnitPath, 'đơn vị (địa bàn) của Hội đồng');
const frontChairOfCouncil = relation<CouncilFacts>(
  'front-chair-of-council',
  'Chủ tịch Ủy ban MTTQ cùng cấp với Hội đồng',
  (s, f) => s.actor.role === 'front-chair' && councilUnit.holds(s, f),
);
const auditorAny = relation<unknown>('auditor', 'kiểm tra viên (chỉ xem)', ({ actor }) => actor.role === 'auditor');

const councilById = async (infra: ServiceInfra, id: string): Promise<CouncilFacts> => ({ council: await loadCouncil(infra, id) });
const councilOfCase = async (infra: ServiceInfra, caseId: string): Promise<CouncilFacts> =>
  councilById(infra, (await loadCase(infra, caseId)).councilId);

/** The council a criteria set belongs to: named in the draft body, or recorded on the set's stream. */
async function councilOfCriteriaSet(infra: ServiceInfra, criteriaSetId: string): Promise<CouncilFacts> {
  const { state } = await loadState(infra.store, criteriaSetDecider, criteriaSetStreamId(criteriaSetId));
  const known = state.draft ?? currentCriteria(state);
  if (!known) throw new NotFoundError(`criteria set ${criteriaSetId} does not exist`);
  // A set drafted before criteria belonged to a council has no owner: nobody may publish it any more.
  if (!known.councilId) throw new NotFoundError(`criteria set ${criteriaSetId} belongs to no council`);
  return councilById(infra, known.councilId);
}

const onCase = (roles: readonly Role[], relations: Relation<CouncilFacts>[], summary: string): ServiceAccessRule<CouncilFacts> => ({
  kind: 'command',
  roles,
  relations,
  facts: (req, infra) => councilOfCase(infra, paramString(req, 'caseId')),
  summary,
});

const renewal = (summary: string): ServiceAccessRule<CouncilFacts> => ({
  kind: 'command',
  roles: ['front-chair'],
  relations: [councilUnit],
  facts: (req, infra) => councilById(infra, paramString(req, 'id')),
  summary,
});

/** A member's queue: the member, or the secretary of a council the member's cases belong to (only those items). */
interface QueueFacts {
  memberId: string;
  items: WorkItemDoc[];
}

async function queueFacts(infra: ServiceInfra, actor: Actor, memberId: string, today: string): Promise<QueueFacts> {
  const all = await infra.documents
    .collection<WorkItemDoc>(workQueueProjection.collection)
    .find({ memberId }, { sort: { caseFinalised: 1, assignedAt: 1 }, limit: 500 });
  if (actor.id === memberId) return { memberId, items: all };
  if (actor.role !== 'council-secretary') return { memberId, items: [] };
  const mine = new Set<string>();
  for (const councilId of new Set(all.map((i) => i.councilId))) {
    const council = await loadCouncil(infra, councilId).catch(() => undefined);
    if (council && seatedToday(actor, council, today)) mine.add(councilId);
  }
  return { memberId, items: all.filter((i) => mine.has(i.councilId)) };
}

/** The dossier behind a case: who may appeal its result (an author by person id, or the nominating unit). */
interface AppellantFacts {
  personIds: string[];
  nominatingUnitId: string;
}
const appellant = relation<AppellantFacts>(
  'appellant',
  'tác giả của hồ sơ hoặc cán bộ của đơn vị đề cử',
  ({ actor }, f) => f.personIds.includes(actor.id) || actor.unitId === f.nominatingUnitId,
);

/** The council that decides the appeal: the one it was assigned to; before that, the case's own council. */
async function councilDecidingAppeal(infra: ServiceInfra, caseId: string, appealId: string): Promise<CouncilFacts> {
  const c = await loadCase(infra, caseId);
  const assigned = c.appeals?.find((a) => a.appealId === appealId)?.assigned;
  return councilById(infra, assigned?.toCouncilId ?? c.councilId);
}

export const COUNCILS_POLICY = defineAccessPolicy(
  controllerAccess(CouncilsController, {
    establish: {
      kind: 'command',
      roles: ['front-chair'],
      relations: [ownUnit<{ path: string[] }>((f) => f.path, 'Chủ tịch Ủy ban MTTQ của chính địa bàn Hội đồng')],
      facts: (req) => Promise.resolve({ path: [bodyString(req, 'jurisdictionUnitId')] }),
      summary: 'Chủ tịch Ủy ban MTTQ cùng cấp quyết định thành lập Hội đồng',
    },
    add: renewal('Chủ tịch Ủy ban MTTQ cùng cấp bổ sung thành viên'),
    replace: renewal('Chủ tịch Ủy ban MTTQ cùng cấp thay thế thành viên'),
    remove: renewal('Chủ tịch Ủy ban MTTQ cùng cấp miễn nhiệm thành viên'),
    amend: renewal('Chủ tịch Ủy ban MTTQ cùng cấp sửa quy chế'),
    addEdition: renewal('Chủ tịch Ủy ban MTTQ cùng cấp giao thêm đợt cho Hội đồng thường trực'),
    composition: { kind: 'read', roles: ALL, summary: 'Thành phần Hội đồng theo quyết định thành lập là thông tin công khai' },
  }),
  controllerAccess(CriteriaController, {
    draft: {
      kind: 'command',
      roles: CRITERIA_WRITERS,
      relations: [officerSeat, frontChairOfCouncil],
      facts: (req, infra) => councilById(infra, bodyString(req, 'councilId')),
      summary: 'Chủ tịch, Thư ký của chính Hội đồng, hoặc Chủ tịch Ủy ban MTTQ cùng cấp, soạn bộ tiêu chí của Hội đồng đó',
    },
    publish: {
      kind: 'command',
      roles: CRITERIA_WRITERS,
      relations: [officerSeat, frontChairOfCouncil],
      facts: (req, infra) => councilOfCriteriaSet(infra, paramString(req, 'id')),
      summary: 'Chỉ người của chính Hội đồng sở hữu bộ tiêu chí được ban hành',
    },
    list: { kind: 'list', roles: ALL, summary: 'Bộ tiêu chí đã ban hành là thông tin công khai' },
  }),
  controllerAccess(EvaluationController, {
    cases: {
      kind: 'list',
      roles: ALL,
      summary:
        'Hồ sơ thẩm định của địa bàn và cấp của người xem (Thư ký, Chủ tịch, thành viên, Chủ tịch Ủy ban MTTQ); kiểm tra viên và quản trị: mọi hồ sơ thuộc đơn vị mình trở xuống',
    },
    route: {
      kind: 'command',
      roles: ['council-secretary', 'council-chair', 'front-chair'],
      relations: [ownUnit<{ path: string[] }>((f) => f.path, 'địa bàn của hồ sơ đang chờ xác định Hội đồng')],
      facts: async (req, infra) => {
        const caseId = paramString(req, 'caseId');
        const state = await loadCaseState(infra, caseId);
        const scope = state.status === 'none' ? state.awaiting : state;
        if (!scope) throw new NotFoundError(`Không có hồ sơ nào đang chờ xác định Hội đồng với mã ${caseId}`);
        return { path: scope.jurisdictionUnitPath };
      },
      summary: 'Thư ký, Chủ tịch Hội đồng hoặc Chủ tịch Ủy ban MTTQ của địa bàn xác định Hội đồng cho hồ sơ đang chờ',
    },
    assign: onCase(['council-secretary'], [councilSeat], 'Thư ký ngồi trong Hội đồng của hồ sơ phân công thành viên'),
    declare: onCase(SCORING_ROLES, [councilSeat], 'Thành viên Hội đồng của hồ sơ tự khai xung đột lợi ích'),
    queue: {
      kind: 'read',
      roles: ALL,
      relations: [
        relation<QueueFacts>('self', 'chính thành viên đó', ({ actor }, f) => f.memberId === actor.id),
        relation<QueueFacts>(
          'council-secretary-of-member',
          'Thư ký của Hội đồng mà thành viên đó đang thẩm định',
          (_s, f) => f.items.length > 0,
        ),
      ],
      facts: (req, infra) => queueFacts(infra, req.actor, paramString(req, 'memberId'), new Date().toISOString().slice(0, 10)),
      summary: 'Chính thành viên; Thư ký chỉ thấy các việc thuộc Hội đồng mình; ngoài phạm vi: 404',
    },
    conflicts: {
      kind: 'read',
      roles: ALL,
      relations: [officerSeat, auditorAny],
      facts: (req, infra) => councilById(infra, paramString(req, 'councilId')),
      summary: 'Chủ tịch, Thư ký của chính Hội đồng và kiểm tra viên xem xung đột lợi ích của thành viên; ngoài phạm vi: 404',
    },
  }),
  controllerAccess(ScoringController, {
    submit: onCase(SCORING_ROLES, [councilSeat], 'Thành viên ngồi trong Hội đồng của hồ sơ chấm điểm'),
    revise: onCase(SCORING_ROLES, [councilSeat], 'Thành viên ngồi trong Hội đồng của hồ sơ điều chỉnh điểm của mình'),
    list: {
      kind: 'read',
      roles: ALL,
      relations: [councilSeat, frontChairOfCouncil, auditorAny],
      facts: (req, infra) => councilOfCase(infra, paramString(req, 'caseId')),
      summary:
        'Thành viên của chính Hội đồng (thấy điểm người khác sau khi tự chấm), Chủ tịch MTTQ cùng cấp, kiểm tra viên; ngoài phạm vi: 404',
    },
  }),
  controllerAccess(GradingController, {
    finalise: onCase(['council-chair', 'council-secretary'], [officerSeat], 'Chủ tịch hoặc Thư ký của chính Hội đồng chốt kết quả'),
    publishRanking: {
      kind: 'command',
      roles: ['council-chair', 'council-secretary'],
      relations: [officerSeat],
      facts: (req, infra) => councilById(infra, bodyString(req, 'councilId')),
      summary: 'Chủ tịch hoặc Thư ký của chính Hội đồng công bố xếp hạng',
    },
    rankings: { kind: 'list', roles: ALL, summary: 'Xếp hạng đã công bố là kết quả công khai' },
    recommend: onCase(['council-chair'], [officerSeat], 'Chủ tịch của chính Hội đồng đề xuất lên cấp trên'),
    proposeHonour: onCase(['council-chair'], [officerSeat], 'Chủ tịch của chính Hội đồng đề nghị khen thưởng'),
  }),
  controllerAccess(InnovationsController, {
    list: {
      kind: 'list',
      roles: ALL,
      summary: 'Cơ sở dữ liệu sáng kiến đã được nghiệm thu: mọi người đăng nhập tra cứu được, để học tập và nhân rộng',
    },
    recordApplication: {
      kind: 'command',
      roles: ['unit-officer', 'agency-officer', 'standing-body'],
      relations: [ownUnitOrBelow<{ path: string[] }>((f) => f.path, 'đơn vị áp dụng là đơn vị mình hoặc đơn vị cấp dưới')],
      facts: async (req, infra) => {
        const unitId = bodyString(req, 'unitId');
        const unit = (await registeredUnits(infra, unitId ? [unitId] : [])).get(unitId);
        if (!unit) throw new NotFoundError(`Không tìm thấy đơn vị ${unitId}`);
        return { path: unit.unitPath };
      },
      summary: 'Đơn vị áp dụng sáng kiến, hoặc đơn vị cấp trên của nó, ghi nhận việc áp dụng (nhân rộng)',
    },
  }),
  controllerAccess(AppealsController, {
    file: {
      kind: 'command',
      roles: ['submitter', 'unit-officer'],
      relations: [appellant],
      facts: async (req, infra) => {
        const c = await loadCase(infra, paramString(req, 'caseId'));
        return {
          personIds: c.dossier.authors.flatMap((a) => (a.personId ? [a.personId] : [])),
          nominatingUnitId: c.dossier.nominatingUnitId,
        };
      },
      summary: 'Tác giả hoặc đơn vị đề cử của hồ sơ kiến nghị về kết quả thẩm định',
    },
    assign: onCase(['council-secretary'], [councilSeat], 'Thư ký ngồi trong Hội đồng đã thẩm định giao kiến nghị cho Hội đồng giải quyết'),
    decide: {
      kind: 'command',
      roles: ['council-chair'],
      relations: [officerSeat],
      facts: (req, infra) => councilDecidingAppeal(infra, paramString(req, 'caseId'), paramString(req, 'appealId')),
      summary: 'Chủ tịch của Hội đồng được giao giải quyết kiến nghị',
    },
    list: {
      kind: 'list',
      roles: ALL,
      summary: 'Người kiến nghị, đơn vị đề cử, Hội đồng đã thẩm định hoặc được giao giải quyết, kiểm tra viên của địa bàn',
    },
  }),
);
