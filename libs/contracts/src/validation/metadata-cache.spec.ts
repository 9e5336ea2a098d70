import { plainToInstance, Type } from 'class-transformer';
import { IsInt, IsString, MetadataStorage, registerDecorator, validateSync, ValidateNested } from 'class-validator';
import { cacheValidationMetadata } from './metadata-cache';

class Author {
  @IsString() name!: string;
}
class Base {
  @IsString() title!: string;
}
class Draft extends Base {
  @IsInt() year!: number;
  @ValidateNested({ each: true }) @Type(() => Author) authors!: Author[];
}

const errorsOf = (value: object) =>
  validateSync(plainToInstance(Draft, value), { whitelist: true, forbidNonWhitelisted: true }).map((e) => e.property);

describe('remembered validation rules (cacheValidationMetadata)', () => {
  it('looks a class’s rules up once, and validates every object in full each time', () => {
    // A storage of its own, so that the spy sees only this test's look-ups.
    const storage = new MetadataStorage();
    const lookUp = jest.fn(storage.getTargetValidationMetadatas.bind(storage));
    storage.getTargetValidationMetadatas = lookUp;
    storage.addValidationMetadata({ target: Author, propertyName: 'name', type: 'isDefined' } as never);
    cacheValidationMetadata(storage);
    const first = storage.getTargetValidationMetadatas(Author, '', false, false);
    expect(storage.getTargetValidationMetadatas(Author, '', false, false)).toBe(first);
    expect(storage.groupByPropertyName(first)).toBe(storage.groupByPropertyName(first));
    expect(lookUp).toHaveBeenCalledTimes(1);
    // Other options are another answer.
    storage.getTargetValidationMetadatas(Author, '', false, false, ['g']);
    expect(lookUp).toHaveBeenCalledTimes(2);
  });

  it('sees a rule added after the first validation', () => {
    // The process-wide storage, as DTOs and contracts use it (installed by importing @cem/contracts' validation).
    cacheValidationMetadata();
    const ok = { title: 'Sáng kiến', year: 2024, authors: [{ name: 'Đức' }] };
    expect(errorsOf(ok)).toEqual([]);
    expect(errorsOf({ ...ok, year: 'x', authors: [{ name: 1 }], extra: true })).toEqual(['extra', 'year', 'authors']);
    // A rule declared later (a class defined after start, a schema registered) counts from then on.
    registerDecorator({
      target: Base,
      propertyName: 'title',
      validator: { validate: (value: unknown) => value !== 'forbidden', defaultMessage: () => 'title is forbidden' },
    });
    expect(errorsOf({ ...ok, title: 'forbidden' })).toEqual(['title']);
    expect(errorsOf(ok)).toEqual([]);
  });
});
