import { ROLES, SYSTEM_ACTOR_NAME_VI, systemActor } from './administrative';

describe('systemActor', () => {
  it('records what a service does on its own as the system, not as an administrator', () => {
    expect(systemActor('councils')).toEqual({
      id: 'system:councils',
      name: 'Hệ thống (tự động)',
      role: 'system',
      unitId: 'system',
      level: 'central',
      unitPath: [],
    });
    expect(SYSTEM_ACTOR_NAME_VI).toBe('Hệ thống (tự động)');
  });

  it('is a role no token can carry', () => {
    expect(ROLES).not.toContain('system');
  });
});
