# languages.sh - the translators' workflow: the template, an unfinished
# language, and the tags organizers type.

# A data folder with our designs and fonts, and a copy of our locales.
data_with_our_locales() {
	mkdir -p data
	ln -s "$ROOT/designs" data/designs
	ln -s "$ROOT/fonts" data/fonts
	cp -r "$ROOT/locales" data/locales
}

# bayraq pot makes the template: every key of en.po, where each design
# shows it, nothing lost; make po merges it and changes no text.
test_pot_from_designs() {
	bayraq pot new.pot
	msgfmt -c -o /dev/null new.pot
	grep '^msgctxt' "$ROOT/locales/en.po" >want.txt
	grep '^msgctxt' new.pot >got.txt
	cmp want.txt got.txt || die "keys differ: $(diff want.txt got.txt)"
	# Each text slot of each variant has its reference, with its line;
	# a slogan slot on each slogan; the event is typed and a flag's name
	# comes from ICU, in no catalog.
	for svg in "$ROOT"/designs/*/*.svg; do
		rel=${svg#"$ROOT"/}
		grep -n 'bayraq:text=' "$svg" | grep -v -e 'bayraq:text="event"' -e 'bayraq:text="name-' | while IFS=: read -r line rest; do
			grep -qE "^#:(.* )? ?$rel:$line( |\$)" new.pot || die "no reference $rel:$line"
		done
	done
	grep -q '^#\. slot text-headline in liberate-crimea/.* about [0-9]* characters a line' new.pot
	# The checked-in template is what bayraq pot makes (make pot was run).
	msgcat --no-wrap new.pot | cmp - "$ROOT/locales/bayraq.pot" ||
		die "locales/bayraq.pot is not up to date: run make pot po"
	# A key a design names that en.po has not: the SVG's file and line.
	data_with_our_locales
	sed -i '/^msgctxt "hashtag"/,/^$/d' data/locales/en.po
	expect_exit 1 env BAYRAQ_DATADIR=data "$ROOT/$BAYRAQ" pot out.pot
	one_error "designs/[a-z0-9-]*/[a-z0-9-]*\.svg:[0-9]*: slot 'text-hashtag' names key 'hashtag', which locales/en.po has not: add it there first"
	[ ! -e out.pot ]
}

# A language fresh from msginit is listed only with --all, with what a
# translator does first; an organizer who asks for it reads a plain
# sentence at every size; it is listed once translated.
test_unfinished_language() {
	data_with_our_locales
	export BAYRAQ_DATADIR="$PWD/data"
	msginit --input=data/locales/bayraq.pot --locale=es --no-translator \
		--output-file=data/locales/es.po 2>/dev/null
	msgfmt -c -o /dev/null data/locales/es.po
	bayraq list languages >listed.txt
	! grep -q '^es ' listed.txt || die "an empty language is listed"
	grep -q '^en  *en  *\([0-9]*\)/\1 ' listed.txt
	bayraq list languages --all >all.txt
	grep -q '^es  *es  *0/[0-9]* ' all.txt
	line=$(grep -n '^msgctxt "headline"' data/locales/es.po | cut -d: -f1)
	grep -q "unfinished: .*data/locales/es.po:$line: key 'headline' is not translated" all.txt
	mkdir out
	for size in A3 banner-3x1m square-1080; do
		expect_exit 1 bayraq render --lang es --city Madrid --country ES --size "$size" -o out/
		one_error "^bayraq: the Spanish translation is not finished: use --lang en, or ask a translator"
		! grep -q 'es\.po' stderr || die "the organizer sees the translator's file"
	done
	no_files out
	# Translated (here: copied from English), it is listed at once.
	msgen data/locales/es.po | sed 's/^"Language: es\\n"$/"Language: es\\n"/' >es.po
	mv es.po data/locales/es.po
	bayraq list languages | grep -q '^es  *es  *\([0-9]*\)/\1 '
	bayraq render --lang es --city Madrid --country ES --size A5 -f svg -o out/ >/dev/null
}

# Tags as people type them find their file; an unknown one names the
# nearest and the choices. Batch rows go through the same lookup.
test_lenient_language_tags() {
	mkdir out
	for pair in uk-UA:uk UK:uk pt_BR:pt-BR pt-br:pt-BR crh:crh crh-Latn:crh zh:zh-Hans zh-TW:zh-Hant de-AT:de; do
		tag=${pair%%:*}
		file=${pair#*:}
		bayraq render --lang "$tag" --city Kyiv --country DE --size A5 -f svg -o out/ >written.txt
		grep -q "liberate-crimea-$file-kyiv-A5\.svg$" written.txt || die "$tag: $(cat written.txt)"
	done
	expect_exit 2 bayraq render --lang ukk --city Kyiv --country DE -o out/
	one_error "unknown language 'ukk' (did you mean '[a-z]*k'? available: .*, uk, "
	expect_exit 2 bayraq render --lang xq-Zzzz --city Kyiv --country DE -o out/
	one_error "unknown language 'xq-Zzzz' (available: "
	printf 'city,country,lang,size,format\nKyiv,DE,uk-UA,A5,svg\nPorto Alegre,BR,pt_br,A5,svg\n' >rows.csv
	bayraq batch rows.csv -o out/ >/dev/null
	ls out | grep -q 'liberate-crimea-pt-BR-porto-alegre-A5\.svg'
}
