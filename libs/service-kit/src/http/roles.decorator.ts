import { SetMetadata } from '@nestjs/common';
import type { Role } from '@cem/contracts';

export const ROLES_KEY = 'cem:roles';

/** Only tokens carrying one of these roles get in (403 with the reason otherwise). A route's list overrides its controller's. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
