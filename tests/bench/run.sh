#!/bin/sh
# run.sh OUT - `make bench`: bayraq side by side with the ways people would
# otherwise do the same work, in the same run. Prints one table with
# median wall times and ratios. Not a test: nothing here passes or fails.
set -eu
OUT=$1
BIN=$OUT/bayraq
W=build/bench
rm -rf "$W"
mkdir -p "$W"
RUNS=${RUNS:-3}
N=${N:-100}

# median_time CMD...: the median of RUNS wall times, in seconds.
median_time() {
	for _ in $(seq "$RUNS"); do
		s=$(date +%s.%N)
		"$@" >/dev/null 2>&1 || true
		e=$(date +%s.%N)
		echo "$s $e" | awk '{ printf "%.4f\n", $2 - $1 }'
	done | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}

# A campaign of N banners: PDFs in four languages and three sizes.
echo "design,lang,city,country,size,format" >"$W/campaign.csv"
i=0
while [ "$i" -lt "$N" ]; do
	set -- en de uk ka
	shift $((i % 4))
	lang=$1
	set -- A3 A2 banner-2x1m
	shift $((i % 3))
	echo "liberate-crimea,$lang,City $i,PL,$1,pdf" >>"$W/campaign.csv"
	i=$((i + 1))
done

loop() {
	tail -n +2 "$W/campaign.csv" | while IFS=, read -r design lang city country size format; do
		"$BIN" render --design "$design" --lang "$lang" --city "$city" \
			--country "$country" --size "$size" -f "$format" -o "$W/loop/" >/dev/null
	done
}

batch() {
	"$BIN" batch "$W/campaign.csv" -j "$1" --force -o "$W/batch$1/"
}

echo "bayraq bench on $(nproc) cores, $(uname -m), BUILD=$(basename "$OUT"), median of $RUNS runs"
echo
t_loop=$(median_time loop)
t_b1=$(median_time batch 1)
t_b2=$(median_time batch 2)
printf '%-44s %9s %12s %8s\n' "$N-banner campaign (PDF)" "seconds" "banners/s" "ratio"
printf '%-44s %9.2f %12.1f %8s\n' "shell loop of 'bayraq render'" "$t_loop" "$(echo "$N $t_loop" | awk '{ print $1 / $2 }')" "1.00"
printf '%-44s %9.2f %12.1f %8.2f\n' "bayraq batch -j 1" "$t_b1" "$(echo "$N $t_b1" | awk '{ print $1 / $2 }')" "$(echo "$t_loop $t_b1" | awk '{ print $1 / $2 }')"
printf '%-44s %9.2f %12.1f %8.2f\n' "bayraq batch -j 2" "$t_b2" "$(echo "$N $t_b2" | awk '{ print $1 / $2 }')" "$(echo "$t_loop $t_b2" | awk '{ print $1 / $2 }')"
