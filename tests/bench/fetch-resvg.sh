#!/bin/sh
# fetch-resvg.sh VERSION INTEGRITY NATIVE_INTEGRITY DIR - the pinned
# @resvg/resvg-js (resvg for Node.js) and its prebuilt x86_64 Linux (glibc)
# library from npm, for `make bench` only: a peer to compare with, never a
# dependency of bayraq. Each tarball's sha512 must match its pinned
# integrity before anything is unpacked (as src/fetch-flags.sh does).
set -eu
version=$1 integrity=$2 native_integrity=$3 dir=$4
native=resvg-js-linux-x64-gnu
if [ "$(uname -s)-$(uname -m)" != Linux-x86_64 ] || ! ldd --version 2>&1 | grep -qi 'gnu\|glibc'; then
	echo "resvg: only the x86_64 Linux (glibc) build is pinned; no resvg row" >&2
	exit 1
fi
command -v npm >/dev/null 2>&1 || {
	echo "resvg: npm is missing (sh src/deps.sh installs it); no resvg row" >&2
	exit 1
}
rm -rf "$dir.tmp"
mkdir -p "$dir.tmp/node_modules/@resvg"
echo "resvg: fetching @resvg/resvg-js@$version from the npm registry"
# fetch NAME INTEGRITY: npm pack, check the hash, unpack into node_modules/@resvg/NAME.
fetch() {
	(cd "$dir.tmp" && npm pack --silent "@resvg/$1@$version" >/dev/null) || {
		echo "resvg: npm pack @resvg/$1@$version failed" >&2
		rm -rf "$dir.tmp"
		exit 1
	}
	tgz="$dir.tmp/resvg-$1-$version.tgz"
	got="sha512-$(node -e 'const c = require("crypto"), f = require("fs");
process.stdout.write(c.createHash("sha512").update(f.readFileSync(process.argv[1])).digest("base64"))' "$tgz")"
	if [ "$got" != "$2" ]; then
		echo "resvg: integrity mismatch for @resvg/$1@$version" >&2
		echo "  expected $2" >&2
		echo "  got      $got" >&2
		rm -rf "$dir.tmp"
		exit 1
	fi
	mkdir "$dir.tmp/node_modules/@resvg/$1"
	tar -xzf "$tgz" -C "$dir.tmp/node_modules/@resvg/$1" --strip-components=1
	rm -f "$tgz"
}
fetch resvg-js "$integrity"
fetch "$native" "$native_integrity"
rm -rf "$dir"
mv "$dir.tmp" "$dir"
