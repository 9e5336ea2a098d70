export { UnauthenticatedError } from '@cem/contracts';
export * from './token-claims';
export * from './token-verifier';
export * from './local-issuer';
export * from './authorisation';
export * from './demo-users';
export * from './verifier-from-env';
export * from './access';
