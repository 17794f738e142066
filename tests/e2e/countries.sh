# countries.sh - the host country by code, alias, subdivision or name in any
# language; current names; Russia refused however it is named.

# host_of TEXT: the host flag's code that --country TEXT gives.
host_of() {
	bayraq layout --city Oslo --country "$1" --size A4 >host.txt || return 1
	grep -q '^flag flag-ua ' host.txt || return 1
	awk '$1 == "flag" && $2 == "flag-host" { print $3 }' host.txt
}

# expect_host TEXT CODE
expect_host() {
	got=$(host_of "$1") || die "--country '$1' failed"
	# Ukraine as the host leaves the host slot empty (DESIGN.md): no
	# host flag, where any other country would draw one.
	[ "$2" != UA ] || [ -z "$got" ] || die "--country '$1' gave '$got', expected UA (no host flag)"
	[ "$2" = UA ] || [ "$got" = "$2" ] || die "--country '$1' gave '$got', expected $2"
}

test_country_codes_and_aliases() {
	expect_host PL PL
	expect_host pl PL
	expect_host POL PL
	expect_host deu DE
	expect_host GBR GB
	expect_host UK GB
	expect_host EL GR
	expect_host "Germany (DE)" DE
	expect_host EU EU
	expect_host eu EU
	expect_host XK XK
}

test_country_names() {
	expect_host Poland PL
	expect_host POLAND PL
	expect_host Polska PL
	expect_host Deutschland DE
	expect_host Allemagne DE
	expect_host Україна UA
	expect_host საქართველო GE
	expect_host Sakartvelo GE
	expect_host sakartvelo GE
	expect_host Lietuva LT
	expect_host Türkiye TR
	expect_host Turkiye TR
	expect_host Eswatini SZ
	expect_host Swaziland SZ
	expect_host "North Macedonia" MK
	expect_host "Cote d'Ivoire" CI
	expect_host "the Netherlands" NL
	expect_host "European Union" EU
	expect_host "Europäische Union" EU
}

# Each shipped language ICU has names in: its name of Poland finds Poland.
test_country_names_in_every_language() {
	n=0
	for po in $(finished_po | sampled); do
		tag=$(basename "$po" .po)
		bayraq list countries --lang "$tag" >names.txt 2>/dev/null || continue
		name=$(awk '$1 == "PL" { sub(/^PL  Poland  /, ""); print }' names.txt)
		[ -n "$name" ] || die "$tag: no name of Poland"
		expect_host "$name" PL
		n=$((n + 1))
	done
	[ "$n" -ge 2 ] || die "names of countries in only $n languages"
}

# The flag set's subdivisions, by code and by name; the same banner.
test_country_subdivisions() {
	for code in $(bayraq list countries | awk '$1 ~ /-/ { print $1 }'); do
		expect_host "$code" "$code"
		expect_host "$(echo "$code" | tr A-Z a-z)" "$code"
		name=$(bayraq list countries | awk -v c="$code" '$1 == c { sub(/^[^ ]*  /, ""); print }')
		expect_host "$name" "$code"
	done
	expect_host Scotland GB-SCT
	expect_host Wales GB-WLS
	expect_host Cymru GB-WLS
	expect_host England GB-ENG
	expect_host "Northern Ireland" GB-NIR
	bayraq render --city Edinburgh --country GB-SCT --size A4 --dpi 72 -f png -o code.png >/dev/null
	bayraq render --city Edinburgh --country Scotland --size A4 --dpi 72 -f png -o name.png >/dev/null
	cmp code.png name.png || die "GB-SCT and Scotland differ"
	# The saltire: blue in the top middle, white at the centre.
	bayraq layout --city Edinburgh --country Scotland --size A4 >layout.txt
	set -- $(flag_box layout.txt GB-SCT)
	[ -n "$4" ] || die "no GB-SCT flag in $(cat layout.txt)"
	x=$(echo "$1 $2 $3 $4" | awk '{ printf "%d %d %d", $1 + $3 / 2, $2 + $4 / 10, $2 + $4 / 2 }')
	set -- $x
	colour_at name.png "$1" "$2" 0065BD 12
	colour_at name.png "$1" "$3" FFFFFF 12
}

# However Russia is named, the same refusal; nothing is written.
test_country_russia_refused() {
	mkdir out
	for cc in RU ru RUS Russia "Russian Federation" Россия Росія Russland Rosja Rusya "Russia (RU)"; do
		expect_exit 2 bayraq render --city Moskva --country "$cc" -o out/
		one_error "the flag of the Russian Federation is never a host flag"
		grep -q "give the country you demonstrate in" stderr
	done
	no_files out
	printf 'lang,city,country,size,format\nen,Oslo,Russia,A5,pdf\n' >r.csv
	# A batch row fails as any row does (exit 1), saying why.
	expect_exit 1 bayraq batch r.csv -o out/
	grep -q "never a host flag" stderr || die "batch: $(cat stderr)"
	no_files out
	expect_exit 2 bayraq proof --country Россия -o out/proof.pdf
	one_error "never a host flag"
	no_files out
	bayraq list countries | grep -q '^RU ' && die "list countries offers RU"
	return 0
}

# An unknown name: exit 2, one line, the nearest name if one is near.
test_country_unknown() {
	mkdir out
	expect_exit 2 bayraq render --city Warszawa --country Polnd -o out/
	one_error "unknown country 'Polnd' (did you mean 'Poland', PL?"
	expect_exit 2 bayraq render --city Glasgow --country Scottland -o out/
	one_error "did you mean 'Scotland', GB-SCT?"
	expect_exit 2 bayraq render --city Berlin --country Deutchland -o out/
	one_error "did you mean 'Deutschland', DE?"
	expect_exit 2 bayraq render --city X --country Xyzzyq -o out/
	one_error "unknown country 'Xyzzyq' (expected a name such as Poland"
	no_files out
}

test_list_countries_current_names() {
	bayraq list countries >cc.txt
	grep -qx 'SZ  Eswatini' cc.txt
	grep -qx 'MK  North Macedonia' cc.txt
	grep -qx 'CZ  Czechia' cc.txt
	grep -qx 'GB-SCT  Scotland' cc.txt
	grep -qx 'EU  European Union' cc.txt
	grep -q 'Swaziland' cc.txt && die "list countries says Swaziland"
	bayraq list countries --lang de >de.txt
	grep -qx 'PL  Poland  Polen' de.txt
	grep -qx 'DE  Germany  Deutschland' de.txt
	bayraq list countries --lang ka | grep -qx 'GE  Georgia  საქართველო'
	expect_exit 2 bayraq list countries --lang xx
	one_error "no names of countries in language 'xx'"
	expect_exit 2 bayraq list sizes --lang de
	one_error "--lang goes with 'list countries' only"
}

# Without Debian's iso-codes: one line that says what to install.
test_country_names_missing() {
	mkdir out
	BAYRAQ_ISOCODES=$PWD/none expect_exit 1 bayraq render --city Oslo --country NO -o out/
	one_error "cannot read the country names '$PWD/none/iso_3166-1.json' (install Debian's iso-codes)"
	no_files out
}
