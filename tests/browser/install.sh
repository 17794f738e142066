#!/bin/sh
# install.sh DIR - installs the pinned browser-test packages of tests/browser
# (package.json, package-lock.json with integrity hashes) into DIR/node_modules.
set -eu
dir=$1
here=$(dirname "$0")
[ -f "$dir/node_modules/playwright-core/package.json" ] &&
	cmp -s "$here/package-lock.json" "$dir/package-lock.json" && exit 0
mkdir -p "$dir"
cp "$here/package.json" "$here/package-lock.json" "$dir/"
cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null
