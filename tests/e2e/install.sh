# install.sh - make install into a DESTDIR and the installed bayraq on its
# own; a release tarball that builds without npm; the man page and the
# bash completion.

# The tree `make install DESTDIR=$1 PREFIX=/usr` makes.
install_into() {
	make -s -C "$ROOT" BUILD="$BUILD" install DESTDIR="$1" PREFIX=/usr >install.log 2>&1 ||
		die "make install failed: $(tail -5 install.log)"
}

test_install_and_run_elsewhere() {
	install_into "$PWD/root"
	# Moved after installing: the program finds its data from where it is.
	mv root moved
	bin=$PWD/moved/usr/bin/bayraq
	[ -x "$bin" ] && [ -f moved/usr/share/bayraq/designs/liberate-crimea/square.svg ]
	[ -f moved/usr/share/man/man1/bayraq.1 ] && [ -f moved/usr/share/bash-completion/completions/bayraq ]
	mkdir elsewhere
	(
		cd elsewhere
		env -u BAYRAQ_DATADIR -u BAYRAQ_FLAGSET -u BAYRAQ_ICCDIR "$bin" render --lang uk \
			--city Київ --country PL --size A3 --print -f pdf -o kyiv.pdf >/dev/null
		"$bin" preflight kyiv.pdf >/dev/null
		"$bin" render --city Oslo --country NO --size A5 --dpi 20 -f tiff -o oslo.tiff >/dev/null
		"$bin" list languages | grep -q '^uk '
		"$bin" list countries | grep -q '^PL '
		# Names from Debian's iso-codes and ICU, not from the source tree.
		"$bin" list countries | grep -qx 'SZ  Eswatini'
		"$bin" layout --city Tbilisi --country Sakartvelo --size A4 | grep -q '^flag flag-host GE '
	) || die "the installed bayraq failed"
	has_text elsewhere/kyiv.pdf "$(msgstr_of uk city | sed 's/{city}/Київ/')"
	"$ROOT/$TOOLS/tiff2png" elsewhere/oslo.tiff oslo.png
	# serve's module is installed too: it starts and stops.
	env -u BAYRAQ_DATADIR -u BAYRAQ_FLAGSET -u BAYRAQ_ICCDIR "$bin" serve --port 0 >serve.out 2>serve.err &
	pid=$!
	n=0
	until grep -q '^bayraq: serving http' serve.out; do
		kill -0 "$pid" 2>/dev/null || die "the installed serve did not start: $(cat serve.err)"
		n=$((n + 1))
		[ "$n" -lt 600 ] || { kill "$pid"; die "the installed serve printed no address"; }
		sleep 0.05
	done
	kill "$pid"
	wait "$pid" || die "the installed serve failed: $(cat serve.err)"
	# It never reads the source tree.
	if command -v strace >/dev/null 2>&1; then
		# LeakSanitizer cannot run under ptrace.
		(cd elsewhere && ASAN_OPTIONS=detect_leaks=0 XDG_CACHE_HOME=$PWD/cache strace -f -qq -e trace=open,openat,stat,access -o ../trace.txt \
			"$bin" render --city Oslo --country NO --size A5 -f png -o oslo.png >/dev/null)
		! grep "\"$ROOT/" trace.txt | grep -v "$PWD/" >read.txt ||
			die "the installed bayraq read the source tree: $(head -3 read.txt)"
	fi
}

test_uninstall_leaves_nothing() {
	install_into "$PWD/root"
	make -s -C "$ROOT" BUILD="$BUILD" uninstall DESTDIR="$PWD/root" PREFIX=/usr >/dev/null
	[ -z "$(find root -type f)" ] || die "left after uninstall: $(find root -type f | head -3)"
}

test_man_page() {
	command -v man >/dev/null || die "man is not installed (apt-get install man-db)"
	MANWIDTH=80 man --warnings -l "$ROOT/build/bayraq.1" >man.txt 2>warnings.txt
	[ ! -s warnings.txt ] || die "man warns: $(head -3 warnings.txt)"
	# Every command's help is in it, from the same table.
	for c in $(bayraq --help | sed -n 's/^  \([a-z][a-z-]*\)  .*/\1/p'); do
		grep -q "BAYRAQ $(echo "$c" | tr a-z A-Z)" man.txt || die "the man page lacks $c"
		grep -q "usage: bayraq $c" man.txt
	done
}

# Commands, options, languages and sizes complete, asked of bayraq itself.
test_bash_completion() {
	mkdir bin
	ln -s "$ROOT/$BAYRAQ" bin/bayraq
	cat >complete.sh <<'SH'
. "$1/src/pkg/bayraq.bash"
complete -p bayraq
t() { COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=(); _bayraq; echo "${COMPREPLY[*]}"; }
t bayraq re
t bayraq render --la
t bayraq render --lang u
t bayraq render --size A
t bayraq tile --sh
t bayraq list la
SH
	PATH=$PWD/bin:$PATH bash complete.sh "$ROOT" >out.txt
	sed -n 2p out.txt | grep -qw render
	sed -n 3p out.txt | grep -qw -- --lang
	sed -n 4p out.txt | grep -qw uk
	sed -n 5p out.txt | grep -qw A4
	sed -n 6p out.txt | grep -qw -- --sheet
	sed -n 7p out.txt | grep -qw languages
}

# The release tarball carries the flag set and builds with no npm at all.
test_dist_builds_offline() {
	[ "$BUILD" = debug ] || { echo "runs in the debug build only (it builds from scratch)"; return 0; }
	# CI builds the same tarball without npm in tests/pkg/deb.sh.
	[ "${CI:-}" != true ] || { echo "CI builds the tarball offline in tests/pkg/deb.sh"; return 0; }
	make -s -C "$ROOT" dist >dist.log 2>&1 || die "make dist failed: $(tail -3 dist.log)"
	tar -xzf "$ROOT"/build/bayraq-*.tar.gz
	mkdir nonpm
	printf '#!/bin/sh\necho "npm or node called" >&2\nexit 1\n' >nonpm/npm
	cp nonpm/npm nonpm/node
	chmod +x nonpm/npm nonpm/node
	(cd bayraq-* && PATH=$PWD/../nonpm:$PATH make -s -j2 all >../build.log 2>&1) ||
		die "the tarball does not build without npm: $(tail -5 build.log)"
	! grep -q "npm or node called" build.log
	bayraq-*/build/bayraq render --lang de --city Berlin --country DE --size A4 -f pdf -o b.pdf >/dev/null
	pdffonts b.pdf >/dev/null
	grep -q '^svg-country-flags ' bayraq-*/build/flags/VENDORED
}
