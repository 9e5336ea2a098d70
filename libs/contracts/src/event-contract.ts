import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';

/**
 * A versioned event schema: the event type, its schema version and the class-validator class of its data.
 * Consumers validate every incoming event against the registered contract; an unknown type/version or
 * invalid data goes to the dead-letter topic.
 */
export interface EventContract<TData = unknown> {
  type: string;
  schemaVersion: number;
  dataClass: new () => TData;
  /** Bounded context that owns (publishes) this event. */
  context: string;
  description?: string;
}

export function defineEvent<TData>(
  context: string,
  type: string,
  schemaVersion: number,
  dataClass: new () => TData,
  description?: string,
): EventContract<TData> {
  return { context, type, schemaVersion, dataClass, description };
}

export type ContractCheck = { ok: true } | { ok: false; reason: string };

function flatten(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((e) => {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((m) => `${path}: ${m}`);
    return [...own, ...flatten(e.children ?? [], path)];
  });
}

export class EventContractRegistry {
  private readonly contracts = new Map<string, EventContract>();

  constructor(contracts: EventContract[] = []) {
    contracts.forEach((c) => this.register(c));
  }

  register(contract: EventContract): this {
    this.contracts.set(`${contract.type}@${contract.schemaVersion}`, contract);
    return this;
  }

  get(type: string, schemaVersion: number): EventContract | undefined {
    return this.contracts.get(`${type}@${schemaVersion}`);
  }

  knowsType(type: string): boolean {
    for (const c of this.contracts.values()) if (c.type === type) return true;
    return false;
  }

  all(): EventContract[] {
    return [...this.contracts.values()];
  }

  check(type: string, schemaVersion: number, data: unknown): ContractCheck {
    const contract = this.get(type, schemaVersion);
    if (!contract) {
      return {
        ok: false,
        reason: this.knowsType(type) ? `unsupported schema version ${schemaVersion} of ${type}` : `unknown event type ${type}`,
      };
    }
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      return { ok: false, reason: `${type}@${schemaVersion}: data must be an object` };
    }
    const errors = validateSync(plainToInstance(contract.dataClass, data) as object, {
      forbidUnknownValues: false,
    });
    if (errors.length) return { ok: false, reason: `${type}@${schemaVersion}: ${flatten(errors).join('; ')}` };
    return { ok: true };
  }
}
