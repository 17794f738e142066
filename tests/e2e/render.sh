# render.sh - whole banners: text, fonts, page sizes, pixels and flags.

# Every shipped language: the headline (in capitals, as the design sets it)
# and the city line come out of pdftotext, and every font is embedded.
test_every_language_pdf() {
	n=0
	for po in $(finished_po); do
		lang=$(basename "$po" .po)
		head=$("$ROOT/$TOOLS/pocaps" "$po" headline)
		[ -n "$head" ] || die "$po: no headline"
		bayraq render --lang "$lang" --city "Tbilisi" --country GE --size A3 -f pdf -o "$lang.pdf" >/dev/null
		has_text "$lang.pdf" "$head"
		city=$(msgstr_of "$lang" city | sed 's/{city}/Tbilisi/')
		has_text "$lang.pdf" "$city"
		has_text "$lang.pdf" "#LIBERATECRIMEA"
		fonts_embedded "$lang.pdf"
		n=$((n + 1))
	done
	[ "$n" -ge 12 ] || die "only $n languages"
}

# A native city name in its own script, in right-to-left and CJK languages.
test_native_cities() {
	bayraq render --lang ar --city "عمان" --country JO --size banner-3x1m --format pdf -o amman.pdf >/dev/null
	has_text amman.pdf "عمان تقف مع القرم"
	bayraq render --lang ka --city "თბილისი" --country GE --size A4 -f pdf -o tbilisi.pdf >/dev/null
	has_text tbilisi.pdf "თბილისი ყირიმის მხარესაა"
	bayraq render --lang ja --city "東京" --country JP --size square-1080 -f pdf -o tokyo.pdf >/dev/null
	has_text tokyo.pdf "東京はクリミアと共に"
	bayraq render --lang uk --city "Київ" --country PL --size A2 -f pdf -o kyiv.pdf >/dev/null
	has_text kyiv.pdf "Київ — разом із Кримом"
}

# What the organizer typed comes out exactly: no markup, no entities.
test_city_exactly_as_typed() {
	bayraq render --lang en --city '<b>&amp; "Q"'"'s" --country US --size A4 -f pdf -o odd.pdf >/dev/null
	has_text odd.pdf '<b>&amp; "Q"'"'s stands with Crimea"
}

test_pdf_page_sizes() {
	bayraq render --city Berlin --country DE --size A2 -f pdf -o a2.pdf >/dev/null
	page_size a2.pdf 1190.55 1683.78
	bayraq render --city Berlin --country DE --size A2 --orientation landscape -f pdf -o a2l.pdf >/dev/null
	page_size a2l.pdf 1683.78 1190.55
	bayraq render --city Berlin --country DE --size banner-3x1m -f pdf -o b3.pdf >/dev/null
	page_size b3.pdf 8503.94 2834.65
	bayraq render --city Berlin --country DE --size 594x841mm -f pdf -o a1.pdf >/dev/null
	page_size a1.pdf 1683.78 2383.94
	bayraq render --city Boston --country US --size 24x36in -f pdf -o us.pdf >/dev/null
	page_size us.pdf 1728 2592
	bayraq render --city Boston --country US --size letter -f pdf -o letter.pdf >/dev/null
	page_size letter.pdf 612 792
}

test_pdf_metadata() {
	bayraq render --lang de --city Berlin --country DE --size A3 -f pdf -o de.pdf >/dev/null
	pdfinfo de.pdf >info.txt
	grep -q '^Title: *DIE KRIM IST UKRAINE!$' info.txt || die "title: $(grep Title info.txt)"
	grep -q '^Keywords:.*language=de' info.txt || die "keywords: $(grep Keywords info.txt)"
	grep -q '^Subject:.*Berlin, Germany' info.txt || die "subject: $(grep Subject info.txt)"
	# Vector: text stays text, no page-sized image.
	[ "$(pdfimages -list de.pdf | tail -n +3 | wc -l)" = 0 ] || die "de.pdf has raster images"
	# The document language, for screen readers and text extraction.
	qpdf --check de.pdf >/dev/null
	qpdf --json --json-key=qpdf de.pdf | grep -q '"/Lang": "u:de"' || die "no /Lang de"
	bayraq render --lang crh --city Aqmescit --country UA --size A5 -f pdf -o crh.pdf >/dev/null
	qpdf --json --json-key=qpdf crh.pdf | grep -q '"/Lang": "u:crh-Latn"' || die "no /Lang crh-Latn"
	# The same banner twice is the same file (SOURCE_DATE_EPOCH is set).
	bayraq render --lang de --city Berlin --country DE --size A3 -f pdf -o again.pdf >/dev/null
	cmp de.pdf again.pdf
}

