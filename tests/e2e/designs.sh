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
