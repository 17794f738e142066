#!/bin/sh
# targets.sh W PEERS QUICK A0DPI - the end of tests/bench/run.sh: issue 17's
# targets beside the ratios measured in this run, from W's .stat files
# ("seconds MB status"), each with PASS or MISS. A target whose figures
# are missing says so. Never fails the run.
set -u
W=$1 PEERS=$2 QUICK=$3 DPI=$4
plain=$W/plain-A0-$DPI
blur=$W/blur-A0-$DPI

# ratio A B FIELD: A's field over B's (1 seconds, 2 MB), or a word saying
# why there is none: "over" when only A was stopped by the time limit,
# "under" when only B was, "both", "none".
ratio() {
	[ -f "$1.stat" ] && [ -f "$2.stat" ] || {
		echo none
		return
	}
	read -r at am ast _ <"$1.stat"
	read -r bt bm bst _ <"$2.stat"
	case "$ast:$bst" in
	0:0) echo "$at $am $bt $bm" | awk -v f="$3" '{ printf "%.2f", f == 1 ? $1 / $3 : $2 / $4 }' ;;
	124:0 | 137:0) echo over ;;
	0:124 | 0:137) echo under ;;
	12[4]:12[4] | 1[23][47]:1[23][47]) echo both ;;
	*) echo none ;;
	esac
}

# line WHAT TARGET MEASURED VERDICT
line() {
	printf '%-50s %-9s %-24s %s\n' "$1" "$2" "$3" "$4"
}

# judge RATIO MIN STRICT: PASS when RATIO >= MIN (> MIN when STRICT=1).
judge() {
	case $1 in
	over) echo PASS ;;
	under) echo MISS ;;
	none | both) echo "no figure" ;;
	*) awk -v r="$1" -v m="$2" -v s="$3" 'BEGIN { print (s ? r > m : r >= m) ? "PASS" : "MISS" }' ;;
	esac
}

shown() {
	case $1 in
	over) echo "bayraq faster (the tool hit the time limit)" ;;
	under) echo "bayraq hit the time limit" ;;
	none) echo "not measured" ;;
	both) echo "both hit the time limit" ;;
	*) echo "${1}x" ;;
	esac
}

echo
if [ "$QUICK" = 1 ]; then
	echo "Targets of issue 17 (BENCH_QUICK=1: measured at A0 $DPI dpi, not at the targets' 300 dpi)"
else
	echo "Targets of issue 17 (ratios: the other tool's figure over bayraq's)"
fi
line "" "target" "measured" ""
if [ -f "$plain-bayraq.stat" ]; then
	r=$(ratio "$plain-rsvg-convert" "$plain-bayraq" 1)
	line "A0 $DPI dpi: time, rsvg-convert / bayraq" ">= 15x" "$(shown "$r")" "$(judge "$r" 15 0)"
	worst="" wname=""
	for p in $PEERS; do
		r=$(ratio "$plain-$p" "$plain-bayraq" 1)
		[ "$r" = none ] && {
			worst=none wname=$p
			break
		}
		[ "$r" = over ] && continue
		if [ -z "$worst" ] || [ "$r" = under ] ||
			awk -v a="$r" -v b="$worst" 'BEGIN { exit !(a < b) }'; then
			worst=$r wname=$p
		fi
	done
	[ -z "$worst" ] && worst=over
	line "A0 $DPI dpi: time, the fastest other / bayraq" "> 1x" "$(shown "$worst")${wname:+ ($wname)}" "$(judge "$worst" 1 1)"
	r=$(ratio "$plain-rsvg-convert" "$plain-bayraq" 2)
	line "A0 $DPI dpi: memory, rsvg-convert / bayraq" ">= 9x" "$(shown "$r")" "$(judge "$r" 9 0)"
fi
if [ -f "$blur-bayraq.stat" ]; then
	r=$(ratio "$blur-rsvg-convert" "$blur-bayraq" 1)
	line "A0 $DPI dpi blurred: time, rsvg-convert / bayraq" ">= 1x" "$(shown "$r")" "$(judge "$r" 1 0)"
	r=$(ratio "$blur-rsvg-convert" "$blur-bayraq" 2)
	[ "$r" = over ] || [ "$r" = both ] && r=none
	line "A0 $DPI dpi blurred: memory, rsvg-convert / bayraq" "> 1x" "$(shown "$r")" "$(judge "$r" 1 1)"
fi
if [ -f "$W/threads" ]; then
	# The slowest -j 2 against -j 1 of the sizes; 5% is allowed for noise.
	r=$(awk -F: '{ r = $3 / $2; if (NR == 1 || r > w) { w = r; n = $1 } }
		END { printf "%.2f %s", w, n }' "$W/threads")
	v=$(echo "$r" | awk '{ print $1 <= 1.05 ? "PASS" : "MISS" }')
	line "-j 2 time / -j 1 time, the worst size" "<= 1.05x" "${r%% *}x (${r#* })" "$v"
fi
