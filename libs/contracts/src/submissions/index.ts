export * from './submissions.values';
export * from './submissions.shapes';
export * from './unit.events';
export * from './campaign.events';
export * from './dossier.events';
export * from './submissions.contracts';
