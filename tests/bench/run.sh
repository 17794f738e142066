#!/bin/sh
# run.sh OUT - `make bench`: bayraq side by side, in the same run, with the
# tools people would otherwise use: rsvg-convert, resvg, MuPDF's mutool draw
# and libvips, each drawing the SVG that bayraq exports with its text laid
# out, for a plain and a blurred design; then -j 1 against -j 2, and a
# campaign of PDFs against a shell loop. Prints tables of wall time, peak
# memory, output size and ratios, and the targets of issue 17 with PASS or
# MISS beside each. Not a test: nothing here fails the run.
#
# Knobs (environment):
#   BENCH="peers blur threads batch"  the sections to run (default: all of
#                 them; `serve` is tests/bench/serve.sh's)
#   BENCH_PEERS="rsvg-convert resvg mutool vips"  the other tools
#   BENCH_SIZES="A0:300 banner-3x1m:150 banner-3x1m:300"  SIZE:DPI rows
#   BENCH_BLUR_SIZES=...  the blurred design's rows (default: BENCH_SIZES)
#   BENCH_QUICK=1 the same rows at a quarter of the dpi, one run each
#   BENCH_TIMEOUT=600  seconds one command may take (then: "over N s")
#   BENCH_REPEAT=30    a command whose first run takes longer runs once
#   RUNS=3        runs of each command (the median is shown); N=100 banners
#   BENCH_REPORT=1  print the tables again from build/bench, measuring nothing
set -u
OUT=$1
BIN=$OUT/bayraq
STAT=$OUT/tests/runstat
W=build/bench
. tests/bench/blur.sh
REPORT=${BENCH_REPORT:-0}
[ "$REPORT" = 1 ] || rm -rf "$W"
mkdir -p "$W"
RUNS=${RUNS:-3}
N=${N:-100}
BENCH=${BENCH:-peers blur threads batch}
BENCH_PEERS=${BENCH_PEERS:-rsvg-convert resvg mutool vips}
BENCH_SIZES=${BENCH_SIZES:-A0:300 banner-3x1m:150 banner-3x1m:300}
BENCH_BLUR_SIZES=${BENCH_BLUR_SIZES:-$BENCH_SIZES}
BENCH_TIMEOUT=${BENCH_TIMEOUT:-600}
BENCH_REPEAT=${BENCH_REPEAT:-30}
QUICK=${BENCH_QUICK:-0}
if [ "$QUICK" = 1 ]; then
	RUNS=1
	BENCH_SIZES=$(for s in $BENCH_SIZES; do printf '%s:%s ' "${s%%:*}" $((${s##*:} / 4)); done)
	BENCH_BLUR_SIZES=$(for s in $BENCH_BLUR_SIZES; do printf '%s:%s ' "${s%%:*}" $((${s##*:} / 4)); done)
fi
A="--lang de --city Berlin --country DE"
BLUR_DATA=$PWD/$W/data

section() { case " $BENCH " in *" $1 "*) return 0 ;; esac; return 1; }

# once NAME CMD...: one run, cut at BENCH_TIMEOUT -> a line of
# $W/NAME.runs ("seconds MB status cpu-seconds"); a command that failed or
# took over BENCH_REPEAT s is not run again.
once() {
	name=$1
	shift
	[ -f "$W/$name.once" ] || [ "$REPORT" = 1 ] && return 0
	"$STAT" timeout -k 5 "$BENCH_TIMEOUT" "$@" >>"$W/$name.runs" 2>/dev/null
	tail -n 1 "$W/$name.runs" | awk -v r="$BENCH_REPEAT" '{ exit !($1 > r || $3 != 0) }' &&
		: >"$W/$name.once"
	return 0
}

# median NAME: the run of median wall time -> $W/NAME.stat
median() {
	sort -n "$W/$1.runs" | awk '{ l[NR] = $0 } END { print l[int((NR + 1) / 2)] }' >"$W/$1.stat"
}

# measure NAME CMD...: RUNS runs of one command, then its median.
measure() {
	name=$1
	shift
	[ "$REPORT" = 1 ] || rm -f "$W/$name.runs" "$W/$name.once"
	i=0
	while [ "$i" -lt "$RUNS" ]; do
		once "$name" "$@"
		i=$((i + 1))
	done
	median "$name"
}

# png_size FILE: "W x H" from the PNG header.
png_size() {
	od -An -tu1 -j16 -N8 "$1" 2>/dev/null |
		awk 'NF == 8 { printf "%d x %d", (($1 * 256 + $2) * 256 + $3) * 256 + $4, (($5 * 256 + $6) * 256 + $7) * 256 + $8 }'
}

header() {
	printf '\n%-30s %7s %7s %7s %7s %13s %6s %6s %6s %6s\n' "$1" "seconds" "CPU s" "peak MB" \
		"file MB" "pixels" "time" "CPU" "memory" "file"
}

# row LABEL GROUP TOOL [NOTE]: one tool's line, from $W/GROUP-TOOL.stat and
# .png; the ratios are its figures over bayraq's in the group: above 1,
# bayraq is faster or smaller.
row() {
	label=$1 name=$2-$3 file=$W/$2-$3.png note=${4:-}
	if [ ! -f "$W/$name.stat" ]; then
		printf '%-30s %7s %7s %7s %7s %13s  %s\n' "$label" - - - - - "$note"
		return
	fi
	read -r t m st c <"$W/$name.stat"
	case $st in
	0) ;;
	124 | 137)
		printf '%-30s %7s %7s %7s %7s %13s  %s\n' "$label" ">$BENCH_TIMEOUT" ">${c%.*}" ">${m%.*}" - - \
			"stopped after $BENCH_TIMEOUT s (BENCH_TIMEOUT); CPU and memory until then"
		return
		;;
	*)
		printf '%-30s %7s %7s %7s %7s %13s  %s\n' "$label" - - - - - "failed (exit $st)${note:+; $note}"
		return
		;;
	esac
	bytes=$(stat -c %s "$file" 2>/dev/null || echo 0)
	echo "$bytes" >"$W/$name.size"
	ratios="     -      -      -      -"
	base=$W/$2-bayraq
	if [ "$3" != bayraq ] && [ -f "$base.stat" ] && [ -f "$base.size" ]; then
		read -r bt bm bst bc <"$base.stat"
		[ "$bst" = 0 ] && ratios=$(echo "$t $bt $c $bc $m $bm $bytes $(cat "$base.size")" |
			awk '{ printf "%6.1f %6.1f %6.1f %6.2f", $1 / $2, $3 / $4, $5 / $6, $7 / $8 }')
	fi
	printf '%-30s %7.2f %7.2f %7.0f %7.1f %13s %s%s\n' "$label" "$t" "$c" "$m" \
		"$(echo "$bytes" | awk '{ print $1 / 1e6 }')" "$(png_size "$file")" "$ratios" "${note:+  $note}"
}

# version TOOL: one word for the table's heading.
version() {
	case $1 in
	rsvg-convert) rsvg-convert --version 2>/dev/null | awk '{ print $NF }' ;;
	resvg) sed -n 's/^  "version": *"\([^"]*\)".*/\1/p' build/resvg/node_modules/@resvg/resvg-js/package.json 2>/dev/null ;;
	mutool) mutool -v 2>&1 | awk '/version/ { print $NF; exit }' ;;
	vips) vips --version 2>/dev/null | sed 's/^vips-//; s/ .*//' ;;
	esac
}

