#!/bin/sh
# fetch-flags.sh VERSION INTEGRITY DIR - the pinned svg-country-flags package from npm.
# The tarball's sha512 must match the pinned integrity before anything is unpacked.
set -eu
version=$1 integrity=$2 dir=$3
rm -rf "$dir.tmp"
mkdir -p "$dir.tmp"
echo "flags: fetching svg-country-flags@$version from the npm registry"
(cd "$dir.tmp" && npm pack --silent "svg-country-flags@$version" >/dev/null) || {
	echo "flags: npm pack svg-country-flags@$version failed" >&2
	exit 1
}
tgz="$dir.tmp/svg-country-flags-$version.tgz"
# node comes with npm, so it computes the hash the way npm states it.
got="sha512-$(node -e 'const c = require("crypto"), f = require("fs");
process.stdout.write(c.createHash("sha512").update(f.readFileSync(process.argv[1])).digest("base64"))' "$tgz")"
if [ "$got" != "$integrity" ]; then
	echo "flags: integrity mismatch for svg-country-flags@$version" >&2
	echo "  expected $integrity" >&2
	echo "  got      $got" >&2
	rm -rf "$dir.tmp"
	exit 1
fi
tar -xzf "$tgz" -C "$dir.tmp" package/svg package/countries.json package/package.json
rm -f "$tgz"
rm -rf "$dir"
mv "$dir.tmp" "$dir"
