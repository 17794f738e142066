# serve.sh - bayraq serve over HTTP on loopback: every route, content types,
# downloads as render makes them, every refusal with its status and message,
# traversal, nothing kept on disk or in the log, and the page in a browser.

# serve_start [OPTIONS]: bayraq serve on a free loopback port, with its own
# TMPDIR (./tmp); sets URL and SERVER_PID. The trap stops it when the test ends.
serve_start() {
	mkdir -p tmp
	: >server.out
	TMPDIR=$PWD/tmp "$ROOT/$BAYRAQ" serve --port 0 "$@" >server.out 2>server.err &
	SERVER_PID=$!
	trap serve_stop EXIT
	n=0
	until grep -q '^bayraq: serving http' server.out; do
		kill -0 "$SERVER_PID" 2>/dev/null || die "serve did not start: $(cat server.err)"
		n=$((n + 1))
		[ "$n" -lt 600 ] || die "serve printed no address: $(cat server.out server.err)"
		sleep 0.05
	done
	URL=$(sed -n 's|^bayraq: serving \(http://[^ ]*/\) .*|\1|p' server.out)
}

serve_stop() {
	[ -n "${SERVER_PID:-}" ] || return 0
	kill "$SERVER_PID" 2>/dev/null || true
	set +e
	wait "$SERVER_PID"
	rc=$?
	set -e
	SERVER_PID=
	[ "$rc" = 0 ] || die "the server exited with status $rc: $(tail -n 5 server.err)"
}

# get PATH [CURL OPTIONS]: body in ./body, headers in ./headers, status in $STATUS.
get() {
	path=$1
	shift
	STATUS=$(curl -s --path-as-is -o body -D headers -w '%{http_code}' "$@" "$URL$path")
}

# header NAME: the value of that response header.
header() {
	awk -v n="$1" 'BEGIN { n = tolower(n) } { sub(/\r$/, "") }
		tolower(substr($0, 1, length(n) + 1)) == n ":" { sub(/^[^:]*: */, ""); print; exit }' headers
}

# expect STATUS PATH [CURL OPTIONS]: the route answers with that status.
expect() {
	want=$1
	shift
	get "$@"
	[ "$STATUS" = "$want" ] || die "$1: status $STATUS, expected $want: $(head -c 300 body)"
}

# type_is TYPE: the Content-Type starts with it.
type_is() {
	case "$(header Content-Type)" in
	"$1"*) ;;
	*) die "Content-Type is '$(header Content-Type)', expected $1" ;;
	esac
}

# Nothing of any request is left in the server's temporary folder.
# A render whose caller gave up (a timeout, or wrk ending its run) still
# finishes in its worker and then removes its folder, so wait for the
# workers to go idle (up to a minute: asan is slow) before looking.
no_temp_files() {
	i=0
	while left=$(find tmp -mindepth 2 | head -5) && [ -n "$left" ] && [ $i -lt 120 ]; do
		sleep 0.5
		i=$((i + 1))
	done
	[ -z "$left" ] || die "left in the temporary folder: $left"
}

# The long side of the PNG in ./body is about 600 px.
preview_sized() {
	set -- $("$ROOT/$TOOLS/pnginfo" body)
	long=$(($1 > $2 ? $1 : $2))
	[ "$long" -ge 540 ] && [ "$long" -le 660 ] || die "preview is $1 x $2, not about 600 px long"
}

