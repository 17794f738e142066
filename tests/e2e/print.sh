# print.sh - what a print shop receives: PDF/X-4, boxes, bleed, marks, safe area.

# box FILE NAME: "x0 y0 x1 y1" of a pdfinfo -box line.
box() {
	pdfinfo -box "$1" | awk -v n="$2:" '$1 == n { print $2, $3, $4, $5 }'
}

# calc EXPR: awk arithmetic (bc is not on every machine); ints with int().
calc() {
	awk "BEGIN { print ($*) }"
}

# near A B [TOL]: two numbers within TOL (0.05 pt).
near() {
	echo "$1 $2 ${3:-0.05}" | awk '{ d = $1 - $2; if (d < 0) d = -d; exit !(d <= $3) }' ||
		die "$1 is not $2"
}

# The boxes a print shop reads, to the hundredth of a point.
test_print_a1_boxes() {
	bayraq render --lang de --city Berlin --country DE --size A1 --print -f pdf -o a1.pdf >/dev/null
	set -- $(box a1.pdf TrimBox)
	near "$(calc "$3 - $1")" 1683.78
	near "$(calc "$4 - $2")" 2383.94
	t0=$1 t1=$2 t2=$3 t3=$4
	# 3 mm bleed on every side for paper.
	set -- $(box a1.pdf BleedBox)
	near "$(calc "$t0 - $1")" 8.50
	near "$(calc "$t1 - $2")" 8.50
	near "$(calc "$3 - $t2")" 8.50
	near "$(calc "$4 - $t3")" 8.50
	b0=$1 b1=$2 b2=$3 b3=$4
	set -- $(box a1.pdf MediaBox)
	echo "$1 $2 $3 $4 $b0 $b1 $b2 $b3" | awk '{ exit !($1 <= $5 && $2 <= $6 && $3 >= $7 && $4 >= $8) }' ||
		die "MediaBox $* does not contain the BleedBox"
	pdfinfo a1.pdf | grep -q '^PDF subtype: *PDF/X-4$' || die "not PDF/X-4: $(pdfinfo a1.pdf)"
	pdfinfo a1.pdf | grep -q '^PDF version: *1.6$'
	qpdf --check a1.pdf >/dev/null
	fonts_embedded a1.pdf
	has_text a1.pdf "DIE KRIM IST UKRAINE!"
}

# The output intent's profile is a CMYK printer profile: FOGRA39 for ISO
# sizes, GRACoL for US sizes, either on request.
intent_of() {
	obj=$(qpdf --json --json-key=qpdf "$1" | sed -n 's/.*"\/DestOutputProfile": "\([0-9]*\) 0 R".*/\1/p')
	[ -n "$obj" ] || die "$1 has no output intent"
	qpdf --show-object="$obj" --filtered-stream-data "$1" | head -c 20 | tail -c 8
	echo
	qpdf --json --json-key=qpdf "$1" | sed -n 's/.*"\/OutputConditionIdentifier": "u:\(.*\)".*/\1/p'
}

test_print_output_intent() {
	bayraq render --city Berlin --country DE --size A3 --print -f pdf -o iso.pdf >/dev/null
	[ "$(intent_of iso.pdf | tr '\n' '|')" = "prtrCMYK|FOGRA39|" ] || die "iso: $(intent_of iso.pdf)"
	bayraq render --city Boston --country US --size letter --print -f pdf -o us.pdf >/dev/null
	[ "$(intent_of us.pdf | tr '\n' '|')" = "prtrCMYK|CGATS TR 006|" ] || die "us: $(intent_of us.pdf)"
	bayraq render --city Boston --country US --size letter --print --intent fogra39 -f pdf -o us2.pdf >/dev/null
	intent_of us2.pdf | grep -qx FOGRA39
	# RGB content is declared sRGB under the CMYK intent.
	qpdf --json --json-key=qpdf iso.pdf | grep -q '"/DefaultRGB"' || die "no DefaultRGB"
	! qpdf --json --json-key=qpdf iso.pdf | grep -q '"/CS": "/DeviceRGB"' || die "a group blends in DeviceRGB"
	qpdf --json --json-key=qpdf iso.pdf | grep -q '"/GTS_PDFXVersion": "u:PDF/X-4"'
	qpdf --json --json-key=qpdf iso.pdf | grep -q '"/Trapped": "/False"'
	qpdf --json --json-key=qpdf iso.pdf | grep -q '"/Metadata"'
}

# The artwork runs into the bleed on every side: no white sliver at the cut.
test_bleed_is_not_white() {
	bayraq render --lang uk --city Київ --country PL --size A3 --print -f pdf -o a3.pdf >/dev/null
	pdftocairo -r 36 -png -singlefile a3.pdf page
	set -- $("$ROOT/$TOOLS/pnginfo" page.png)
	w=$1 h=$2
	# 3 mm at 36 dpi is 4 px: sample the middle of each bleed strip.
	for p in "$((w / 2)) 2" "$((w / 2)) $((h - 3))" "2 $((h / 2))" "$((w - 3)) $((h / 2))" \
		"2 2" "$((w - 3)) 2" "2 $((h - 3))" "$((w - 3)) $((h - 3))" "$((w / 4)) 2" "$((w / 4)) $((h - 3))"; do
		not_colour_at page.png $p FFFFFF
	done
}

