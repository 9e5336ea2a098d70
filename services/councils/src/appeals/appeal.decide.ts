import type { Actor, AppealOutcome, AppealRulesSetData, AppellantKind, ContestedResult } from '@cem/contracts';
import { COUNCILS_EVENTS as E, ForbiddenError, parentLevel } from '@cem/contracts';
import { councilPolicy } from '../councils/council.policy';
import type { CouncilState } from '../councils/council.state';
import { ensure } from '../councils/domain-rule';
import { requireCase, requireCaseCouncil } from '../evaluation/case-guards';
import { AppealRecord, EvaluationCase, EvaluationCaseEvent, EvaluationCaseState, pendingAppeal } from '../evaluation/evaluation-case.state';

/**
 * Appeals (khiếu nại, kiến nghị) against a council's result. They live on the case's stream: the appeal, its
 * assignment, its decision and the reopening of the scoring are one history with the scores they contest, and
 * the proposals that rest on the result wait while an appeal is pending (recommendation.decide.ts).
 */

export interface FileAppeal {
  type: 'FileAppeal';
  actor: Actor;
  caseId: string;
  appealId: string;
  grounds: string;
  filedAt: string;
  /** The campaign's appeal rules as councils knows them (absent: the campaign states none). */
  rules?: AppealRulesSetData;
}

export interface AssignAppeal {
  type: 'AssignAppeal';
  actor: Actor;
  caseId: string;
  appealId: string;
  /** The case's council: its secretary receives appeals and gives them to the council the rules name. */
  council: CouncilState;
  toCouncil: CouncilState;
  assignedAt: string;
}

export interface DecideAppeal {
  type: 'DecideAppeal';
  actor: Actor;
  caseId: string;
  appealId: string;
  /** The council the appeal was assigned to (loaded by the adapter). */
  decidingCouncil: CouncilState;
  outcome: AppealOutcome;
  reasons: string;
  reopenScoring: boolean;
  decidedAt: string;
}

const DAY_MS = 86_400_000;
const addDays = (date: string, days: number) => new Date(Date.parse(date.slice(0, 10)) + days * DAY_MS).toISOString().slice(0, 10);

/** The person appeals as one of the authors (by person id) or for the nominating unit (its officers). */
function appellantKind(actor: Actor, c: EvaluationCase): AppellantKind {
  if (c.dossier.authors.some((a) => a.personId && a.personId === actor.id)) return 'author';
  if ((actor.role === 'unit-officer' || actor.role === 'submitter') && actor.unitId === c.dossier.nominatingUnitId)
    return 'nominating-unit';
  throw new ForbiddenError('Chỉ tác giả hoặc đơn vị đề cử của hồ sơ được kiến nghị về kết quả thẩm định');
}

function requireAppeal(c: EvaluationCase, appealId: string): AppealRecord {
  const appeal = (c.appeals ?? []).find((a) => a.appealId === appealId);
  ensure(appeal, 'appeal-unknown', `Hồ sơ thẩm định ${c.caseId} không có kiến nghị ${appealId}`);
  return appeal;
}

export function fileAppeal(command: FileAppeal, state: EvaluationCaseState): EvaluationCaseEvent[] {
  const c = requireCase(state, command.caseId);
  const kind = appellantKind(command.actor, c);
  const result = c.finalised;
  ensure(c.status === 'finalised' && result, 'not-finalised', `Hồ sơ ${c.caseId} chưa có kết quả thẩm định để kiến nghị`);
  const rules = command.rules;
  ensure(rules, 'appeals-not-provided', `Phong trào ${c.campaignId} chưa quy định việc kiến nghị, khiếu nại kết quả thẩm định`);
  ensure(!pendingAppeal(c), 'appeal-pending', `Hồ sơ ${c.caseId} đang có kiến nghị chưa được giải quyết`);
  ensure(!(c.appeals ?? []).some((a) => a.appealId === command.appealId), 'appeal-id-taken', `Mã kiến nghị ${command.appealId} đã dùng`);
  ensure(
    !c.recommendedUpward && !c.honourProposed,
    'result-already-acted-on',
    'Kết quả đã được dùng để đề xuất lên cấp trên hoặc đề nghị khen thưởng: không còn kiến nghị được',
  );
  ensure(command.grounds?.trim(), 'grounds-required', 'Kiến nghị phải nêu nội dung, căn cứ');
  const windowEndsOn = addDays(result.meetingDate, rules.windowDays);
  ensure(
    command.filedAt.slice(0, 10) <= windowEndsOn,
    'appeal-window-closed',
    `Đã hết thời hạn kiến nghị (${rules.windowDays} ngày kể từ ngày họp Hội đồng ${result.meetingDate.slice(0, 10)}, đến hết ngày ${windowEndsOn})`,
    { windowEndsOn },
  );
  const contested: ContestedResult = {
    aggregateScore: result.aggregateScore,
    grade: result.grade,
    gradeLabel: result.gradeLabel,
    accepted: result.accepted,
    meetingDate: result.meetingDate,
    minutesRef: result.minutesRef,
  };
  return [
    {
      type: E.AppealFiled,
      data: {
        appealId: command.appealId,
        caseId: c.caseId,
        dossierId: c.dossierId,
        councilId: c.councilId,
        level: c.level,
        jurisdictionUnitPath: c.jurisdictionUnitPath,
        title: c.dossier.title,
        nominatingUnitId: c.dossier.nominatingUnitId,
        campaignId: c.campaignId,
        year: c.year,
        fieldCode: c.fieldCode,
        appellantKind: kind,
        appellantId: command.actor.id,
        appellantUnitId: command.actor.unitId,
        grounds: command.grounds,
        filedAt: command.filedAt,
        windowEndsOn,
        handledBy: rules.handledBy,
        contested,
      },
    },
  ];
}

