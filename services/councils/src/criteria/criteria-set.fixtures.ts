import type { CriteriaSetContentData, CriteriaSetPublishedData } from '@cem/contracts';

/** Test data: criteria of the science and technology field, 2019 edition of "Đoàn kết sáng tạo". */

export const CRITERIA_CONTENT: Omit<CriteriaSetContentData, 'version'> = {
  criteriaSetId: 'dkst-2019-khcn',
  campaignId: 'dkst',
  year: 2019,
  fieldCode: 'khcn',
  criteria: [
    { code: 'TM', name: 'Tính mới, tính sáng tạo', weight: 0.4, scaleMin: 0, scaleMax: 10 },
    { code: 'AD', name: 'Khả năng áp dụng', weight: 0.3, scaleMin: 0, scaleMax: 10 },
    { code: 'HQ', name: 'Hiệu quả kinh tế - xã hội', weight: 0.3, scaleMin: 0, scaleMax: 10 },
  ],
  bands: [
    { grade: 'xuat-sac', label: 'Xuất sắc', minScore: 9 },
    { grade: 'tot', label: 'Tốt', minScore: 8 },
    { grade: 'kha', label: 'Khá', minScore: 6.5 },
    { grade: 'dat', label: 'Đạt', minScore: 5 },
    { grade: 'khong-dat', label: 'Không đạt', minScore: 0 },
  ],
};

export const criteriaV1: CriteriaSetPublishedData = { ...CRITERIA_CONTENT, version: 1, publishedAt: '2019-03-01T08:00:00Z' };

/** Version 2 moves weight from applicability to impact; version 1 scores no longer count. */
export const criteriaV2: CriteriaSetPublishedData = {
  ...CRITERIA_CONTENT,
  criteria: [
    { code: 'TM', name: 'Tính mới, tính sáng tạo', weight: 0.4, scaleMin: 0, scaleMax: 10 },
    { code: 'AD', name: 'Khả năng áp dụng', weight: 0.2, scaleMin: 0, scaleMax: 10 },
    { code: 'HQ', name: 'Hiệu quả kinh tế - xã hội', weight: 0.4, scaleMin: 0, scaleMax: 10 },
  ],
  version: 2,
  publishedAt: '2019-07-01T08:00:00Z',
  supersedesVersion: 1,
};
