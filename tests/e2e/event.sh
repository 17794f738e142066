# event.sh - what the organizer chooses: --slogan, --event, --logo, and
# their batch columns.

LOGOS="$ROOT/tests/data/logo"

# The designs with a slot marked NAME (slogan, event): one per line.
designs_with() {
	for dir in "$ROOT"/designs/[!_.]*/; do
		if grep -q "bayraq:text=\"$1\"" "$dir"*.svg; then
			basename "$dir"
		fi
	done
}

# A size whose ratio picks a variant of DESIGN with a slot marked ATTR=VALUE:
# that variant's viewBox, 600 px on its long side.
size_for() {
	svg=$(grep -l "$2" "$ROOT/designs/$1/"*.svg | head -n 1)
	sed -n 's/.*viewBox="\([^"]*\)".*/\1/p' "$svg" | head -n 1 |
		awk '{ m = $3 > $4 ? $3 : $4; printf "%dx%dpx", $3 * 600 / m + 0.5, $4 * 600 / m + 0.5 }'
}

# has_message FILE.pdf TEXT: as has_text; pdftotext gives an Arabic lam-alef
# ligature as alef then lam, so that order is accepted too.
has_message() {
	if has_text "$1" "$2" 2>/dev/null; then
		return 0
	fi
	has_text "$1" "$(printf '%s' "$2" | sed 's/ل\([أإآا]\)/\1ل/g')"
}

# Every slogan in every language, on every design that has a slogan slot:
# the PDF says the chosen message, as translated. One batch renders them.
test_slogan_every_language() {
	slogans="day prisoners indigenous persecution flags"
	for name in $(designs_with slogan); do
		size=$(size_for "$name" 'bayraq:text="slogan"')
		echo "design,lang,city,country,size,format,slogan,name" >all.csv
		for po in $(finished_po | sampled); do
			lang=$(basename "$po" .po)
			for s in $slogans; do
				echo "$name,$lang,Berlin,DE,$size,pdf,$s,$lang-$s" >>all.csv
			done
		done
		# Two workers over every language: cairo 1.16's face cache once
		# crashed here, one run in fifteen, before fonts.c kept the faces.
		bayraq batch all.csv -j 2 -o "out-$name" >log.txt 2>&1 ||
			die "$name: $(grep failed log.txt | head -n 5)$(tail -n 1 log.txt)"
		for po in $(finished_po | sampled); do
			lang=$(basename "$po" .po)
			for s in $slogans; do
				has_message "out-$name/$lang-$s.pdf" "$(msgstr_of "$lang" "$s")"
			done
		done
	done
	# The default is day; the option says the same as the column.
	name=$(designs_with slogan | head -n 1)
	size=$(size_for "$name" 'bayraq:text="slogan"')
	bayraq render --design "$name" --city Berlin --country DE --size "$size" -f pdf -o day.pdf >/dev/null
	has_text day.pdf "$(msgstr_of en day)"
	bayraq render --design "$name" --lang uk --slogan indigenous --city Київ --country PL \
		--size "$size" -f pdf -o uk.pdf >/dev/null
	has_text uk.pdf "$(msgstr_of uk indigenous)"
}

test_slogan_unknown() {
	mkdir out
	expect_exit 2 bayraq render --slogan freedom --city Berlin --country DE -o out/
	one_error "unknown --slogan 'freedom' (expected day, prisoners, indigenous, persecution or flags)"
	no_files out
}

