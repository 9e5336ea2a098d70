export * from './councils.values';
export * from './councils.shapes';
export * from './council.events';
export * from './criteria.events';
export * from './evaluation.events';
export * from './scoring.events';
export * from './grading.events';
export * from './councils.contracts';