# Crop marks: 0.25 pt black lines, in the slug, starting at the bleed box.
test_crop_marks_outside_bleed() {
	bayraq render --lang en --city Oslo --country NO --size A4 --bleed 3mm --marks -f pdf -o m.pdf >/dev/null
	set -- $(box m.pdf BleedBox)
	bx=$1
	set -- $(box m.pdf TrimBox)
	tx=$1
	set -- $(box m.pdf MediaBox)
	mh=$4
	set -- $(box m.pdf TrimBox)
	ty=$(calc "$mh - $4")
	# 288 dpi: 0.25 pt is one pixel.
	pdftocairo -r 288 -png -singlefile -x 0 -y 0 -W 300 -H 300 m.pdf corner
	k=4
	markx=$(calc "int(($bx - 8.5) * $k)")
	marky=$(calc "int($ty * $k)")
	colour_at corner.png "$markx" "$marky" 000000 110
	colour_at corner.png "$markx" "$((marky + 12))" FFFFFF 2
	insidex=$(calc "int(($bx + 2) * $k)")
	not_colour_at corner.png "$insidex" "$marky" 000000
	[ "$(calc "$bx < $tx")" = 1 ]
	# Marks are not cropped by the media.
	set -- $(box m.pdf MediaBox)
	[ "$(calc "$bx - 17 > $1")" = 1 ] || die "marks leave the media"
}

test_safe_area() {
	mkdir out
	expect_exit 1 bayraq render --lang de --city Berlin --country DE --size A3 --safe 60mm -o out/
	one_error "slot 'text-[a-z]*' (de): text comes within [0-9.]* mm of the trim; the safe margin is 60.0 mm"
	no_files out
	bayraq render --lang de --city Berlin --country DE --size A3 --safe 15mm -f pdf -o out/ >/dev/null
}

test_preflight_report() {
	bayraq render --lang de --city Berlin --country DE --size A1 --print -f pdf -o a1.pdf >/dev/null
	bayraq preflight a1.pdf >report.txt
	grep -q '^trim  *594.0 x 841.0 mm (23.39 x 33.11 in)$' report.txt
	grep -q '^bleed  *left 3.0, top 3.0, right 3.0, bottom 3.0 mm$' report.txt
	grep -q '^PDF/X  *PDF/X-4$' report.txt
	grep -q '^intent  *FOGRA39 (CMYK profile, prtr)$' report.txt
	# The identifier a RIP matches, then the name a person knows.
	grep -A1 '^intent ' report.txt | grep -q '^  *Coated FOGRA39 (ISO 12647-2:2004)$'
	bayraq render --city Boston --country US --size letter --print -f pdf -o us.pdf >/dev/null
	bayraq preflight us.pdf >us.txt
	grep -A1 '^intent  *CGATS TR 006 (CMYK profile, prtr)$' us.txt | grep -q '^  *GRACoL' || die "$(cat us.txt)"
	grep -q '^fonts  *2, 2 embedded$' report.txt
	grep -q '^images  *none' report.txt
	grep -qx 'ready to print' report.txt
	# A plain cairo PDF: no boxes, no intent.
	pdftocairo -pdf a1.pdf plain.pdf
	expect_exit 1 bayraq preflight plain.pdf
	grep -q 'no TrimBox' stderr
	grep -q 'bleed is 0.0 mm' stderr
	grep -q 'not PDF/X' stderr
	grep -q 'no output intent' stderr
	grep -q 'NOT ready to print: 4 problems' stdout
	expect_exit 1 bayraq preflight --safe 200mm a1.pdf
	one_error "text comes within .* mm of the trim; the safe margin is 200.0 mm"
	expect_exit 1 bayraq preflight missing.pdf
	one_error "cannot open 'missing.pdf'"
	echo "not a pdf" >bad.pdf
	expect_exit 1 bayraq preflight bad.pdf
	one_error "'bad.pdf' is not a PDF"
}

# A banner with hems: grommet targets in the hem, every 60 cm at most.
test_hem_grommets() {
	bayraq render --lang uk --city Київ --country UA --size banner-3x1m --print --marks \
		--finishing hem-grommets -f pdf -o b.pdf >/dev/null
	bayraq preflight b.pdf >/dev/null
	set -- $(box b.pdf TrimBox)
	near "$(calc "$3 - $1")" 8503.94
	# 10 mm bleed for finished banners.
	set -- $(box b.pdf BleedBox) $(box b.pdf TrimBox)
	near "$(calc "$5 - $1")" 28.35
	# The first grommet: 25 mm in from the trim's corner; its white ring
	# has a 6 mm radius.
	pdftocairo -r 72 -png -singlefile -x 0 -y 0 -W 200 -H 200 b.pdf corner
	m=$(box b.pdf MediaBox | awk '{ print $4 }')
	t=$(box b.pdf TrimBox | awk '{ print $1, $4 }')
	set -- $t
	gx=$(calc "int($1 + 70.87)")
	gy=$(calc "int($m - $2 + 70.87)")
	colour_at corner.png "$((gx + 17))" "$gy" FFFFFF 40
	# Text keeps the 40 mm hem plus the 10 mm safe margin.
	expect_exit 1 bayraq render --lang uk --city Київ --country UA --size banner-3x1m \
		--finishing hem-grommets --safe 80mm -f pdf -o b2.pdf
	one_error "the safe margin is 120.0 mm"
}

test_pole_pocket() {
	bayraq render --lang en --city London --country GB --size banner-2x1m --print --marks \
		--finishing pole-pocket -f pdf -o p.pdf >/dev/null
	set -- $(box p.pdf TrimBox)
	near "$(calc "$4 - $2")" "$(calc "1150 * 72 / 25.4")" 0.1
	bayraq preflight p.pdf | grep -q '^trim  *2000.0 x 1150.0 mm'
}

