#!/bin/sh
# fetch-flags.sh VERSION INTEGRITY DIR - the pinned svg-country-flags package
# from npm, into DIR/package (its svg/, countries.json and package.json).
# The tarball's sha512 must match the pinned integrity before anything is
# unpacked (src/npm-fetch.sh). A release tarball carries the set and never
# calls this (build/flags/VENDORED).
set -eu
version=$1 integrity=$2 dir=$3
exec sh "$(dirname "$0")/npm-fetch.sh" svg-country-flags "$version" "$integrity" \
	"$dir/package" svg countries.json package.json
