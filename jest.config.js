// Three tiers by suffix: *.test.ts (pure, fast), *.int.test.ts (real Kafka + Mongo,
// started once per run by the testkit's global setup), e2e/ (the whole stack).
const transform = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
  ],
};
// In-process imports of workspace packages resolve to their sources, so tests never run
// against a stale build; spawned processes use the built dist/ (npm test builds first).
const moduleNameMapper = {
  '^@tally/usage-subgraph/day-buckets$': '<rootDir>/subgraphs/usage/src/store/day-buckets',
  '^@tally/([a-z-]+)$': '<rootDir>/packages/$1/src',
};
const ignored = ['/node_modules/', '/dist/'];

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      displayName: 'unit',
      testMatch: ['<rootDir>/**/src/**/*.test.ts', '<rootDir>/**/test/**/*.test.ts'],
      testPathIgnorePatterns: [...ignored, '\\.int\\.test\\.ts$', '/e2e/'],
      transform,
      moduleNameMapper,
    },
    {
      displayName: 'int',
      testMatch: ['<rootDir>/**/*.int.test.ts', '<rootDir>/e2e/**/*.test.ts'],
      testPathIgnorePatterns: ignored,
      transform,
      moduleNameMapper,
      globalSetup: '<rootDir>/packages/testkit/src/global-setup.ts',
      globalTeardown: '<rootDir>/packages/testkit/src/global-teardown.ts',
    },
  ],
  // Per-project testTimeout is ignored by jest; the int tier starts real processes.
  testTimeout: 120000,
};
