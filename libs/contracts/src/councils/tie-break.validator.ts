import { ValidateBy, ValidationOptions } from 'class-validator';

/**
 * A recorded tie-break rule: a non-empty array of non-empty step names, or (events recorded before arrays were
 * taken) one non-empty '-then-' string. Which steps are known and that the last is 'dossier-id' is a domain
 * rule checked by the councils decider, not a message shape.
 */
export function IsTieBreakRule(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isTieBreakRule',
      validator: {
        validate: (value: unknown) =>
          (typeof value === 'string' && value.trim().length > 0) ||
          (Array.isArray(value) && value.length > 0 && value.every((s) => typeof s === 'string' && s.length > 0)),
        defaultMessage: () => '$property phải là danh sách các bước phân định thứ hạng theo thứ tự',
      },
    },
    options,
  );
}
