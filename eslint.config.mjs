import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', '.tmp/**', 'coverage/**', 'server/database/migrations/Migration*.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // type-graphql resolvers are classes whose base is built by a factory.
      '@typescript-eslint/no-extraneous-class': 'off',
    },
  },
  {
    files: ['scripts/**/*.mjs', 'bench/**/*.mjs', '*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', fetch: 'readonly', setTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', URLSearchParams: 'readonly' } },
  },
  {
    // Resolvers never reach the database outside the request's scoped EntityManager.
    files: ['server/modules/**/*.resolver.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='orm'][property.name='em']", message: 'Use ctx.em (scoped), never orm.em in a resolver.' },
        { selector: "CallExpression[callee.property.name=/^(execute|createQueryBuilder|getKnex)$/]", message: 'No raw SQL or QueryBuilder in resolvers: go through a service and ctx.em.' },
      ],
    },
  },
);
