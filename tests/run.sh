#!/bin/sh
# run.sh OUT - runs every test against the build in OUT (build/debug, build/asan).
# Unit binaries, the PO checks and the end-to-end cases in tests/e2e/*.sh.
# The last line reads "N passed, N failed"; the exit status is 0 only if none failed.
# ONLY='a|b' runs only the tests whose names match that extended regex.
set -u
OUT=$1
BAYRAQ=$OUT/bayraq
TOOLS=$OUT/tests
T=build/test/$(basename "$OUT")
export BAYRAQ TOOLS T
rm -rf "$T"
mkdir -p "$T" build/test
pass=0
fail=0

ONLY=${ONLY:-}

# Whether a test called $1 is to run.
wanted() {
	[ -z "$ONLY" ] || printf '%s\n' "$1" | grep -Eq "$ONLY"
}

# The seconds since the last test ended, after each result: what to speed up.
last=$(date +%s)
result() { # status name log
	now=$(date +%s)
	took=$((now - last))
	last=$now
	if [ "$1" = 0 ]; then
		pass=$((pass + 1))
		echo "ok   $2 (${took} s)"
	else
		fail=$((fail + 1))
		echo "FAIL $2 (${took} s)"
		[ -s "$3" ] && sed 's/^/     | /' "$3" | tail -n 25
	fi
}

for t in "$TOOLS"/test-*; do
	name=$(basename "$t")
	wanted "$name" || continue
	"$t" >"$T/$name.log" 2>&1
	result $? "unit $name" "$T/$name.log"
done

for po in locales/*.po; do
	name=$(basename "$po")
	wanted "po" || continue
	{ msgfmt -c -o /dev/null "$po" && msgcmp "$po" locales/bayraq.pot; } >"$T/$name.log" 2>&1
	result $? "po $name (msgfmt -c, every key of bayraq.pot)" "$T/$name.log"
done

. tests/lib.sh
for f in tests/e2e/*.sh; do
	. "$f"
	for fn in $(sed -n 's/^\(test_[a-z0-9_]*\)() *{.*/\1/p' "$f"); do
		wanted "$fn" || continue
		dir=$T/$fn
		mkdir -p "$dir"
		(set -e; cd "$dir"; "$fn") >"$T/$fn.log" 2>&1
		result $? "e2e $fn" "$T/$fn.log"
	done
done

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
