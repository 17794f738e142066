#!/bin/sh
# run.sh OUT SECONDS - `make fuzz`: every libFuzzer target in OUT for
# SECONDS, starting from a copy of tests/fuzz/corpus/NAME (what it finds
# stays in build/fuzz/corpus); a crash is kept in build/fuzz/crashes/NAME
# and fails the run: add it to tests/fuzz/corpus/NAME once fixed.
set -u
OUT=$1
SECONDS_EACH=$2
W=build/fuzz
pass=0
fail=0
for bin in "$OUT"/fuzz-*; do
	name=${bin##*/fuzz-}
	mkdir -p "$W/corpus/$name" "$W/crashes/$name"
	cp -n tests/fuzz/corpus/"$name"/* "$W/corpus/$name/" 2>/dev/null
	log=$W/$name.log
	"$bin" -max_total_time="$SECONDS_EACH" -timeout=20 -rss_limit_mb=2560 \
		-max_len=65536 -print_final_stats=1 \
		-artifact_prefix="$W/crashes/$name/" "$W/corpus/$name" >"$log" 2>&1
	st=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	if [ "$st" = 0 ]; then
		pass=$((pass + 1))
		echo "ok   fuzz $name: ${execs:-?} inputs in ${SECONDS_EACH} s"
	else
		fail=$((fail + 1))
		echo "FAIL fuzz $name (exit $st): see $log and $W/crashes/$name/"
		grep -m 3 -E 'ERROR|runtime error|SUMMARY' "$log" | sed 's/^/     | /'
	fi
done
echo "fuzz: $pass passed, $fail failed"
[ "$fail" = 0 ]
