# hardening.sh - hostile and careless input: one clear line, nothing left,
# never a hang.

# A data folder of our designs and fonts with locales of the test's own.
data_with_locales() {
	mkdir -p data/locales
	ln -s "$ROOT/designs" data/designs
	ln -s "$ROOT/fonts" data/fonts
}

test_typed_text_checked_at_the_edge() {
	mkdir out
	expect_exit 2 bayraq render --city "$(printf 'Ber\377\376lin')" --country DE -o out/
	one_error "^bayraq: --city is not UTF-8 text; type it again"
	expect_exit 2 bayraq render --city "$(printf 'Ber\342\200\256lin')" --country DE -o out/
	one_error "^bayraq: --city holds an invisible direction mark (U+202E)"
	expect_exit 2 bayraq render --city "$(printf 'Ber\033[31mlin')" --country DE -o out/
	one_error "^bayraq: --city holds a control character"
	expect_exit 2 bayraq render --city "$(printf 'a%.0s' $(seq 201))" --country DE -o out/
	one_error "^bayraq: --city is longer than 200 bytes; shorten it"
	no_files out
}

# What is echoed back stays one line without control characters.
test_errors_stay_one_line() {
	expect_exit 2 bayraq render --design "$(printf 'x\033[2J\ny')" --city Oslo --country NO
	one_error "unknown design 'x?\[2J?y'"
	! grep -q "$(printf '\033')" stderr
	expect_exit 2 bayraq render --lang "$(printf '\377')" --city Oslo --country NO
	one_error "unknown language '"
	iconv -f UTF-8 -t UTF-8 stderr >/dev/null
}

test_bad_po_files() {
	data_with_locales
	# Latin-1, which msgfmt -c accepts, is refused with what to do.
	sed -e 's/charset=UTF-8/charset=ISO-8859-1/' \
		-e 's/^msgstr "{city} stands with Crimea"/msgstr "{city} est avec la Crimée"/' \
		-e "s/[“”]/'/g" "$ROOT/locales/en.po" | iconv -f UTF-8 -t ISO-8859-1//TRANSLIT >data/locales/l1.po
	msgfmt -c -o /dev/null data/locales/l1.po
	mkdir out
	expect_exit 1 env BAYRAQ_DATADIR=data "$ROOT/$BAYRAQ" render --lang l1 --city Paris --country FR -o out/
	one_error "data/locales/l1.po:[0-9]*: the translation of 'city' is not UTF-8 text (save the file as UTF-8"
	# Declared UTF-8 but not: refused as well (the reader takes bytes).
	sed 's/^msgstr "{city} stands with Crimea"/msgstr "{city} \xff"/' "$ROOT/locales/en.po" >data/locales/l2.po
	expect_exit 1 env BAYRAQ_DATADIR=data "$ROOT/$BAYRAQ" render --lang l2 --city Paris --country FR -o out/
	one_error "data/locales/l2.po:[0-9]*: the translation of 'city' is not UTF-8 text (save the file as UTF-8"
	# A FIFO posing as a language is never opened (it would block).
	mkfifo data/locales/fifo.po
	expect_exit 2 timeout 10 env BAYRAQ_DATADIR=data "$ROOT/$BAYRAQ" render --lang fifo --city Paris --country FR -o out/
	one_error "unknown language 'fifo'"
	# A translation with a line break in it.
	sed 's/^msgstr "{city} stands with Crimea"/msgstr "{city}\\nstands"/' "$ROOT/locales/en.po" >data/locales/nl.po
	expect_exit 1 env BAYRAQ_DATADIR=data "$ROOT/$BAYRAQ" render --lang nl --city Paris --country FR -o out/
	one_error "the translation of 'city' holds a control character such as a line break"
	no_files out
}