test_serve_routes() {
	serve_start --workers 1
	expect 200 ""
	type_is "text/html"
	header Content-Security-Policy | grep -q "script-src 'self'" || die "no CSP: $(cat headers)"
	header Content-Security-Policy | grep -q "unsafe-inline" && die "CSP allows inline script"
	[ "$(header X-Content-Type-Options)" = nosniff ] || die "no nosniff"
	[ "$(header Referrer-Policy)" = no-referrer ] || die "no Referrer-Policy"
	grep -q '<html lang="en" dir="ltr">' body || die "the page is not English: $(head -3 body)"
	grep -q '<script' body && ! grep -q '<script src="/app.js" defer></script>' body && die "inline script"
	grep -Eq '(src|href)="(https?:)?//' body && die "the page loads something from elsewhere"
	for id in city country lang size orientation sheet ui; do
		grep -q "<label for=\"$id\">" body || die "no label for '$id'"
	done
	for d in "$ROOT"/designs/*/; do
		case "$(basename "$d")" in _*) continue ;; esac
		name=$(basename "$d")
		grep -q "<label class=\"design\" for=\"design-$name\"><input type=\"radio\" name=\"design\" id=\"design-$name\"" body ||
			die "no labelled radio button for design $name"
		grep -q "<img src=\"/thumbnail?design=$name\" alt=\"\"" body || die "no thumbnail for design $name"
	done
	grep -q '<legend>Design</legend>' body || die "the designs have no legend"
	grep -q '<img id="preview" alt="[^"]' body || die "the preview has no alt text"
	expect 200 style.css
	type_is "text/css"
	expect 200 app.js
	type_is "text/javascript"
	expect 200 favicon.svg
	type_is "image/svg+xml"
	expect 200 options
	type_is "application/json"
	for po in $(finished_po); do
		grep -q "\"tag\":\"$(basename "$po" .po)\"" body || die "/options lacks $(basename "$po")"
	done
	for d in "$ROOT"/designs/*/; do
		case "$(basename "$d")" in _*) continue ;; esac
		grep -q "\"$(basename "$d")\"" body || die "/options lacks design $(basename "$d")"
	done
	grep -q '"code":"PL","name":"Poland"' body || die "/options lacks Poland"
	grep -q '"code":"RU"' body && die "/options offers RU as a host"
	grep -q '"name":"banner-3x1m"' body || die "/options lacks banner-3x1m"
	no_temp_files
	serve_stop
}

# The page in every language: its own lang and dir, from ?ui= or Accept-Language.
test_serve_page_languages() {
	serve_start --workers 1
	for po in $(finished_po); do
		tag=$(basename "$po" .po)
		lang=$(sed -n 's/^"Language: \(.*\)\\n"$/\1/p' "$po")
		case "$tag" in ar | he | fa | ur) dir=rtl ;; *) dir=ltr ;; esac
		expect 200 "?ui=$tag"
		grep -q "<html lang=\"$lang\" dir=\"$dir\">" body || die "$tag: $(sed -n 2p body)"
		title=$(msgstr_of "$tag" web-title)
		grep -qF "<title>$title</title>" body || die "$tag: the title is not '$title'"
		expect 200 "" -H "Accept-Language: $tag-XX;q=0.9, en;q=0.5"
		grep -q "<html lang=\"$lang\"" body || die "Accept-Language $tag gave $(sed -n 2p body)"
		# A bare language finds it in a script: "zh" gives a zh-* page.
		primary=${tag%%-*}
		if [ "$primary" != "$tag" ] && [ ! -e "$ROOT/locales/$primary.po" ]; then
			expect 200 "" -H "Accept-Language: $primary"
			grep -q "<html lang=\"$primary-" body || die "Accept-Language $primary gave $(sed -n 2p body)"
		fi
	done
	# A region finds its script, as --lang does: Taiwan writes Traditional.
	expect 200 "" -H "Accept-Language: zh-TW"
	grep -q '<html lang="zh-Hant"' body || die "Accept-Language zh-TW gave $(sed -n 2p body)"
	expect 200 "" -H "Accept-Language: xx, *;q=0.1"
	grep -q '<html lang="en"' body || die "an unknown language did not fall back to English"
	# The menu names each language in itself, from ICU, whatever the PO's
	# Language-Team says.
	grep -q '<option value="uk" lang="uk">Українська</option>' body || die "no Українська in the menu"
	grep -q '<option value="crh" lang="crh-Latn">Qırımtatarca</option>' body || die "no Qırımtatarca in the menu"
	serve_stop
}

