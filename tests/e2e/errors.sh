# errors.sh - every error path: exit status, one line on stderr, nothing written.

test_usage_errors() {
	mkdir out
	expect_exit 2 bayraq render --frobnicate -o out/
	one_error "unknown option '--frobnicate'"
	expect_exit 2 bayraq render --city Berlin --country DE --size -o out/
	one_error ""
	expect_exit 2 bayraq render --city Berlin --country DE --lang
	one_error "option '--lang' needs a value"
	expect_exit 2 bayraq render --lang xx --city Berlin --country DE -o out/
	# Every language there is, as the files in locales/ say.
	langs=$(cd "$ROOT/locales" && ls *.po | sed 's/\.po$//' | LC_ALL=C sort | paste -sd, - | sed 's/,/, /g')
	one_error "unknown language 'xx' .*$langs"
	expect_exit 2 bayraq render --lang ../locales/en --city Berlin --country DE -o out/
	one_error "unknown language"
	expect_exit 2 bayraq render --city Berlin --country DE --size B7 -o out/
	one_error "unknown size 'B7' (expected A5, A4, A3, A2, A1, A0, letter, legal, tabloid, 18x24in, 24x36in, banner-2x1m, banner-3x1m, square-1080, feed-1080x1350, story-1080x1920, or WxH"
	expect_exit 2 bayraq render --city Berlin --country DE --size 100x100furlong -o out/
	one_error "unknown unit"
	expect_exit 2 bayraq render --city Berlin --country XX -o out/
	one_error "unknown country 'XX'"
	expect_exit 2 bayraq render --city Berlin --country DE --design nope -o out/
	designs=$(cd "$ROOT/designs" && ls -d [!_.]*/ | tr -d / | LC_ALL=C sort | paste -sd, - | sed 's/,/, /g')
	one_error "unknown design 'nope' (available: $designs)"
	expect_exit 2 bayraq render --city Berlin --country DE --format gif -o out/
	one_error "unknown format 'gif' (expected pdf, png, svg"
	expect_exit 2 bayraq render --city Berlin --country DE --dpi lots -o out/
	one_error "dpi must be a number from 10 to 2400"
	expect_exit 2 bayraq render --city Berlin --country DE --orientation diagonal -o out/
	one_error "unknown orientation 'diagonal' (expected portrait, landscape)"
	expect_exit 2 bayraq render --country DE -o out/
	one_error "missing --city"
	expect_exit 2 bayraq render --city Berlin -o out/
	one_error "missing --country"
	expect_exit 2 bayraq render --city Berlin --country DE stray -o out/
	one_error "unexpected argument 'stray'"
	expect_exit 2 bayraq paint
	one_error "unknown command 'paint'"
	expect_exit 2 bayraq list flavours
	one_error "unknown list 'flavours' (expected designs, languages, sizes, countries)"
	expect_exit 2 bayraq
	one_error "missing command"
	no_files out
}

# A city too long for its slot at the slot's minimum size: named, not shrunk.
test_text_cannot_fit() {
	mkdir out
	long=$(printf 'Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch%.0s' 1 2 3)
	expect_exit 1 bayraq render --lang de --city "$long" --country GB --size A3 -o out/
	one_error "slot 'text-city' (de): does not fit even at the minimum size: 'Llanfair"
	no_files out
}

# A character no font has (tofu) is an error, not a box on a banner.
test_missing_glyph() {
	mkdir out
	expect_exit 1 bayraq render --city "Berlin $(printf '\356\200\200')" --country DE --size A3 -o out/
	one_error "^bayraq: no font has the character '$(printf '\356\200\200')' (U+E000) in --city: leave it out or replace it$"
	no_files out
	# The first one, after characters that draw nothing (a variation
	# selector) and ones that fonts have.
	expect_exit 1 bayraq render --city "Berlin $(printf '\357\270\217\356\200\201\356\200\200')" --country DE --size A3 -o out/
	one_error "no font has the character '.*' (U+E001) in --city"
	expect_exit 1 bayraq render --city Berlin --event "$(printf '\356\200\200')" --country DE --size A3 -o out/
	one_error "(U+E000) in --event: leave it out"
	no_files out
}