# Longer than 200 in, a page uses /UserUnit 10 and still prints at its size.
test_user_unit() {
	bayraq render --lang de --city Berlin --country DE --size 5400x1800mm --print -f pdf -o long.pdf >/dev/null
	qpdf --json --json-key=qpdf long.pdf | grep -q '"/UserUnit": 10' || die "no UserUnit 10"
	set -- $(box long.pdf MediaBox)
	[ "$(calc "$3 <= 14400")" = 1 ] || die "MediaBox $3 is beyond PDF's limit"
	near "$3" "$(calc "(5400 + 10) * 72 / 25.4 / 10")" 0.01
	bayraq preflight long.pdf >report.txt
	grep -q '^trim  *5400.0 x 1800.0 mm' report.txt || die "$(cat report.txt)"
	grep -q '^UserUnit  *10$' report.txt
	# Just past 200 in, the same unit.
	bayraq render --lang de --city Berlin --country DE --size 5100x1700mm --print -f pdf -o l2.pdf >/dev/null
	qpdf --json --json-key=qpdf l2.pdf | grep -q '"/UserUnit": 10' || die "no UserUnit 10 at 5.1 m"
	bayraq render --lang de --city Berlin --country DE --size 5000x1700mm --print -f pdf -o l3.pdf >/dev/null
	! qpdf --json --json-key=qpdf l3.pdf | grep -q '"/UserUnit"' || die "UserUnit under 200 in"
	# Ghostscript applies the unit: 5410 mm at 2 dpi is 426 pixels.
	if command -v gs >/dev/null 2>&1; then
		gs -q -dBATCH -dNOPAUSE -dSAFER -sDEVICE=png16m -r2 -sOutputFile=gs.png long.pdf
		set -- $("$ROOT/$TOOLS/pnginfo" gs.png)
		[ "$1" = 426 ] || die "Ghostscript sees $1 pixels"
	fi
}

# bleed_of FILE.pdf: the preflight report's bleed line.
bleed_of() {
	bayraq preflight "$1" | sed -n 's/^bleed  *\(left\)/\1/p'
}

# Every size larger than A0, whatever its name, gets a banner's 5 mm bleed.
test_large_format_bleed() {
	for size in 6000x2000mm 1000x1000mm 2000x1000mm 100x50in banner-2x1m; do
		bayraq render --lang de --city Berlin --country DE --size "$size" --print -f pdf -o big.pdf >/dev/null
		[ "$(bleed_of big.pdf)" = "left 5.0, top 5.0, right 5.0, bottom 5.0 mm" ] ||
			die "$size: bleed $(bleed_of big.pdf)"
	done
	for size in A0 1189x841mm 24x36in 800x1100mm; do
		bayraq render --lang de --city Berlin --country DE --size "$size" --print -f pdf -o a0.pdf >/dev/null
		[ "$(bleed_of a0.pdf)" = "left 3.0, top 3.0, right 3.0, bottom 3.0 mm" ] ||
			die "$size: bleed $(bleed_of a0.pdf)"
	done
}

# Outlined text: no fonts left, the same shapes. Glyphs and filled paths
# anti-alias differently at their edges (up to 175 levels on 0.13% of the
# pixels at 96 dpi); a missing or moved word changes thousands of pixels.
test_outline_text() {
	args="--lang ka --city თბილისი --country GE --size 400x400px -f pdf"
	bayraq render $args -o a.pdf >/dev/null
	bayraq render $args --outline-text -o b.pdf >/dev/null
	[ "$(pdffonts b.pdf | tail -n +3 | wc -l)" = 0 ] || die "b.pdf still has fonts"
	[ -z "$(pdftotext b.pdf - | tr -d ' \n\f')" ] || die "b.pdf still has text"
	pdftocairo -r 96 -png -singlefile a.pdf a
	pdftocairo -r 96 -png -singlefile b.pdf b
	"$ROOT/$TOOLS/pngcmp" b.png a.png diff.png 128 0.005 >/dev/null || die "outlines look different: $PWD/diff.png"
	bayraq render --lang ka --city ქუთაისი --country GE --size 400x400px -f pdf --outline-text -o c.pdf >/dev/null
	pdftocairo -r 96 -png -singlefile c.pdf c
	! "$ROOT/$TOOLS/pngcmp" c.png a.png diff2.png 128 0.005 >/dev/null || die "another city passed as the same"
}

test_print_usage_errors() {
	mkdir out
	expect_exit 2 bayraq render --city Berlin --country DE --bleed lots -o out/
	one_error "bad --bleed 'lots' (expected a length such as 3mm"
	expect_exit 2 bayraq render --city Berlin --country DE --bleed 3 -o out/
	one_error "bad --bleed '3'"
	expect_exit 2 bayraq render --city Berlin --country DE --intent swop -o out/
	one_error "unknown intent 'swop' (expected fogra39, gracol)"
	expect_exit 2 bayraq render --city Berlin --country DE --finishing staples -o out/
	one_error "unknown finishing 'staples' (expected none, hem-grommets, pole-pocket)"
	expect_exit 2 bayraq render --city Berlin --country DE --size square-1080 --print -o out/
	one_error "print options need a physical size, not 'square-1080' in pixels"
	expect_exit 2 bayraq render --city Berlin --country DE --size A5 --safe 80mm -o out/
	one_error "the safe margin (80 mm) leaves no room"
	no_files out
}

# cmyk_colours FILE.pdf: every CMYK fill and stroke colour of its content,
# "c m y k" a line; intent_profile FILE.pdf OUT.icc: its output profile.
cmyk_colours() {
	qpdf --qdf --object-streams=disable "$1" - |
		grep -aoE '[0-9.]+ [0-9.]+ [0-9.]+ [0-9.]+ [kK]' | sed 's/ [kK]$//' | sort -u
}
intent_profile() {
	qpdf --qdf --object-streams=disable "$1" intent-q.pdf
	n=$(grep -aoE '/DestOutputProfile [0-9]+' intent-q.pdf | awk '{print $2}')
	qpdf --show-object="$n" --filtered-stream-data intent-q.pdf >"$2"
}

