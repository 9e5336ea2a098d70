// Two projects: `unit` (pure, no server; *.spec.ts) and `integration` (real PostgreSQL, Kafka and
// FerretDB started by deploy/local; *.int-spec.ts and *.e2e-spec.ts).
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
    '^@cem/([a-z-]+)/testing$': '<rootDir>/libs/$1/src/testing.ts',
    '^@cem/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
  },
  modulePathIgnorePatterns: ['<rootDir>/.cache', '<rootDir>/dist', '<rootDir>/portal/dist'],
  testPathIgnorePatterns: ['/node_modules/', '/.cache/'],
  setupFiles: ['reflect-metadata'],
};
module.exports = {
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/{libs,services,deploy,bench}/**/*.spec.ts', '<rootDir>/portal/{src,scripts}/**/*.spec.ts'] },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['<rootDir>/{libs,services,deploy}/**/*.{int-spec,e2e-spec}.ts'],
      setupFilesAfterEnv: ['<rootDir>/tools/jest.integration-setup.js'],
    },
    // The portal in Debian's Chromium (playwright-core) against its own embedded platform; see portal/e2e.
    // Opt-in (CEM_BROWSER_TESTS=1) until the chain test is stable on the shared machine.
    ...(process.env.CEM_BROWSER_TESTS !== '1' ? [] : [{ ...base, displayName: 'browser', testMatch: ['<rootDir>/portal/e2e/**/*.browser-spec.ts'] }]),
  ],
};
