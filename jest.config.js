// Projects: `unit` (pure, no server; *.spec.ts), `integration` (*.int-spec.ts and *.e2e-spec.ts on real
// PostgreSQL, Kafka and FerretDB: one set of containers per run through Testcontainers, see
// tools/jest/test-servers.ts, or the servers named by CEM_PG_URL/CEM_KAFKA_BROKERS/CEM_MONGO_URL),
// `e2e-in-process` (the services' e2e specs again, with the in-process bus instead of Kafka; same servers),
// `compose` (docker-compose.yml for real) and `browser` (the portal in Chromium).
const { readFileSync } = require('fs');
const swc = JSON.parse(readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swc.$schema;
// PGlite's CommonJS build loads Node built-ins with dynamic import(), which jest's VM refuses without
// --experimental-vm-modules; compiling that one package to require() lets `npx jest` run it as is.
const swcCjs = { ...swc, jsc: { ...swc.jsc, parser: { syntax: 'ecmascript' } } };
const base = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['@swc/jest', swc],
    '/@electric-sql/pglite/dist/.+\\.cjs$': ['@swc/jest', swcCjs],
  },
  transformIgnorePatterns: ['/node_modules/(?!@electric-sql/pglite/)'],
  moduleNameMapper: {
    // The test actors and scenario alone (pure), without the test platform's servers and clients.
    '^@cem/testing/scenario$': '<rootDir>/libs/testing/src/scenario.ts',
    '^@cem/([a-z-]+)/testing$': '<rootDir>/libs/$1/src/testing.ts',
    '^@cem/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
  },
  modulePathIgnorePatterns: ['<rootDir>/.cache', '<rootDir>/dist', '<rootDir>/portal/dist'],
  testPathIgnorePatterns: ['/node_modules/', '/.cache/'],
  setupFiles: ['reflect-metadata'],
};
module.exports = {
  projects: [
    {
      ...base,
      displayName: 'unit',
      testMatch: ['<rootDir>/{libs,services,deploy,bench}/**/*.spec.ts', '<rootDir>/portal/{src,scripts}/**/*.spec.ts'],
      // 60 s per test and hook (jest's testTimeout is global-only, so per project it is a setup file).
      setupFilesAfterEnv: ['<rootDir>/tools/jest/unit-setup.js'],
    },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['<rootDir>/{libs,services,deploy}/**/*.{int-spec,e2e-spec}.ts'],
      setupFilesAfterEnv: ['<rootDir>/tools/jest/integration-setup.js'],
      globalSetup: '<rootDir>/tools/jest/global-setup.ts',
      globalTeardown: '<rootDir>/tools/jest/global-teardown.ts',
    },
    // docker-compose.yml brought up for real (its own containers; tools/test.sh runs it after the others).
    { ...base, displayName: 'compose', testMatch: ['<rootDir>/deploy/**/*.compose-spec.ts'] },
    {
      // The cross-service e2e tests once more with the embedded default's in-process bus between the services
      // (PostgreSQL and FerretDB stay real): the event handlers must behave the same on either bus.
      ...base,
      displayName: 'e2e-in-process',
      testMatch: ['<rootDir>/services/**/*.e2e-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/tools/jest/integration-setup.js', '<rootDir>/tools/jest.in-process-bus.js'],
      globalSetup: '<rootDir>/tools/jest/global-setup.ts',
      globalTeardown: '<rootDir>/tools/jest/global-teardown.ts',
    },
    // The portal in Debian's Chromium (playwright-core); see portal/e2e: the sign-in through Keycloak and the
    // whole-chain walk (its own embedded platform on free ports). CEM_UPDATE_SCREENSHOTS=1 rewrites docs/screenshots.
    {
      ...base,
      displayName: 'browser',
      testMatch: ['<rootDir>/portal/e2e/**/*.browser-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/tools/jest/integration-setup.js'],
      globalSetup: '<rootDir>/tools/jest/global-setup.ts',
      globalTeardown: '<rootDir>/tools/jest/global-teardown.ts',
    },
  ],
};
