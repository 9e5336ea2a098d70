// The test actors and unit paths are shared by every service's specs, the compose test and the benchmark.
export { actorAt, ADMIN, path, PATHS } from '@cem/testing/scenario';