# A preview of about 600 px in every language and design, for any size.
test_serve_preview() {
	serve_start --workers 2
	for po in $(finished_po); do
		expect 200 "preview?lang=$(basename "$po" .po)&city=Kyiv&country=PL&size=A2"
		type_is "image/png"
		preview_sized
	done
	for d in "$ROOT"/designs/*/; do
		case "$(basename "$d")" in _*) continue ;; esac
		expect 200 "preview?design=$(basename "$d")&city=Kyiv&country=PL"
		preview_sized
	done
	for size in square-1080 story-1080x1920 banner-3x1m A0 A5; do
		expect 200 "preview?city=Berlin&country=Germany%20(DE)&size=$size&orientation=landscape"
		preview_sized
		set -- $("$ROOT/$TOOLS/pnginfo" body)
		[ "$1" -ge "$2" ] || die "$size landscape preview is $1 x $2"
	done
	expect 200 "preview?lang=uk&city=%D0%9A%D0%B8%D1%97%D0%B2&country=pl"
	no_temp_files
	serve_stop
}

# Downloads are what render makes, under render's names.
test_serve_downloads() {
	serve_start --workers 2
	bayraq render --lang uk --city Київ --country PL --size A3 -f pdf,png -o out/ >/dev/null
	city=%D0%9A%D0%B8%D1%97%D0%B2
	expect 200 "file?lang=uk&city=$city&country=PL&size=A3&format=pdf"
	type_is "application/pdf"
	header Content-Disposition | grep -qx 'attachment; filename="liberate-crimea-uk-kyiv-A3.pdf"' ||
		die "Content-Disposition: $(header Content-Disposition)"
	[ -f out/liberate-crimea-uk-kyiv-A3.pdf ] || die "render names it otherwise: $(ls out)"
	mv body a3.pdf
	page_size a3.pdf 841.89 1190.55
	has_text a3.pdf "$(msgstr_of uk city | sed 's/{city}/Київ/')"
	fonts_embedded a3.pdf
	expect 200 "file?lang=uk&city=$city&country=PL&size=A3&format=png&dpi=100"
	type_is "image/png"
	header Content-Disposition | grep -q 'filename="liberate-crimea-uk-kyiv-A3.png"' || die "png name"
	[ "$("$ROOT/$TOOLS/pnginfo" body)" = "1169 1654 100" ] || die "png: $("$ROOT/$TOOLS/pnginfo" body)"
	expect 200 "file?lang=de&city=Berlin&country=DE&size=A4&format=print"
	type_is "application/pdf"
	mv body print.pdf
	pdfinfo -box print.pdf | grep -q '^TrimBox' || die "no TrimBox"
	bayraq preflight print.pdf >/dev/null || die "the print PDF fails preflight: $(bayraq preflight print.pdf 2>&1)"
	expect 200 "file?lang=de&city=Berlin&country=DE&size=A2&format=tiles&sheet=A4"
	header Content-Disposition | grep -q 'filename="liberate-crimea-de-berlin-A2-tiles-A4.pdf"' ||
		die "tiles name: $(header Content-Disposition)"
	pages=$(pdfinfo body | awk '/^Pages:/ { print $2 }')
	[ "$pages" -gt 2 ] || die "tiles PDF has $pages pages"
	no_temp_files
	serve_stop
}

# A bad request gets 400 and render's own message for the same options.
test_serve_bad_requests() {
	serve_start --workers 1
	while IFS='|' read -r query args; do
		eval "set -- $args"
		expect_exit 2 bayraq render -o out/ "$@"
		msg=$(sed 's/^bayraq: //' stderr)
		expect 400 "preview?$query"
		[ "$(cat body)" = "$msg" ] || die "$query: '$(cat body)', expected '$msg'"
		expect 400 "file?$query&format=pdf"
		[ "$(cat body)" = "$msg" ] || die "file?$query: '$(cat body)', expected '$msg'"
	done <<-'EOF'
	lang=xx&city=Kyiv&country=PL|--lang xx --city Kyiv --country PL
	city=Kyiv&country=ZZ|--city Kyiv --country ZZ
	city=Kyiv&country=PL&size=huge|--city Kyiv --country PL --size huge
	country=PL|--country PL
	city=Kyiv|--city Kyiv
	city=Kyiv&country=PL&orientation=sideways|--city Kyiv --country PL --orientation sideways
	city=Kyiv&country=PL&design=nope|--city Kyiv --country PL --design nope
	city=Kyiv&country=PL&design=../designs/liberate-crimea|--city Kyiv --country PL --design ../designs/liberate-crimea
	lang=../locales/en&city=Kyiv&country=PL|--lang ../locales/en --city Kyiv --country PL
	lang=%2e%2e%2flocales%2fen&city=Kyiv&country=PL|--lang ../locales/en --city Kyiv --country PL
	city=Kyiv&country=PL&dpi=5|--city Kyiv --country PL --dpi 5
	city=Kyiv&country=PL&dpi=many|--city Kyiv --country PL --dpi many
	EOF
	expect 400 "preview?lang=xx&city=Kyiv&country=PL"
	[ "$(header X-Bayraq-Field)" = lang ] || die "field: $(header X-Bayraq-Field)"
	expect 400 "preview?city=Kyiv&country=ZZ"
	[ "$(header X-Bayraq-Field)" = country ] || die "field: $(header X-Bayraq-Field)"
	long=$(printf 'Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch%.0s' 1 2 3)
	expect_exit 1 bayraq render --city "$long" --country DE --size A5 -o out/
	expect 400 "preview?city=$long&country=DE&size=A5"
	grep -q 'does not fit' body || die "fit: $(cat body)"
	[ "$(header X-Bayraq-Field)" = city ] || die "fit field: $(header X-Bayraq-Field)"
	expect 400 "file?city=Kyiv&country=PL&format=tiff"
	grep -qx "unknown format 'tiff' (expected pdf, png, print, tiles)" body || die "$(cat body)"
	expect 400 "file?city=Kyiv&country=PL"
	grep -q "missing format" body || die "$(cat body)"
	expect 400 "file?city=Kyiv&country=PL&size=40000x1000mm&format=pdf"
	grep -q "past this server's cap of 5 m a side" body || die "$(cat body)"
	expect 400 "file?city=Kyiv&country=PL&size=A0&dpi=600&format=png"
	grep -q "past this server's cap of 120 million pixels" body || die "$(cat body)"
	expect 400 "preview?city=Kyiv&country=PL&colour=red"
	grep -q "unknown parameter 'colour'" body || die "$(cat body)"
	expect 400 "preview?city=Kyiv&city=Lviv&country=PL"
	grep -q "parameter 'city' given twice" body || die "$(cat body)"
	expect 400 "preview?city=a%FFb&country=PL"
	grep -q "not valid UTF-8" body || die "$(cat body)"
	expect 400 "preview?city=a%00b&country=PL"
	grep -q "not valid UTF-8" body || die "$(cat body)"
	for status in 400; do type_is "text/plain"; done
	[ "$(wc -l <body)" = 1 ] || die "the message is not one line: $(cat body)"
	no_temp_files
	serve_stop
}

# Wrong methods, bodies, huge requests and unknown or traversing paths.
test_serve_refusals() {
	serve_start --workers 1
	expect 405 "preview?city=Kyiv&country=PL" -X POST -d city=Kyiv
	[ "$(header Allow)" = "GET, HEAD" ] || die "Allow: $(header Allow)"
	expect 405 "" -X DELETE
	expect 413 "" -X GET -H 'Content-Type: text/plain' --data-binary 'a body'
	big=$(head -c 40000 /dev/zero | tr '\0' a)
	get "preview?city=$big&country=PL"
	case "$STATUS" in 413 | 414 | 431) ;; *) die "a 40 kB query: status $STATUS" ;; esac
	for path in nope ../etc/passwd ..%2f..%2fetc%2fpasswd %2e%2e/%2e%2e/etc/passwd \
		%2E%2E%2F%2E%2E%2Fetc%2Fpasswd style.css%00.html %00 preview/../ index.html \
		web/index.html /etc/passwd favicon.ico .%2e/app.js 'app.js/'; do
		expect 404 "$path"
		type_is "text/plain"
	done
	no_temp_files
	serve_stop
}

# Past the workers and the queue: 503 with Retry-After, and nothing crashes.
# One worker, no queue, a long render, and a dozen previews sent at once
# while it draws. The long render is a blur at A2 300 dpi: seconds however
# fast the machine (a plain A1 at 300 dpi came to take less than the
# queue's 0.25 s wait for a place, and every preview got its turn).
test_serve_busy() {
	mkdir -p data/designs
	ln -s "$ROOT/locales" data/locales
	ln -s "$ROOT/fonts" data/fonts
	cp -r "$ROOT/designs/"* "$ROOT/tests/data/designs/blur-crimea" data/designs/
	BAYRAQ_DATADIR="$PWD/data" serve_start --workers 1 --queue 0 --render-timeout 600
	curl -s -o /dev/null -w '%{http_code}\n' \
		"${URL}file?design=blur-crimea&city=Kyiv&country=PL&size=A2&dpi=300&format=png" >long &
	long=$!
	sleep 0.5
	set --
	for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
		set -- "$@" -o /dev/null "${URL}preview?city=Lviv$i&country=PL"
	done
	curl -s -Z --parallel-immediate --parallel-max 12 -w '%{http_code} %header{retry-after}\n' "$@" >codes
	wait "$long"
	grep -qx 200 long || die "the long render was not served: $(cat long)"
	grep -q '^503 [1-9]' codes || die "one worker and no queue never answered 503 with Retry-After: $(cat codes)"
	grep -Ev '^(200|503) ' codes && die "other statuses under load: $(cat codes)"
	expect 200 "preview?city=Lviv&country=PL"
	kill -0 "$SERVER_PID" || die "the server died"
	no_temp_files
	serve_stop
}

# Nothing logged holds a city or an address; PDFs hold no host, user or path.
test_serve_privacy() {
	serve_start --workers 1
	expect 200 "file?city=Secretville&country=PL&size=A4&format=pdf"
	mv body secret.pdf
	expect 400 "preview?city=Secretville&country=ZZ"
	serve_stop
	cat server.out server.err >log
	grep -q "Secretville" log && die "the log names the city: $(cat log)"
	grep -v '^bayraq: serving http://127.0.0.1:' log | grep -q '127\.0\.0\.1' && die "the log has an address"
	grep -q "served 2 requests: 2 renders, 1 refused" server.err || die "no counts at exit: $(cat server.err)"
	for word in "$(hostname)" "$PWD" "/tmp/" "${USER:-root}"; do
		pdfinfo secret.pdf | grep -qF "$word" && die "the PDF's info holds '$word'"
		grep -aqF "$word" secret.pdf && die "the PDF holds '$word'"
	done
	[ -z "$(ls -A tmp)" ] || die "the temporary folder was left: $(ls -A tmp)"
}

test_serve_options() {
	expect_exit 0 bayraq serve --help
	grep -q -- "--workers" stdout || die "help: $(cat stdout)"
	expect_exit 2 bayraq serve --port 70000
	one_error "--port takes a whole number from 0 to 65535"
	expect_exit 2 bayraq serve --bind nowhere --port 0
	one_error "--bind takes an IP address"
	expect_exit 2 bayraq serve --city Kyiv
	one_error "'--city' is an option of 'bayraq render'"
	expect_exit 2 bayraq render --workers 2 --city Kyiv --country PL
	one_error "'--workers' is an option of 'bayraq serve'"
	serve_start --bind 0.0.0.0 --workers 1
	grep -q "warning: serving on 0.0.0.0" server.err || die "no warning: $(cat server.err)"
	serve_stop
	serve_start --workers 1
	busy_port=${URL##*:}
	busy_port=${busy_port%/}
	expect_exit 1 bayraq serve --port "$busy_port"
	one_error "cannot listen on 127.0.0.1 port $busy_port"
	serve_stop
}

# The page in Debian's chromium, through playwright-core (tests/browser).
test_serve_browser() {
	chromium=$(command -v chromium || true)
	if [ -z "$chromium" ]; then
		[ "${CI:-}" = true ] && die "chromium is missing (CI installs it)"
		echo "skipped: chromium is not installed (apt-get install chromium)"
		return 0
	fi
	sh "$ROOT/tests/browser/install.sh" "$ROOT/build/browser" ||
		die "cannot install tests/browser's packages with npm"
	serve_start --workers 2
	mkdir -p "$ROOT/build/test/serve-shots"
	CHROMIUM=$chromium NODE_PATH="$ROOT/build/browser/node_modules" \
		node "$ROOT/tests/browser/serve.js" "$URL" "$ROOT/build/test/serve-shots"
	pdf=$ROOT/build/test/serve-shots/banner.pdf
	pdfinfo "$pdf" | grep -q '^Page size: *1190.55 x 1683.78 pts' || die "$(pdfinfo "$pdf")"
	has_text "$pdf" "$(msgstr_of ar city | sed 's/{city}/Kraków/')"
	no_temp_files
	serve_stop
}

# The page lists countries in its own language; a name or the list's form works.
test_serve_countries() {
	serve_start --workers 1
	expect 200 "?ui=de"
	grep -q '<option value="Polen (PL)">' body || die "the German page lacks Polen (PL)"
	grep -q '<option value="[^"]* (GB-SCT)">' body || die "the page lacks GB-SCT"
	grep -q '(RU)"' body && die "the page offers RU as a host"
	expect 200 "?ui=en"
	grep -q '<option value="Eswatini (SZ)">' body || die "the English page lacks Eswatini (SZ)"
	expect 200 "preview?city=Edinburgh&country=Scotland%20(GB-SCT)&size=A5"
	type_is "image/png"
	expect 200 "preview?city=Warszawa&country=Polska&size=A5"
	expect 400 "preview?city=Moskva&country=%D0%A0%D0%BE%D1%81%D1%81%D0%B8%D1%8F&size=A5"
	grep -q "never a host flag" body || die "Россия: $(cat body)"
	[ "$(header X-Bayraq-Field)" = country ] || die "Россия field: $(header X-Bayraq-Field)"
	expect 400 "preview?city=Warszawa&country=Polnd&size=A5"
	grep -q "did you mean 'Poland', PL?" body || die "Polnd: $(cat body)"
	[ "$(header X-Bayraq-Field)" = country ] || die "field: $(header X-Bayraq-Field)"
	serve_stop
}

# A thumbnail per design and a flag per listed country: small PNGs made
# once; anything else is 404, and no parameter is ever a path.
test_serve_pictures() {
	serve_start --workers 1
	for d in "$ROOT"/designs/*/; do
		case "$(basename "$d")" in _*) continue ;; esac
		expect 200 "thumbnail?design=$(basename "$d")"
		type_is "image/png"
		set -- $("$ROOT/$TOOLS/pnginfo" body)
		long=$(($1 > $2 ? $1 : $2))
		[ "$long" -ge 140 ] && [ "$long" -le 180 ] || die "thumbnail is $1 x $2"
		mv body first.png
		expect 200 "thumbnail?design=$(basename "$d")"
		cmp -s body first.png || die "the thumbnail of $(basename "$d") was made again, otherwise"
	done
	for cc in PL pl UA JP CH NP QA; do
		expect 200 "flag?country=$cc"
		type_is "image/png"
		set -- $("$ROOT/$TOOLS/pnginfo" body)
		[ "$2" = 48 ] || die "the flag of $cc is $1 x $2, not 48 high"
	done
	expect 200 "flag?country=CH"
	[ "$("$ROOT/$TOOLS/pnginfo" body | cut -d' ' -f1)" = 48 ] || die "the Swiss flag is not square"
	expect 200 "flag?country=QA"
	set -- $("$ROOT/$TOOLS/pnginfo" body)
	[ "$1" -gt 100 ] || die "the flag of Qatar is $1 x $2, not 28:11"
	for bad in "flag?country=RU" "flag?country=ru" "flag?country=ZZ" "flag?country=" "flag" \
		"flag?country=..%2Fua" "flag?country=P" "flag?country=PLN" "flag?country=%2Fetc%2Fpasswd" \
		"thumbnail?design=nope" "thumbnail?design=..%2Fdesigns%2Fliberate-crimea" \
		"thumbnail?design=_flags" "thumbnail" "thumbnail?design=%2Fetc"; do
		expect 404 "$bad"
		type_is "text/plain"
	done
	no_temp_files
	serve_stop
}

