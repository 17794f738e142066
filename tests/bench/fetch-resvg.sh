#!/bin/sh
# fetch-resvg.sh VERSION INTEGRITY NATIVE_INTEGRITY DIR - the pinned
# @resvg/resvg-js (resvg for Node.js) and its prebuilt x86_64 Linux (glibc)
# library from npm, into DIR/node_modules/@resvg, for `make bench` only: a
# peer to compare with, never a dependency of bayraq. Each tarball's sha512
# must match its pinned integrity before anything is unpacked
# (src/npm-fetch.sh).
set -eu
version=$1 integrity=$2 native_integrity=$3 dir=$4
native=resvg-js-linux-x64-gnu
if [ "$(uname -s)-$(uname -m)" != Linux-x86_64 ] || ! ldd --version 2>&1 | grep -qi 'gnu\|glibc'; then
	echo "resvg: only the x86_64 Linux (glibc) build is pinned; no resvg row" >&2
	exit 1
fi
fetch=$(dirname "$0")/../../src/npm-fetch.sh
rm -rf "$dir.tmp"
trap 'rm -rf "$dir.tmp"' EXIT
sh "$fetch" @resvg/resvg-js "$version" "$integrity" "$dir.tmp/node_modules/@resvg/resvg-js"
sh "$fetch" "@resvg/$native" "$version" "$native_integrity" "$dir.tmp/node_modules/@resvg/$native"
rm -rf "$dir"
mv "$dir.tmp" "$dir"