# --cmyk: lcms2 converts every colour through the intent's profile, then
# PDF/X-4 again; the flag colours are what that profile makes of them
# (ΔE2000 under 1), different for FOGRA39 and GRACoL; text stays text;
# marks and grommet targets are 100% K; the same bytes twice.
test_cmyk_matches_intent() {
	for intent in fogra39 gracol; do
		bayraq render --lang de --city Berlin --country DE --size banner-3x1m \
			--cmyk --marks --finishing hem-grommets --intent $intent \
			-f pdf -o $intent.pdf >/dev/null
		bayraq preflight $intent.pdf >report.txt
		grep -q '^colour  *DeviceCMYK$' report.txt || die "$(grep colour report.txt)"
		grep -qx 'ready to print' report.txt || die "$(cat report.txt)"
		intent_profile $intent.pdf $intent.icc
		cmyk_colours $intent.pdf >$intent.txt
		"$ROOT/$TOOLS/cmykde" /usr/share/color/icc/sRGB.icc $intent.icc \
			0057B7 FFD700 00A3DD 0B1D3A <$intent.txt >$intent.de ||
			die "$intent: $(cat $intent.de)"
		cat $intent.de
	done
	! cmp -s fogra39.txt gracol.txt || die "FOGRA39 and GRACoL give the same CMYK"
	! cmp -s fogra39.icc gracol.icc || die "one profile for both intents"
	has_text fogra39.pdf "DIE KRIM IST UKRAINE!"
	fonts_embedded fogra39.pdf
	pdfinfo fogra39.pdf | grep -q '^PDF subtype: *PDF/X-4$'
	# Crop marks and grommet targets: 100% K, and no ink for white.
	qpdf --qdf --object-streams=disable fogra39.pdf q.pdf
	grep -aq '^0 0 0 1 K$' q.pdf || die "no 100% K marks"
	grep -aq '^0 0 0 0 K$' q.pdf || die "no white grommet rings"
	bayraq render --lang de --city Berlin --country DE --size banner-3x1m \
		--cmyk --marks --finishing hem-grommets -f pdf -o again.pdf >/dev/null
	cmp fogra39.pdf again.pdf || die "--cmyk is not deterministic"
	# No Ghostscript needed.
	PATH=/nonexistent expect_exit 0 "$ROOT/$BAYRAQ" render --lang de --city Berlin --country DE \
		--size banner-3x1m --cmyk --marks --finishing hem-grommets -f pdf -o nogs.pdf
	cmp fogra39.pdf nogs.pdf || die "--cmyk differs without gs"
}

# Without its profile, --cmyk says so in one line and writes nothing.
test_cmyk_without_profile() {
	mkdir out
	BAYRAQ_ICCDIR=/nonexistent expect_exit 1 bayraq render --city Berlin --country DE --size A3 --cmyk -o out/
	one_error "cannot read the colour profile '/nonexistent/FOGRA39.icc' (run 'make')"
	no_files out
}

# The profiles are ink-limited: the darkest colour each makes stays under
# its total area coverage (300% FOGRA39, 320% GRACoL).
test_cmyk_profiles_ink_limit() {
	for p in FOGRA39:300 GRACoL:320; do
		echo "0 0 0" | xicclu -s100 -fb -ip -pl "$ROOT/build/icc/${p%:*}.icc" |
			awk -v lim="${p#*:}" -v n="${p%:*}" '/CMYK/ { s = $6 + $7 + $8 + $9;
				printf "%s black: %.1f%%\n", n, s;
				if (s > lim + 0.5) exit 1 }' || die "${p%:*} goes past ${p#*:}%"
	done
}

# boxes_nest FILE.pdf: on every page, qpdf's own numbers: the BleedBox
# inside the MediaBox and the TrimBox inside the BleedBox, to the last
# digit, as PDF/X requires (no tolerance).
boxes_nest() {
	qpdf --json=2 --json-key=qpdf "$1" | tr -d ' \n' |
		grep -oE '"/(MediaBox|BleedBox|TrimBox)":\[[^]]*\]' |
		sed 's/"\/\([A-Za-z]*\)":\[\(.*\)\]/\1 \2/; s/,/ /g' |
		awk '{ n[$1]++; v[$1, n[$1], 0] = $2; v[$1, n[$1], 1] = $3;
			v[$1, n[$1], 2] = $4; v[$1, n[$1], 3] = $5 }
		function inside(a, b, i) {
			return v[a, i, 0] >= v[b, i, 0] && v[a, i, 1] >= v[b, i, 1] &&
				v[a, i, 2] <= v[b, i, 2] && v[a, i, 3] <= v[b, i, 3] }
		END { if (n["TrimBox"] < 1 || n["TrimBox"] != n["MediaBox"]) exit 1
			for (i = 1; i <= n["TrimBox"]; i++)
				if (!inside("BleedBox", "MediaBox", i) || !inside("TrimBox", "BleedBox", i)) {
					printf "page %d: bleed %s %s %s %s, media %s %s %s %s\n", i,
						v["BleedBox", i, 0], v["BleedBox", i, 1], v["BleedBox", i, 2],
						v["BleedBox", i, 3], v["MediaBox", i, 0], v["MediaBox", i, 1],
						v["MediaBox", i, 2], v["MediaBox", i, 3]; exit 1 } }'
}

# Every box nests in the next, to the last digit, in RGB and --cmyk, with
# and without marks, past 200 in (/UserUnit 10) and with pole pockets.
test_boxes_nest() {
	for args in "--size A3 --print" "--size A3 --cmyk --marks" \
		"--size banner-3x1m --cmyk --finishing hem-grommets" \
		"--size 6000x2000mm --print --marks" \
		"--size 2000x1000mm --cmyk --marks --finishing pole-pocket" \
		"--size 24x36in --cmyk"; do
		# shellcheck disable=SC2086
		bayraq render --lang de --city Berlin --country DE $args -f pdf -o b.pdf >/dev/null
		boxes_nest b.pdf || die "$args: the boxes do not nest"
	done
}