# missing TOOL: why a peer has no figures, or nothing when it is there.
missing() {
	case $1 in
	resvg)
		[ -f build/resvg/node_modules/@resvg/resvg-js/index.js ] && command -v node >/dev/null 2>&1 ||
			echo "not there: make build/resvg/.ok fetches it"
		;;
	*) command -v "$1" >/dev/null 2>&1 || echo "not installed: sh src/deps.sh bench" ;;
	esac
}

# peer GROUP TOOL SVG DPI: one run of another tool on SVG -> $W/GROUP-TOOL.*
peer() {
	png=$W/$1-$2.png
	[ -z "$(missing "$2")" ] || return 0
	case $2 in
	rsvg-convert) once "$1-$2" rsvg-convert -d "$4" -p "$4" -o "$png" "$3" ;;
	resvg) once "$1-$2" node tests/bench/resvg.js "$3" "$png" "$4" ;;
	mutool) once "$1-$2" mutool draw -q -r "$4" -o "$png" "$3" ;;
	vips) once "$1-$2" vips svgload "$3" "$png" --dpi "$4" ;;
	*) echo "bench: unknown peer '$2' (expected rsvg-convert, resvg, mutool, vips)" >&2 ;;
	esac
}

peer_label() {
	case $1 in
	mutool) echo "mutool draw $(version mutool)" ;;
	resvg) echo "resvg (resvg-js $(version resvg))" ;;
	*) echo "$1 $(version "$1")" ;;
	esac
}

