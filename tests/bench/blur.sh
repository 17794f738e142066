#!/bin/sh
# blur.sh - sourced by tests/bench/run.sh: the blurred design of issue 17
# (liberate-crimea with one feGaussianBlur, stdDeviation 20, on its art)
# and the same picture as an SVG the other tools can draw.

# blur_data DIR: a BAYRAQ_DATADIR in DIR whose designs include
# liberate-crimea-blur: the tests' copy (tests/data/designs/blur-crimea)
# when the tree has it, else made here from designs/liberate-crimea.
blur_data() {
	rm -rf "$1"
	mkdir -p "$1/designs"
	ln -s "$PWD/locales" "$1/locales"
	ln -s "$PWD/fonts" "$1/fonts"
	cp -r designs/_flags "$1/designs/"
	for d in tests/data/designs/blur-crimea tests/data/designs/liberate-crimea-blur; do
		[ -d "$d" ] || continue
		cp -r "$d" "$1/designs/liberate-crimea-blur"
		return
	done
	mkdir "$1/designs/liberate-crimea-blur"
	for f in designs/liberate-crimea/*.svg; do
		sed 's|<g id="background">|<defs><filter id="blur"><feGaussianBlur stdDeviation="20"/></filter></defs><g id="background" filter="url(#blur)">|' \
			"$f" >"$1/designs/liberate-crimea-blur/${f##*/}"
		grep -q 'filter="url(#blur)"' "$1/designs/liberate-crimea-blur/${f##*/}" || {
			echo "bench: $f has no <g id=\"background\"> to blur" >&2
			return 1
		}
	done
}

# blur_scale EXPORT.svg DESIGN_DIR: points per design unit, with the variant
# bayraq picks for the page (the nearest aspect ratio, scaled to fit).
blur_scale() {
	page=$(sed -n 's/^<svg[^>]* width="\([0-9.]*\)pt" height="\([0-9.]*\)pt".*/\1 \2/p' "$1")
	for f in "$2"/*.svg; do
		sed -n 's/.*viewBox="[-0-9.]* [-0-9.]* \([0-9.]*\) \([0-9.]*\)".*/\1 \2/p' "$f" | head -n 1
	done | awk -v page="$page" 'BEGIN { split(page, p, " "); best = -1 }
		{ d = log(($1 / $2) / (p[1] / p[2])); if (d < 0) d = -d
		  if (best < 0 || d < best) { best = d; s = p[1] / $1; if (p[2] / $2 < s) s = p[2] / $2 } }
		END { if (best < 0) exit 1; printf "%.6f\n", s }'
}

# blur_svg PLAIN.svg OUT.svg SCALE: bayraq's SVG export of the plain design
# (text and flags laid out) with the blur put back on its art, as a live SVG
# filter: bayraq's own export of a blurred design holds the blur as a
# bitmap, which would leave the other tools nothing to blur.
blur_svg() {
	awk -v sd="$(echo "$3" | awk '{ printf "%.4f", 20 * $1 }')" '
		!defs && /<defs>/ { sub(/<defs>/, "<defs>\n<filter id=\"bench-blur\"><feGaussianBlur stdDeviation=\"" sd "\"/></filter>"); defs = 1 }
		/<\/defs>/ { body = 1 }
		body && !art && /^<use xlink:href="#surface[0-9]*"\/>$/ { sub(/\/>$/, " filter=\"url(#bench-blur)\"/>"); art = 1 }
		{ print }
		END { exit !art }' "$1" >"$2"
}