# A vinyl banner with a hem and grommets keeps every text 50 mm from its
# edges (the 40 mm hem and the 10 mm safe margin): every design that has a
# variant for a named banner size, in every language, with a long city.
# bayraq layout gives the ink; the render refuses what comes closer.
test_hem_margin_every_language() {
	bayraq list sizes | awk '/vinyl banner/ { print $1, $2 * 72 / 25.4, $4 * 72 / 25.4 }' >banners.txt
	[ -s banners.txt ] || die "no vinyl banner size in 'bayraq list sizes'"
	finished_po | xargs -n 1 basename | sed 's/\.po$//' | sampled >langs.txt
	: >bad.txt
	n=0
	for dir in "$ROOT"/designs/[!_.]*/; do
		design=$(basename "$dir")
		while read -r size w h; do
			bayraq layout --design "$design" --city Berlin --country DE --size "$size" >/dev/null 2>&1 ||
				continue
			while read -r lang; do
				bayraq layout --design "$design" --lang "$lang" --city "Frankfurt am Main" --country DE \
					--size "$size" >l.txt 2>err.txt || die "$design $size $lang: $(cat err.txt)"
				n=$((n + 1))
				awk -v w="$w" -v h="$h" -v what="$design $size $lang" '$1 == "text" {
					m = $13; if ($14 < m) m = $14; if (w - $13 - $15 < m) m = w - $13 - $15
					if (h - $14 - $16 < m) m = h - $14 - $16
					if (m < 50 * 72 / 25.4 - 0.01) printf "%s: %s %.1f mm from the edge\n", what, $2, m * 25.4 / 72 }' l.txt >>bad.txt
			done <langs.txt
		done <banners.txt
	done
	[ "$n" -gt 0 ] || die "no design has a variant for a vinyl banner"
	[ ! -s bad.txt ] || die "$(head -n 20 bad.txt)"
	# And the render agrees.
	mkdir out
	bayraq render --lang uk --city Київ --country PL --size banner-2x1m --finishing hem-grommets -f pdf -o out/ >/dev/null
}

# With marks, the slug says the finished size when a finishing adds to
# the trim (pole pockets) or takes a hem: the shop delivers the ordered
# size. The note is outside the bleed, so preflight's margin ignores it.
test_slug_finished_size() {
	bayraq render --lang de --city Berlin --country DE --size 2000x1000mm --print --marks \
		--finishing pole-pocket -f pdf -o pp.pdf >/dev/null
	pdftotext pp.pdf - | grep -q 'Finished size 2000 x 1000 mm. Trim 2000 x 1150 mm: a 75 mm pole pocket at the top and at the bottom' ||
		die "$(pdftotext pp.pdf - | head -3)"
	expect_exit 0 bayraq preflight pp.pdf
	bayraq render --lang de --city Berlin --country DE --size banner-3x1m --print --marks \
		--finishing hem-grommets -f pdf -o hg.pdf >/dev/null
	pdftotext hg.pdf - | grep -q 'Finished size 3000 x 1000 mm (the trim), with a 40 mm hem' ||
		die "$(pdftotext hg.pdf - | head -3)"
	# No finishing, or no slug: no note.
	bayraq render --lang de --city Berlin --country DE --size banner-3x1m --print --marks -f pdf -o n.pdf >/dev/null
	! pdftotext n.pdf - | grep -q 'Finished size' || die "a note without a finishing"
	bayraq render --lang de --city Berlin --country DE --size 2000x1000mm --print \
		--finishing pole-pocket -f pdf -o ns.pdf >/dev/null
	! pdftotext ns.pdf - | grep -q 'Finished size' || die "a note without a slug"
}

# The output profiles are reproducible: built again (src/pkg/icc.sh, as
# make does), FOGRA39 has the same bytes, with a fixed creation date.
# About a minute of CPU.
test_icc_profiles_reproducible() {
	command -v colprof >/dev/null 2>&1 || { echo "no colprof (argyll): skipped"; return 0; }
	# It tests the build, not the program: once, not under every sanitizer.
	[ "${BUILD:-debug}" = debug ] || { echo "skipped under BUILD=$BUILD"; return 0; }
	sh "$ROOT/src/pkg/icc.sh" /usr/share/color/icc/FOGRA39L.ti3 300 \
		"Coated FOGRA39 300% (bayraq, ArgyllCMS colprof)" again.icc
	cmp again.icc "$ROOT/build/icc/FOGRA39.icc" || die "two builds of FOGRA39.icc differ"
	iccdump -v1 again.icc | grep -q 'Date, Time *= 26 Feb 2026, 0:00:00' ||
		die "$(iccdump -v1 again.icc | grep Date)"
}

# Raster images are judged at the size they print: 100 px over 200 mm is
# 13 ppi; 1200 px over 100 mm is 305 ppi.
test_preflight_image_resolution() {
	"$ROOT/$TOOLS/imagepdf" low.pdf 100 100 200
	expect_exit 1 bayraq preflight low.pdf
	grep -q '^images  *1, lowest 13 ppi at printed size$' stdout || die "$(cat stdout)"
	grep -q 'an image prints at 13 ppi, too few pixels for its size: it will look blurry; use a larger picture (150 ppi at least)' stderr ||
		die "$(cat stderr)"
	"$ROOT/$TOOLS/imagepdf" high.pdf 1200 1200 100
	expect_exit 1 bayraq preflight high.pdf
	grep -q '^images  *1, lowest 305 ppi at printed size$' stdout || die "$(cat stdout)"
	! grep -q 'ppi' stderr || die "$(cat stderr)"
}

# Each image is listed with its ppi as it prints, in words a non-printer
# reads (tests/data/preflight/low-ppi.pdf: 100 px over 200 mm, made with
# build/debug/tests/imagepdf low-ppi.pdf 100 100 200).
test_preflight_each_image_ppi() {
	expect_exit 1 bayraq preflight "$ROOT/tests/data/preflight/low-ppi.pdf"
	grep -q '^image ppi  *page 1: 100 x 100 px printed 200 x 200 mm, 13 ppi (too few pixels: it will print blurry)$' stdout ||
		die "$(cat stdout)"
	[ "$(grep -c 'too few pixels' stderr)" = 1 ] || die "$(cat stderr)"
}

