#!/bin/sh
# man.sh BAYRAQ VERSION - writes bayraq.1 from the program's own help: the
# command table's summaries, then each command's --help, so the man page
# never disagrees with --help.
set -eu
bin=$1 version=$2

# Help text as troff: backslashes and leading dots or quotes made literal.
roff() {
	sed -e 's/\\/\\e/g' -e "s/^\\([.']\\)/\\\\\\&\\1/" -e 's/^-/\\-/' -e 's/ -/ \\-/g'
}

if [ -n "${SOURCE_DATE_EPOCH:-}" ]; then
	date=$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%d)
else
	date=$(date -u +%Y-%m-%d)
fi
cat <<EOT
.TH BAYRAQ 1 "$date" "bayraq $version" "User Commands"
.SH NAME
bayraq \\- banners, posters and signs for the #LIBERATECRIMEA demonstrations
.SH SYNOPSIS
.B bayraq
.I COMMAND
.RI [ options ]
.SH DESCRIPTION
bayraq turns a design, a language, a city and a host country into
print\\-ready banners: a vector PDF for the print shop, PNG for a home
printer or social media, sheets to glue together at home. Text is fitted
in every script and never comes out too small or cut off.
.SH COMMANDS
EOT
"$bin" --help | sed -n 's/^  \([a-z][a-z-]*\)  *\(.*\)/\1\t\2/p' | while IFS='	' read -r cmd summary; do
	printf '.TP\n.B %s\n%s\n' "$cmd" "$(printf '%s' "$summary" | roff)"
done
"$bin" --help | sed -n 's/^  \([a-z][a-z-]*\)  .*/\1/p' | while read -r cmd; do
	printf '.SH "BAYRAQ %s"\n.nf\n' "$(echo "$cmd" | tr a-z A-Z)"
	"$bin" "$cmd" --help | roff
	printf '.fi\n'
done
cat <<EOT
.SH ENVIRONMENT
.TP
.B BAYRAQ_DATADIR
the folder with designs/, locales/ and fonts/ (default: PREFIX/share/bayraq)
.TP
.B BAYRAQ_FLAGSET
the svg\\-country\\-flags package (default: PREFIX/share/bayraq/flags)
.TP
.B BAYRAQ_ICCDIR
the CMYK output profiles (default: PREFIX/share/bayraq/icc)
.TP
.B SOURCE_DATE_EPOCH
the date PDFs carry, for reproducible files
.SH EXIT STATUS
0 done; 1 the banner cannot be made (text does not fit, a glyph is missing,
a file cannot be written); 2 a bad option or input.
.SH SEE ALSO
.BR pdfinfo (1),
.BR rsvg\\-convert (1)
EOT
