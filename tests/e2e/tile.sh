# tile.sh - a banner in sheets for the home printer: grid, overlap, labels, map.

# A1 on A4: 5 mm margin, 10 mm overlap, the labels in the margin: portrait
# A4 takes 4 x 3 = 12 sheets (with a label band under the art it took 15).
tile_a1() {
	bayraq tile --lang uk --city Київ --country PL --size A1 --sheet A4 -o t.pdf >/dev/null 2>sheets.txt
}

# The geometry of tile_a1 in points: margin, overlap, the 3 mm tolerance,
# and the part of the banner each sheet shows.
A1_GEOMETRY='m = 14.173; o = 28.346; tol = 8.504; W = 1683.78; H = 2383.94
	rw = (W + 3 * o) / 4; rh = (H + 2 * o) / 3'

test_tile_pages() {
	tile_a1
	grep -qx 'bayraq: 12 sheets of A4, portrait: 4 across, 3 down' sheets.txt || die "$(cat sheets.txt)"
	[ "$(pdfinfo t.pdf | awk '/^Pages:/ { print $2 }')" = 13 ] || die "not 1 + 12 pages"
	pdfinfo -f 1 -l 13 t.pdf | grep 'size:' >sizes.txt
	[ "$(grep -c '595.276 x 841.89 pts' sizes.txt)" = 13 ] || die "$(cat sizes.txt)"
	# Vector: nothing rasterized.
	[ "$(pdfimages -list t.pdf | tail -n +3 | wc -l)" = 0 ]
	fonts_embedded t.pdf
}

# The map's sheet numbers hide no text of the banner: each number's white
# box (24 x 14 pt round its digits) misses the middle of every word's line
# (the part that is ink whatever the letters). In uk the headline crosses
# the second row of sheets, where a number in the corner covered it.
test_tile_labels_hide_no_text() {
	tile_a1
	pdftotext -bbox -f 1 -l 1 t.pdf - |
		sed -n 's/.*xMin="\([0-9.]*\)" yMin="\([0-9.]*\)" xMax="\([0-9.]*\)" yMax="\([0-9.]*\)">\(.*\)<\/word>/\1 \2 \3 \4 \5/p' >words.txt
	awk 'NR == FNR { if ($5 == "594") end = $2; next }
		$2 >= end { next }
		$5 ~ /^[0-9]+$/ && $5 >= 1 && $5 <= 12 && !seen[$5]++ {
			c = ($1 + $3) / 2; n++
			lx0[n] = c - 12; lx1[n] = c + 12; ly0[n] = $2 - 1; ly1[n] = $2 + 13; l[n] = $5; next }
		{ h = $4 - $2; w++; wx0[w] = $1; wx1[w] = $3; wy0[w] = $2 + 0.3 * h; wy1[w] = $4 - 0.3 * h; t[w] = $5 }
		END {
			if (n != 12) { print "found " n " sheet numbers, not 12"; exit 1 }
			for (i = 1; i <= n; i++) for (j = 1; j <= w; j++)
				if (lx0[i] < wx1[j] && wx0[j] < lx1[i] && ly0[i] < wy1[j] && wy0[j] < ly1[i]) {
					print "sheet " l[i] " hides " t[j]; bad = 1 }
			exit bad }' words.txt words.txt >bad.txt || die "$(cat bad.txt)"
}

# Labels and steps come from the PO file, in the banner's language.
test_tile_texts() {
	tile_a1
	pdftotext -f 1 -l 1 t.pdf map.txt
	grep -q 'Як скласти банер' map.txt
	grep -q 'Готовий розмір: 594 x 841 mm' map.txt
	grep -q 'Аркуші A4: 12 (4 у ширину, 3 у висоту)' map.txt
	for l in $(seq 1 12); do
		grep -qx "$l" map.txt || die "the map lacks sheet $l"
	done
	grep -q '100%' map.txt
	pdftotext -f 2 -l 2 t.pdf s1.txt
	grep -q 'аркуш 1' s1.txt
	grep -q 'клеїти тут' s1.txt
	! grep -q 'різати по пунктирній лінії' s1.txt || die "sheet 1 is never cut"
	pdftotext -f 3 -l 3 t.pdf s2.txt
	grep -q 'аркуш 2' s2.txt
	grep -q 'різати по пунктирній лінії' s2.txt
	bayraq tile --lang de --city Berlin --country DE --size A2 --sheet letter -o de.pdf >/dev/null 2>&1
	pdftotext -f 1 -l 1 de.pdf de.txt
	grep -q 'So setzen Sie Ihr Banner zusammen' de.txt
	grep -q 'Blätter letter' de.txt
}