# xmp_of FILE.pdf TAG: the text of the first <TAG> in the XMP packet, inner
# rdf:li included.
xmp_of() {
	pdfinfo -meta "$1" | tr -d '\n' | sed -n "s|.*<$2>\(.*\)</$2>.*|\1|p" |
		sed -e 's|<rdf:Alt><rdf:li[^>]*>||' -e 's|</rdf:li></rdf:Alt>||'
}

# info_of FILE.pdf KEY: the Info entry as pdfinfo decodes it.
info_of() {
	pdfinfo -isodates "$1" | sed -n "s/^$2: *//p"
}

# raw_info FILE.pdf KEY: the Info string as written in the file.
raw_info() {
	qpdf --qdf --object-streams=disable "$1" - | LC_ALL=C sed -n "s|^ */$2 ||p" | head -n 1
}

# Info strings are PDFDocEncoding when they fit and UTF-16BE otherwise, so
# viewers (DisplayDocTitle is on) show the title in every language; the
# XMP says the same thing.
test_print_metadata_every_language() {
	# One batch: every language in one process.
	echo "lang,city,country,size,format,print,name" >langs.csv
	n=0
	for po in $(finished_po); do
		n=$((n + 1))
		echo "$(basename "$po" .po),Київ,PL,A5,pdf,yes,n$n" >>langs.csv
	done
	SOURCE_DATE_EPOCH=1772064000 bayraq batch langs.csv -j 2 -o out/ >/dev/null
	n=0
	for po in $(finished_po); do
		n=$((n + 1))
		l=$(basename "$po" .po)
		f=out/n$n.pdf
		title=$(info_of "$f" Title)
		[ -n "$title" ] || die "$l: no title"
		[ "$title" = "$(xmp_of "$f" dc:title)" ] ||
			die "$l: Info title '$title' is not the XMP's '$(xmp_of "$f" dc:title)'"
	done
}

# The rest of Info agrees with the XMP too.
info_agrees_with_xmp() {
	[ "$(info_of "$1" Subject)" = "$(xmp_of "$1" dc:description)" ] || die "$1: subject differs"
	[ "$(info_of "$1" Keywords)" = "$(xmp_of "$1" pdf:Keywords)" ] || die "$1: keywords differ"
	[ "$(info_of "$1" Producer)" = "$(xmp_of "$1" pdf:Producer)" ] || die "$1: producer differs"
	[ "$(info_of "$1" Creator)" = "$(xmp_of "$1" xmp:CreatorTool)" ] || die "$1: creator differs"
	[ "$(info_of "$1" CreationDate)" = "$(xmp_of "$1" xmp:CreateDate)" ] || die "$1: CreationDate"
	[ "$(info_of "$1" ModDate)" = "$(xmp_of "$1" xmp:ModifyDate)" ] || die "$1: ModDate"
}

test_print_metadata_encoding() {
	for l in uk ar ja; do
		SOURCE_DATE_EPOCH=1772064000 bayraq render --lang "$l" --city Zürich --country CH --size A4 --print \
			-f pdf -o "$l.pdf" >/dev/null
		info_agrees_with_xmp "$l.pdf"
		[ "$(info_of "$l.pdf" CreationDate)" = 2026-02-26T00:00:00Z ] || die "$l: $(info_of "$l.pdf" CreationDate)"
		# pdfinfo decodes the UTF-16 title: the headline, as printed.
		has_text "$l.pdf" "$(info_of "$l.pdf" Title)"
		raw_info "$l.pdf" Title | grep -q '^<feff' || die "$l: title not UTF-16BE: $(raw_info "$l.pdf" Title)"
		# Zürich fits PDFDocEncoding: a plain string, no BOM.
		raw_info "$l.pdf" Subject | grep -q '^(#LIBERATECRIMEA banner: Z' ||
			die "$l: subject $(raw_info "$l.pdf" Subject)"
		[ "$(info_of "$l.pdf" Subject)" = "#LIBERATECRIMEA banner: Zürich, Switzerland" ] ||
			die "$l: subject $(info_of "$l.pdf" Subject)"
	done
	bayraq render --lang en --city Oslo --country NO --size A4 --print -f pdf -o en.pdf >/dev/null
	raw_info en.pdf Title | grep -q '^(' || die "en: $(raw_info en.pdf Title)"
}

# Two renditions of one banner (FOGRA39, GRACoL) are one document, two
# instances; the same render again is the same instance.
test_print_xmp_instance_ids() {
	export SOURCE_DATE_EPOCH=1772064000
	args="--lang de --city Berlin --country DE --size A4 --print -f pdf"
	bayraq render $args -o f.pdf >/dev/null
	bayraq render $args --intent gracol -o g.pdf >/dev/null
	bayraq render $args -o f2.pdf >/dev/null
	fd=$(xmp_of f.pdf xmpMM:DocumentID) fi=$(xmp_of f.pdf xmpMM:InstanceID)
	gd=$(xmp_of g.pdf xmpMM:DocumentID) gi=$(xmp_of g.pdf xmpMM:InstanceID)
	[ -n "$fd" ] && [ -n "$fi" ] || die "no XMP IDs"
	[ "$fd" = "$gd" ] || die "one banner, two DocumentIDs: $fd $gd"
	[ "$fi" != "$gi" ] || die "FOGRA39 and GRACoL renditions share InstanceID $fi"
	[ "$fi" != "$fd" ] || die "InstanceID is the DocumentID"
	[ "$fi" = "$(xmp_of f2.pdf xmpMM:InstanceID)" ] || die "InstanceID changes between identical renders"
	cmp -s f.pdf f2.pdf || die "the same render twice differs"
	bayraq render $args --marks -o m.pdf >/dev/null
	[ "$(xmp_of m.pdf xmpMM:InstanceID)" != "$fi" ] || die "marks do not change the InstanceID"
	# Ghostscript's conversion: its own /ID was new on every run.
	if command -v gs >/dev/null 2>&1; then
		bayraq render $args --cmyk -o c.pdf >/dev/null
		bayraq render $args --cmyk -o c2.pdf >/dev/null
		cmp -s c.pdf c2.pdf || die "the same --cmyk render twice differs"
		[ "$(xmp_of c.pdf xmpMM:DocumentID)" = "$fd" ] || die "CMYK is another document"
		[ "$(xmp_of c.pdf xmpMM:InstanceID)" != "$fi" ] || die "CMYK and RGB share an InstanceID"
	fi
}

