# lib.sh - helpers for tests/e2e/*.sh. Each test_* function runs in its own
# empty folder under build/test with `set -e`: any failed step fails it.
# $BAYRAQ is the binary, $TOOLS the test tools, $ROOT the source tree.
ROOT=$(pwd)
export ROOT
# Images of a megapixel and more on several threads, as they were before a
# thread had to be worth 64 Mi pixels (raster.h): the tests' images are
# small, and the threads are what they test.
BAYRAQ_THREAD_PIXELS=1048576
export BAYRAQ_THREAD_PIXELS

die() {
	echo "$*" >&2
	return 1
}

bayraq() {
	"$ROOT/$BAYRAQ" "$@"
}

# expect_exit STATUS CMD...: runs CMD with stdout in ./stdout, stderr in ./stderr.
expect_exit() {
	want=$1
	shift
	set +e
	"$@" >stdout 2>stderr
	got=$?
	set -e
	[ "$got" = "$want" ] || die "exit status $got, expected $want: $* (stderr: $(cat stderr))"
}

# one_error PATTERN: stderr is exactly one line, and it matches.
one_error() {
	[ "$(wc -l <stderr)" = 1 ] || die "stderr has $(wc -l <stderr) lines: $(cat stderr)"
	grep -q -- "$1" stderr || die "stderr lacks '$1': $(cat stderr)"
}

# no_files DIR: nothing at all was left in DIR, hidden temporary files included.
no_files() {
	[ -z "$(ls -A "$1" 2>/dev/null)" ] || die "files left in $1: $(ls -A "$1")"
}

# text_of FILE.pdf [-raw]: its text with bidi controls, break hints and all
# spaces removed; -raw in the order it was drawn.
text_of() {
	pdftotext ${2:-} "$1" - | LC_ALL=C sed -e 's/\xe2\x80[\x8b\xaa-\xae\xaf]//g' \
		-e 's/\xe2\x81[\xa6-\xa9]//g' -e 's/\xc2\xa0//g' | tr -d ' \n\t\f'
}

squeeze() {
	printf '%s' "$1" | LC_ALL=C sed -e 's/\xe2\x80[\x8b\xaa-\xae\xaf]//g' \
		-e 's/\xe2\x81[\xa6-\xa9]//g' -e 's/\xc2\xa0//g' | tr -d ' \n\t\f'
}

# has_text FILE.pdf TEXT: the PDF's text contains TEXT (spaces ignored).
# pdftotext's reading order puts a Thai vowel above the first line, and the
# letters of Nastaliq (Urdu), which step down each word, on lines of their
# own; then the text as drawn (-raw) must hold every word of TEXT.
has_text() {
	case "$(text_of "$1")" in
	*"$(squeeze "$2")"*) return 0 ;;
	esac
	raw=$(text_of "$1" -raw)
	set -f
	for word in $2; do
		case "$raw" in
		*"$(squeeze "$word")"*) ;;
		*) die "$1 lacks '$2'; it has: $(pdftotext "$1" - | tr '\n' ' ')" ;;
		esac
	done
	set +f
}

# finished_po: locales/TAG.po of each language bayraq offers (bayraq list
# languages): a language still being translated is left out until it is
# finished, then tested with no edit here.
finished_po() {
	"$ROOT/$BAYRAQ" list languages | while read -r tag _; do
		echo "$ROOT/locales/$tag.po"
	done
}

# sampled: its input, every line in the debug build (make check takes
# every language, design and case); under the sanitizers every fourth
# line (the 1st, 5th, ...), as their runs check memory, which a spread of
# the cases exercises, and would cost minutes more in CI for all of them.
sampled() {
	if [ "${BUILD:-debug}" = debug ]; then
		cat
	else
		awk 'NR % 4 == 1'
	fi
}

# msgstr_of LANG KEY: the translation as written in locales/LANG.po.
msgstr_of() {
	awk -v key="msgctxt \"$2\"" '$0 == key { found = 1; next }
		found && /^msgstr / { sub(/^msgstr "/, ""); sub(/"$/, ""); print; exit }' \
		"$ROOT/locales/$1.po"
}

# fonts_embedded FILE.pdf: pdffonts lists fonts and every one is embedded.
fonts_embedded() {
	pdffonts "$1" >fonts.txt
	[ "$(tail -n +3 fonts.txt | wc -l)" -ge 1 ] || die "no fonts in $1"
	tail -n +3 fonts.txt | awk '{ if ($(NF-4) != "yes") bad = 1 } END { exit bad }' ||
		die "a font is not embedded: $(cat fonts.txt)"
}

# page_size FILE.pdf W H: the page is W x H points, to 0.1 pt.
page_size() {
	pdfinfo "$1" | awk -v w="$2" -v h="$3" '/^Page size:/ {
		ok = ($3 - w < 0.1 && w - $3 < 0.1 && $5 - h < 0.1 && h - $5 < 0.1) }
		END { exit !ok }' || die "$1: $(pdfinfo "$1" | grep 'Page size'), expected $2 x $3"
}

# colour_at FILE.png X Y RRGGBB [TOL]: the pixel is that colour, each channel within TOL.
colour_at() {
	got=$("$ROOT/$TOOLS/pnginfo" "$1" "$2" "$3")
	awk -v a="$got" -v b="$4" -v t="${5:-8}" 'function h(s, i,  x) {
		x = "0123456789ABCDEF"
		return index(x, substr(s, i, 1)) * 16 + index(x, substr(s, i + 1, 1)) - 17 }
		BEGIN { for (i = 1; i <= 5; i += 2) { d = h(a, i) - h(b, i);
			if (d < 0) d = -d; if (d > t) exit 1 } }' ||
		die "$1 at $2,$3 is $got, expected $4"
}

# not_colour_at FILE.png X Y RRGGBB: the pixel is clearly not that colour.
not_colour_at() {
	if colour_at "$@" 2>/dev/null; then
		die "$1 at $2,$3 is $4"
	fi
}

# flag_box LAYOUT ROLE: "x y w h" of the placed flag, in points.
flag_box() {
	awk -v r="$2" '$1 == "flag" && $3 == r { print $10, $11, $12, $13; exit }' "$1"
}
