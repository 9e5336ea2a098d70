import { criteriaV1 } from '../criteria/criteria-set.fixtures';
import { gradeFor } from './grading-bands';

describe('grading by band (bands from minScore inclusive)', () => {
  it.each([
    [10, 'xuat-sac', 'Xuất sắc', true],
    [9, 'xuat-sac', 'Xuất sắc', true],
    [8.99, 'tot', 'Tốt', true],
    [8.17, 'tot', 'Tốt', true],
    [6.5, 'kha', 'Khá', true],
    [5, 'dat', 'Đạt', true],
    [4.99, 'khong-dat', 'Không đạt', false],
    [0, 'khong-dat', 'Không đạt', false],
  ])('%s → %s', (score, grade, gradeLabel, accepted) => {
    expect(gradeFor(criteriaV1.bands, score)).toEqual({ grade, gradeLabel, accepted });
  });
});
