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
    files: ['*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
  {
    files: ['scripts/**/*.mjs', 'bench/**/*.mjs', '*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', fetch: 'readonly', setTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', URLSearchParams: 'readonly' } },
  },
  {
    // The console's lists and dates go through its wrappers: keyboard-operable rows with labelled
    // checkboxes (common/Datagrid.tsx), dates in the console's language and Paris time (common/DateField.tsx).
    files: ['admin/src/**/*.tsx', 'admin/src/**/*.ts'],
    ignores: ['admin/src/common/Datagrid.tsx', 'admin/src/common/DateField.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'react-admin', importNames: ['Datagrid', 'DatagridConfigurable', 'DateField'], message: 'Use admin/src/common/Datagrid.tsx and common/DateField.tsx.' }] },
      ],
    },
  },
  {
    // Scope is structural (README, "Role scoping"): the query builder, raw SQL, drivers and the
    // filter switches live in server/scope/ (and the database plumbing in server/database/) only.
    files: ['server/**/*.ts'],
    ignores: ['server/scope/**', 'server/database/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name=/^(createQueryBuilder|qb|getKnex|getKnexQuery|getConnection|execute|setFilterParams|addFilter)$/]", message: 'Query builders, raw SQL and filter parameters only in server/scope/ (ScopedQuery, unscoped) or server/database/.' },
        { selector: "Property[key.name='filters']", message: 'Filter switches only in server/scope/: use unscoped(reason, …) for system work, followRelation for a relation of an in-scope record.' },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@mikro-orm/core', importNames: ['raw', 'sql', 'RawQueryFragment'], message: 'Raw SQL only in server/scope/ or server/database/.' },
            { name: '@mikro-orm/postgresql', importNames: ['raw', 'sql', 'RawQueryFragment', 'Knex', 'QueryBuilder'], message: 'Raw SQL and query builders only in server/scope/ or server/database/.' },
            { name: 'pg', message: 'Database drivers only in server/scope/ or server/database/.' },
            { name: 'pg-query-stream', message: 'Database drivers only in server/scope/ or server/database/.' },
            { name: 'knex', message: 'Raw SQL only in server/scope/ or server/database/.' },
          ],
        },
      ],
    },
  },
  {
    // Resources act for the request's user: never through the global EntityManager.
    files: ['server/modules/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name=/^(createQueryBuilder|qb|getKnex|getKnexQuery|getConnection|execute|setFilterParams|addFilter)$/]", message: 'Query builders, raw SQL and filter parameters only in server/scope/ (ScopedQuery, unscoped) or server/database/.' },
        { selector: "Property[key.name='filters']", message: 'Filter switches only in server/scope/: use unscoped(reason, …) for system work, followRelation for a relation of an in-scope record.' },
        { selector: "MemberExpression[object.name='orm'][property.name='em']", message: 'The global EntityManager carries no user: use ctx.em (scoped) or unscoped(reason, …).' },
      ],
    },
  },
);