# An orientation the design has no variant in is a choice to change (2),
# naming the design's ratios and where to find another design.
test_no_variant_for_orientation() {
	mkdir out
	for dir in "$ROOT"/designs/[!_.]*/; do
		design=$(basename "$dir")
		ratios=$(bayraq list designs | sed -n "s/^$design: //p")
		for way in landscape portrait; do
			# Only a design with no variant that way.
			has=$(for r in $ratios; do echo "$r" | awk -F: -v w=$way '
				($1 > $2 && w == "landscape") || ($1 < $2 && w == "portrait") { print "has" }'; done)
			[ -z "$has" ] || continue
			expect_exit 2 bayraq render --design "$design" --orientation $way --size A3 --city Berlin --country DE -o out/
			one_error "^bayraq: design '$design' has no $way variant (it has .*); leave out --orientation $way, or choose a design with a $way variant (bayraq list designs)$"
			found=1
		done
	done
	[ -n "${found:-}" ] || echo "no design with one orientation only: nothing to check" >&2
	no_files out
}

test_no_variant_for_ratio() {
	mkdir out
	expect_exit 1 bayraq render --city Berlin --country DE --size 1000x100mm -o out/
	one_error "design 'liberate-crimea' has no variant near ratio 10:1 (it has 1:2, 1:3, 2:1, 3:1, 4:5, 5:4, 1.41:1, 1:1.41, 16:9, 1:1, 9:16)"
	no_files out
}

# A PNG past the size cap is refused before anything, the PDF included.
test_all_or_nothing() {
	mkdir out
	expect_exit 2 bayraq render --city Berlin --country DE --size banner-3x1m --dpi 600 -o out/
	one_error "an image of 70866 x 23622 pixels (about 1.3 GB) is past the cap of 2^31 pixels or 1 GB; lower --dpi, or --force"
	no_files out
}

test_unwritable_output() {
	expect_exit 1 bayraq render --city Berlin --country DE --size A5 -o /dev/null/out/
	one_error "cannot create folder '/dev/null/out'"
	expect_exit 1 bayraq render --city Berlin --country DE --size A5 -f pdf -o /proc/version.pdf
	one_error "cannot write '/proc/version.pdf'"
}

# A private data folder whose catalogs are broken in the three ways a
# translator can break them.
make_data() {
	mkdir -p data/locales
	ln -s "$ROOT/designs" data/designs
	ln -s "$ROOT/fonts" data/fonts
	cp "$ROOT/tests/data/locales/broken.po" "$ROOT/tests/data/locales/nolang.po" \
		"$ROOT/locales/bayraq.pot" data/locales/
	en="$ROOT/locales/en.po"
	sed 's/^msgctxt "prisoners"/msgctxt "unused"/' "$en" >data/locales/nokey.po
	sed 's/^msgctxt "day"/#, fuzzy\nmsgctxt "day"/' "$en" >data/locales/fuzzy.po
	awk '/^msgctxt "city"/ { c = 1 } c && /^msgstr/ { $0 = "msgstr \"\""; c = 0 } 1' "$en" \
		>data/locales/blank.po
}

test_bad_catalogs() {
	make_data
	mkdir out
	export BAYRAQ_DATADIR="$PWD/data"
	expect_exit 1 bayraq render --lang broken --city Berlin --country DE -o out/
	one_error "data/locales/broken.po:10: end-of-line within string"
	# The organizer reads what to do, at every size; the translator's
	# file and line are in list languages --all.
	unfinished="^bayraq: the English translation is not finished: use --lang en, or ask a translator"
	for lang in fuzzy blank; do
		for size in A3 banner-3x1m; do
			expect_exit 1 bayraq render --lang $lang --city Berlin --country DE --size $size -o out/
			one_error "$unfinished"
		done
	done
	expect_exit 1 bayraq list languages --all
	line=$(grep -n '^msgctxt "day"' data/locales/fuzzy.po | cut -d: -f1)
	grep -q "unfinished: .*data/locales/fuzzy.po:$line: key 'day' is marked fuzzy (not reviewed), so it is not used" stdout
	line=$(grep -n '^msgctxt "city"' data/locales/blank.po | cut -d: -f1)
	grep -q "unfinished: .*data/locales/blank.po:$line: key 'city' is not translated" stdout
	grep -q "unfinished: .*data/locales/nokey.po: no entry for key 'prisoners' (make po)" stdout
	grep -q "broken.po:10: end-of-line within string" stderr
	expect_exit 1 bayraq render --lang nolang --city Berlin --country DE -o out/
	one_error "header has no 'Language:' field"
	expect_exit 1 bayraq render --lang nokey --city Berlin --country DE --size A3 --orientation landscape -o out/
	one_error "$unfinished"
	no_files out
}

test_bad_design() {
	mkdir -p data/designs out
	ln -s "$ROOT/locales" data/locales
	ln -s "$ROOT/fonts" data/fonts
	cp -r "$ROOT/designs/_flags" "$ROOT/tests/data/designs/bad-color" data/designs/
	export BAYRAQ_DATADIR="$PWD/data"
	expect_exit 1 bayraq render --design bad-color --city Berlin --country DE -o out/
	one_error "bad-color/a.svg:5: slot 't': bad bayraq:color 'gold' (expected #rrggbb)"
	no_files out
}

test_missing_flag_set() {
	mkdir out
	BAYRAQ_FLAGSET="$PWD/none" expect_exit 1 bayraq render --city Berlin --country DE -o out/
	one_error "run 'make flags'"
	no_files out
}

# The PDF libraries are a module the program loads for a PDF only
# (src/run/pdfmod.h): without it, a PNG still renders and a PDF fails
# with one line that says what to do, leaving nothing behind.
test_missing_pdf_module() {
	mkdir bin out
	cp "$ROOT/$BAYRAQ" bin/bayraq
	export BAYRAQ_DATADIR=$ROOT BAYRAQ_FLAGSET=$ROOT/build/flags/package BAYRAQ_ICCDIR=$ROOT/build/icc
	bin/bayraq render --city Berlin --country DE --size A5 --dpi 20 -f png -o out/ >/dev/null
	rm out/*.png
	expect_exit 1 bin/bayraq render --city Berlin --country DE --size A5 -f pdf -o out/
	one_error "cannot load the PDF libraries; reinstall bayraq (.*bayraq-pdf.so"
	no_files out
	expect_exit 1 bin/bayraq preflight "$ROOT/tests/data/preflight/$(ls "$ROOT/tests/data/preflight" | grep '\.pdf$' | head -1)"
	one_error "reinstall bayraq"
}

# libtiff is a module too (src/write/tiffmod.h): without it, -f tiff fails
# with one line and leaves nothing; a PNG is not touched by it.
test_missing_tiff_module() {
	mkdir bin out
	cp "$ROOT/$BAYRAQ" bin/bayraq
	export BAYRAQ_DATADIR=$ROOT BAYRAQ_FLAGSET=$ROOT/build/flags/package BAYRAQ_ICCDIR=$ROOT/build/icc
	expect_exit 1 bin/bayraq render --city Berlin --country DE --size A5 --dpi 20 -f tiff -o out/
	one_error "cannot load the TIFF library; reinstall bayraq (.*bayraq-tiff.so"
	no_files out
	expect_exit 1 bin/bayraq render --city Berlin --country DE --size A5 --dpi 20 -f png,tiff -o out/
	one_error "cannot load the TIFF library; reinstall bayraq"
	no_files out
}

# So is libmicrohttpd (src/cli/http.h), for bayraq serve only: without it,
# serve stops before it listens, with one line; a module that is not this
# program's (another table) is refused, not called.
test_missing_serve_module() {
	mkdir bin
	cp "$ROOT/$BAYRAQ" bin/bayraq
	export BAYRAQ_DATADIR=$ROOT BAYRAQ_FLAGSET=$ROOT/build/flags/package BAYRAQ_ICCDIR=$ROOT/build/icc
	expect_exit 1 bin/bayraq serve --port 0
	one_error "cannot load the web server library; reinstall bayraq (.*bayraq-serve.so"
	[ ! -s stdout ] || die "serve printed: $(cat stdout)"
	cp "$(dirname "$ROOT/$BAYRAQ")/bayraq-tiff.so" bin/bayraq-serve.so
	expect_exit 1 bin/bayraq serve --port 0
	one_error "bin/bayraq-serve.so' is not this bayraq's module; reinstall bayraq"
}

# A country's code typed for a language: the language ICU finds most likely
# in that country, when bayraq has it; a typo still gets the nearest tag.
test_language_country_code() {
	mkdir out
	if [ -f "$ROOT/locales/uk.po" ]; then
		expect_exit 2 bayraq render --lang ua --city Київ --country PL -o out/
		one_error "^bayraq: unknown language 'ua'; for Ukrainian use 'uk' ('ua' is a country code: Ukraine)$"
	fi
	tag=$(cd "$ROOT/locales" && ls ??.po | head -1 | sed 's/\.po$//')
	expect_exit 2 bayraq render --lang "${tag}q" --city Kyiv --country PL -o out/
	one_error "^bayraq: unknown language '${tag}q' (did you mean '$tag'? available: "
	no_files out
}

# preflight given a picture or a text says it is not a PDF, what it seems
# to be, and what to give it instead.
test_preflight_not_pdf() {
	cp "$ROOT/tests/data/logo/good.png" banner.pdf
	cp "$ROOT/tests/data/logo/not-a-logo.txt" notes.txt
	: >empty.pdf
	hint="preflight checks PDF files: give it the .pdf that bayraq render wrote$"
	expect_exit 1 bayraq preflight banner.pdf
	one_error "^bayraq: 'banner.pdf' is not a PDF (file type: PNG image); $hint"
	expect_exit 1 bayraq preflight notes.txt
	one_error "^bayraq: 'notes.txt' is not a PDF\( (file type: [^)]*)\)\?; $hint"
	expect_exit 1 bayraq preflight empty.pdf
	one_error "^bayraq: 'empty.pdf' is empty; $hint"
	# Readers allow bytes before %PDF-: then it is read as a PDF.
	{ printf 'junk\n'; cat "$ROOT/tests/data/preflight/full.pdf"; } >late.pdf
	bayraq preflight late.pdf >/dev/null 2>stderr || true
	! grep -q "is not a PDF" stderr
}

# Where the user's cache folder cannot be made (no home, read-only),
# fontconfig's cache goes to the temporary folder: stderr holds only
# bayraq's own lines, not fontconfig's "No writable cache directories".
test_unwritable_cache() {
	mkdir out tmp
	: >file
	export HOME=$PWD/file/home XDG_CACHE_HOME=$PWD/file/cache TMPDIR=$PWD/tmp
	bayraq render --city Berlin --country DE --size A5 -f svg -o out/ >/dev/null 2>stderr
	[ ! -s stderr ] || die "stderr: $(cat stderr)"
	ls tmp/bayraq-fontconfig-* >/dev/null || die "no cache in TMPDIR: $(ls tmp)"
	rm out/*
	long=$(printf 'Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch%.0s' 1 2 3)
	expect_exit 1 bayraq render --lang de --city "$long" --country GB --size A3 -o out/
	one_error "does not fit even at the minimum size"
	no_files out
}
