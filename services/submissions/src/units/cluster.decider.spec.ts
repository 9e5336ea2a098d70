import { DomainRuleViolation, ForbiddenError, SUBMISSIONS_EVENTS as E } from '@cem/contracts';
import { deciderSpec } from '@cem/decider/testing';
import { actorAt, path } from '../shared/actors.fixtures';
import { clusterDecider, FormCluster } from './cluster.decider';

const spec = deciderSpec(clusterDecider);
const officer = actorAt('emulation-board', 'district', path('binhChanhNoiVu'));
const form: FormCluster = {
  type: 'FormCluster',
  actor: officer,
  clusterId: 'vn-hcm-binh-chanh-cum-1',
  name: 'Cụm thi đua số 1 các xã, thị trấn',
  kind: 'cluster',
  parent: { unitId: 'vn-hcm-binh-chanh', kind: 'people-committee', level: 'district', unitPath: path('binhChanh') },
  headUnitId: 'vn-hcm-binh-chanh-tan-kien',
  members: [
    { unitId: 'vn-hcm-binh-chanh-tan-kien', unitPath: path('tanKien') },
    { unitId: 'vn-hcm-binh-chanh-vinh-loc-a', unitPath: path('vinhLocA') },
  ],
};
const formed = {
  type: E.ClusterFormed,
  data: {
    clusterId: 'vn-hcm-binh-chanh-cum-1',
    name: 'Cụm thi đua số 1 các xã, thị trấn',
    kind: 'cluster' as const,
    level: 'district' as const,
    parentUnitId: 'vn-hcm-binh-chanh',
    headUnitId: 'vn-hcm-binh-chanh-tan-kien',
    memberUnitIds: ['vn-hcm-binh-chanh-tan-kien', 'vn-hcm-binh-chanh-vinh-loc-a'],
  },
};

describe('cluster decider', () => {
  it('forms a cluster of communes headed by one of them', () => {
    spec.given([]).when(form).then([formed]);
  });

  it('refuses a head that is not a member', () => {
    spec
      .given([])
      .when({ ...form, headUnitId: 'vn-hcm-binh-chanh-binh-hung' })
      .thenThrows(DomainRuleViolation, /Cụm trưởng/);
  });

  it('refuses members outside the organising unit, and the unit itself', () => {
    const outsider = { unitId: 'vn-hcm-cu-chi', unitPath: path('cuChi') };
    spec
      .given([])
      .when({ ...form, members: [...form.members, outsider] })
      .thenThrows(DomainRuleViolation, /không thuộc/);
    const itself = { unitId: 'vn-hcm-binh-chanh', unitPath: path('binhChanh') };
    spec
      .given([])
      .when({ ...form, members: [...form.members, itself] })
      .thenThrows(DomainRuleViolation, /không thuộc/);
  });

  it('refuses duplicates, a single member and forming twice', () => {
    spec
      .given([])
      .when({ ...form, members: [form.members[0], form.members[0]] })
      .thenThrows(DomainRuleViolation, /hai lần/);
    spec
      .given([])
      .when({ ...form, members: [form.members[0]] })
      .thenThrows(DomainRuleViolation, /ít nhất/);
    spec
      .given([formed])
      .when(form)
      .thenThrows(DomainRuleViolation, /đã được thành lập/);
  });

  it('refuses an officer of another district', () => {
    spec
      .given([])
      .when({ ...form, actor: actorAt('emulation-board', 'district', path('cuChiNoiVu')) })
      .thenThrows(ForbiddenError);
  });
});