# The event as typed, in a left-to-right and a right-to-left language, in
# Latin and Arabic letters; none given, nothing printed in its place.
test_event_ltr_rtl() {
	name=$(designs_with event | head -n 1)
	[ -n "$name" ] || die "no design has an event slot"
	size=$(size_for "$name" 'bayraq:text="event"')
	ev='Sat 22 Feb, 14:00, Brandenburger Tor <b>&amp;'
	bayraq render --design "$name" --lang de --event "$ev" --city Berlin --country DE \
		--size "$size" -f pdf -o de.pdf >/dev/null
	has_text de.pdf "$ev"
	bayraq render --design "$name" --lang ar --event "$ev" --city Berlin --country DE \
		--size "$size" -f pdf -o ar.pdf >/dev/null
	has_text ar.pdf "$ev"
	has_text ar.pdf "$(msgstr_of ar headline)"
	bayraq render --design "$name" --lang ar --event 'السبت 22 فبراير، 14:00' --city عمان \
		--country JO --size "$size" -f pdf -o ar2.pdf >/dev/null
	has_text ar2.pdf '14:00'
	bayraq layout --design "$name" --lang de --city Berlin --country DE --size "$size" >none.txt
	! grep -q "^text [^ ]*event" none.txt || die "an empty event slot was placed: $(cat none.txt)"
	bayraq layout --design "$name" --lang de --event "$ev" --city Berlin --country DE \
		--size "$size" >with.txt
	grep -q "^text [^ ]*event .*Brandenburger Tor" with.txt || die "$(cat with.txt)"
	# Checked where it is typed, as the city is.
	mkdir out
	expect_exit 2 bayraq render --event "$(printf 'Sat\t14:00')" --city Berlin --country DE -o out/
	one_error "^bayraq: --event holds a control character"
	expect_exit 2 bayraq render --event "$(printf '%0201d' 0)" --city Berlin --country DE -o out/
	one_error "^bayraq: --event is longer than 200 bytes"
	no_files out
}

# LAYOUT's logo box in pixels at DPI: "x y w h".
logo_px() {
	awk -v k="$2" '$1 == "logo" { printf "%d %d %d %d\n", $9 * k / 72, $10 * k / 72, $11 * k / 72, $12 * k / 72; exit }' "$1"
}

