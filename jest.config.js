/**
 * Two jest projects:
 * - `lwc`: component tests in lwc-ts-src (sfdx-lwc-jest: LWC engine, lightning stubs,
 *   @salesforce/* module mocks). `c/<name>` resolves to the TypeScript sources. The shared
 *   component-test helpers (and their own tests) live in tests/lwc.
 * - `node`: the rule vectors, the prm CLI, the gates and the metadata integrity tests.
 */
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
  // Org-path and demo tests take seconds; on a shared, loaded machine the 5 s default fails them spuriously.
  testTimeout: 60_000,
  projects: [
    {
      ...jestConfig,
      displayName: 'lwc',
      rootDir: __dirname,
      roots: ['<rootDir>/lwc-ts-src', '<rootDir>/tests/lwc'],
      testMatch: ['**/__tests__/**/*.test.ts'],
      setupFilesAfterEnv: [...jestConfig.setupFilesAfterEnv, '<rootDir>/tests/lwc/setup.ts'],
      moduleNameMapper: {
        '^c/(.+)$': '<rootDir>/lwc-ts-src/$1/$1',
      },
    },
    {
      displayName: 'node',
      rootDir: __dirname,
      testEnvironment: 'node',
      roots: ['<rootDir>/tests'],
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/tests/fixtures/', '/tests/lwc/'],
      transform: {
        '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }],
      },
    },
  ],
};