test_png_size_and_dpi() {
	bayraq render --city Berlin --country DE --size A4 --dpi 100 -f png -o a4.png >/dev/null
	[ "$("$ROOT/$TOOLS/pnginfo" a4.png)" = "827 1169 100" ] || die "a4.png: $("$ROOT/$TOOLS/pnginfo" a4.png)"
	bayraq render --city Berlin --country DE --size square-1080 -f png -o sq.png >/dev/null
	[ "$("$ROOT/$TOOLS/pnginfo" sq.png)" = "1080 1080 96" ] || die "sq.png: $("$ROOT/$TOOLS/pnginfo" sq.png)"
	bayraq render --city Berlin --country DE --size 1200x628px -f png -o fb.png >/dev/null
	[ "$("$ROOT/$TOOLS/pnginfo" fb.png)" = "1200 628 96" ] || die "fb.png: $("$ROOT/$TOOLS/pnginfo" fb.png)"
	bayraq render --city Berlin --country DE --size banner-2x1m --dpi 30 -f png -o b.png >/dev/null
	[ "$("$ROOT/$TOOLS/pnginfo" b.png)" = "2362 1181 30" ] || die "b.png: $("$ROOT/$TOOLS/pnginfo" b.png)"
}

# check_flags FILE.png LAYOUT SCALE HOSTTOP HOSTBOTTOM: the flags' colours
# where the layout put them; SCALE is pixels per point.
check_flags() {
	set -- "$1" "$2" "$3" "$4" "$5"
	png=$1 layout=$2 k=$3
	set -- $(flag_box "$layout" ua) "$4" "$5"
	x=$(echo "$1 $2 $3 $4 $k" | awk '{ printf "%d %d %d", ($1 + $3 / 2) * $5, ($2 + $4 / 4) * $5, ($2 + 3 * $4 / 4) * $5 }')
	set -- $x "$5" "$6"
	colour_at "$png" "$1" "$2" 0057B7
	colour_at "$png" "$1" "$3" FFD700
	host_top=$4 host_bottom=$5
	set -- $(flag_box "$layout" crh)
	# u = h / 19.5: the field at the fly, the tamga's middle leg at (7.5u, 6u).
	x=$(echo "$1 $2 $3 $4 $k" | awk '{ u = $4 / 19.5; printf "%d %d %d %d",
		($1 + 0.8 * $3) * $5, ($2 + $4 / 2) * $5, ($1 + 7.5 * u) * $5, ($2 + 6 * u) * $5 }')
	set -- $x
	colour_at "$png" "$1" "$2" 00A3DD
	colour_at "$png" "$3" "$4" F8D80E 24
	# A Ukrainian host has no flag of its own: no host line at all.
	set -- $(awk '$1 == "flag" && $3 != "ua" && $3 != "crh" { print $10, $11, $12, $13; exit }' "$layout")
	[ $# = 4 ] || return 0
	x=$(echo "$1 $2 $3 $4 $k" | awk '{ printf "%d %d %d", ($1 + $3 / 2) * $5, ($2 + $4 / 4) * $5, ($2 + 3 * $4 / 4) * $5 }')
	set -- $x
	colour_at "$png" "$1" "$2" "$host_top"
	colour_at "$png" "$1" "$3" "$host_bottom"
}

# The flags' colours sit where the slots put them, in PNG and in the PDF.
test_flag_colours_png_and_pdf() {
	args="--lang pl --city Warszawa --country PL --size A3"
	bayraq layout $args >layout.txt
	bayraq render $args --dpi 72 -o . >/dev/null
	check_flags liberate-crimea-pl-warszawa-A3.png layout.txt 1 FFFFFF DC143C
	pdftoppm -r 72 -png liberate-crimea-pl-warszawa-A3.pdf page
	check_flags page-1.png layout.txt 1 FFFFFF DC143C
	# A banner variant with the flags stacked, and a vertical banner.
	args="--lang de --city Berlin --country DE --size banner-3x1m"
	bayraq layout $args >layout3.txt
	bayraq render $args --dpi 20 -f png -o b3.png >/dev/null
	check_flags b3.png layout3.txt "$(echo 20 | awk '{ print $1 / 72 }')" 000000 FFCE00
	args="--lang uk --city Львів --country UA --size banner-2x1m --orientation portrait"
	bayraq layout $args >layoutv.txt
	bayraq render $args --dpi 20 -f png -o bv.png >/dev/null
	check_flags bv.png layoutv.txt "$(echo 20 | awk '{ print $1 / 72 }')" 0057B7 FFD700
}

# Flags keep their ratio: Switzerland square, Qatar 11:28, inside the slot.
test_host_flag_ratios() {
	bayraq layout --city Bern --country CH --size A3 >ch.txt
	set -- $(flag_box ch.txt CH)
	echo "$3 $4" | awk '{ d = $1 / $2 - 1; exit !(d < 0.001 && d > -0.001) }' || die "CH is $3 x $4"
	bayraq layout --city Doha --country qa --size A3 >qa.txt
	set -- $(flag_box qa.txt QA)
	echo "$3 $4" | awk '{ d = $1 / $2 / (28 / 11) - 1; exit !(d < 0.001 && d > -0.001) }' || die "QA is $3 x $4"
	# A row's flags share its width: none leaves the row's slots.
	for f in qa.txt ch.txt; do
		awk '$1 == "flag" { n++; x0[n] = $5; y0[n] = $6; x1[n] = $5 + $7; y1[n] = $6 + $8
			fx0[n] = $10; fy0[n] = $11; fx1[n] = $10 + $12; fy1[n] = $11 + $13 }
			END { lo = x0[1]; hi = x1[1]
				for (i = 1; i <= n; i++) { if (x0[i] < lo) lo = x0[i]; if (x1[i] > hi) hi = x1[i] }
				for (i = 1; i <= n; i++) if (fx0[i] < lo - 0.01 || fx1[i] > hi + 0.01 ||
					fy0[i] < y0[i] - 0.01 || fy1[i] > y1[i] + 0.01) bad = 1
				exit bad }' "$f" || die "a flag leaves its row: $(grep '^flag' "$f")"
	done
	bayraq render --city Kathmandu --country NP --size square-1080 -f png -o np.png >/dev/null
}