# A good SVG and PNG: the logo's green fills the middle of its slot, kept
# 2:1 (the slot's own area beside it stays the background); no logo, no
# green.
test_logo_good() {
	name=$(grep -l 'bayraq:logo="yes"' "$ROOT"/designs/*/*.svg | head -n 1 | xargs dirname | xargs basename)
	size=$(size_for "$name" 'bayraq:logo="yes"')
	for logo in good.svg good.png; do
		bayraq layout --design "$name" --logo "$LOGOS/$logo" --city Berlin --country DE \
			--size "$size" >layout.txt
		box=$(logo_px layout.txt 96)
		[ -n "$box" ] || die "no logo placed: $(cat layout.txt)"
		# Fitted without distortion: 2:1, to a pixel.
		echo "$box" | awk '{ d = $3 - 2 * $4; exit !(d < 4 && d > -4) }' || die "logo box $box is not 2:1"
		bayraq render --design "$name" --logo "$LOGOS/$logo" --city Berlin --country DE \
			--size "$size" -f png -o "$logo.png" >/dev/null
		set -- $box
		colour_at "$logo.png" $(($1 + $3 / 2)) $(($2 + $4 / 2)) 12AB34
		colour_at "$logo.png" $(($1 + 3)) $(($2 + 3)) 12AB34 12
		colour_at "$logo.png" $(($1 + $3 - 4)) $(($2 + $4 - 4)) 12AB34 12
	done
	bayraq render --design "$name" --city Berlin --country DE --size "$size" -f png -o none.png >/dev/null
	not_colour_at none.png $(($1 + $3 / 2)) $(($2 + $4 / 2)) 12AB34
}

# Each bad logo: exit 2, one line saying what to do, nothing written.
test_logo_bad() {
	mkdir out
	for case in "missing.svg:cannot read --logo" \
		"not-a-logo.txt:is not a readable SVG or PNG file" \
		"broken.png:is not a readable SVG or PNG file" \
		"remote.svg:refers to 'https://example.org/logo.png', outside the file" \
		"beside.svg:outside the file, which bayraq never fetches or reads" \
		"no-size.svg:has no size; give its root <svg> a viewBox" \
		"small.png:the logo's 40 pixels across make [0-9]* ppi on A3"; do
		file=${case%%:*}
		expect_exit 2 bayraq render --logo "$LOGOS/$file" --city Berlin --country DE \
			--size A3 -o out/
		one_error "${case#*:}"
		no_files out
	done
	# A folder, and the good PNG on a poster too large for its pixels.
	expect_exit 2 bayraq render --logo "$LOGOS" --city Berlin --country DE -o out/
	one_error "is not a file of at most"
	expect_exit 2 bayraq render --logo "$LOGOS/good.png" --city Berlin --country DE --size A0 -o out/
	one_error "the logo's 600 pixels across make [0-9]* ppi on A0 .*give one at least [0-9]* pixels wide, or an SVG"
	no_files out
}

# The three as CSV columns: a logo path from the CSV's folder; a bad
# slogan fails its row, naming the column.
test_batch_slogan_event_logo() {
	mkdir sheet
	cp "$LOGOS/good.svg" sheet/group.svg
	cat >sheet/rows.csv <<'CSV'
lang,city,country,size,format,slogan,event,logo,name
en,Berlin,DE,A4,pdf,prisoners,"Sat 22 Feb, 14:00, Brandenburger Tor",group.svg,berlin
ar,Berlin,DE,A4,pdf,flags,"Sat 22 Feb, 14:00",,berlin-ar
uk,Київ,PL,A4,pdf,freedom,,,kyiv
en,Paris,FR,A4,pdf,,,missing.png,paris
CSV
	expect_exit 1 bayraq batch sheet/rows.csv -o out/
	has_text out/berlin.pdf "$(msgstr_of en prisoners)"
	has_text out/berlin.pdf "Sat 22 Feb, 14:00, Brandenburger Tor"
	has_text out/berlin-ar.pdf "$(msgstr_of ar flags)"
	has_text out/berlin-ar.pdf "Sat 22 Feb, 14:00"
	grep -q "rows.csv:4: column 'slogan': unknown slogan 'freedom' (expected day, prisoners" stderr || die "$(cat stderr)"
	grep -q "rows.csv:5: .*cannot read the logo '.*sheet/missing.png'" stderr || die "$(cat stderr)"
	[ ! -e out/kyiv.pdf ] && [ ! -e out/paris.pdf ]
	# The logo is drawn: the PDF has an image or more paths than without.
	bayraq render --city Berlin --country DE --size A4 --slogan prisoners \
		--event "Sat 22 Feb, 14:00, Brandenburger Tor" -f pdf -o plain.pdf >/dev/null
	[ "$(wc -c <out/berlin.pdf)" != "$(wc -c <plain.pdf)" ] || die "the logo column changed nothing"
}

# The designs whose every variant says it is a hand-held sign (its title).
sign_designs() {
	for dir in "$ROOT"/designs/[!_.]*/; do
		if ! grep -L '<title>[^<]*hand-held sign' "$dir"*.svg | grep -q .; then
			basename "$dir"
		fi
	done
}

# A sign is read from 10 m: in every language, the headline's first line
# (its ink: capitals where the script has them) is at least 25 mm high on
# A3 and 40 mm on a 18x24 in placard, or the design's min-size floor at
# least is that where a script sets it smaller (Arabic, Japanese).
test_sign_legible() {
	names=$(sign_designs)
	[ -n "$names" ] || die "no design is a hand-held sign"
	for name in $names; do
		for size in A3:25 18x24in:35; do
			bayraq layout --design "$name" --city Berlin --country DE --size "${size%:*}" >en.txt
			awk -v min="${size#*:}" '$1 == "line" && $2 == "text-headline" && $3 == 1 {
				mm = $8 * 25.4 / 72; if (mm < min) { print mm; exit 1 } }' en.txt ||
				die "$name on ${size%:*}: the headline's capitals are under ${size#*:} mm"
		done
	done
}

