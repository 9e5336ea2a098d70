import { DomainRuleViolation, ForbiddenError, RECOGNITION_EVENTS as E } from '@cem/contracts';
import { deciderSpec } from '@cem/decider/testing';
import { board, haNamActor, haNamAward } from '../proposals/proposal.fixtures';
import { awardCatalogueDecider } from './award-catalogue.decider';

const spec = deciderSpec(awardCatalogueDecider);
const defined = { type: E.AwardDefined, data: haNamAward };

describe('award catalogue', () => {
  it("the granting unit's emulation board enters an award once", () => {
    spec.given([]).when({ type: 'DefineAward', actor: board, award: haNamAward }).then([defined]);
    spec
      .given([defined])
      .when({ type: 'DefineAward', actor: board, award: haNamAward })
      .thenThrows(DomainRuleViolation, /Hình thức khen thưởng nguoi-ha-nam-dkst đã có trong danh mục/);
  });

  it("refuses another unit's board and a submitter", () => {
    const otherBoard = haNamActor('emulation-board', { unitId: 'vn-nam-dinh', unitPath: ['vn', 'vn-nam-dinh'] });
    spec.given([]).when({ type: 'DefineAward', actor: otherBoard, award: haNamAward }).thenThrows(ForbiddenError);
    spec
      .given([])
      .when({ type: 'DefineAward', actor: haNamActor('submitter'), award: haNamAward })
      .thenThrows(ForbiddenError);
  });

  it('refuses a recipient kind listed twice', () => {
    const award = { ...haNamAward, recipientKinds: ['unit' as const, 'unit' as const] };
    spec
      .given([])
      .when({ type: 'DefineAward', actor: board, award })
      .thenThrows(DomainRuleViolation, /Mỗi loại đối tượng khen thưởng chỉ nêu một lần/);
  });
});