# "An A1 banner on A4 sheets: start with A1" confuses: sheets are numbered,
# and the only letter-and-digit word left is the paper's own name.
test_tile_sheet_names() {
	tile_a1
	pdftotext t.pdf all.txt
	names=$(tr -cs '[:alnum:]' '\n' <all.txt | grep -xE '[A-Z][0-9]{1,2}' | sort -u | tr '\n' ' ')
	[ "$names" = 'A4 ' ] || die "sheet names that look like paper: $names"
	pdftotext -f 1 -l 1 t.pdf map.txt
	grep -q 'Почніть з аркуша 1 угорі ліворуч' map.txt
	pdftotext -f 9 -l 9 t.pdf s8.txt
	grep -q 'аркуш 8' s8.txt
}

# The art runs 3 mm past each cut line, into the margin, and the glue strip
# starts with 3 mm of clean art: a cut 1-2 mm off shows neither white nor
# hatching. Sheet 2's margin left of its cut shows what sheet 1 shows there.
test_tile_art_past_cuts() {
	tile_a1
	set -- $(awk "BEGIN { $A1_GEOMETRY
		printf \"%d %d %d %d\", 7, 7 + rw - o + 0.5, m + rw - o + 1, m + rw - o + 1 - (rw - o) + 0.5 }")
	pdftocairo -r 72 -png -singlefile -f 3 -l 3 -x "$1" -y 20 -W 6 -H 180 t.pdf past
	pdftocairo -r 72 -png -singlefile -f 2 -l 2 -x "$2" -y 20 -W 6 -H 180 t.pdf art
	"$ROOT/$TOOLS/pngcmp" past.png art.png diff.png 96 0.01 || die "no art past the cut line: $PWD/diff.png"
	# Sheet 1's strip, the first 2 mm: art as on sheet 2, no hatching.
	pdftocairo -r 72 -png -singlefile -f 2 -l 2 -x "$3" -y 20 -W 6 -H 180 t.pdf clean
	pdftocairo -r 72 -png -singlefile -f 3 -l 3 -x "$4" -y 20 -W 6 -H 180 t.pdf over
	"$ROOT/$TOOLS/pngcmp" clean.png over.png diff2.png 32 0.01 || die "hatching at the seam: $PWD/diff2.png"
	# The test can fail: sheet 1's margin, left of the art, is white.
	pdftocairo -r 72 -png -singlefile -f 2 -l 2 -x 7 -y 20 -W 6 -H 180 t.pdf blank
	! "$ROOT/$TOOLS/pngcmp" past.png blank.png diff3.png 96 0.01 >/dev/null || die "sheet 1 has art past its edge"
}

# Only the strip the next sheet covers is hatched, and its hatching shows on
# any art: magenta lines (seen on white) edged in white (seen on dark).
test_tile_glue_hatch_shows() {
	tile_a1
	# At 288 dpi, 4 pixels a point: fine enough to see the white edges.
	set -- $(awk "BEGIN { $A1_GEOMETRY; printf \"%d %d\", 4 * (m + rw - o + tol + 1), 4 * (o - tol - 3) }")
	pdftocairo -r 288 -png -singlefile -f 2 -l 2 -x "$1" -y 80 -W "$2" -H 400 t.pdf strip
	magenta=$("$ROOT/$TOOLS/pngcount" strip.png D9008C 60)
	white=$("$ROOT/$TOOLS/pngcount" strip.png FFFFFF 40)
	awk "BEGIN { exit !($magenta > 0.1 && $white > 0.1) }" || die "hatching: $magenta magenta, $white white"
}

# Round marks and labels sit on the glue strip, under the next sheet: the
# part of a sheet that stays visible shows the banner and nothing else.
test_tile_marks_hidden() {
	tile_a1
	bayraq render --lang uk --city Київ --country PL --size A1 -f pdf -o whole.pdf >/dev/null
	# Sheet 2's left overlap, and sheet 5's top one, against the banner.
	set -- $(awk "BEGIN { $A1_GEOMETRY
		printf \"%d %d %d %d %d\", m + 2, rw - o + 2 + 0.5, o - 4, m + 2, rh - o + 2 + 0.5 }")
	pdftocairo -r 72 -png -singlefile -f 3 -l 3 -x "$1" -y 16 -W "$3" -H 780 t.pdf left
	pdftocairo -r 72 -png -singlefile -x "$2" -y 2 -W "$3" -H 780 whole.pdf left-ref
	# Glyphs snap to whole pixels, so their edges differ a little.
	"$ROOT/$TOOLS/pngcmp" left.png left-ref.png diff.png 128 0.003 || die "marks on the finished poster: $PWD/diff.png"
	pdftocairo -r 72 -png -singlefile -f 6 -l 6 -x 16 -y "$4" -W 400 -H "$3" t.pdf top
	pdftocairo -r 72 -png -singlefile -x 2 -y "$5" -W 400 -H "$3" whole.pdf top-ref
	"$ROOT/$TOOLS/pngcmp" top.png top-ref.png diff2.png 128 0.003 || die "marks on the finished poster: $PWD/diff2.png"
}

