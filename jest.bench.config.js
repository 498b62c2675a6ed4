// Benchmarks: real processes, measured and written to bench/results/; never pass/fail on time.
const base = require('./jest.config.js');
const int = base.projects[1];

/** @type {import('jest').Config} */
module.exports = {
  displayName: 'bench',
  testMatch: ['<rootDir>/bench/**/*.bench.ts'],
  transform: int.transform,
  moduleNameMapper: int.moduleNameMapper,
  globalSetup: int.globalSetup,
  globalTeardown: int.globalTeardown,
  testTimeout: 900000,
  maxWorkers: 1,
};
