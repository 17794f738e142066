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
	grep -qx "bayraq: campaign.csv:5: unknown country 'XX' .*" stderr || grep -q "campaign.csv:5: unknown country 'XX'" stderr
	grep -q "campaign.csv:6: unknown size 'B7'" stderr
	grep -q "campaign.csv:7: would write 'out/liberate-crimea-fr-paris-A4.pdf', as line 8 does" stderr
	grep -q "campaign.csv:8: would write 'out/liberate-crimea-fr-paris-A4.pdf', as line 7 does" stderr
	grep -q "^bayraq: 10 rows: 5 done, 0 up to date, 5 failed (lines 5, 6, 7, 8, 10)$" stderr || die "$(tail -1 stderr)"
	# Quoted fields come out exactly; one line per row on stdout.
	[ "$(wc -l <stdout)" = 10 ]
	grep -q '^campaign.csv:3: done out/liberate-crimea-en-washington-d-c-letter.pdf$' stdout
	has_text out/liberate-crimea-en-washington-d-c-letter.pdf "Washington, D.C. stands with Crimea"
	"$ROOT/$TOOLS/pnginfo" out/liberate-crimea-uk-kyiv-heroes-square-A4.png | grep -qx '331 468 40'
	pdfinfo out/liberate-crimea-de-berlin-A3.pdf | grep -q 'PDF subtype: *PDF/X-4'
	[ -f out/liberate-crimea-ja-jp-square-1080.png ]
	# A field with a line break is one row, reported on the line it starts;
	# a city with a line break in it is refused, like a typed one.
	grep -q '^campaign.csv:10: failed$' stdout
	grep -q "campaign.csv:10: --city holds a control character" stderr
	# tile-sheet adds the home printer's sheets.
	grep -q '^campaign.csv:12: done out/liberate-crimea-lt-vilnius-A2.pdf out/liberate-crimea-lt-vilnius-A2-tiles-A4.pdf$' stdout
	pdftotext -f 1 -l 1 out/liberate-crimea-lt-vilnius-A2-tiles-A4.pdf - | grep -q 'Kaip sudėti plakatą'
	# The failed rows wrote nothing, nor did the duplicates.
	[ ! -f out/liberate-crimea-fr-paris-A4.pdf ]
	[ "$(ls -A out | grep -c '^\.')" = 0 ]
}

test_batch_same_for_j1_and_j2() {
	campaign
	expect_exit 1 bayraq batch campaign.csv -j 1 -o one/
	expect_exit 1 bayraq batch campaign.csv -j 2 -o two/
	[ "$(ls one)" = "$(ls two)" ]
	# PNGs by their pixels: isa-l's default deflate is not always
	# repeatable byte for byte (docs/performance.md).
	for f in one/*; do
		case $f in
		*.png) "$ROOT/$TOOLS/pngcmp" "$f" "two/${f#one/}" diff.png 0 0 >/dev/null ;;
		*) cmp "$f" "two/${f#one/}" ;;
		esac || die "$f differs between -j 1 and -j 2"
	done
	[ "$(ls one | wc -l)" = 7 ]
}

test_batch_contact_sheet() {
	campaign
	expect_exit 1 bayraq batch campaign.csv -o out/ --contact-sheet out/proof.pdf
	pdfinfo out/proof.pdf | grep -q 'Pages: *1'
	pdftotext out/proof.pdf proof.txt
	grep -q '2: de · Berlin · DE · A3' proof.txt
	grep -q "5: FAILED: unknown country 'XX'" proof.txt
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
	"$ROOT/$BAYRAQ" batch many.csv -j 2 -o out/ >first.txt 2>&1 &
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
	[ "$(ls -A out | grep -c '^\.')" = 0 ] || die "temporary files left: $(ls -A out)"
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
	one_error "bad.csv:1: unknown column 'town' (expected design, lang, city"
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
	(umask 022 && bayraq batch many.csv -j 4 -o out/ >/dev/null 2>&1)
	[ "$(stat -c %a out/* | sort -u)" = 644 ] || die "modes: $(stat -c '%a %n' out/*)"
	(umask 077 && bayraq batch many.csv -j 4 --force -o out2/ >/dev/null 2>&1)
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
