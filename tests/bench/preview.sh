#!/bin/sh
# preview.sh OUT - part of `make bench`: the live preview (A2 at 20 dpi,
# 331x468 px PNG) in a cold process against rsvg-convert on bayraq's own
# SVG of the same picture, interleaved in one run (RUNS runs each, median);
# then the same preview in a warm library (build/OUT/tests/bench-warm).
# Not a test: nothing here passes or fails.
set -u
OUT=$1
BIN=$OUT/bayraq
STAT=$OUT/tests/runstat
W=build/bench/preview
rm -rf "$W"
mkdir -p "$W"
RUNS=${RUNS:-21}
A="--lang de --city Berlin --country DE --size A2"
"$BIN" render $A -f svg -o "$W/a2.svg" >/dev/null
# Interleaved: a machine that slows down slows both down alike.
i=0
while [ "$i" -lt "$RUNS" ]; do
	"$STAT" rsvg-convert -d 20 -p 20 -o "$W/rsvg.png" "$W/a2.svg" >>"$W/rsvg"
	"$STAT" "$BIN" render $A --dpi 20 -f png -o "$W/bayraq.png" >>"$W/bayraq"
	"$STAT" "$BIN" render $A --dpi 20 -j 1 -f png -o "$W/bayraq-j1.png" >>"$W/bayraq-j1"
	i=$((i + 1))
done
median() { sort -n "$W/$1" | awk -v n="$RUNS" 'NR == int((n + 1) / 2) { print $1 * 1000 }'; }
r=$(median rsvg)
b=$(median bayraq)
j=$(median bayraq-j1)
echo "preview A2 at 20 dpi (331x468 px), cold process, median of $RUNS:"
printf '  rsvg-convert (SVG given)  %6.1f ms\n' "$r"
printf '  bayraq render             %6.1f ms  %.2fx rsvg-convert\n' "$b" "$(echo "$b $r" | awk '{ print $1 / $2 }')"
printf '  bayraq render -j 1        %6.1f ms  %.2fx rsvg-convert\n' "$j" "$(echo "$j $r" | awk '{ print $1 / $2 }')"
if [ -x "$OUT/tests/bench-warm" ]; then
	"$OUT/tests/bench-warm" "${N:-200}"
fi
