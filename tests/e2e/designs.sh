# designs.sh - designs as editors save them, lint's findings, and every design.

# test_data_designs NAME...: a data folder whose designs/ holds the test
# designs named (from tests/data/designs) and our flags; BAYRAQ_DATADIR set.
test_data_designs() {
	mkdir -p data/designs
	ln -s "$ROOT/locales" data/locales
	ln -s "$ROOT/fonts" data/fonts
	cp -r "$ROOT/designs/_flags" data/designs/
	for name in "$@"; do
		cp -r "$ROOT/tests/data/designs/$name" data/designs/
	done
	export BAYRAQ_DATADIR="$PWD/data"
}

# near A B: two numbers within 0.05.
near() {
	awk -v a="$1" -v b="$2" 'BEGIN { d = a - b; exit !(d < 0.05 && d > -0.05) }' ||
		die "$1 is not $2"
}

mm_pt() {
	awk -v mm="$1" 'BEGIN { printf "%.3f", mm * 72 / 25.4 }'
}

# slot_is LAYOUT ID X Y W H: the slot's box in points is X Y W H, given in mm.
slot_is() {
	set -- "$@" $(awk -v id="$2" '$2 == id { for (i = 1; i < NF; i++) if ($i == "slot") { print $(i+1), $(i+2), $(i+3), $(i+4); exit } }' "$1")
	[ $# = 10 ] || die "no slot '$2' in $(cat "$1")"
	near "$7" "$(mm_pt "$3")"
	near "$8" "$(mm_pt "$4")"
	near "$9" "$(mm_pt "$5")"
	near "${10}" "$(mm_pt "$6")"
}

# Inkscape 1.2's A3 page: width="297mm" and a viewBox in mm, layers with
# transforms. Slots land where they were drawn (mm on an A3 page), and so
# do the flags' pixels. The same file in px (as Illustrator and Affinity
# write the root's size) gives the same slots.
test_inkscape_mm_geometry() {
	test_data_designs inkscape-mm
	args="--design inkscape-mm --lang en --city Berlin --country DE --size A3"
	bayraq layout $args >layout.txt
	# layer translate(20,30); the headline's group matrix(2,0,0,2,0,100).
	slot_is layout.txt flag-ua 30 40 90 60
	slot_is layout.txt flag-crh 140 40 120 60
	slot_is layout.txt text-headline 30 150 240 80
	slot_is layout.txt text-hashtag 30 330 237 40
	bayraq render $args --dpi 72 -f png -o a3.png >/dev/null
	# ua: blue over yellow, at (30 + 45, 40 + 15) and (75, 40 + 45) mm.
	colour_at a3.png 212 156 0057B7
	colour_at a3.png 212 241 FFD700
	colour_at a3.png 8 8 0B1D3A
	sed -e 's/width="297mm"/width="1122.52"/' -e 's/height="420mm"/height="1587.4"/' \
		"$ROOT/tests/data/designs/inkscape-mm/poster.svg" >data/designs/inkscape-mm/poster.svg
	bayraq layout $args >px.txt
	cmp layout.txt px.txt
	sed -e 's/width="297mm"/width="100%"/' -e 's/height="420mm"/height="100%"/' \
		"$ROOT/tests/data/designs/inkscape-mm/poster.svg" >data/designs/inkscape-mm/poster.svg
	bayraq layout $args >percent.txt
	cmp layout.txt percent.txt
}

# As Illustrator and Affinity export: px on the root, style attributes, a
# nested <svg> and a matrix. The same slots and pixels as Inkscape's file.
test_illustrator_px_geometry() {
	test_data_designs inkscape-mm illustrator-px
	args="--lang uk --city Київ --country PL --size A3"
	bayraq layout --design inkscape-mm $args >mm.txt
	bayraq layout --design illustrator-px $args >px.txt
	cmp mm.txt px.txt
	slot_is px.txt text-headline 30 150 240 80
	bayraq render --design inkscape-mm $args --dpi 36 -f png -o mm.png >/dev/null
	bayraq render --design illustrator-px $args --dpi 36 -f png -o px.png >/dev/null
	"$ROOT/$TOOLS/pngcmp" mm.png px.png diff.png 2 0.001
	bayraq lint --strict "$BAYRAQ_DATADIR/designs/illustrator-px" >/dev/null
}

# Each mistake in tests/data/designs/lint-*: its first comment says what
# lint reports ("error LINE TEXT", "warning LINE TEXT" or "note LINE
# TEXT"). An error is reported with file and line, and render refuses the
# design with that one line and writes nothing; a warning fails only with
# --strict, and the banner renders; a note fails nothing. A new lint-*
# folder is a new case, with no edit here.
test_lint_each_mistake() {
	n=0
	names=$(cd "$ROOT/tests/data/designs" && ls -d lint-*/ | tr -d /)
	[ "$(echo "$names" | wc -w)" -ge 15 ] || die "only $names"
	# Every case in debug; a spread under the sanitizers (sampled).
	names=$(echo "$names" | tr ' ' '\n' | sampled)
	test_data_designs $names
	mkdir out
	for name in $names; do
		expect=$(sed -n 's/^<!-- lint: \(.*\) -->$/\1/p' "data/designs/$name/a.svg")
		level=${expect%% *}
		rest=${expect#* }
		line=${rest%% *}
		text=${rest#* }
		[ -n "$text" ] || die "$name/a.svg has no '<!-- lint: ' comment"
		if [ "$level" = error ]; then
			expect_exit 1 bayraq lint "$name"
			grep -qF "data/designs/$name/a.svg:$line: $text" stdout ||
				die "lint $name: $(cat stdout)"
			grep -q '^1 file: 1 error, 0 warnings\(, [0-9]* notes\?\)\?$' stdout ||
				die "lint $name: $(cat stdout)"
			expect_exit 1 bayraq render --design "$name" --city Berlin --country DE \
				--size 1080x1080px -o out/
			[ "$(wc -l <stderr)" = 1 ] || die "render $name: $(cat stderr)"
			grep -qF "data/designs/$name/a.svg:$line: $text" stderr ||
				die "render $name: $(cat stderr)"
			expect_exit 1 bayraq layout --design "$name" --city Berlin --country DE
		else
			expect_exit 0 bayraq lint "$name"
			grep -qF "data/designs/$name/a.svg:$line: $level: $text" stdout ||
				die "lint $name: $(cat stdout)"
			expect_exit $([ "$level" = note ] && echo 0 || echo 1) bayraq lint --strict "$name"
			size=$(sed -n 's/.*viewBox="\([^"]*\)".*/\1/p' "data/designs/$name/a.svg" | head -n 1 |
				awk '{ m = $3 > $4 ? $3 : $4; printf "%dx%dpx", $3 * 400 / m + 0.5, $4 * 400 / m + 0.5 }')
			bayraq render --design "$name" --city Berlin --country DE \
				--size "$size" -o "ok-$name/" >/dev/null
		fi
		n=$((n + 1))
	done
	no_files out
	[ "$n" = "$(echo "$names" | wc -w)" ] || die "$n cases of $names"
}

# Lint's own errors: an unknown design lists them; a path outside designs/.
test_lint_usage() {
	expect_exit 2 bayraq lint nope
	designs=$(cd "$ROOT/designs" && ls -d [!_.]*/ | tr -d / | LC_ALL=C sort | paste -sd, - | sed 's/,/, /g')
	one_error "unknown design 'nope' (available: $designs)"
	expect_exit 2 bayraq lint --strcit
	one_error "unknown option '--strcit' (did you mean '--strict'?)"
	mkdir empty
	expect_exit 1 bayraq lint ./empty
	grep -q '^./empty: no .svg variant' stdout || die "$(cat stdout)"
	expect_exit 1 bayraq lint empty
	grep -q '^empty: no .svg variant' stdout || die "$(cat stdout)"
	expect_exit 1 bayraq lint "$ROOT/tests/data/designs/not-xml/a.svg"
	grep -q 'not-xml/a.svg:4: ' stdout || die "$(cat stdout)"
}

# Every shipped design lints clean, warnings included.
test_lint_shipped_designs() {
	bayraq lint --strict >lint.txt || die "$(cat lint.txt)"
	for dir in "$ROOT"/designs/[!_.]*/; do
		bayraq lint --strict "$(basename "$dir")" >/dev/null
	done
}

# The proof: a vector A3 page per variant, every language labelled, the
# stress row, fonts embedded; only the languages asked for; errors.
test_proof() {
	for dir in "$ROOT"/designs/[!_.]*/; do
		name=$(basename "$dir")
		bayraq proof --design "$name" -o "$name.pdf" >/dev/null
		variants=$(ls "$dir"*.svg | wc -l)
		pdfinfo "$name.pdf" | grep -q "^Pages: *$variants$" || die "$name.pdf: $(pdfinfo "$name.pdf" | grep Pages), expected $variants"
		page_size "$name.pdf" 1190.55 841.89
		fonts_embedded "$name.pdf"
		[ "$(pdfimages -list "$name.pdf" | tail -n +3 | wc -l)" = 0 ] || die "$name.pdf has raster images"
		pdftotext "$name.pdf" text.txt
		for po in $(finished_po); do
			lang=$(basename "$po" .po)
			grep -q "^$lang · " text.txt || die "$name.pdf has no thumbnail for $lang"
		done
		grep -q "^stress · " text.txt || die "$name.pdf has no stress row"
	done
	bayraq proof --lang de,uk -o two/proof.pdf >/dev/null
	pdftotext two/proof.pdf two.txt
	grep -q "^de · " two.txt && grep -q "^uk · " two.txt || die "two.pdf lacks de or uk"
	! grep -q "^ar · " two.txt || die "two.pdf has ar"
	grep -q "2 languages: 0 failed;" two.txt || die "two.pdf's titles: $(grep languages two.txt | head -2)"
	mkdir out
	expect_exit 2 bayraq proof --lang de,xx -o out/p.pdf
	one_error "unknown language 'xx'"
	expect_exit 2 bayraq proof --design nope -o out/p.pdf
	one_error "unknown design 'nope'"
	expect_exit 2 bayraq proof --country XX -o out/p.pdf
	one_error "unknown country 'XX'"
	expect_exit 2 bayraq proof --city Berlin -o out/p.pdf
	one_error "'--city' is an option of"
	expect_exit 1 bayraq proof --lang de -o /proc/version.pdf
	one_error "cannot write '/proc/version.pdf'"
	expect_exit 2 bayraq proof --slogan freedom -o out/p.pdf
	one_error "unknown --slogan 'freedom' (expected day, prisoners"
	expect_exit 2 bayraq proof --event "$(printf 'Sat\t14:00')" -o out/p.pdf
	one_error "--event holds a control character"
	no_files out
}

# The proof shows the organizer's own text: --event in every design's
# event slots, --slogan's message in its slogan slots.
test_proof_slogan_event() {
	event="Sa 22. Feb, 14:00, Brandenburger Tor"
	slogan=$(msgattrib --no-fuzzy "$ROOT/locales/de.po" | msgcat --no-wrap - |
		awk '/^msgctxt "prisoners"$/ { p = 1 } p && /^msgstr / { sub(/^msgstr "/, ""); sub(/"$/, ""); print; exit }')
	[ -n "$slogan" ] || die "de.po has no prisoners message"
	found=0
	for dir in "$ROOT"/designs/[!_.]*/; do
		grep -q 'bayraq:text="event"' "$dir"*.svg || continue
		found=1
		name=$(basename "$dir")
		bayraq proof --design "$name" --lang de --event "$event" --slogan prisoners -o "$name.pdf" >/dev/null
		pdftotext "$name.pdf" - | tr '\n' ' ' | tr -s ' ' >text.txt
		grep -qF "$event" text.txt || die "$name.pdf does not show the event"
		# A sign has an event line but no slogan slot.
		if grep -q 'bayraq:text="slogan"' "$dir"*.svg; then
			grep -qF "$(echo "$slogan" | cut -d ' ' -f 1-3)" text.txt || die "$name.pdf does not show '$slogan'"
		fi
		bayraq proof --design "$name" --lang de -o plain.pdf >/dev/null
		! pdftotext plain.pdf - | grep -q "Brandenburger" || die "the event without --event"
	done
	[ "$found" = 1 ] || die "no design has an event slot"
}

# A text that shrinks below 70% of the slot's largest is marked, and a
# text that cannot fit is a red box with the reason, not a failed proof.
test_proof_marks() {
	test_data_designs proof-marks
	bayraq proof --design proof-marks --lang en,de -o p.pdf >/dev/null
	pdftotext p.pdf p.txt
	grep -q "2 languages: 1 failed; stress row: 1 failed; 1 text below 70%" p.txt || die "$(head -3 p.txt)"
	grep -q "^▲ city .* [1-6][0-9]%$" p.txt || die "no mark: $(cat p.txt)"
	grep -q "FAILED" p.txt || die "no failed box: $(cat p.txt)"
	grep -q "slot 'text-strict' (de): does not fit" p.txt || die "no reason: $(cat p.txt)"
}

# Every design in designs/, in every language, at the ratio of each of its
# variants: it lints clean, its proof plans every language on every variant
# with none failing, and each variant renders (PDF and PNG) in a language
# of its own, round the languages. A new design folder is tested here with
# no edit.
test_every_design_language_ratio() {
	langs=$(finished_po | wc -l)
	for dir in "$ROOT"/designs/[!_.]*/; do
		name=$(basename "$dir")
		bayraq lint "$name" >lint.txt || die "$(cat lint.txt)"
		bayraq proof --design "$name" -o "$name-proof.pdf" >/dev/null
		pdftotext "$name-proof.pdf" proof.txt
		pages=$(grep -c " $langs languages: 0 failed;" proof.txt) || true
		[ "$pages" = "$(ls "$dir"*.svg | wc -l)" ] ||
			die "$name: a language does not fit: $(grep ' languages: ' proof.txt)"
		i=0
		for svg in "$dir"*.svg; do
			i=$((i + 1))
			lang=$(finished_po | sed -n "$(( (i - 1) % langs + 1 ))p" | xargs basename | sed 's/\.po$//')
			size=$(sed -n 's/.*viewBox="\([^"]*\)".*/\1/p' "$svg" | head -n 1 |
				awk '{ m = $3 > $4 ? $3 : $4; printf "%dx%dpx", $3 * 240 / m + 0.5, $4 * 240 / m + 0.5 }')
			bayraq render --design "$name" --lang "$lang" --city Tbilisi --country GE \
				--size "$size" -f pdf,png -o "$name-$lang-$size.pdf" >/dev/null ||
				die "$name, $(basename "$svg"), $lang, $size does not render"
			pdfinfo "$name-$lang-$size.pdf" | grep -q '^Pages: *1$'
			[ "$("$ROOT/$TOOLS/pnginfo" "$name-$lang-$size.png" | cut -d' ' -f1,2)" = "$(echo "$size" | sed -e 's/px$//' -e 's/x/ /')" ] ||
				die "$name-$lang-$size.png: $("$ROOT/$TOOLS/pnginfo" "$name-$lang-$size.png")"
		done
	done
}

# The flags' names are one set of labels: in every design that has them,
# every variant and every language, one size for all, to the hundredth of
# a point, however long one country's name.
# A country with a long name in most languages makes the sizes differ.
test_flag_names_one_size() {
	found=0
	for dir in "$ROOT"/designs/[!_.]*/; do
		name=$(basename "$dir")
		for svg in "$dir"*.svg; do
			grep -q 'bayraq:text="name-' "$svg" || continue
			size=$(sed -n 's/.*viewBox="\([^"]*\)".*/\1/p' "$svg" | head -n 1 |
				awk '{ m = $3 > $4 ? $3 : $4; printf "%dx%dpx", $3 * 2400 / m + 0.5, $4 * 2400 / m + 0.5 }')
			for po in $(finished_po); do
				lang=$(basename "$po" .po)
				bayraq layout --design "$name" --lang "$lang" --city Tbilisi \
					--country GB --size "$size" >layout.txt ||
					die "$name, $size, $lang: $(cat stderr)"
				awk '$1 == "text" && $2 ~ /^text-name-/ { print $4 }' layout.txt >sizes.txt
				[ "$(wc -l <sizes.txt)" -ge 2 ] || die "$name, $size, $lang: names: $(cat sizes.txt)"
				[ "$(sort -u sizes.txt | wc -l)" = 1 ] ||
					die "$name, $size, $lang: the flags' names differ in size: $(tr '\n' ' ' <sizes.txt)"
				found=$((found + 1))
			done
		done
	done
	[ "$found" -gt 0 ] || die "no design has flags' names"
}

# The label under the Crimean Tatar flag is the catalog's name-crh, in
# every language, as its translator wrote it: ICU knows only the
# language ("Turkish (Crimea)" in Traditional Chinese), not the people.
test_crh_name_from_catalog() {
	# Catalog data, not memory: 42 layouts a variant would add minutes
	# under the sanitizers.
	[ "${BUILD:-debug}" = debug ] || { echo "runs in the debug build only"; return 0; }
	found=0
	for svg in "$ROOT"/designs/[!_.]*/*.svg; do
		grep -q 'bayraq:text="name-crh"' "$svg" || continue
		name=$(basename "$(dirname "$svg")")
		size=$(sed -n 's/.*viewBox="\([^"]*\)".*/\1/p' "$svg" | head -n 1 |
			awk '{ m = $3 > $4 ? $3 : $4; printf "%dx%dpx", $3 * 2400 / m + 0.5, $4 * 2400 / m + 0.5 }')
		for po in $(finished_po); do
			lang=$(basename "$po" .po)
			want=$("$ROOT/$TOOLS/pocaps" "$po" name-crh) || die "$po: no name-crh"
			bayraq layout --design "$name" --lang "$lang" --city Kyiv \
				--country PL --size "$size" >layout.txt ||
				die "$name, $size, $lang: $(cat stderr)"
			got=$(awk '$1 == "text" && $2 ~ /name-crh$/ { for (i = 1; i <= 16; i++) $i = ""; sub(/^ +/, ""); print }' layout.txt)
			[ "$got" = "$want" ] || die "$name, $size, $lang: the Crimean Tatar flag's label is '$got', not '$want'"
			found=$((found + 1))
		done
	done
	[ "$found" -gt 0 ] || die "no design labels the Crimean Tatar flag"
}

# The checks that depend on the page look at the sizes where a render picks
# the variant: with a 1:√2 and a letter-ratio variant in one folder, the
# letter one serves letter and 18x24in, not the A sizes; alone, it serves
# them all.
test_lint_sizes_by_variant() {
	mkdir two
	cp "$ROOT/tests/data/designs/lint-safe-area/a.svg" two/a.svg
	sed -i "s/x=\"10\" y=\"100\" width=\"900\"/x=\"100\" y=\"100\" width=\"800\"/" two/a.svg
	sed -e 's/1414/1294/g' "$ROOT/tests/data/designs/lint-safe-area/a.svg" >two/b.svg
	bayraq lint --strict two/a.svg >a.txt || die "$(cat a.txt)"
	expect_exit 0 bayraq lint two
	grep -qF "two/b.svg:5: warning: slot 'head': on 18x24in it comes within 4.6 mm of the left edge, inside the 10.0 mm safe margin, so render refuses a text that fills it there and at 1 more size of this ratio;" stdout ||
		die "$(cat stdout)"
	grep -q "two/a.svg:[0-9]*: warning" stdout && die "$(cat stdout)"
	expect_exit 0 bayraq lint two/b.svg
	grep -qF "two/b.svg:5: warning: slot 'head': on A2 it comes within 4.2 mm of the left edge" stdout ||
		die "$(cat stdout)"
}

# A filter's cost: A0 at 300 dpi is 9933 x 14043 pixels, drawn in windows of
# at most 64 Mi pixels (raster.h), and one blur keeps five surfaces of 4
# bytes a pixel of the window; the time is measured, so only its range is
# checked. A filter that nothing uses costs nothing.
test_lint_filter_cost() {
	bayraq lint "$ROOT/tests/data/designs/lint-filter" >lint.txt
	line=$(grep "<filter> 'glow'" lint.txt) || die "$(cat lint.txt)"
	echo "$line" | grep -q "costs about [0-9.]* s and 1342 MB at A0 300 dpi" || die "$line"
	s=$(echo "$line" | sed 's/.*costs about \([0-9.]*\) s.*/\1/')
	awk -v s="$s" 'BEGIN { exit !(s >= 0.5 && s < 600) }' || die "$line"
	sed 's/ filter="url(#glow)"//' "$ROOT/tests/data/designs/lint-filter/a.svg" >unused.svg
	bayraq lint --strict unused.svg >unused.txt || die "$(cat unused.txt)"
}
