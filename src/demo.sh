#!/bin/sh
# demo.sh BAYRAQ DIR - renders the default set into DIR: twelve languages,
# cities and sizes, as organizers around the world would ask for them.
set -eu
bayraq=$1 dir=$2
while IFS='|' read -r lang city country size extra; do
	# shellcheck disable=SC2086 # extra holds separate options
	"$bayraq" render --lang "$lang" --city "$city" --country "$country" \
		--size "$size" $extra -o "$dir/"
done <<'SET'
en|London|GB|A2|
uk|Київ|PL|A2|
crh|Aqmescit|UA|A3|--orientation landscape
de|Berlin|DE|banner-3x1m|--dpi 50
pl|Warszawa|PL|banner-2x1m|--dpi 60
ka|თბილისი|GE|A3|
ar|عمان|JO|A3|
he|תל אביב|IL|square-1080|
ja|東京|JP|story-1080x1920|
fr|Montréal|CA|18x24in|
tr|İstanbul|TR|tabloid|
lt|Vilnius|LT|A4|
SET