# --render-timeout: past it, 503 with Retry-After and a line that says
# what to do; the abandoned render ends on its worker, which then serves
# again, and leaves nothing behind.
test_serve_render_timeout() {
	expect_exit 0 bayraq serve --help
	grep -q -- "--render-timeout SECONDS" stdout || die "help does not document --render-timeout"
	expect_exit 2 bayraq serve --render-timeout 0
	one_error "--render-timeout takes seconds from 0.001 to 3600"
	expect_exit 2 bayraq serve --render-timeout soon
	one_error "--render-timeout takes seconds from 0.001 to 3600"
	serve_start --workers 1 --render-timeout 0.001
	expect 503 "preview?city=Kyiv&country=PL"
	[ "$(header Retry-After)" -ge 1 ] || die "no Retry-After"
	type_is "text/plain"
	grep -qx "the render took longer than this server's limit of 0.001 s: choose a smaller size or a lower dpi, or try again in a moment" body ||
		die "$(cat body)"
	expect 503 "file?city=Kyiv&country=PL&size=A4&format=pdf"
	expect 503 "thumbnail?design=liberate-crimea"
	[ "$(header Retry-After)" -ge 1 ] || die "no Retry-After"
	expect 200 "options"
	expect 200 "flag?country=PL"
	n=0
	while [ -n "$(find tmp -mindepth 2 | head -1)" ]; do
		n=$((n + 1))
		[ "$n" -lt 200 ] || die "the abandoned renders left: $(find tmp -mindepth 2)"
		sleep 0.05
	done
	serve_stop
	grep -q "too slow (503)" server.err || die "no count of renders past the limit: $(cat server.err)"
	[ -z "$(ls -A tmp)" ] || die "the temporary folder was left: $(ls -A tmp)"
	serve_start --workers 1 --render-timeout 60
	expect 200 "preview?city=Kyiv&country=PL"
	serve_stop
}