# Every named size renders in both orientations, with no white bars.
test_every_size_both_orientations() {
	for s in A5 A4 A3 A2 A1 A0 letter tabloid 18x24in 24x36in banner-2x1m banner-3x1m square-1080 feed-1080x1350 story-1080x1920; do
		for o in portrait landscape; do
			bayraq render --lang en --city Oslo --country NO --size "$s" --orientation "$o" \
				--dpi 10 -f png -o "$s-$o.png" >/dev/null
			set -- $("$ROOT/$TOOLS/pnginfo" "$s-$o.png")
			w=$1 h=$2
			for p in "1 1" "$((w - 2)) 1" "1 $((h - 2))" "$((w - 2)) $((h - 2))" \
				"1 $((h / 2))" "$((w - 2)) $((h / 2))" "$((w / 2)) 1" "$((w / 2)) $((h - 2))"; do
				not_colour_at "$s-$o.png" $p FFFFFF
			done
		done
	done
}

# A size near a variant's ratio gets the design's background to every edge.
test_near_ratio_fills_page() {
	bayraq render --city Chicago --country US --size 18x24in --dpi 20 -f png -o us.png >/dev/null
	colour_at us.png 180 2 00A3DD
	colour_at us.png 180 477 FFD700
	colour_at us.png 1 240 0B1D3A
	colour_at us.png 358 240 0B1D3A
}

# Predictable names in a folder; a file path takes the given name.
test_output_names() {
	mkdir out
	bayraq render --lang uk --city Київ --country PL --size A2 -o out/ >list.txt
	[ -f out/liberate-crimea-uk-kyiv-A2.pdf ] || die "no pdf: $(ls out)"
	[ -f out/liberate-crimea-uk-kyiv-A2.png ] || die "no png: $(ls out)"
	grep -qx 'out/liberate-crimea-uk-kyiv-A2.pdf' list.txt
	bayraq render --lang ar --city "عمان" --country JO --size banner-3x1m -f pdf -o out/amman.pdf >/dev/null
	[ -f out/amman.pdf ]
	bayraq render --lang ar --city "عمان" --country JO --size A4 --orientation landscape -f pdf -o out >/dev/null
	[ -f out/liberate-crimea-ar-man-A4-landscape.pdf ] || die "$(ls out)"
	# A file name's extension is its format; with several, each its own.
	bayraq render --city Berlin --country DE --size A5 -o out/x.pdf >/dev/null
	[ -f out/x.pdf ] && [ ! -e out/x.png ]
	bayraq render --city Berlin --country DE --size A5 -f png,pdf -o out/y.pdf >/dev/null
	[ -f out/y.pdf ] && [ -f out/y.png ]
	# A name without an extension is a folder, there or not.
	bayraq render --city Berlin --country DE --size A5 -f pdf -o fresh >/dev/null
	[ -f fresh/liberate-crimea-en-berlin-A5.pdf ] || die "fresh: $(ls -R fresh)"
	bayraq render --city Berlin --country DE --size A5 -o new/deeper/ -f pdf >/dev/null
	[ -f new/deeper/liberate-crimea-en-berlin-A5.pdf ]
	[ "$(ls -A out | grep -c '^\.')" = 0 ] || die "temporary files left: $(ls -A out)"
}