# group KIND SIZE DPI: bayraq and every peer on one picture, KIND plain or
# blur; the runs are interleaved, so a machine that slows down slows every
# tool alike.
group() {
	kind=$1 size=$2 dpi=$3
	g=$kind-$size-$dpi
	svg=$W/$kind-$size.svg
	tools="bayraq $BENCH_PEERS"
	[ "$kind" = plain ] && [ "$size" = A0 ] && tools="bayraq small $BENCH_PEERS"
	i=0
	while [ "$i" -lt "$RUNS" ]; do
		for p in $tools; do
			case $kind:$p in
			plain:bayraq) once "$g-$p" "$BIN" render $A --size "$size" --dpi "$dpi" -f png -o "$W/$g-$p.png" ;;
			plain:small) once "$g-$p" "$BIN" render $A --size "$size" --dpi "$dpi" -f png \
				--png-compression small -o "$W/$g-$p.png" ;;
			blur:bayraq) once "$g-$p" env BAYRAQ_DATADIR="$BLUR_DATA" "$BIN" render \
				--design liberate-crimea-blur $A --size "$size" --dpi "$dpi" -f png -o "$W/$g-$p.png" ;;
			*) peer "$g" "$p" "$svg" "$dpi" ;;
			esac
		done
		i=$((i + 1))
	done
	for p in $tools; do
		[ -f "$W/$g-$p.runs" ] && median "$g-$p"
	done
	header "$size $dpi dpi PNG, $kind"
	for p in $tools; do
		case $p in
		bayraq) row "bayraq" "$g" bayraq ;;
		small) row "bayraq --png-compression small" "$g" small ;;
		*)
			note=$(missing "$p")
			[ -z "$note" ] && [ "$kind" = blur ] && [ "$p" = mutool ] && note="draws no blur: MuPDF ignores SVG filters"
			[ -z "$note" ] && [ "$p" = rsvg-convert ] && [ "$(cut -d' ' -f3 "$W/$g-$p.stat" 2>/dev/null)" = 1 ] &&
				png_size "$W/plain-$size-$dpi-bayraq.png" | awk '{ big = $1 > 32767 || $3 > 32767 } END { exit !big }' &&
				note="past cairo's 32767-pixel limit"
			row "$(peer_label "$p")" "$g" "$p" "$note"
			;;
		esac
	done
}

echo "bayraq bench: $(nproc) cores, $(uname -m), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), BUILD=$(basename "$OUT"), median of up to $RUNS runs, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start"
[ "$QUICK" = 1 ] && echo "BENCH_QUICK=1: a quarter of the dpi, one run each; not the targets' sizes"
echo "Ratios: the tool's figure over bayraq's; above 1, bayraq is faster, smaller in memory or in file size."

if section peers || section blur; then
	blur_data "$BLUR_DATA" || exit 1
	for s in $BENCH_SIZES $BENCH_BLUR_SIZES; do
		size=${s%%:*}
		[ -f "$W/plain-$size.svg" ] && continue
		"$BIN" render $A --size "$size" -f svg -o "$W/plain-$size.svg" >/dev/null || exit 1
		scale=$(blur_scale "$W/plain-$size.svg" "$BLUR_DATA/designs/liberate-crimea-blur") &&
			blur_svg "$W/plain-$size.svg" "$W/blur-$size.svg" "$scale" || {
			echo "bench: cannot make the blurred SVG for $size" >&2
			exit 1
		}
	done
