# batch.sh - campaign runs from a CSV: report, parallel, interrupt, proof.

campaign() {
	cat >campaign.csv <<'CSV'
design,lang,city,country,size,format,dpi,print,tile-sheet
liberate-crimea,de,Berlin,DE,A3,"pdf,png",30,yes,
liberate-crimea,en,"Washington, D.C.",US,letter,pdf,,,
liberate-crimea,uk,"Kyiv ""Heroes"" square",UA,A4,png,40,,
liberate-crimea,ka,თბილისი,XX,A3,pdf,,,
liberate-crimea,pl,Warszawa,PL,B7,pdf,,,
liberate-crimea,fr,Paris,FR,A4,pdf,,,A4
liberate-crimea,fr,Paris,FR,A4,pdf,,,
liberate-crimea,ja,東京,JP,square-1080,png,,,
liberate-crimea,en,"Line
break",GB,A5,pdf,,,
liberate-crimea,lt,Vilnius,LT,A2,pdf,,,A4
CSV
}

test_batch_report() {
	campaign
	expect_exit 1 bayraq batch campaign.csv -j 2 -o out/
	grep -q "^bayraq: campaign.csv:5: column 'country': unknown country 'XX'" stderr
	grep -q "^bayraq: campaign.csv:6: column 'size': unknown size 'B7'" stderr
	# The reason is on stdout too: a log of the run says everything.
	grep -q "^campaign.csv:5: failed: column 'country': unknown country 'XX'" stdout
	grep -q "campaign.csv:7: would write 'out/liberate-crimea-fr-paris-A4.pdf', as line 8 does" stderr
	grep -q "campaign.csv:8: would write 'out/liberate-crimea-fr-paris-A4.pdf', as line 7 does" stderr
	grep -q "^bayraq: 10 rows: 5 done, 0 up to date, 5 failed (lines 5, 6, 7, 8, 10)$" stderr || die "$(tail -1 stderr)"
	# Quoted fields come out exactly; one line per row on stdout.
	[ "$(wc -l <stdout)" = 10 ]
	grep -q '^campaign.csv:3: done out/liberate-crimea-en-washington-d-c-letter.pdf$' stdout
	has_text out/liberate-crimea-en-washington-d-c-letter.pdf "Washington, D.C. stands with Crimea"
	"$ROOT/$TOOLS/pnginfo" out/liberate-crimea-uk-kyiv-heroes-square-A4.png | grep -qx '331 468 40'
	pdfinfo out/liberate-crimea-de-berlin-A3.pdf | grep -q 'PDF subtype: *PDF/X-4'
	[ -f out/liberate-crimea-ja-dong-jing-square-1080.png ]
	# A field with a line break is one row, reported on the line it starts;
	# a city with a line break in it is refused, like a typed one.
	grep -q "^campaign.csv:10: failed: column 'city': the city holds a control character" stdout
	grep -q "campaign.csv:10: column 'city': the city holds a control character" stderr
	# tile-sheet adds the home printer's sheets.
	grep -q '^campaign.csv:12: done out/liberate-crimea-lt-vilnius-A2.pdf out/liberate-crimea-lt-vilnius-A2-tiles-A4.pdf$' stdout
	pdftotext -f 1 -l 1 out/liberate-crimea-lt-vilnius-A2-tiles-A4.pdf - | grep -q 'Kaip sudėti plakatą'
	# The failed rows wrote nothing, nor did the duplicates; the only
	# hidden file is the record of what was made.
	[ ! -f out/liberate-crimea-fr-paris-A4.pdf ]
	[ "$(ls -A out | grep '^\.')" = .bayraq-manifest.json ]
}

# same_output A B: the same PDF bytes, or the same PNG pixels (isa-l may
# deflate the same pixels to other bytes: docs/performance.md).
same_output() {
	case "$1" in
	*.png) "$ROOT/$TOOLS/pngcmp" "$1" "$2" diff.png 0 0 >/dev/null ;;
	*) cmp "$1" "$2" ;;
	esac
}

