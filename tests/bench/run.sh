#!/bin/sh
# run.sh OUT - `make bench`: bayraq side by side, in the same run, with the
# tools people would otherwise use (rsvg-convert on the SVG that bayraq
# exports with its text laid out; a shell loop of single renders). Prints
# one table: median wall time, peak memory, output size and ratios. Not a
# test: nothing here passes or fails.
set -u
OUT=$1
BIN=$OUT/bayraq
STAT=$OUT/tests/runstat
W=build/bench
rm -rf "$W"
mkdir -p "$W"
RUNS=${RUNS:-3}
N=${N:-100}

# measure NAME CMD...: median time and memory of RUNS runs -> $W/NAME.stat
measure() {
	name=$1
	shift
	for _ in $(seq "$RUNS"); do
		"$STAT" "$@" 2>/dev/null
	done | sort -n | awk -v n="$RUNS" 'NR == int((n + 1) / 2) { print }' >"$W/$name.stat"
}

row() { # label name file [baseline-name]
	set -- "$1" "$2" "$3" "${4:-}"
	read -r t m st <"$W/$2.stat"
	size=$( [ -f "$3" ] && stat -c %s "$3" || echo 0 )
	ratio="-"
	if [ -n "$4" ] && [ -f "$W/$4.stat" ]; then
		read -r bt bm _ <"$W/$4.stat"
		ratio=$(echo "$bt $t $bm $m" | awk '{ printf "%.1fx faster, %.1fx less memory", $1 / $2, $3 / $4 }')
	fi
	if [ "$st" != 0 ]; then
		printf '%-46s %8s %9s %11s  %s\n' "$1" "-" "-" "-" "failed (exit $st)"
	else
		printf '%-46s %8.2f %9.0f %11.1f  %s\n' "$1" "$t" "$m" "$(echo "$size" | awk '{ print $1 / 1e6 }')" "$ratio"
	fi
}

echo "bayraq bench: $(nproc) cores, $(uname -m), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), BUILD=$(basename "$OUT"), median of $RUNS runs"
echo "rsvg-convert $(rsvg-convert --version 2>/dev/null | awk '{ print $NF }')"
echo
printf '%-46s %8s %9s %11s  %s\n' "" "seconds" "peak MB" "output MB" "against the other tool"

A="--lang de --city Berlin --country DE"
"$BIN" render $A --size A0 -f svg -o "$W/a0.svg" >/dev/null
"$BIN" render $A --size banner-3x1m -f svg -o "$W/b3.svg" >/dev/null

measure a0-rsvg rsvg-convert -d 300 -p 300 -o "$W/a0-rsvg.png" "$W/a0.svg"
measure a0-bayraq "$BIN" render $A --size A0 --dpi 300 -f png -o "$W/a0.png"
measure a0-small "$BIN" render $A --size A0 --dpi 300 -f png --png-compression small -o "$W/a0-small.png"
row "A0 300 dpi PNG: rsvg-convert" a0-rsvg "$W/a0-rsvg.png"
row "A0 300 dpi PNG: bayraq" a0-bayraq "$W/a0.png" a0-rsvg
row "A0 300 dpi PNG: bayraq, zlib level 9 (small)" a0-small "$W/a0-small.png" a0-rsvg

measure b150-rsvg rsvg-convert -d 150 -p 150 -o "$W/b150-rsvg.png" "$W/b3.svg"
measure b150-bayraq "$BIN" render $A --size banner-3x1m --dpi 150 -f png -o "$W/b150.png"
row "3x1 m 150 dpi PNG: rsvg-convert" b150-rsvg "$W/b150-rsvg.png"
row "3x1 m 150 dpi PNG: bayraq" b150-bayraq "$W/b150.png" b150-rsvg

measure b300-rsvg rsvg-convert -d 300 -p 300 -o "$W/b300-rsvg.png" "$W/b3.svg"
measure b300-bayraq "$BIN" render $A --size banner-3x1m --dpi 300 -f png -o "$W/b300.png"
row "3x1 m 300 dpi PNG: rsvg-convert (35433 px wide)" b300-rsvg "$W/b300-rsvg.png"
row "3x1 m 300 dpi PNG: bayraq" b300-bayraq "$W/b300.png"

# Threads: -j 2 must never be slower than -j 1, and faster on large images.
echo
printf '%-46s %8s %8s %9s\n' "PNG, -j 1 against -j 2" "-j 1 s" "-j 2 s" "-j 2 time"
for x in "1080x1080 px:--size 1080x1080px" "A2 at 150 dpi:--size A2 --dpi 150" \
	"A0 at 300 dpi:--size A0 --dpi 300"; do
	args=${x#*:}
	runs=$RUNS
	# Small images take milliseconds: more runs for a steady median.
	case "$args" in *px*) RUNS=$((runs * 4 + 1)) ;; esac
	measure j1 "$BIN" render $A $args -j 1 -f png -o "$W/j1.png"
	measure j2 "$BIN" render $A $args -j 2 -f png -o "$W/j2.png"
	RUNS=$runs
	"$OUT/tests/pngcmp" "$W/j1.png" "$W/j2.png" "$W/jdiff.png" 0 0 >/dev/null ||
		echo "  (the two PNGs have different pixels: a bug)"
	read -r t1 _ <"$W/j1.stat"
	read -r t2 _ <"$W/j2.stat"
	printf '%-46s %8.3f %8.3f %8.2fx\n' "${x%%:*}" "$t1" "$t2" "$(echo "$t2 $t1" | awk '{ print $1 / $2 }')"
done

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
mkdir -p "$W/svg"
tail -n +2 "$W/campaign.csv" | while IFS=, read -r design lang city country size format; do
	"$BIN" render --lang "$lang" --city "$city" --country "$country" --size "$size" \
		-f svg -o "$W/svg/" >/dev/null
done
cat >"$W/loop.sh" <<LOOP
tail -n +2 "$W/campaign.csv" | while IFS=, read -r design lang city country size format; do
	"$BIN" render --lang "\$lang" --city "\$city" --country "\$country" --size "\$size" -f pdf -o "$W/loop/" >/dev/null
done
LOOP
cat >"$W/rsvg.sh" <<LOOP
for f in "$W"/svg/*.svg; do rsvg-convert -f pdf -o "\${f%.svg}.pdf" "\$f"; done
LOOP
measure batch-rsvg sh "$W/rsvg.sh"
measure batch-loop sh "$W/loop.sh"
measure batch-1 "$BIN" batch "$W/campaign.csv" -j 1 --force -o "$W/b1/"
measure batch-2 "$BIN" batch "$W/campaign.csv" -j 2 --force -o "$W/b2/"
echo
printf '%-46s %8s %9s %14s\n' "$N banners, PDF" "seconds" "peak MB" "ms per banner"
for x in "rsvg-convert -f pdf per banner (SVG given):batch-rsvg" \
	"shell loop of bayraq render:batch-loop" \
	"bayraq batch -j 1:batch-1" "bayraq batch -j 2:batch-2"; do
	read -r t m _ <"$W/${x##*:}.stat"
	printf '%-46s %8.2f %9.0f %14.1f\n' "${x%:*}" "$t" "$m" "$(echo "$t $N" | awk '{ print $1 * 1000 / $2 }')"
done
