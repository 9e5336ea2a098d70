import { ValidationError, ValidationPipe, ValidationPipeOptions } from '@nestjs/common';
import { ValidationFailed } from '@cem/contracts';

/** Field path (`authors.0.name`) -> the messages about it. */
export function fieldMessages(errors: ValidationError[], prefix = ''): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {});
    if (own.length) fields[path] = own;
    Object.assign(fields, fieldMessages(error.children ?? [], path));
  }
  return fields;
}

export const validationPipeOptions: ValidationPipeOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  // Echoing the submitted values back would leak them into logs and error reports.
  validationError: { target: false, value: false },
  exceptionFactory: (errors) => {
    const fields = fieldMessages(errors);
    const summary = Object.entries(fields)
      .map(([path, messages]) => (path.includes('.') ? `${path}: ${messages.join(', ')}` : messages.join(', ')))
      .join('; ');
    return new ValidationFailed(`Yêu cầu không hợp lệ: ${summary}`, { fields });
  },
};

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe(validationPipeOptions);
}
