#!/bin/sh
# deps.sh [build|run|bench|all] - checks what bayraq needs from Debian; as root,
# installs what is missing.
set -u
# What building needs; what a built bayraq needs to run; what the tests use.
build="gcc make pkg-config libcairo2-dev libpango1.0-dev librsvg2-dev
libfontconfig-dev libxml2-dev libgettextpo-dev libjson-glib-dev zlib1g-dev
libfreetype-dev libpixman-1-dev libpng-dev libcsv-dev libisal-dev libtiff-dev libpoppler-glib-dev libqpdf-dev
argyll icc-profiles-free ca-certificates libmicrohttpd-dev libicu-dev liblcms2-dev"
run="fonts-noto-core fonts-noto-cjk fonts-roboto-unhinted icc-profiles-free libmicrohttpd12
libicu72 liblcms2-2 iso-codes shared-mime-info"
test="gettext poppler-utils qpdf libtiff-tools librsvg2-bin man-db strace wrk ghostscript"
# What `make bench` compares with (not in "all": only the bench needs them).
bench="librsvg2-bin mupdf-tools libvips-tools wrk curl"
case "${1:-all}" in
build) pkgs=$build ;;
run) pkgs=$run ;;
bench) pkgs=$bench ;;
*) pkgs="$build $run $test" ;;
esac
# npm fetches the pinned flag set, except from a release tarball that
# carries it; a Node.js that brings its own npm is fine.
[ -f build/flags/VENDORED ] || command -v npm >/dev/null 2>&1 || pkgs="$pkgs npm"

missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "deps: installing$missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends $missing >/dev/null || {
		echo "deps: apt-get install failed for:$missing" >&2
		exit 1
	}
	exit 0
fi
echo "deps: missing Debian packages. Run as root:" >&2
echo "  apt-get install$missing" >&2
exit 1