# The first page has a 100 mm bar in 10 mm steps and a 20 mm square, and
# says in the banner's language what to measure. At 254 dpi a millimetre
# is 10 pixels; on portrait A4 the bar starts 10 mm from the left, 34 mm
# from the bottom.
test_tile_scale_check() {
	tile_a1
	pdftotext -f 1 -l 1 t.pdf map.txt
	grep -q 'Перевірте лінійкою' map.txt
	grep -q '100 мм' map.txt
	pdftoppm -r 254 -png -singlefile -f 1 -l 1 t.pdf map
	pts=''
	for k in 0 1 2 3 4 5 6 7 8 9; do
		pts="$pts $((100 + k * 100 - 4)) 2650 $((100 + k * 100 + 4)) 2650"
	done
	got=$("$ROOT/$TOOLS/pnginfo" map.png $pts | tr '\n' ' ')
	want=$(printf 'FFFFFF 000000 000000 FFFFFF %.0s' 1 2 3 4 5)
	[ "$got" = "$want" ] || die "the bar's steps: $got"
	# The square's sides at 118 and 138 mm across, 263 and 283 mm down.
	set -- $("$ROOT/$TOOLS/pnginfo" map.png 1180 2730 1380 2730 1280 2630 1280 2830 1280 2730)
	[ "$1$2$3$4" != FFFFFFFFFFFFFFFFFFFFFFFF ] && [ "$5" = FFFFFF ] || die "the square: $*"
	for s in "$1" "$2" "$3" "$4"; do
		[ "$s" != FFFFFF ] || die "a side of the square is missing: $*"
	done
}

# US printers often cannot print closer than 0.25 in: that is the default
# margin on letter, legal and tabloid; ISO paper keeps 5 mm. A point 16 pt
# from the top left corner of sheet 1 is margin on letter, art on A4.
test_tile_margin_default() {
	for sheet in letter A4; do
		bayraq tile --lang en --city Berlin --country DE --size A2 --sheet "$sheet" -o "$sheet.pdf" >/dev/null 2>&1
		pdftocairo -r 72 -png -singlefile -f 2 -l 2 "$sheet.pdf" "$sheet"
	done
	[ "$("$ROOT/$TOOLS/pnginfo" letter.png 16 200)" = FFFFFF ] || die "art inside 0.25 in on letter"
	[ "$("$ROOT/$TOOLS/pnginfo" letter.png 19 200)" != FFFFFF ] || die "no art at 0.25 in on letter"
	[ "$("$ROOT/$TOOLS/pnginfo" A4.png 16 200)" != FFFFFF ] || die "no art at 16 pt on A4"
	bayraq tile --lang en --city Berlin --country DE --size A2 --sheet letter --margin 5mm -o l5.pdf >/dev/null 2>&1
	pdftocairo -r 72 -png -singlefile -f 2 -l 2 l5.pdf l5
	[ "$("$ROOT/$TOOLS/pnginfo" l5.png 16 200)" != FFFFFF ] || die "--margin 5mm ignored on letter"
}