fi
if section peers; then
	echo
	echo "The plain design (liberate-crimea); the other tools draw bayraq's SVG export of it."
	for s in $BENCH_SIZES; do group plain "${s%%:*}" "${s##*:}"; done
fi
if section blur; then
	echo
	echo "The blurred design (liberate-crimea-blur: feGaussianBlur stdDeviation 20 on its art); the other"
	echo "tools draw bayraq's SVG export of the plain design with the same blur on its art."
	for s in $BENCH_BLUR_SIZES; do group blur "${s%%:*}" "${s##*:}"; done
fi

# Threads: -j 2 must never be slower than -j 1, and faster on large images.
if section threads; then
	echo
	printf '%-30s %7s %7s %9s %7s %7s\n' "PNG, -j 1 against -j 2" "-j 1 s" "-j 2 s" "-j 2 time" "-j 1 CPU" "-j 2 CPU"
	rm -f "$W/threads"
	k=0
	for x in "1080x1080 px:--size 1080x1080px" "A2 at 150 dpi:--size A2 --dpi 150" \
		"A0 at 300 dpi:--size A0 --dpi 300"; do
		args=${x#*:}
		k=$((k + 1))
		runs=$RUNS
		# Small images take milliseconds: more runs for a steady median.
		case "$args" in *px*) RUNS=$((runs * 4 + 1)) ;; esac
		[ "$REPORT" = 1 ] || rm -f "$W/j1-$k.runs" "$W/j2-$k.runs" "$W/j1-$k.once" "$W/j2-$k.once"
		i=0
		while [ "$i" -lt "$RUNS" ]; do
			once "j1-$k" "$BIN" render $A $args -j 1 -f png -o "$W/j1-$k.png"
			once "j2-$k" "$BIN" render $A $args -j 2 -f png -o "$W/j2-$k.png"
			i=$((i + 1))
		done
		median "j1-$k"
		median "j2-$k"
		RUNS=$runs
		"$OUT/tests/pngcmp" "$W/j1-$k.png" "$W/j2-$k.png" "$W/jdiff.png" 0 0 >/dev/null ||
			echo "  (the two PNGs have different pixels: a bug)"
		read -r t1 _ _ c1 <"$W/j1-$k.stat"
		read -r t2 _ _ c2 <"$W/j2-$k.stat"
		echo "${x%%:*}:$t1:$t2" >>"$W/threads"
		printf '%-30s %7.3f %7.3f %8.2fx %8.3f %8.3f\n' "${x%%:*}" "$t1" "$t2" \
			"$(echo "$t2 $t1" | awk '{ print $1 / $2 }')" "$c1" "$c2"
	done
fi

# A campaign of N banners: PDFs in four languages and three sizes.
if section batch; then
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
	[ "$REPORT" = 1 ] || tail -n +2 "$W/campaign.csv" | while IFS=, read -r design lang city country size format; do
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
	printf '%-30s %8s %8s %14s\n' "$N banners, PDF" "seconds" "peak MB" "ms per banner"
	for x in "rsvg-convert -f pdf (SVG given):batch-rsvg" \
		"shell loop of bayraq render:batch-loop" \
		"bayraq batch -j 1:batch-1" "bayraq batch -j 2:batch-2"; do
		read -r t m _ <"$W/${x##*:}.stat"
		printf '%-30s %8.2f %8.0f %14.1f\n' "${x%:*}" "$t" "$m" "$(echo "$t $N" | awk '{ print $1 * 1000 / $2 }')"
	done
fi

a0dpi=$(for s in $BENCH_SIZES $BENCH_BLUR_SIZES; do case $s in A0:*) echo "${s#*:}" && break ;; esac; done)
[ -n "$a0dpi" ] && sh tests/bench/targets.sh "$W" "$BENCH_PEERS" "$QUICK" "$a0dpi"
exit 0
