#!/bin/sh
# design-pictures.sh BAYRAQ - the pictures of README.md and designs/README.md,
# made from what bayraq really draws: a banner of each design family, posters
# in two more scripts, a sign and its one-colour twin, a design as Inkscape
# saves it, and a proof page.
set -eu
BAYRAQ=$1
T=build/pictures
rm -rf "$T"
mkdir -p "$T/data/designs" docs
ln -s "$PWD/locales" "$T/data/locales"
ln -s "$PWD/fonts" "$T/data/fonts"
cp -r designs/_flags tests/data/designs/inkscape-mm "$T/data/designs/"
BAYRAQ_DATADIR="$PWD/$T/data" "$BAYRAQ" render --design inkscape-mm --lang uk \
	--city Київ --country PL --size A3 --dpi 30 -f png -o docs/design-inkscape.png >/dev/null
"$BAYRAQ" proof --design liberate-crimea --lang de,uk,ar,ka,ja,crh -o "$T/proof.pdf" >/dev/null
# The page of the portrait poster: pages follow the variants' file names.
page=$(ls designs/liberate-crimea/*.svg | grep -n poster-portrait | cut -d: -f1)
pdftoppm -r 60 -png -f "$page" -l "$page" -singlefile "$T/proof.pdf" docs/design-proof
"$BAYRAQ" lint tests/data/designs/lint-unknown-attr tests/data/designs/lint-literal-text \
	>docs/design-lint.txt || true
"$BAYRAQ" render --lang uk --city Київ --country PL --size 1200x400px -f png -o docs/banner-uk.png >/dev/null
"$BAYRAQ" render --design bold --lang crh --city Aqmescit --country UA --size 1200x400px -f png \
	-o docs/banner-bold-crh.png >/dev/null
"$BAYRAQ" render --lang ka --city თბილისი --country GE --size 424x600px -f png -o docs/poster-ka.png >/dev/null
"$BAYRAQ" render --lang ar --city عمان --country JO --size 424x600px -f png -o docs/poster-ar.png >/dev/null
"$BAYRAQ" render --design sign --lang pl --city Warszawa --country PL --size 424x600px \
	--event "sob. 22 lutego, 14:00, Plac Zamkowy" -f png -o docs/sign-pl.png >/dev/null
"$BAYRAQ" render --design sign-mono --lang es --city Madrid --country ES --size 424x600px \
	--event "sáb. 22 de febrero, 12:00, Puerta del Sol" -f png -o docs/sign-mono-es.png >/dev/null
echo "docs/banner-uk.png docs/banner-bold-crh.png docs/poster-ka.png docs/poster-ar.png docs/sign-pl.png docs/sign-mono-es.png docs/design-inkscape.png docs/design-proof.png docs/design-lint.txt"