test_batch_same_for_j1_and_j2() {
	campaign
	expect_exit 1 bayraq batch campaign.csv -j 1 -o one/
	expect_exit 1 bayraq batch campaign.csv -j 2 -o two/
	[ "$(ls one)" = "$(ls two)" ]
	for f in one/*; do
		same_output "$f" "two/${f#one/}" || die "$f differs between -j 1 and -j 2"
	done
	[ "$(ls one | wc -l)" = 7 ]
}

test_batch_contact_sheet() {
	campaign
	expect_exit 1 bayraq batch campaign.csv -o out/ --contact-sheet out/proof.pdf
	pdfinfo out/proof.pdf | grep -q 'Pages: *1'
	pdftotext out/proof.pdf proof.txt
	grep -q '2: de · Berlin · DE · A3' proof.txt
	grep -q "5: FAILED: column 'country': unknown country 'XX'" proof.txt
	grep -q 'CRIMEA IS' proof.txt
}

# Ctrl-C: finished files are whole, nothing half written; a rerun does the rest.
test_batch_interrupt_and_rerun() {
	# Enough work (a few seconds) that the interrupt lands in the middle.
	echo "design,lang,city,country,size,format,dpi" >many.csv
	for i in $(seq 1 24); do
		echo "liberate-crimea,en,City$i,GB,A3,\"pdf,png\",200" >>many.csv
	done
	# The binary itself, not a shell function: the signal must reach it.
	"$ROOT/$BAYRAQ" batch many.csv -j 2 -o out/ --report first.csv >first.txt 2>&1 &
	pid=$!
	while [ "$(ls out 2>/dev/null | wc -l)" -lt 2 ]; do sleep 0.05; done
	kill -INT $pid
	set +e
	wait $pid
	status=$?
	set -e
	[ "$status" = 130 ] || die "exit status $status after Ctrl-C: $(cat first.txt)"
	grep -q 'interrupted' first.txt
	grep -q 'bayraq: 24 rows: .* not started' first.txt || die "$(tail -2 first.txt)"
	# The report and the record are written all the same.
	grep -q '^"[0-9]*","City[0-9]*","not started","' first.csv
	grep -q '^"[0-9]*","City[0-9]*","done","out/' first.csv
	[ "$(ls -A out | grep '^\.')" = .bayraq-manifest.json ] || die "temporary files left: $(ls -A out)"
	n=$(ls out | wc -l)
	[ "$n" -lt 48 ] || die "all $n files were written before the interrupt"
	for f in out/*.png; do "$ROOT/$TOOLS/pnginfo" "$f" >/dev/null || die "$f is broken"; done
	for f in out/*.pdf; do qpdf --check "$f" >/dev/null || die "$f is broken"; done
	bayraq batch many.csv -j 2 -o out/ >second.txt 2>&1
	[ "$(ls out | wc -l)" = 48 ]
	[ "$(grep -c 'up to date' second.txt)" -ge 1 ] || die "nothing was kept: $(cat second.txt)"
	grep -q 'bayraq: 24 rows: .* 0 failed' second.txt
	# --force renders everything again.
	bayraq batch many.csv -j 2 -o out/ --force >third.txt 2>&1
	grep -q 'bayraq: 24 rows: 24 done, 0 up to date, 0 failed' third.txt
}

test_batch_bad_csv() {
	printf 'design,lang,town\nliberate-crimea,en,Oslo\n' >bad.csv
	expect_exit 2 bayraq batch bad.csv -o out/
	one_error "bad.csv:1: unknown column 'town' (the columns are design, lang, city"
	printf 'design,lang,city,country,size\nliberate-crimea,en,Oslo,NO,A4\n' >short.csv
	expect_exit 2 bayraq batch short.csv -o out/
	one_error "short.csv:1: no column 'format'"
	printf 'design,lang,city,country,size,format\nliberate-crimea,en,"Oslo,NO,A4,pdf\n' >open.csv
	expect_exit 2 bayraq batch open.csv -o out/
	one_error "open.csv:"
	expect_exit 2 bayraq batch missing.csv -o out/
	one_error "cannot read 'missing.csv'"
	expect_exit 2 bayraq batch -j 0 bad.csv
	one_error "-j takes a whole number from 1 to 64"
	[ ! -e out ]
}

# Batch names its files exactly as render does, and -o is always a folder,
# even one that is not there yet and has no slash.
test_batch_names_are_render_names() {
	cat >names.csv <<'CSV'
design,lang,city,country,size,format,dpi,tile-sheet
liberate-crimea,uk,Київ,PL,A4,png,30,
liberate-crimea,ar,عمان,JO,A5,pdf,,
liberate-crimea,de,Berlin,DE,A3,svg,,A4
liberate-crimea,ka,თბილისი,GE,square-1080,png,,
CSV
	bayraq batch names.csv -j 2 -o fresh >/dev/null
	[ -d fresh ] || die "-o fresh is not a folder"
	ls fresh | sort >batch.txt
	tail -n +2 names.csv | while IFS=, read -r design lang city country size fmt dpi sheet; do
		bayraq render --design "$design" --lang "$lang" --city "$city" --country "$country" \
			--size "$size" -f "$fmt" --dpi "${dpi:-150}" -o render/
		[ -z "$sheet" ] || bayraq tile --design "$design" --lang "$lang" --city "$city" \
			--country "$country" --size "$size" --sheet "$sheet" -o render/ 2>/dev/null
	done >render.txt
	sed 's|^render/||' render.txt | sort >render-names.txt
	cmp batch.txt render-names.txt || die "batch wrote $(cat batch.txt), render $(cat render-names.txt)"
	[ "$(wc -l <batch.txt)" = 5 ]
}

# Workers never touch the process's umask: every file gets 0666 less it.
test_batch_modes_follow_umask() {
	echo "design,lang,city,country,size,format" >many.csv
	for i in $(seq 1 12); do
		echo "liberate-crimea,en,City$i,NO,A6,pdf" >>many.csv
	done
	sed -i 's/,A6,/,A5,/' many.csv
	(umask 022 && bayraq batch many.csv -j 4 -o out/ >/dev/null)
	[ "$(stat -c %a out/* | sort -u)" = 644 ] || die "modes: $(stat -c '%a %n' out/*)"
	(umask 077 && bayraq batch many.csv -j 4 --force -o out2/ >/dev/null)
	[ "$(stat -c %a out2/* | sort -u)" = 600 ] || die "modes: $(stat -c '%a %n' out2/*)"
	(umask 022 && bayraq render --city Oslo --country NO --size A5 -f pdf,png -o out3/ >/dev/null)
	[ "$(stat -c %a out3/* | sort -u)" = 644 ]
}

# More columns than bayraq knows, or a row with more fields than the header.
test_batch_many_columns() {
	cols="design,lang,city,country,size,format"
	for i in $(seq 7 33); do cols="$cols,dpi"; done
	printf '%s\nliberate-crimea,en,Oslo,NO,A5,pdf\n' "$cols" >wide.csv
	expect_exit 2 bayraq batch wide.csv -o out/
	one_error "wide.csv:1: column 'dpi' is there twice; keep one"
	fields="liberate-crimea,en,Oslo,NO,A5,pdf"
	for i in $(seq 7 33); do fields="$fields,x"; done
	printf 'design,lang,city,country,size,format\n%s\nliberate-crimea,en,Bergen,NO,A5,pdf\n' "$fields" >long.csv
	expect_exit 1 bayraq batch long.csv -o out/
	grep -q "long.csv:2: has 33 fields, the header 6" stderr
	[ -f out/liberate-crimea-en-bergen-A5.pdf ]
	[ ! -e out/liberate-crimea-en-oslo-A5.pdf ]
}

# The campaign as LibreOffice and Excel save it (tests/data/campaign/): every
# dialect renders every good row exactly as the plain comma file does, and
# fails the same rows for the same reasons. One thread: with two, a CJK
# text now and then comes out as hex boxes (a race in the renderer, not in
# the CSV; it is reported, and test_batch_same_for_j1_and_j2 is its place).
test_batch_spreadsheet_dialects() {
	data="$ROOT/tests/data/campaign"
	cp "$data"/* .
	# LibreOffice, if installed, saves the .ods again: as it does by
	# default (the committed copies are those, byte for byte), and with
	# every text cell quoted.
	if command -v soffice >/dev/null 2>&1; then
		for opts in 44,34,76,1,,0,false 59,34,76,1,,0,false \
			9,34,76,1,,0,false 59,34,76,1,,0,true; do
			soffice -env:UserInstallation="file://$PWD/lo-profile" --headless \
				--convert-to "csv:Text - txt - csv (StarCalc):$opts" \
				--outdir lo "$data/campaign.ods" >/dev/null 2>&1
			mv lo/campaign.csv "libreoffice-now-$opts.csv"
		done
		cmp libreoffice-now-59,34,76,1,,0,false.csv libreoffice-semicolon.csv
	fi
	expect_exit 1 bayraq batch libreoffice-comma.csv -j 1 -o ref/
	sed 's/^[^:]*:\([0-9]*\): /\1 /; s|ref/||g' stdout | sort >ref.txt
	[ "$(wc -l <ref.txt)" = 30 ]
	[ "$(grep -c ' done ' ref.txt)" = 23 ]
	grep -q "^24 failed: column 'city': the city holds a control character" ref.txt
	grep -q "^30 failed: column 'dpi': 'abc' is not a number from 10 to 2400$" ref.txt
	grep -q "^29 failed: .*pixels" ref.txt
	for f in libreoffice-semicolon.csv libreoffice-tab.csv excel-utf8-comma.csv \
		excel-utf8-semicolon.csv excel-unicode-text.txt libreoffice-now-*.csv; do
		[ -f "$f" ] || continue
		expect_exit 1 bayraq batch "$f" -j 1 -o "out-$f/"
		sed 's/^[^:]*:\([0-9]*\): /\1 /; s|out-[^/]*/||g' stdout | sort >got.txt
		cmp ref.txt got.txt || die "$f: $(diff ref.txt got.txt)"
		[ "$(ls "out-$f")" = "$(ls ref)" ] || die "$f wrote other files: $(ls "out-$f")"
		for x in ref/*; do
			same_output "$x" "out-$f/${x#ref/}" || die "$f: ${x#ref/} differs"
		done
	done
	# Quoted separators, quotes and line breaks come out as typed.
	has_text ref/liberate-crimea-en-washington-d-c-letter.pdf "Washington, D.C."
	has_text ref/liberate-crimea-crh-koln-innenstadt-A5.pdf "Köln; Innenstadt"
	has_text ref/liberate-crimea-fr-saint-denis-nord-A5.pdf 'Saint-Denis, "Nord"'
	# The columns left empty take the defaults; a name names the file.
	[ -f ref/odesa-march.pdf ] && [ -f ref/jerusalem.pdf ] && [ -f ref/osaka.png ]
	pdfinfo ref/jerusalem.pdf | grep -q 'PDF subtype: *PDF/X-4'
	"$ROOT/$TOOLS/pnginfo" ref/liberate-crimea-en-oslo-200x200px.png | grep -q '^200 200 '
}

# Excel's legacy "CSV" is Windows-1252: refused, saying how to save UTF-8.
test_batch_not_utf8() {
	cp "$ROOT/tests/data/campaign/excel-legacy-cp1252.csv" legacy.csv
	expect_exit 2 bayraq batch legacy.csv -o out/
	one_error "legacy.csv:[0-9]*: not UTF-8 text; save it again as \"CSV UTF-8\" (Excel) or with character set \"Unicode (UTF-8)\" (LibreOffice)"
	[ ! -e out ]
	printf 'lang,city,country,size,format\nen,Caf\351,FR,A5,pdf\n' >latin1.csv
	expect_exit 2 bayraq batch latin1.csv -o out/
	one_error "latin1.csv:2: not UTF-8"
	[ ! -e out ]
	# UTF-16 without its byte order mark.
	printf 'lang,city,country,size,format\nen,Oslo,NO,A5,pdf\n' | iconv -t UTF-16LE >u16.csv
	expect_exit 2 bayraq batch u16.csv -o out/
	one_error "u16.csv:1: not UTF-8 text (UTF-16 without a byte order mark?); save it again as \"CSV UTF-8\""
	[ ! -e out ]
}

# Every design and every language, in each dialect a spreadsheet writes
# (one thread, as above).
test_batch_every_language_every_dialect() {
	echo 'design,lang,city,country,size,format' >all.csv
	for design in $(bayraq list designs | cut -d: -f1); do
		for lang in $(bayraq list languages | awk '{ print $1 }' | sampled); do
			echo "$design,$lang,\"Saint-Denis, \"\"Nord\"\"\",FR,A5,pdf,$lang-$design" >>all.csv
		done
	done
	sed -i '1s/$/,name/' all.csv
	rows=$(($(wc -l <all.csv) - 1))
	bayraq batch all.csv -j 1 -o comma/ >comma.txt
	[ "$(grep -c ': done ' comma.txt)" = "$rows" ]
	# Semicolons (the quoted comma stays), with a byte order mark and CRLF.
	{ printf '\357\273\277'; sed 's/,\([^ ]\)/;\1/g; s/$/\r/' all.csv; } >semi.csv
	# Tabs, in UTF-16 as Excel's "Unicode text".
	sed 's/,\([^ ]\)/\t\1/g; s/$/\r/' all.csv | iconv -f UTF-8 -t UTF-16 >tab.txt
	for f in semi.csv tab.txt; do
		bayraq batch "$f" -j 1 -o "out-$f/" >"$f.txt"
		[ "$(grep -c ': done ' "$f.txt")" = "$rows" ] || die "$f: $(cat "$f.txt")"
		for x in comma/*.pdf; do
			cmp "$x" "out-$f/${x#comma/}" || die "$f: ${x#comma/} differs"
		done
	done
}

# Headers as people type them: any case, spaces, hyphens or underscores, a
# byte order mark; an unknown one gets the nearest name.
test_batch_headers() {
	printf '\357\273\277 LANG ;City;COUNTRY;Size;Format;Tile_Sheet;DPI\n' >h.csv
	printf 'de;Berlin;DE;A5;pdf;A4;\n' >>h.csv
	bayraq batch h.csv -o out/ >stdout
	grep -q '^h.csv:2: done out/liberate-crimea-de-berlin-A5.pdf out/liberate-crimea-de-berlin-A5-tiles-A4.pdf$' stdout
	printf 'lang,city,contry,size,format\nen,Oslo,NO,A5,pdf\n' >typo.csv
	expect_exit 2 bayraq batch typo.csv -o out2/
	one_error "typo.csv:1: unknown column 'contry' (did you mean 'country'? the columns are design, lang, city"
	# Separated by ';' but --separator says ',': say so.
	expect_exit 2 bayraq batch h.csv --separator comma -o out2/
	one_error "h.csv:1: the header is one column .*: the file is separated by ';'; leave out --separator"
	expect_exit 2 bayraq batch h.csv --separator pipe -o out2/
	one_error "unknown separator 'pipe' (expected comma, semicolon or tab)"
	[ ! -e out2 ]
	# A forced separator: the commas in this header are part of its names.
	printf 'lang\tcity\tcountry\tsize\tformat\nen\tOslo, Norway\tNO\tA5\tpdf\n' >t.csv
	bayraq batch t.csv --separator tab -o out3/ >stdout
	grep -q '^t.csv:2: done out3/liberate-crimea-en-oslo-norway-A5.pdf$' stdout
}

# A bad value fails its row, naming the line and the column.
test_batch_column_errors() {
	cat >c.csv <<'CSV'
lang,city,country,size,format,design,name,print,dpi,orientation,tile-sheet
en,,NO,A5,pdf,,,,,,
en,Oslo,NO,A5,pdf,no-such-design,,,,,
xx,Oslo,NO,A5,pdf,,,,,,
en,Oslo,NO,A5,pdf,,,maybe,,,
en,Oslo,NO,A5,pdf,,★☆★,,,,
en,Oslo,NO,A5,pdf,,,,,sideways,
en,Oslo,NO,A5,pdf,,,,,,Z9
en,Oslo,NO,A5,pdf,,,,5000,,
en,Bergen,NO,A5,pdf,,Bergen Sentrum!,,,,
en,Trondheim,NO,A5,pdf,,bergen-sentrum,,,,
en,Oslo,NO,A5,pdf,,Oslo,,,,
CSV
	expect_exit 1 bayraq batch c.csv -o out/
	grep -q "^c.csv:2: failed: column 'city': empty; every row needs one$" stdout
	grep -q "^c.csv:3: failed: column 'design': unknown design 'no-such-design'" stdout
	grep -q "^c.csv:4: failed: column 'lang': unknown language 'xx'" stdout
	grep -q "^c.csv:5: failed: column 'print': 'maybe' is neither yes nor no (empty is no)$" stdout
	grep -q "^c.csv:6: failed: column 'name': '★☆★' has no letter or digit a file name can use" stdout
	grep -q "^c.csv:7: failed: column 'orientation': " stdout
	grep -q "^c.csv:8: failed: column 'tile-sheet': unknown sheet size 'Z9'" stdout
	grep -q "^c.csv:9: failed: column 'dpi': '5000' is not a number from 10 to 2400$" stdout
	# Names are slugged, then checked for clashes like any other.
	grep -q "^c.csv:10: failed: would write 'out/bergen-sentrum.pdf', as line 11 does$" stdout
	grep -q "^c.csv:11: failed: would write 'out/bergen-sentrum.pdf', as line 10 does$" stdout
	grep -q "^c.csv:12: done out/oslo.pdf$" stdout
	grep -q "^bayraq: 11 rows: 1 done, 0 up to date, 10 failed (lines 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)$" stderr
	[ "$(ls out)" = oslo.pdf ]
}

# status LINE: what the last run said of the row on that line.
row_status() {
	sed -n "s/^[^:]*:$1: \(done\|up to date\|failed\).*/\1/p" stdout
}

