// Test tiers by suffix: *.unit.spec.ts, *.int.spec.ts (real adapters), test/**/*.e2e-spec.ts (HTTP end to end),
// apps/web/**/*.ui-spec.ts (the built web app in Debian's Chromium, against the real app).
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.json');

const base = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  rootDir: __dirname,
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
};

module.exports = {
  testTimeout: 30000,
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.unit.spec.ts'] },
    {
      ...base,
      displayName: 'int',
      testMatch: ['<rootDir>/{apps,libs}/**/*.int.spec.ts'],
      // The Kafka specs start the test broker on demand; the jest run that started it stops it at the end.
      globalSetup: '<rootDir>/libs/kafka/src/testing/kafka-global-setup.ts',
      globalTeardown: '<rootDir>/libs/kafka/src/testing/kafka-global-teardown.ts',
    },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
    {
      ...base,
      displayName: 'ui',
      testMatch: ['<rootDir>/apps/web/**/*.ui-spec.ts'],
      // Builds apps/web when its build is missing or older than its sources.
      globalSetup: '<rootDir>/apps/web/test/ui-global-setup.ts',
      setupFilesAfterEnv: ['<rootDir>/apps/web/test/ui-setup.ts'],
    },
  ],
};
