import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/src/generated/**',
      'infra/.cache/**',
      '.data/**',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // Our components are closures returning plain objects; none of their methods uses `this`.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // The web console (browser code): React's rules of hooks.
    files: ['web/src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    // The domain is pure: plain data in, plain data out.
    files: ['**/src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'mongoose',
            'kafkajs',
            '@tally/messaging',
            'graphql',
            'config',
            '@apollo/*',
            'express',
            'node:*',
            'fs',
            'http',
          ],
        },
      ],
    },
  },
  {
    // Only config modules read the environment.
    files: ['**/src/**/*.ts'],
    ignores: [
      '**/src/config.ts',
      '**/src/**/*config*.ts',
      'packages/service-kit/src/settings/**',
      'packages/infra/**',
      'packages/stack/**',
      'packages/testkit/**',
      '**/*.test.ts',
    ],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read settings through config.ts' },
      ],
    },
  },
);
