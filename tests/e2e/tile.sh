# tile.sh - a banner in sheets for the home printer: grid, overlap, labels, map.

# A1 on A4: 5 mm margin, 10 mm overlap, a 9 mm label band under the art.
# Landscape A4 takes 3 x 5 = 15 sheets, portrait 4 x 4 = 16.
tile_a1() {
	bayraq tile --lang uk --city Київ --country PL --size A1 --sheet A4 -o t.pdf >/dev/null 2>sheets.txt
}

test_tile_pages() {
	tile_a1
	grep -qx 'bayraq: 15 sheets of A4, landscape: 3 across, 5 down' sheets.txt || die "$(cat sheets.txt)"
	[ "$(pdfinfo t.pdf | awk '/^Pages:/ { print $2 }')" = 16 ]
	pdfinfo -f 1 -l 16 t.pdf | grep 'size:' >sizes.txt
	[ "$(grep -c '841.89 x 595.276 pts' sizes.txt)" = 16 ] || die "$(cat sizes.txt)"
	# Vector: nothing rasterized.
	[ "$(pdfimages -list t.pdf | tail -n +3 | wc -l)" = 0 ]
	fonts_embedded t.pdf
}

# Labels and steps come from the PO file, in the banner's language.
test_tile_texts() {
	tile_a1
	pdftotext -f 1 -l 1 t.pdf map.txt
	grep -q 'Як скласти банер' map.txt
	grep -q 'Готовий розмір: 594 x 841 mm' map.txt
	grep -q 'Аркуші A4: 15 (3 у ширину, 5 у висоту)' map.txt
	for l in A1 A2 A3 B1 B2 B3 C1 C2 C3 D1 D2 D3 E1 E2 E3; do
		grep -qw "$l" map.txt || die "the map lacks $l"
	done
	grep -q '100%' map.txt
	pdftotext -f 2 -l 2 t.pdf a1.txt
	grep -q 'аркуш A1' a1.txt
	grep -q 'клеїти тут' a1.txt
	! grep -q 'різати по пунктирній лінії' a1.txt || die "A1 is never cut"
	pdftotext -f 3 -l 3 t.pdf a2.txt
	grep -q 'аркуш A2' a2.txt
	grep -q 'різати по пунктирній лінії' a2.txt
	bayraq tile --lang de --city Berlin --country DE --size A2 --sheet letter -o de.pdf >/dev/null 2>&1
	pdftotext -f 1 -l 1 de.pdf de.txt
	grep -q 'So setzen Sie Ihr Banner zusammen' de.txt
	grep -q 'Blätter letter' de.txt
}

# The glue strip of A1 and the left edge of A2 show the same artwork. The
# strip's hatching (35% white) moves a pixel by at most 90 levels; the
# "glue here" label in its middle is left out of the comparison.
test_tile_overlap_duplicates_art() {
	tile_a1
	# 72 dpi: one pixel per point. A1's strip starts at m + rw - o.
	set -- $(awk 'BEGIN { m = 14.173; o = 28.346; rw = (1683.78 + 2 * o) / 3
		printf "%d %d %d", m + rw - o + 6, m + 6, o - 12 }')
	pdftocairo -r 72 -png -singlefile -f 2 -l 2 -x "$1" -y 16 -W "$3" -H 180 t.pdf under
	pdftocairo -r 72 -png -singlefile -f 3 -l 3 -x "$2" -y 16 -W "$3" -H 180 t.pdf over
	"$ROOT/$TOOLS/pngcmp" under.png over.png diff.png 96 0.01 || die "the overlap differs: $PWD/diff.png"
	# Fifteen points lower, the same strip does not match: the test can fail.
	pdftocairo -r 72 -png -singlefile -f 3 -l 3 -x "$2" -y 31 -W "$3" -H 180 t.pdf off
	! "$ROOT/$TOOLS/pngcmp" under.png off.png diff2.png 96 0.01 >/dev/null || die "a shifted strip matched"
}

# Cut away the overlaps, put the sheets side by side: the banner again.
test_tile_reassembly() {
	tile_a1
	bayraq render --lang uk --city Київ --country PL --size A1 --dpi 36 -f png -o whole.png >/dev/null
	pdftocairo -r 36 -png t.pdf s
	args=$(awk 'BEGIN { k = 0.5; m = 14.173; o = 28.346
		W = 1683.78; H = 2383.94; rw = (W + 2 * o) / 3; rh = (H + 4 * o) / 5
		for (r = 0; r < 5; r++) for (c = 0; c < 3; c++) {
			x0 = c * (rw - o); x1 = x0 + rw - (c < 2 ? o : 0)
			y0 = r * (rh - o); y1 = y0 + rh - (r < 4 ? o : 0)
			printf " s-%02d.png %d %d %d %d %d %d", 2 + r * 3 + c,
				int(m * k + 0.5), int(m * k + 0.5),
				int((x1 - x0) * k + 0.5), int((y1 - y0) * k + 0.5),
				int(x0 * k + 0.5), int(y0 * k + 0.5) } }')
	set -- $("$ROOT/$TOOLS/pnginfo" whole.png)
	"$ROOT/$TOOLS/pngstitch" back.png "$1" "$2" $args
	"$ROOT/$TOOLS/pngcmp" back.png whole.png diff.png 48 0.02 || die "reassembled sheets differ: $PWD/diff.png"
}

test_tile_errors() {
	mkdir out
	expect_exit 2 bayraq tile --city Berlin --country DE --sheet B9 -o out/
	one_error "unknown size 'B9'"
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