# Only the rows whose lines are given were rendered; the others were kept.
only_rendered() {
	for line in 2 3 4 5 6 7 8; do
		case " $* " in
		*" $line "*) want=done ;;
		*) want="up to date" ;;
		esac
		[ "$(row_status $line)" = "$want" ] || die "line $line: $(row_status $line), expected $want: $(cat stdout)"
	done
}

# Changing any option of one row re-renders exactly that row, and the file
# shows the change; nothing else is touched.
test_batch_never_stale() {
	mkdir -p data
	cp -r "$ROOT/designs" "$ROOT/locales" data/
	ln -s "$ROOT/fonts" data/fonts
	export BAYRAQ_DATADIR="$PWD/data"
	cat >s.csv <<'CSV'
lang,city,country,size,format,dpi,print,orientation,name
de,Berlin,DE,A5,png,30,,,
en,Oslo,NO,A5,pdf,,no,,
uk,Kyiv,PL,A5,pdf,,,,
fr,Paris,FR,A5,pdf,,,,
pl,Warszawa,PL,A5,pdf,,,,
lt,Vilnius,LT,A5,pdf,,,,
en,Bergen,NO,A5,pdf,,,,
CSV
	bayraq batch s.csv -o out/ >stdout
	only_rendered 2 3 4 5 6 7 8
	bayraq batch s.csv -o out/ >stdout
	only_rendered
	# The same folder, however it is written.
	bayraq batch s.csv -o ./out >stdout
	only_rendered
	sed -i '2s/,30,/,40,/' s.csv
	bayraq batch s.csv -o out/ >stdout
	only_rendered 2
	"$ROOT/$TOOLS/pnginfo" out/liberate-crimea-de-berlin-A5.png | grep -q '^233 331 40$'
	sed -i '3s/,no,/,yes,/' s.csv
	bayraq batch s.csv -o out/ >stdout
	only_rendered 3
	pdfinfo out/liberate-crimea-en-oslo-A5.pdf | grep -q 'PDF subtype: *PDF/X-4'
	sed -i '4s/,,,,$/,,,landscape,/' s.csv
	bayraq batch s.csv -o out/ >stdout
	only_rendered 4
	page_size out/liberate-crimea-uk-kyiv-A5-landscape.pdf 595.3 419.5
	# Another city that gives the same file name.
	sed -i '5s/Paris/PARIS!/' s.csv
	bayraq batch s.csv -o out/ >stdout
	only_rendered 5
	has_text out/liberate-crimea-fr-paris-A5.pdf 'PARIS!'
	sed -i '6s/,pdf,/,"pdf,png",/' s.csv
	bayraq batch s.csv -o out/ >stdout
	only_rendered 6
	[ -f out/liberate-crimea-pl-warszawa-A5.png ]
	sed -i '7s/,,,,$/,,,,vilnius/' s.csv
	bayraq batch s.csv -o out/ >stdout
	only_rendered 7
	[ -f out/vilnius.pdf ]
	# The host country, with the same file name: another flag.
	sed -i '8s/,NO,/,no,/' s.csv
	bayraq batch s.csv -o out/ >stdout
	only_rendered 8
	# A file changed by hand, or gone, is made again.
	echo >>out/liberate-crimea-en-bergen-A5.pdf
	rm out/vilnius.pdf
	bayraq batch s.csv -o out/ >stdout
	only_rendered 7 8
	qpdf --check out/liberate-crimea-en-bergen-A5.pdf >/dev/null
	# A translation changed: that language's rows, and only they.
	sed -i 's/^"Language-Team: .*"$/"Language-Team: Polski\\n"/' data/locales/pl.po
	awk '/^msgctxt "city"/ { c = 1 } c && /^msgstr/ { sub(/"$/, " !\""); c = 0 } 1' \
		"$ROOT/locales/pl.po" >data/locales/pl.po
	bayraq batch s.csv -o out/ >stdout
	only_rendered 6
	# A design file changed: every row.
	for f in data/designs/*/*.svg; do echo '<!-- -->' >>"$f"; done
	bayraq batch s.csv -o out/ >stdout
	only_rendered 2 3 4 5 6 7 8
	# --force renders all; the record has no temporary files beside it.
	bayraq batch s.csv -o out/ --force >stdout
	only_rendered 2 3 4 5 6 7 8
	[ "$(ls -A out | grep '^\.')" = .bayraq-manifest.json ]
	jq -e '.files | length == 10' out/.bayraq-manifest.json >/dev/null
}

# A record that cannot be read is no record: everything renders again. One
# that cannot be written is an error after the files are made.
test_batch_manifest_errors() {
	printf 'lang,city,country,size,format\nen,Oslo,NO,A5,pdf\n' >m.csv
	bayraq batch m.csv -o out/ >stdout
	echo 'not json {' >out/.bayraq-manifest.json
	bayraq batch m.csv -o out/ >stdout
	grep -q '^m.csv:2: done ' stdout
	jq -e '.files["liberate-crimea-en-oslo-A5.pdf"].fingerprint' out/.bayraq-manifest.json >/dev/null
	rm out/.bayraq-manifest.json
	mkdir out/.bayraq-manifest.json
	expect_exit 1 bayraq batch m.csv -o out/
	grep -q "^bayraq: cannot record what was made in 'out/.bayraq-manifest.json': " stderr
	grep -q '^m.csv:2: done ' stdout
	[ "$(ls -A out)" = "$(printf '.bayraq-manifest.json\nliberate-crimea-en-oslo-A5.pdf')" ]
	# Files made by 'bayraq render' are not known to be from this row.
	rm -r out/.bayraq-manifest.json
	bayraq render --city Oslo --country NO --size A5 -f pdf -o out/ >/dev/null
	bayraq batch m.csv -o out/ >stdout
	grep -q '^m.csv:2: done ' stdout
}

# --report: a CSV for the coordinator to send back, in the input's dialect.
test_batch_report_file() {
	campaign
	expect_exit 1 bayraq batch campaign.csv -j 2 -o out/ --report report.csv
	[ "$(wc -l <report.csv)" = 12 ]
	head -1 report.csv | grep -q '^"line","city","status","files","reason"'
	grep -q '^"3","Washington, D.C.","done","out/liberate-crimea-en-washington-d-c-letter.pdf",""' report.csv
	grep -q "^\"5\",\"თბილისი\",\"failed\",\"\",\"column 'country': unknown country 'XX'" report.csv
	grep -q '^"4","Kyiv ""Heroes"" square","done",' report.csv
	bayraq batch campaign.csv -j 2 -o out/ --report report.csv >/dev/null 2>&1 || true
	grep -q '^"12","Vilnius","up to date","out/liberate-crimea-lt-vilnius-A2.pdf out/liberate-crimea-lt-vilnius-A2-tiles-A4.pdf",""' report.csv
	# Excel in Europe: semicolons and a byte order mark come back the same.
	printf '\357\273\277lang;city;country;size;format\r\nen;Oslo;NO;A5;pdf\r\n' >semi.csv
	bayraq batch semi.csv -o out2/ --report semi-report.csv >/dev/null
	[ "$(head -c 3 semi-report.csv | od -An -tx1 | tr -d ' ')" = efbbbf ]
	grep -q '^"2";"Oslo";"done";"out2/liberate-crimea-en-oslo-A5.pdf";""' semi-report.csv
	# A folder is refused before anything renders; a report that cannot be
	# written fails, and leaves nothing.
	expect_exit 2 bayraq batch semi.csv -o out3/ --report out2
	one_error "--report 'out2' is a folder: name a file, such as report.csv"
	[ ! -e out3 ]
	expect_exit 1 bayraq batch semi.csv -o out3/ --report semi.csv/report.csv
	grep -q "^bayraq: cannot write the report 'semi.csv/report.csv': Not a directory$" stderr
	[ -f out3/liberate-crimea-en-oslo-A5.pdf ]
	[ "$(ls -A | grep -c report)" = 2 ]
}

# Progress: lines with --progress off a terminal; on one, a bar that fits
# the width (TIOCGWINSZ, else COLUMNS) and shows percent, rows, failures.
test_batch_progress() {
	printf 'lang,city,country,size,format\nen,Oslo,NO,A5,pdf\nen,Bergen,NO,A5,pdf\nxx,Bergen,NO,A5,pdf\n' >p.csv
	bayraq batch p.csv -j 1 -o out/ --progress >/dev/null 2>err.txt || true
	grep -q '^bayraq: 100% (3/3 rows), 1 failed, [0-9.]* s$' err.txt || die "$(cat err.txt)"
	command -v script >/dev/null 2>&1 || return 0
	for width in 30 40 100; do
		COLUMNS=$width script -qec "'$ROOT/$BAYRAQ' batch p.csv -j 1 --force -o out/ >/dev/null" \
			/dev/null </dev/null >tty.txt || true
		grep -aq '100% (3/3 rows), 1 failed, ETA' tty.txt || [ "$width" -lt 40 ] || die "no bar: $(cat -v tty.txt)"
		tr '\r' '\n' <tty.txt | sed 's/\x1b\[K//g' | grep -v '^bayraq: ' >bars.txt
		awk -v w="$width" 'length($0) > w { exit 1 }' bars.txt ||
			die "a bar wider than $width columns: $(cat -v bars.txt)"
	done
}