# wrk on the preview route for a few seconds at 16 connections: nothing
# but 200 and 503, and the server answers afterwards. make bench runs the
# 30 s version and records the figures (tests/bench/serve.sh).
test_serve_load() {
	if ! command -v wrk >/dev/null; then
		[ "${CI:-}" = true ] && die "wrk is missing (src/deps.sh installs it)"
		echo "skipped: wrk is not installed (apt-get install wrk)"
		return 0
	fi
	serve_start --workers 2
	wrk -t 2 -c 16 -d "${SERVE_LOAD_SECONDS:-3}s" --timeout 20s \
		-s "$ROOT/tests/bench/statuses.lua" \
		"${URL}preview?lang=uk&city=Kyiv&country=PL&size=A2" >wrk.out 2>&1 ||
		die "wrk failed: $(cat wrk.out)"
	# A slow build (asan) may finish no render within the run: only the
	# statuses are checked here, and a preview afterwards.
	grep -q '^statuses: [0-9]' wrk.out || die "wrk got no answer: $(cat wrk.out)"
	grep '^statuses: ' wrk.out | tr ' ' '\n' | grep -Ev '^(statuses:|200=|503=|$)' &&
		die "statuses other than 200 and 503: $(cat wrk.out)"
	grep -q 'Socket errors' wrk.out && die "connections failed: $(cat wrk.out)"
	kill -0 "$SERVER_PID" || die "the server died under load"
	expect 200 "preview?city=Lviv&country=PL"
	no_temp_files
	serve_stop
}