# The output's extension and --format agree, or nothing is written.
test_format_and_extension_agree() {
	mkdir out
	expect_exit 2 bayraq render --city Oslo --country NO --size A5 -f png -o out/x.pdf
	one_error "'out/x.pdf' names a .pdf file, but --format is 'png'"
	expect_exit 2 bayraq render --city Oslo --country NO --size A5 -o out/x.jpg
	one_error "cannot tell the format of 'out/x.jpg'"
	expect_exit 2 bayraq tile --city Oslo --country NO --size A3 -o out/x.png
	one_error "the sheets for a home printer are one PDF: name the file .pdf"
	no_files out
	# The extension alone chooses the format.
	bayraq render --city Oslo --country NO --size A5 -o out/x.svg >/dev/null
	[ "$(ls out)" = x.svg ] || die "$(ls out)"
	head -c 200 out/x.svg | grep -q '<svg'
}

# Several formats are all or nothing: when the PNG cannot be put in place,
# the PDF goes too, and a PDF that was there before is as it was.
test_all_formats_or_none() {
	mkdir out
	name=out/liberate-crimea-en-oslo-A5
	fail() {
		expect_exit 1 env LD_PRELOAD="$ROOT/$TOOLS/failrename.so" FAILRENAME_SUFFIX=.png \
			ASAN_OPTIONS="${ASAN_OPTIONS:-}:verify_asan_link_order=0" \
			"$ROOT/$BAYRAQ" render --city Oslo --country NO --size A5 -f pdf,png -o out/
		one_error "cannot write '$name.png'"
	}
	fail
	[ ! -e "$name.pdf" ] || die "the PDF was left behind"
	echo "an older banner" >"$name.pdf"
	fail
	[ "$(cat "$name.pdf")" = "an older banner" ] || die "the older PDF was lost"
	[ ! -e "$name.png" ]
	[ "$(ls -A out | grep -c '^\.')" = 0 ] || die "temporary files left: $(ls -A out)"
}

# DESIGN.md: the flag of the Russian Federation is never a host flag.
test_no_russian_host_flag() {
	mkdir out
	for cc in RU ru; do
		expect_exit 2 bayraq render --city Moskva --country "$cc" -o out/
		one_error "the flag of the Russian Federation is never a host flag"
	done
	no_files out
}

# A host flag with bayraq:edge has that edge where its shape meets its
# box, and its own colours inside: on a white band, Japan's flag without
# one is a red dot. Every variant of every design that gives one.
test_flag_edges() {
	found=0
	for svg in "$ROOT"/designs/[!_.]*/*.svg; do
		edge=$(grep 'bayraq:flag="host"' "$svg" | sed -n 's/.*bayraq:edge="#\([0-9A-Fa-f]\{6\}\)".*/\1/p' | tr a-f A-F)
		[ -n "$edge" ] || continue
		name=$(basename "$(dirname "$svg")")
		# The variant's own ratio, its longer side 400 mm, at 200 dpi.
		size=$(sed -n 's/.*viewBox="\([^"]*\)".*/\1/p' "$svg" | head -n 1 |
			awk '{ m = $3 > $4 ? $3 : $4; printf "%dx%dmm", $3 * 400 / m + 0.5, $4 * 400 / m + 0.5 }')
		args="--design $name --lang ja --city Tokyo --country JP --size $size"
		bayraq layout $args >layout.txt || die "$svg: $(cat stderr)"
		bayraq render $args --dpi 200 -f png -o edge.png >/dev/null || die "$svg: $(cat stderr)"
		set -- $(flag_box layout.txt JP)
		[ $# = 4 ] || die "$svg: no host flag in the layout"
		# Points: the edge's middle on the left, just inside it, the disc.
		set -- $(echo "$1 $2 $3 $4" | awk '{ k = 200 / 72; lw = 0.02 * $4
			printf "%d %d %d %d %d", ($1 + lw / 2) * k, ($2 + $4 / 2) * k,
				($1 + 3 * lw) * k, ($1 + $3 / 2) * k, ($2 + $4 / 2) * k }')
		colour_at edge.png "$1" "$2" "$edge" 40
		colour_at edge.png "$3" "$2" FFFFFF 8
		colour_at edge.png "$4" "$5" BC002D 8
		found=$((found + 1))
	done
	[ "$found" -gt 0 ] || die "no design gives its host flag a bayraq:edge"
}
