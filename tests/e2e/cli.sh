# cli.sh - help, version and the listings people look choices up in.

test_help_and_version() {
	bayraq --help >help.txt
	grep -q 'bayraq render' help.txt
	bayraq render --help >rhelp.txt
	for opt in --design --lang --city --country --size --orientation --format --dpi --output; do
		grep -q -- "$opt" rhelp.txt || die "render --help lacks $opt"
	done
	grep -q 'Examples:' rhelp.txt
	bayraq --version | grep -qx 'bayraq [0-9.]*'
}

test_lists() {
	bayraq list designs | grep -qx 'liberate-crimea: 1:2 1:3 2:1 3:1 4:5 5:4 1.41:1 1:1.41 16:9 1:1 9:16'
	bayraq list languages >langs.txt
	[ "$(wc -l <langs.txt)" -ge 12 ]
	grep -q '^crh  *crh-Latn  *\([0-9]*\)/\1  *Crimean Tatar (Latin) — Qırımtatarca ' langs.txt
	# Names from ICU, in English and in the language itself.
	grep -q '^uk  *uk  *\([0-9]*\)/\1  *Ukrainian — Українська ' langs.txt
	grep -q '^ja  *ja  *\([0-9]*\)/\1  *Japanese — 日本語 ' langs.txt
	grep -q '^uk .*not yet reviewed' langs.txt
	grep -q '^en  *en  *\([0-9]*\)/\1  *English$' langs.txt
	bayraq list sizes >sizes.txt
	for s in A5 A4 A3 A2 A1 A0 letter tabloid 18x24in 24x36in banner-2x1m banner-3x1m square-1080 feed-1080x1350 story-1080x1920; do
		grep -q "^$s " sizes.txt || die "list sizes lacks $s"
	done
	bayraq list countries >cc.txt
	grep -qx 'PL  Poland' cc.txt
	grep -qx 'GE  Georgia' cc.txt
	[ "$(wc -l <cc.txt)" -ge 240 ]
}

# The layout report is what designers read to see how a language fits.
test_layout_report() {
	bayraq layout --lang en --city Berlin --country DE --size A2 >layout.txt
	[ "$(grep -c '^text ' layout.txt)" = 4 ]
	[ "$(grep -c '^flag ' layout.txt)" = 3 ]
	grep -q '^text text-headline size [0-9.]* lines 2 .* CRIMEA IS UKRAINE!$' layout.txt
	grep -q '^flag flag-host DE ' layout.txt
}

# `make demo` renders this set: all of it must work, in every language.
test_demo_set() {
	sh "$ROOT/src/demo.sh" "$ROOT/$BAYRAQ" . >written.txt
	[ "$(ls *.pdf | wc -l)" = 12 ] || die "$(ls)"
	[ "$(ls *.png | wc -l)" = 12 ] || die "$(ls)"
	[ "$(wc -l <written.txt)" = 24 ]
	[ -f ./liberate-crimea-he-tl-byb-square-1080.png ]
}