# Foreign PDFs with one fault each (tests/data/preflight/make.py): every
# page is read, /Rotate and the CropBox are applied, the bleed must be
# filled, and what a shop cannot print is said in one plain line.
test_preflight_foreign_faults() {
	d="$ROOT/tests/data/preflight"
	# A clean page: only the intent and PDF/X are missing.
	expect_exit 1 bayraq preflight "$d/full.pdf"
	[ "$(wc -l <stderr)" = 2 ] || die "$(cat stderr)"
	! grep -q 'bleed\|line\|text' stderr || die "$(cat stderr)"
	expect_exit 1 bayraq preflight "$d/white-left.pdf"
	grep -q 'white-left.pdf: the bleed on the left is white: the background must run 3 mm past the cut$' stderr ||
		die "$(cat stderr)"
	[ "$(grep -c 'is white' stderr)" = 1 ] || die "$(cat stderr)"
	expect_exit 1 bayraq preflight "$d/second-page-no-bleed.pdf"
	grep -q ': page 2: bleed is 0.0 mm on the left; the shop needs 3 mm' stderr || die "$(cat stderr)"
	[ "$(grep -c 'bleed is' stderr)" = 1 ] || die "$(cat stderr)"
	grep -q '^pages  *3$' stdout
	# PDF's left edge is seen at the top once the page turns 90 degrees.
	expect_exit 1 bayraq preflight "$d/rotated.pdf"
	grep -q 'bleed is 1.5 mm on the top; the shop needs 3 mm' stderr || die "$(cat stderr)"
	grep -q 'the bleed on the top is white' stderr || die "$(cat stderr)"
	grep -q '^trim  *297.0 x 210.0 mm' stdout || die "$(cat stdout)"
	grep -q '^bleed  *left 3.0, top 1.5, right 3.0, bottom 3.0 mm$' stdout || die "$(cat stdout)"
	expect_exit 1 bayraq preflight "$d/cropped.pdf"
	grep -q 'the CropBox cuts 4.1 mm off the finished page' stderr || die "$(cat stderr)"
	expect_exit 1 bayraq preflight "$d/locked.pdf"
	grep -q 'the file is locked against printing' stderr || die "$(cat stderr)"
	grep -q '^encrypted  *yes, printing forbidden$' stdout
	expect_exit 1 bayraq preflight "$d/thin.pdf"
	grep -q 'a line is 0.10 pt thin; lines under 0.25 pt may not print' stderr || die "$(cat stderr)"
	grep -q 'text is set at 4.0 pt; under 6 pt it may not be legible in print' stderr || die "$(cat stderr)"
}

# Total ink: each page rendered to the intent's CMYK (Ghostscript); 400%
# against FOGRA39's 300% fails in one plain line; bayraq's own files pass
# (test_preflight_own_outputs_pass). Without gs it is noted, not failed.
test_preflight_ink_coverage() {
	d="$ROOT/tests/data/preflight"
	expect_exit 1 bayraq preflight "$d/ink-400.pdf"
	grep -q 'ink-400.pdf: the ink reaches 400% (cyan, magenta, yellow and black together) where FOGRA39 allows 300%' stderr ||
		die "$(cat stderr)"
	grep -q '^ink  *at most 400% (C+M+Y+K; FOGRA39 allows 300%)$' stdout || die "$(cat stdout)"
	expect_exit 1 bayraq preflight --json "$d/ink-400.pdf"
	jq -e '.max_ink_percent == 400 and .ink_limit_percent == 300 and .pages[0].max_ink_percent == 400' stdout >/dev/null ||
		die "$(cat stdout)"
	bayraq render --lang de --city Berlin --country US --size 24x36in --print -f pdf -o us.pdf >/dev/null
	bayraq preflight us.pdf >us.txt
	grep -q '^ink  *at most [0-9]*% (C+M+Y+K; CGATS TR 006 allows 320%)$' us.txt || die "$(cat us.txt)"
	# The shop may tell another limit.
	expect_exit 1 bayraq preflight --ink-limit 400 "$d/ink-400.pdf"
	! grep -q 'ink reaches' stderr || die "$(cat stderr)"
	grep -q '^ink  *at most 400% (C+M+Y+K; FOGRA39 allows 400%)$' stdout || die "$(cat stdout)"
	expect_exit 2 bayraq preflight --ink-limit lots "$d/ink-400.pdf"
	one_error "bad --ink-limit 'lots' (expected a percentage from 100 to 400, such as 300)"
	PATH=/nonexistent expect_exit 1 "$ROOT/$BAYRAQ" preflight "$d/ink-400.pdf"
	grep -q '^ink  *not measured: Ghostscript (gs) is not installed; install it with: apt-get install ghostscript$' stdout ||
		die "$(cat stdout)"
	! grep -q 'ink reaches' stderr || die "$(cat stderr)"
}

