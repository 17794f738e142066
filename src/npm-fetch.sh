#!/bin/sh
# npm-fetch.sh NAME VERSION INTEGRITY DEST [PATH...] - one pinned package
# from the npm registry, unpacked into DEST: its files (what the tarball
# holds under package/), or only the PATHs of them named. The tarball's
# sha512 must match INTEGRITY (npm's "sha512-..." form) before anything is
# unpacked. DEST is replaced whole, or left as it was when anything fails.
# src/fetch-flags.sh (the flag set) and tests/bench/fetch-resvg.sh use it.
set -eu
if [ $# -lt 4 ]; then
	echo "usage: npm-fetch.sh NAME VERSION INTEGRITY DEST [PATH...]" >&2
	exit 2
fi
name=$1 version=$2 integrity=$3 dest=$4
shift 4
for tool in npm node; do
	command -v "$tool" >/dev/null 2>&1 || {
		echo "npm: cannot fetch $name@$version: $tool is missing (sh src/deps.sh installs it)" >&2
		exit 1
	}
done
# The tarball is checked in a folder of its own; DEST.tmp, beside DEST,
# becomes DEST when all of it is unpacked.
pack=$(mktemp -d "${TMPDIR:-/tmp}/npm-fetch.XXXXXX")
tmp=$dest.tmp
trap 'rm -rf "$pack" "$tmp"' EXIT
trap 'exit 1' HUP INT TERM
echo "npm: fetching $name@$version from the npm registry"
# npm pack prints the tarball's name (@scope/name packs as scope-name-VERSION.tgz).
tgz=$(cd "$pack" && npm pack --silent "$name@$version") || {
	echo "npm: npm pack $name@$version failed; check the network (npm config get registry)" >&2
	exit 1
}
tgz=$pack/$(printf '%s\n' "$tgz" | tail -n 1)
# node comes with npm, so it computes the hash the way npm states it.
got="sha512-$(node -e 'const c = require("crypto"), f = require("fs");
process.stdout.write(c.createHash("sha512").update(f.readFileSync(process.argv[1])).digest("base64"))' "$tgz")"
if [ "$got" != "$integrity" ]; then
	echo "npm: integrity mismatch for $name@$version" >&2
	echo "  expected $integrity" >&2
	echo "  got      $got" >&2
	exit 1
fi
# The PATHs, as members of the tarball.
for path; do
	set -- "$@" "package/$path"
	shift
done
rm -rf "$tmp"
mkdir -p "$tmp"
tar -xzf "$tgz" -C "$tmp" --strip-components=1 "$@"
rm -rf "$dest"
mv "$tmp" "$dest"
