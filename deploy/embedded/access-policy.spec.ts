import { HealthController, KIT_RULES, controllersOf, routesOf, ruleFor } from '@cem/service-kit';
import { PLATFORM_SERVICES } from './services';

/**
 * Every route of every service has exactly one access rule (docs/security.md): a route added without one fails
 * here (and is refused at run time, deny by default), and a rule left behind by a removed route fails too.
 */
describe('access policy coverage', () => {
  for (const { definition } of PLATFORM_SERVICES) {
    describe(definition.context, () => {
      const routes = routesOf(controllersOf(definition.module));

      it('declares a policy', () => {
        expect(definition.access).toBeDefined();
        expect(routes.length).toBeGreaterThan(5);
      });

      it('has a rule for every route', () => {
        const missing = routes.filter((r) => !ruleFor(definition.access, r.controller, r.handler));
        expect(missing.map((r) => `${r.method} ${r.paths.join(' ')} (${r.controller}.${r.handler})`)).toEqual([]);
      });

      it('has no rule without a route', () => {
        const keys = new Set(routes.map((r) => `${r.controller}.${r.handler}`));
        expect([...(definition.access?.rules.keys() ?? [])].filter((k) => !keys.has(k))).toEqual([]);
      });

      it('names a relation or says why none is needed, in Vietnamese, for every rule', () => {
        for (const [key, rule] of definition.access?.rules ?? []) {
          expect({ key, summary: rule.summary.length > 10 }).toEqual({ key, summary: true });
          if (rule.relations?.length) expect({ key, facts: typeof rule.facts }).toEqual({ key, facts: 'function' });
        }
      });
    });
  }

  it("covers the kit's own routes (health, key set; metrics has its own listener)", () => {
    const kit = routesOf([HealthController]);
    expect(kit.every((r) => ruleFor(undefined, r.controller, r.handler))).toBe(true);
    expect(Object.keys(KIT_RULES)).toContain('JwksController.keys');
  });
});