# bayraq's own --print PDFs pass, at every physical size it names, with
# marks, finishings, CMYK, turned, and past 200 in. Each size takes
# another host flag that strokes lines (coats of arms hold lines of 0.01
# pt, which bayraq raises to 0.25 pt).
test_preflight_own_outputs_pass() {
	bayraq list sizes | awk '$1 != "WxH" && $0 !~ / px,/ { print $1 }' >sizes.txt
	[ "$(wc -l <sizes.txt)" -ge 5 ] || die "no sizes: $(cat sizes.txt)"
	bayraq list countries | awk '{ print $1 }' >countries.txt
	grep -l 'stroke' "$ROOT"/build/flags/package/svg/*.svg | xargs -n 1 basename |
		sed 's/\.svg$//' | tr a-z A-Z | grep -Fxf countries.txt >stroked.txt
	[ "$(wc -l <stroked.txt)" -ge "$(wc -l <sizes.txt)" ] || die "flags that stroke: $(cat stroked.txt)"
	i=0
	while read -r size; do
		i=$((i + 1))
		c=$(sed -n "$(( (i - 1) * $(wc -l <stroked.txt) / $(wc -l <sizes.txt) + 1 ))p" stroked.txt)
		bayraq render --lang ar --city Київ --country "$c" --size "$size" --print -f pdf -o s.pdf >/dev/null
		expect_exit 0 bayraq preflight s.pdf
	done <sizes.txt
	for args in "--size A2 --orientation landscape --marks" "--size banner-3x1m --marks --finishing pole-pocket" \
		"--size 6000x2000mm --marks --finishing hem-grommets" "--size 1000x1000mm"; do
		bayraq render --lang ja --city Київ --country PL $args --print -f pdf -o v.pdf >/dev/null
		expect_exit 0 bayraq preflight v.pdf
	done
	qpdf --rotate=+90 s.pdf r.pdf
	expect_exit 0 bayraq preflight r.pdf
	grep -q '^rotated  *90 degrees' stdout
}

test_preflight_json() {
	bayraq render --lang de --city Berlin --country DE --size A3 --print -f pdf -o a3.pdf >/dev/null
	bayraq preflight --json a3.pdf >r.json
	jq -e '.ready == true and .problems == [] and .pdfx == "PDF/X-4" and (.pages | length) == 1 and
		.output_intent == "FOGRA39" and (.output_intent_name | startswith("Coated FOGRA39"))' r.json >/dev/null ||
		die "$(cat r.json)"
	jq -e '.pages[0].trim.width_mm == 297 and .pages[0].bleed_mm.left == 3 and .pages[0].white_bleed == []' r.json >/dev/null ||
		die "$(cat r.json)"
	expect_exit 1 bayraq preflight --json "$ROOT/tests/data/preflight/second-page-no-bleed.pdf"
	jq -e '.ready == false and (.pages | length) == 3 and .pages[1].bleed_mm.left == 0' stdout >/dev/null ||
		die "$(cat stdout)"
	jq -e '.problems | any(startswith("page 2: bleed is 0.0 mm"))' stdout >/dev/null || die "$(cat stdout)"
	# The same lines on stderr, for people.
	grep -q 'page 2: bleed is 0.0 mm' stderr
	expect_exit 1 bayraq preflight --json "$ROOT/tests/data/preflight/white-left.pdf"
	jq -e '.pages[0].white_bleed == ["left"]' stdout >/dev/null || die "$(cat stdout)"
}

# Text distance is measured on the ink (the page drawn with and without
# its text), so lines poppler's text extraction drops (Arabic) still
# count, and a turned page measures the same.
test_preflight_text_ink() {
	bayraq render --lang ar --city Київ --country PL --size 1000x500mm --print -f pdf -o w.pdf >/dev/null
	bayraq preflight --json w.pdf >w.json
	m=$(jq '.pages[0].text_margin_mm' w.json)
	# The design keeps its text 5% (25 mm) inside; its ink, by no glyph
	# box, comes a little farther in.
	[ "$(calc "$m > 25 && $m < 100")" = 1 ] || die "ar margin $m mm"
	safe=$(calc "$m + 5")
	expect_exit 1 bayraq preflight --safe "${safe}mm" w.pdf
	# The JSON rounds to hundredths, the message to tenths: compared as numbers.
	said=$(sed -n 's/.*text comes within \([0-9.]*\) mm of the trim; the safe margin is \([0-9.]*\) mm$/\1 \2/p' stderr)
	[ -n "$said" ] || die "$(cat stderr)"
	set -- $said
	near "$1" "$m" 0.06
	near "$2" "$safe" 0.06
	expect_exit 0 bayraq preflight --safe "$(calc "$m - 5")mm" w.pdf
	for r in 90 180 270; do
		qpdf --rotate=+$r w.pdf r.pdf
		bayraq preflight --json r.pdf >r.json
		near "$(jq '.pages[0].text_margin_mm' r.json)" "$m" 1
		near "$(jq '.pages[0].smallest_text_pt' r.json)" "$(jq '.pages[0].smallest_text_pt' w.json)" 0.1
	done
}

# A blurred design prints sharp: librsvg draws a filter at one pixel a
# point (72 ppi in a PDF), so bayraq places the filtered art as an image
# of 300 ppi at print size, or of --dpi.
test_filter_print_ppi() {
	mkdir -p data/designs
	ln -s "$ROOT/locales" data/locales
	ln -s "$ROOT/fonts" data/fonts
	cp -r "$ROOT/designs/_flags" "$ROOT/tests/data/designs/blur-crimea" data/designs/
	export BAYRAQ_DATADIR="$PWD/data"
	bayraq render --design blur-crimea --city Oslo --country NO --size A5 --print \
		-f pdf -o print.pdf >/dev/null
	pdfimages -list print.pdf >images.txt
	awk 'NR > 2 && $3 == "image" { n++; if ($13 < 300 || $14 < 300) low = 1 }
		END { exit !(n >= 1 && !low) }' images.txt || die "$(cat images.txt)"
	bayraq render --design blur-crimea --city Oslo --country NO --size A5 --dpi 450 \
		-f pdf -o dpi.pdf >/dev/null
	pdfimages -list dpi.pdf | awk 'NR > 2 && $3 == "image" && $13 >= 449 { ok = 1 }
		END { exit !ok }' || die "$(pdfimages -list dpi.pdf)"
	# The text stays vector: the PDF's own words, not pixels.
	text_of print.pdf | grep -q 'Oslo' || die "no text in print.pdf"
}
