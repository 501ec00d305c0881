// `npm run db:migrate | db:seed | db:migration:create | schema:emit`: compile the server, then run the command.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { buildServerIfNeeded, root } from './build-if-needed.mjs';

buildServerIfNeeded();
const result = spawnSync(process.execPath, ['--enable-source-maps', path.join(root, 'dist/server/database/cli.js'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
