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
	one_error "cannot read 'bad.pdf'"
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

# --cmyk: Ghostscript converts to CMYK; text stays text, then PDF/X-4 again.
test_cmyk_through_ghostscript() {
	mkdir out
	if ! command -v gs >/dev/null 2>&1; then
		echo "gs is not installed: only the error path is tested"
	else
		bayraq render --lang de --city Berlin --country DE --size A3 --cmyk --marks -f pdf -o c.pdf >/dev/null
		bayraq preflight c.pdf >report.txt
		grep -q '^colour  *DeviceCMYK' report.txt || die "$(grep colour report.txt)"
		! grep -q 'RGB' report.txt || die "RGB left: $(grep colour report.txt)"
		grep -qx 'ready to print' report.txt
		has_text c.pdf "DIE KRIM IST UKRAINE!"
		fonts_embedded c.pdf
		pdfinfo c.pdf | grep -q '^PDF subtype: *PDF/X-4$'
		# The crop marks are 100% K.
		qpdf --qdf --object-streams=disable c.pdf q.pdf
		grep -aqx '0 0 0 1 K' q.pdf
	fi
	PATH=/nonexistent expect_exit 1 "$ROOT/$BAYRAQ" render --city Berlin --country DE --size A3 --cmyk -o out/
	one_error "cmyk needs Ghostscript (gs), which is not installed; install it with: apt-get install ghostscript"
	no_files out
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

# bayraq's own --print PDFs pass, at every physical size it names, with
# marks, finishings, CMYK, turned, and past 200 in.
test_preflight_own_outputs_pass() {
	bayraq list sizes | awk '$1 != "WxH" && $0 !~ / px,/ { print $1 }' >sizes.txt
	[ "$(wc -l <sizes.txt)" -ge 5 ] || die "no sizes: $(cat sizes.txt)"
	while read -r size; do
		bayraq render --lang ar --city Київ --country PL --size "$size" --print -f pdf -o s.pdf >/dev/null
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
	jq -e '.ready == true and .problems == [] and .pdfx == "PDF/X-4" and (.pages | length) == 1' r.json >/dev/null ||
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
	# The hashtag's ink sits about 32 mm above the bottom trim.
	[ "$(calc "$m > 25 && $m < 40")" = 1 ] || die "ar margin $m mm"
	expect_exit 1 bayraq preflight --safe 45mm w.pdf
	grep -q 'text comes within 3[0-9].[0-9] mm of the trim; the safe margin is 45.0 mm' stderr || die "$(cat stderr)"
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
