// Builds the server (tsc) and the console (vite) only when their sources are newer than the output.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function newest(entries) {
  let latest = 0;
  const walk = (p) => {
    if (!fs.existsSync(p)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(p)) if (name !== 'node_modules') walk(path.join(p, name));
    } else latest = Math.max(latest, stat.mtimeMs);
  };
  for (const e of entries) walk(path.join(root, e));
  return latest;
}

function mtime(file) {
  const p = path.join(root, file);
  return fs.existsSync(p) ? fs.statSync(p).mtimeMs : 0;
}

function run(label, args) {
  console.log(`[build] ${label}…`);
  // Always a production build, even when called from the tests (NODE_ENV=test would make vite
  // bundle React's development build).
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (result.status !== 0) {
    console.error(`[build] échec : ${label}`);
    process.exit(result.status ?? 1);
  }
}

export function buildServerIfNeeded() {
  const sources = newest(['server', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json']);
  if (mtime('dist/server/main.js') < sources) {
    run('compilation du serveur (tsc)', [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json']);
    fs.utimesSync(path.join(root, 'dist/server/main.js'), new Date(), new Date());
  }
}

export function buildAdminIfNeeded() {
  const sources = newest(['admin', 'schema.graphql', 'package-lock.json']);
  if (mtime('dist/admin/index.html') < sources) {
    run('construction de la console (vite)', [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'admin/vite.config.mts', '--logLevel', 'warn']);
  }
}