export function assignAppeal(command: AssignAppeal, state: EvaluationCaseState): EvaluationCaseEvent[] {
  const c = requireCase(state, command.caseId);
  const council = requireCaseCouncil(c, command.council);
  councilPolicy.assert('assign', command.actor, council);
  const appeal = requireAppeal(c, command.appealId);
  ensure(appeal.status === 'filed', 'appeal-already-assigned', `Kiến nghị ${appeal.appealId} đã được giao giải quyết`);
  const to = command.toCouncil;
  ensure(to.status === 'established', 'council-unknown', 'Không tìm thấy Hội đồng được giao giải quyết kiến nghị');
  if (appeal.handledBy === 'same-council') {
    ensure(
      to.councilId === c.councilId,
      'appeal-wrong-council',
      `Theo quy định của phong trào, chính Hội đồng ${c.councilId} giải quyết kiến nghị`,
    );
  } else {
    const above = parentLevel(c.level);
    ensure(
      above &&
        to.level === above &&
        c.jurisdictionUnitPath.includes(to.jurisdictionUnitId) &&
        (!to.fieldCodes.length || to.fieldCodes.includes(c.fieldCode)),
      'appeal-wrong-council',
      `Theo quy định của phong trào, Hội đồng cấp trên (cùng lĩnh vực, quản lý địa bàn của hồ sơ) giải quyết kiến nghị`,
    );
  }
  return [
    {
      type: E.AppealAssigned,
      data: {
        appealId: appeal.appealId,
        caseId: c.caseId,
        dossierId: c.dossierId,
        toCouncilId: to.councilId,
        toLevel: to.level,
        toJurisdictionUnitId: to.jurisdictionUnitId,
        handledBy: appeal.handledBy,
        assignedAt: command.assignedAt,
      },
    },
  ];
}

export function decideAppeal(command: DecideAppeal, state: EvaluationCaseState): EvaluationCaseEvent[] {
  const c = requireCase(state, command.caseId);
  const appeal = requireAppeal(c, command.appealId);
  ensure(appeal.status !== 'decided', 'appeal-already-decided', `Kiến nghị ${appeal.appealId} đã được giải quyết`);
  ensure(
    appeal.status === 'assigned' && appeal.assigned,
    'appeal-not-assigned',
    `Kiến nghị ${appeal.appealId} chưa được giao Hội đồng giải quyết`,
  );
  const council = command.decidingCouncil;
  ensure(
    council.status === 'established' && council.councilId === appeal.assigned.toCouncilId,
    'wrong-council',
    `Kiến nghị ${appeal.appealId} do Hội đồng ${appeal.assigned.toCouncilId} giải quyết`,
  );
  councilPolicy.assert('decide-appeal', command.actor, council);
  ensure(command.reasons?.trim(), 'reasons-required', 'Giải quyết kiến nghị phải nêu lý do');
  ensure(
    !command.reopenScoring || command.outcome === 'upheld',
    'reopen-needs-upheld',
    'Chỉ mở lại việc chấm điểm khi chấp nhận kiến nghị',
  );
  const decided: EvaluationCaseEvent = {
    type: E.AppealDecided,
    data: {
      appealId: appeal.appealId,
      caseId: c.caseId,
      dossierId: c.dossierId,
      decidedByCouncilId: council.councilId,
      outcome: command.outcome,
      reasons: command.reasons,
      reopenScoring: command.reopenScoring,
      decidedAt: command.decidedAt,
    },
  };
  if (!command.reopenScoring) return [decided];
  return [
    decided,
    {
      type: E.CaseReopened,
      data: {
        caseId: c.caseId,
        dossierId: c.dossierId,
        councilId: c.councilId,
        appealId: appeal.appealId,
        reopenedAt: command.decidedAt,
        memberIds: c.assigned,
        previous: appeal.contested,
      },
    },
  ];
}