# Only ordinary files or new names are outputs, never an input.
test_outputs_are_ordinary_files() {
	expect_exit 2 bayraq render --city Oslo --country NO -f pdf -o /dev/null
	one_error "'/dev/null' is there and is not a folder"
	[ -c /dev/null ]
	mkfifo pipe.pdf
	expect_exit 2 bayraq render --city Oslo --country NO -o pipe.pdf
	one_error "'pipe.pdf' is there and is not an ordinary file"
	[ -p pipe.pdf ]
	design=$(bayraq list designs | sed -n '1s/:.*//p')
	svg=$(ls "$ROOT/designs/$design"/*.svg | head -n 1)
	cp "$svg" before.svg
	expect_exit 2 bayraq render --city Oslo --country NO --size 1080x1080px \
		--design "$design" -o "$svg"
	one_error "is one of the files the banner is made from"
	cmp before.svg "$svg"
}

# Ctrl-C, SIGTERM or SIGHUP in the middle of a render leave no file at all.
test_signals_leave_nothing() {
	for sig in INT TERM HUP; do
		mkdir "out-$sig"
		"$ROOT/$BAYRAQ" render --city Oslo --country NO --size A0 --dpi 300 -j 1 -f png \
			-o "out-$sig/" >/dev/null 2>&1 &
		pid=$!
		# Stop it once the temporary file exists, in the middle.
		for _ in $(seq 200); do
			[ -n "$(ls -A "out-$sig")" ] && break
			sleep 0.02
		done
		kill -s "$sig" "$pid"
		set +e
		wait "$pid"
		st=$?
		set -e
		[ "$st" -gt 128 ] || die "SIG$sig: exit $st, the render was not interrupted"
		no_files "out-$sig"
	done
}

# Hostile PDFs end with one line, quickly: a page tree that loops, a form
# that draws itself.
test_hostile_pdfs() {
	expect_exit 1 timeout 20 "$ROOT/$BAYRAQ" preflight "$ROOT/tests/data/hostile/loop-pages.pdf"
	one_error "its page tree is broken; export the PDF again"
	expect_exit 1 timeout 20 "$ROOT/$BAYRAQ" preflight "$ROOT/tests/data/hostile/self-form.pdf"
	grep -q "not PDF/X" stderr
}

# A FIFO posing as a design's variant is never opened (it would block).
test_fifo_design_variant() {
	mkdir -p data/designs/piped data/locales
	ln -s "$ROOT/locales"/*.po "$ROOT/locales/bayraq.pot" data/locales/
	ln -s "$ROOT/fonts" data/fonts
	ln -s "$ROOT/designs/_flags" data/designs/_flags
	mkfifo data/designs/piped/square.svg
	mkdir out
	expect_exit 1 timeout 10 env BAYRAQ_DATADIR=data "$ROOT/$BAYRAQ" render --design piped \
		--city Oslo --country NO --size 1080x1080px -o out/
	one_error "square.svg' is not a regular file; a design's variants are SVG files"
	no_files out
}

# Every saved fuzz input (the seeds, and each crash once fixed) through its
# target, built with a plain main(): no crash, no sanitizer report, bounded.
test_fuzz_corpus_replays() {
	for dir in "$ROOT"/tests/fuzz/corpus/*/; do
		name=$(basename "$dir")
		[ -x "$ROOT/$TOOLS/replay-$name" ] ||
			die "no replayer for tests/fuzz/corpus/$name: add tests/fuzz/fuzz-$name.c"
		BAYRAQ_DATADIR=$ROOT BAYRAQ_FLAGSET=$ROOT/build/flags/package \
			BAYRAQ_ICCDIR=$ROOT/build/icc timeout 300 \
			"$ROOT/$TOOLS/replay-$name" "$dir"* ||
			die "tests/fuzz/corpus/$name: the replay failed"
	done
	for f in "$ROOT"/tests/fuzz/fuzz-*.c; do
		name=$(basename "$f" .c)
		[ -d "$ROOT/tests/fuzz/corpus/${name#fuzz-}" ] ||
			die "$name has no seed corpus in tests/fuzz/corpus/${name#fuzz-}"
	done
}

# A batch CSV is bounded (src/base/limits.h): a FIFO or a device is never
# read, a huge file is refused before it is read, and past the row limit
# the run stops before anything renders.
test_batch_csv_bounded() {
	limit=$(sed -n 's/^#define BATCH_MAX_ROWS \([0-9]*\)$/\1/p' "$ROOT/src/base/limits.h")
	mb=$(sed -n 's/^#define BATCH_MAX_FILE (\([0-9]*\) << 20)$/\1/p' "$ROOT/src/base/limits.h")
	[ -n "$limit" ] && [ -n "$mb" ] || die "limits.h no longer says BATCH_MAX_ROWS and BATCH_MAX_FILE"
	mkfifo rows.csv
	expect_exit 2 timeout 20 "$ROOT/$BAYRAQ" batch rows.csv -o out/
	one_error "'rows.csv' is not a regular file; give the CSV file saved from the spreadsheet"
	expect_exit 2 timeout 20 "$ROOT/$BAYRAQ" batch /dev/zero -o out/
	one_error "'/dev/zero' is not a regular file"
	truncate -s "$((mb + 1))M" huge.csv
	expect_exit 2 timeout 20 "$ROOT/$BAYRAQ" batch huge.csv -o out/
	one_error "'huge.csv' is larger than $mb MB; split the campaign into several CSV files"
	{
		echo "lang,city,country,size,format"
		yes "en,Oslo,NO,1080x1080px,png" | head -n "$((limit + 1))"
	} >many.csv
	expect_exit 2 timeout 120 "$ROOT/$BAYRAQ" batch many.csv -o out/
	one_error "many.csv:$((limit + 2)): more than $limit rows; split the campaign into several CSV files"
	[ ! -e out ] || no_files out
}

# Many rows that would write one file all fail before anything renders, in
# one pass, and the summary names the first lines, not thousands.
test_batch_duplicates_at_scale() {
	{
		echo "lang,city,country,size,format"
		yes "en,Oslo,NO,1080x1080px,png" | head -n 3000
	} >same.csv
	expect_exit 1 timeout 300 "$ROOT/$BAYRAQ" batch same.csv -o out/
	[ "$(grep -c "^same.csv:[0-9]*: failed: would write 'out/.*', as line [23] does$" stdout)" = 3000 ] ||
		die "not every row was reported: $(tail -n 1 stdout)"
	grep -q "^bayraq: 3000 rows: 0 done, 0 up to date, 3000 failed (lines 2, 3, .*, 21 and 2980 more)$" stderr ||
		die "summary: $(tail -n 1 stderr)"
	[ ! -e out ] || no_files out
}

# Preflight reads at most PREFLIGHT_MAX_PAGES pages, and says how to check
# a longer file.
test_preflight_page_limit() {
	limit=$(sed -n 's/^#define PREFLIGHT_MAX_PAGES \([0-9]*\)$/\1/p' "$ROOT/src/base/limits.h")
	[ -n "$limit" ] || die "limits.h no longer says PREFLIGHT_MAX_PAGES"
	bayraq render --city Oslo --country NO --size 1080x1080px -f pdf -o one.pdf
	qpdf --empty --pages $(yes one.pdf | head -n "$((limit + 1))") -- long.pdf
	expect_exit 1 timeout 60 "$ROOT/$BAYRAQ" preflight long.pdf
	one_error "'long.pdf' has $((limit + 1)) pages, more than the $limit preflight reads; check it in parts (qpdf --pages)"
}

# A filter that would draw for hours (issue 15: a million octaves of noise)
# is refused before drawing, naming the limit: PNG, PDF at print ppi, none
# left behind, in seconds.
test_filter_time_budget() {
	mkdir -p data/designs out
	ln -s "$ROOT/locales" data/locales
	ln -s "$ROOT/fonts" data/fonts
	cp -r "$ROOT/designs/_flags" "$ROOT/tests/data/hostile/turbulence" data/designs/
	export BAYRAQ_DATADIR="$PWD/data"
	for f in png pdf; do
		expect_exit 1 timeout 60 "$ROOT/$BAYRAQ" render --design turbulence \
			--city Oslo --country NO --size 300x300mm -f $f -o out/
		one_error "^bayraq: the filters of 'square.svg' would take about [0-9]* minutes to draw at this size (feTurbulence numOctaves 1000000 costs most; the limit is 10): draw the effect without a filter, or render smaller$"
		no_files out
	done
}