# --sheets N: the largest banner in --size's proportions that N sheets
# make. One per cent larger takes more sheets.
test_tile_sheets_option() {
	bayraq tile --lang en --city Berlin --country DE --size A1 --sheet A4 --sheets 6 -o s.pdf >/dev/null 2>sheets.txt
	n=$(awk '{ print $2 }' sheets.txt)
	[ "$n" -le 6 ] || die "$(cat sheets.txt)"
	pdftotext -f 1 -l 1 s.pdf map.txt
	set -- $(sed -n 's/^Finished size: \([0-9]*\) x \([0-9]*\) mm$/\1 \2/p' map.txt)
	[ $# = 2 ] || die "no size on the map: $(cat map.txt)"
	awk "BEGIN { r = ($1 / $2) / (594 / 841); exit !(r > 0.995 && r < 1.005 && $1 > 400) }" || die "not A1's proportions: $1 x $2"
	bayraq tile --lang en --city Berlin --country DE --size "$(($1 + $1 / 100 + 1))x$(($2 + $2 / 100 + 1))mm" --sheet A4 -o big.pdf >/dev/null 2>big.txt
	[ "$(awk '{ print $2 }' big.txt)" -gt 6 ] || die "a larger banner fits: $(cat big.txt)"
	mkdir out
	expect_exit 2 bayraq tile --city Berlin --country DE --sheets 0 -o out/
	one_error "sheets"
	no_files out
}

# Cut away the overlaps, put the sheets side by side: the banner again.
test_tile_reassembly() {
	tile_a1
	bayraq render --lang uk --city Київ --country PL --size A1 --dpi 36 -f png -o whole.png >/dev/null
	pdftocairo -r 36 -png t.pdf s
	args=$(awk "BEGIN { k = 0.5; $A1_GEOMETRY"'
		for (r = 0; r < 3; r++) for (c = 0; c < 4; c++) {
			x0 = c * (rw - o); x1 = x0 + rw - (c < 3 ? o : 0)
			y0 = r * (rh - o); y1 = y0 + rh - (r < 2 ? o : 0)
			printf " s-%02d.png %d %d %d %d %d %d", 2 + r * 4 + c,
				int(m * k + 0.5), int(m * k + 0.5),
				int((x1 - x0) * k + 0.5), int((y1 - y0) * k + 0.5),
				int(x0 * k + 0.5), int(y0 * k + 0.5) } }')
	set -- $("$ROOT/$TOOLS/pnginfo" whole.png)
	"$ROOT/$TOOLS/pngstitch" back.png "$1" "$2" $args
	"$ROOT/$TOOLS/pngcmp" back.png whole.png diff.png 48 0.02 || die "reassembled sheets differ: $PWD/diff.png"
}

# A strip too thin for the sheet's name still makes sheets: the name is in
# the margin under the art.
test_tile_thin_overlap() {
	for overlap in 0 1mm 3mm; do
		bayraq tile --lang en --city Oslo --country NO --size A2 --overlap "$overlap" -o "o$overlap.pdf" >/dev/null 2>&1 ||
			die "--overlap $overlap failed"
		pdftotext -f 2 -l 2 "o$overlap.pdf" - | grep -q 'sheet 1' || die "no name on sheet 1 with --overlap $overlap"
	done
}

test_tile_errors() {
	mkdir out
	expect_exit 2 bayraq tile --city Berlin --country DE --sheet B9 -o out/
	one_error "unknown sheet size 'B9'"
	expect_exit 2 bayraq tile --city Berlin --country DE --overlap wide -o out/
	one_error "bad --overlap 'wide'"
	expect_exit 2 bayraq tile --city Berlin --country DE --margin 120mm -o out/
	one_error "leave no room on A4"
	expect_exit 2 bayraq tile --city Berlin --country DE --sheet 800x600px -o out/
	one_error "--sheet must be paper"
	expect_exit 2 bayraq tile --city Berlin --country DE --size 5000x1667mm --sheet A5 -o out/
	one_error "that would take"
	no_files out
	bayraq tile --help | grep -q -- '--overlap'
}

# The sheets an unknown --sheet lists are the sizes tile takes, and the
# named sizes it does not list (banners, screens) it refuses.
test_tile_sheet_list() {
	mkdir out
	expect_exit 2 bayraq tile --city Berlin --country DE --sheet A6 -o out/
	one_error "^bayraq: unknown sheet size 'A6' (expected .*, or WxH with mm, cm, in or pt)$"
	listed=$(sed "s/.*(expected \(.*\), or WxH.*/\1/; s/, / /g" stderr)
	[ -n "$listed" ] || die "no sheets listed: $(cat stderr)"
	for sheet in $listed; do
		# Taken: what fails is the .png, which resolving checks after.
		expect_exit 2 bayraq tile --city Berlin --country DE --sheet "$sheet" -o out/t.png
		one_error "the sheets for a home printer are one PDF"
	done
	for size in $(bayraq list sizes | awk '$1 != "WxH" { print $1 }'); do
		case " $listed " in *" $size "*) continue ;; esac
		expect_exit 2 bayraq tile --city Berlin --country DE --sheet "$size" -o out/
		one_error "unknown sheet size '$size'"
	done
	no_files out
}
