/**
 * ESLint: Salesforce's LWC rules (TypeScript flavour) for lwc-ts-src, typescript-eslint for
 * the Node scripts and tests. Build output in force-app is generated and not linted here.
 */
const lwcConfig = require('@salesforce/eslint-config-lwc');
const jestPlugin = require('eslint-plugin-jest');
const tseslint = require('typescript-eslint');
const globals = require('globals');

const scoped = (configs, files) => configs.map((config) => ({ ...config, files }));

module.exports = [
  {
    ignores: [
      'node_modules/**',
      'force-app/**',
      '.generated/**',
      'coverage/**',
      'out/**',
      'tests/fixtures/**',
      '**/*.d.ts',
    ],
  },
  ...scoped(lwcConfig.configs.recommendedTs, ['lwc-ts-src/**/*.ts']),
  {
    // TypeScript resolves names and types itself (npm run typecheck); the babel-based
    // core rules cannot see type-only declarations.
    files: ['lwc-ts-src/**/*.ts'],
    // no-restricted-globals misreads interface members such as `name` as the DOM global.
    rules: { 'no-undef': 'off', 'no-unused-vars': 'off', 'no-restricted-globals': 'off' },
  },
  {
    files: ['lwc-ts-src/**/__tests__/**/*.ts'],
    plugins: { jest: jestPlugin },
    languageOptions: { globals: { ...globals.jest, ...globals.node } },
    rules: { ...jestPlugin.configs['flat/recommended'].rules, '@lwc/lwc/no-unexpected-wire-adapter-usages': 'off' },
  },
  ...scoped(tseslint.configs.recommended, ['scripts/**/*.ts', 'tests/**/*.ts', 'spec/**/*.ts']),
  {
    files: ['scripts/**/*.ts', 'tests/**/*.ts', 'spec/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['*.js', 'bin/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
  },
];
