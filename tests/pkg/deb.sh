#!/bin/sh
# deb.sh - CI only, as root: builds the Debian package from the release
# tarball offline, installs it (apt-get, which waits for the dpkg lock),
# renders from /tmp with it, removes it and checks that nothing is left.
# It changes the system, so make check does not run it.
set -eu
[ "$(id -u)" = 0 ] || { echo "deb.sh: must run as root (it installs the package)" >&2; exit 1; }
export DEBIAN_FRONTEND=noninteractive
command -v dpkg-buildpackage >/dev/null 2>&1 && command -v dh >/dev/null 2>&1 ||
	apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends debhelper dpkg-dev lintian >/dev/null
make -s dist
w=$(mktemp -d)
trap 'rm -rf "$w"' EXIT
tar -xzf build/bayraq-*.tar.gz -C "$w"
# Offline, as a Debian builder is: npm and node fail if the build calls them
# (test_dist_builds_offline checks the same, and leaves it to this in CI).
mkdir "$w/nonpm"
printf '#!/bin/sh\necho "npm or node called" >&2\nexit 1\n' >"$w/nonpm/npm"
cp "$w/nonpm/npm" "$w/nonpm/node"
chmod +x "$w/nonpm/npm" "$w/nonpm/node"
(cd "$w"/bayraq-* && PATH=$w/nonpm:/usr/sbin:/usr/bin:/sbin:/bin dpkg-buildpackage -us -uc -b -j"$(nproc)" >"$w/build.log" 2>&1) || {
	tail -20 "$w/build.log"
	echo "deb.sh: dpkg-buildpackage failed" >&2
	exit 1
}
! grep -q "npm or node called" "$w/build.log" || { echo "deb.sh: the build called npm or node" >&2; exit 1; }
deb=$(ls "$w"/bayraq_*_*.deb)
lintian --fail-on error "$deb" >"$w/lintian.txt" 2>/dev/null || { cat "$w/lintian.txt"; exit 1; }
sed "s/^/deb.sh: lintian: /" "$w/lintian.txt"
apt-get -o DPkg::Lock::Timeout=600 install -y -q "$deb" >/dev/null
(cd /tmp && bayraq render --lang uk --city Київ --country PL --size A4 -f pdf -o "$w/kyiv.pdf" >/dev/null)
pdfinfo "$w/kyiv.pdf" | grep -q 'A4'
# The modules (src/base/module.h) are in the package, and what they link is
# in its Depends (dh_shlibdeps reads them too): TIFF and serve work.
for m in pdf serve tiff; do
	dpkg -L bayraq | grep -qx "/usr/lib/bayraq/bayraq-$m.so" || { echo "deb.sh: bayraq-$m.so is not in the package" >&2; exit 1; }
done
dpkg-deb -f "$deb" Depends | grep -q 'libmicrohttpd' || { echo "deb.sh: Depends lacks libmicrohttpd" >&2; exit 1; }
(cd /tmp && bayraq render --city Oslo --country NO --size A5 --dpi 20 -f tiff -o "$w/oslo.tiff" >/dev/null)
[ -s "$w/oslo.tiff" ]
(cd /tmp && timeout -s INT 3 bayraq serve --port 0 >"$w/serve.out" 2>&1) || true
grep -q '^bayraq: serving http' "$w/serve.out" || { cat "$w/serve.out"; echo "deb.sh: the installed serve did not start" >&2; exit 1; }
man -w bayraq >/dev/null
apt-get -o DPkg::Lock::Timeout=600 remove -y -q bayraq >/dev/null
[ ! -e /usr/share/bayraq ] || { echo "deb.sh: /usr/share/bayraq left after dpkg -r" >&2; exit 1; }
[ ! -e /usr/bin/bayraq ] && [ ! -e /usr/lib/bayraq ]
echo "deb.sh: built, installed, rendered, removed: ok"
