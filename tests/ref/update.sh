#!/bin/sh
# update.sh OUT - rewrites the expected renders (tests/ref/*-ref.png) and the
# fitting goldens (tests/fit/*.txt) from the build in OUT. Look at the
# images and at `git diff` before committing them.
set -eu
OUT=$1
mkdir -p build/test
for args in tests/ref/*.args; do
	name=${args%.args}
	eval "set -- $(cat "$args")"
	"$OUT/bayraq" render "$@" -f png -o "$name-ref.png" >/dev/null
	echo "wrote $name-ref.png"
done
BAYRAQ_UPDATE_FIT=1 "$OUT/tests/test-fit" || true
echo "rewrote tests/fit/*.txt; review with: git diff tests/"
