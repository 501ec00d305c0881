// `npm start`: build what changed, then run the server (which starts PostgreSQL, migrates and seeds).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildAdminIfNeeded, buildServerIfNeeded, root } from './build-if-needed.mjs';

buildServerIfNeeded();
buildAdminIfNeeded();

const child = spawn(process.execPath, ['--enable-source-maps', path.join(root, 'dist/server/main.js')], { cwd: root, stdio: 'inherit' });
// Ctrl-C reaches the child through the terminal; a SIGTERM sent to npm is forwarded.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