# The slogan and the event as query parameters, and on the page: a menu of
# the slogans in the page's language, a field for the event.
test_serve_slogan_event() {
	serve_start
	expect 200 "file?lang=uk&city=Lviv&country=PL&size=A4&format=pdf&slogan=prisoners&event=Sat%2022%20Feb%2C%2014%3A00"
	mv body uk.pdf
	has_text uk.pdf "$(msgstr_of uk prisoners)"
	has_text uk.pdf "Sat 22 Feb, 14:00"
	expect 400 "file?lang=uk&city=Lviv&country=PL&size=A4&format=pdf&slogan=freedom"
	grep -q "unknown --slogan 'freedom' (expected day, prisoners" body || die "$(cat body)"
	[ "$(header X-Bayraq-Field)" = slogan ] || die "field: $(header X-Bayraq-Field)"
	expect 400 "preview?lang=en&city=Lviv&country=PL&event=a%09b"
	[ "$(header X-Bayraq-Field)" = event ] || die "field: $(header X-Bayraq-Field)"
	expect 200 "?ui=uk"
	grep -q "<option value=\"indigenous\">$(msgstr_of uk indigenous)</option>" body ||
		die "no slogan menu in the page's language"
	grep -q '<input id="event" name="event"' body || die "no event field"
	no_temp_files
	serve_stop
}