# A design whose flags are all grey is for photocopiers: every pixel of
# every variant, in each language in turn, is a grey (no colour), and
# each flag carries its name under it where the design has a name slot.
test_sign_one_colour() {
	found=0
	langs=$(finished_po | wc -l)
	i=0
	for dir in "$ROOT"/designs/[!_.]*/; do
		flags=$(cat "$dir"*.svg | grep -c 'bayraq:flag=')
		[ "$flags" -gt 0 ] && [ "$flags" = "$(cat "$dir"*.svg | grep -c 'bayraq:tone="grey"')" ] || continue
		name=$(basename "$dir")
		found=1
		for svg in "$dir"*.svg; do
			i=$((i + 1))
			lang=$(finished_po | sed -n "$(( (i - 1) % langs + 1 ))p" | xargs basename | sed 's/\.po$//')
			size=$(sed -n 's/.*viewBox="\([^"]*\)".*/\1/p' "$svg" | head -n 1 |
				awk '{ m = $3 > $4 ? $3 : $4; printf "%dx%dpx", $3 * 200 / m + 0.5, $4 * 200 / m + 0.5 }')
			bayraq render --design "$name" --lang "$lang" --city Lviv --country CH --size "$size" \
				-f pdf -o "$name-$lang.pdf" >/dev/null
			pdftoppm -r 30 "$name-$lang.pdf" page
			# The pixels after the header's three lines; the largest channel spread.
			spread=$(tail -c +$(($(head -n 3 page-1.ppm | wc -c) + 1)) page-1.ppm | od -An -v -tu1 -w3 |
				awk '{ d = $1 - $2; if (d < 0) d = -d; e = $2 - $3; if (e < 0) e = -e;
					if (d > m) m = d; if (e > m) m = e } END { print m + 0 }')
			[ "$spread" -le 4 ] || die "$name $(basename "$svg") in $lang has colour (spread $spread)"
			rm -f page-*.ppm
			# Ukraine's label is its name, not its code.
			if grep -q 'bayraq:text="name-ua"' "$svg"; then
				bayraq layout --design "$name" --lang "$lang" --city Lviv --country CH --size "$size" >l.txt
				awk '$1 == "text" && $2 == "text-name-ua" { $1 = $2 = ""; for (i = 3; i <= 16; i++) $i = ""; print }' l.txt >ua.txt
				grep -q '[^ ]' ua.txt && ! grep -qiw 'ua' ua.txt || die "Ukraine's label in $lang: '$(cat ua.txt)'"
			fi
			if grep -q 'bayraq:text="name-host"' "$svg"; then
				bayraq layout --design "$name" --lang "$lang" --city Lviv --country CH --size "$size" >l.txt
				grep -q '^text text-name-host' l.txt || die "no name under the host flag: $(cat l.txt)"
				bayraq layout --design "$name" --lang "$lang" --city Lviv --country UA --size "$size" >l.txt
				! grep -q '^text text-name-host' l.txt || die "a name under no host flag"
				# Nepal's pennant: no box drawn round it (paper at the
				# top right of its box), and its name right under it.
				big=$(echo "$size" | awk -F'[x p]' '{ print $1 * 4 "x" $2 * 4 "px" }')
				bayraq render --design "$name" --lang "$lang" --city Pokhara --country NP --size "$big" \
					-f png -o np.png >/dev/null
				bayraq layout --design "$name" --lang "$lang" --city Pokhara --country NP --size "$big" >l.txt
				set -- $(flag_box l.txt NP)
				colour_at np.png "$(echo "$1 $3" | awk '{ print int(($1 + $2 * 0.95) / 0.75) }')" \
					"$(echo "$2 $4" | awk "{ print int((\$1 + \$2 * 0.01) / 0.75) }")" FFFFFF 8
				awk -v x="$1" -v w="$3" -v b="$(echo "$2 $4" | awk "{ print \$1 + \$2 }")" '$1 == "text" && $2 == "text-name-host" {
					c = $13 + $15 / 2 - x - w / 2; if (c < 0) c = -c
					if (c > w * 0.02 || $14 < b || $14 > b + w) { print; exit 1 } }' l.txt >bad.txt ||
					die "the host's name is not under its flag: $(cat bad.txt)"
			fi
		done
	done
	[ "$found" = 1 ] || die "no design is in one colour"
	# And the colour sign is not grey: the test sees colour.
	for name in $(sign_designs); do
		grep -q 'bayraq:tone="grey"' "$ROOT/designs/$name/"*.svg || break
	done
	bayraq render --design "$name" --city Lviv --country CH --size A5 -f pdf -o colour.pdf >/dev/null
	pdftoppm -r 30 colour.pdf page
	spread=$(tail -c +$(($(head -n 3 page-1.ppm | wc -c) + 1)) page-1.ppm | od -An -v -tu1 -w3 |
		awk '{ d = $1 - $3; if (d < 0) d = -d; if (d > m) m = d } END { print m + 0 }')
	[ "$spread" -gt 100 ] || die "the colour sign has no colour"
}
