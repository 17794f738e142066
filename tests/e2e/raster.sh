# raster.sh - large PNGs in bands: the same pixels whatever the bands,
# threads or tiles, and the caps refused before anything is written.

# Bands of any height give the image of one band, exactly.
test_bands_equal_one_surface() {
	for size in 1000x707px 701x991px 999x999px; do
		bayraq render --lang uk --city Київ --country PL --size "$size" -f png \
			--band-rows 100000 -j 1 -o whole.png >/dev/null
		for rows in 1 16 100 256; do
			bayraq render --lang uk --city Київ --country PL --size "$size" -f png \
				--band-rows "$rows" -j 2 -o "b$rows.png" >/dev/null
			"$ROOT/$TOOLS/pngcmp" "b$rows.png" whole.png "diff$rows.png" 0 0 >/dev/null ||
				die "$size in bands of $rows differs from one surface"
		done
	done
}

# Threads never change a pixel; with zlib (small) and isa-l level 0 (fast)
# not a byte either. isa-l's level 1, the default, now and then deflates
# the same pixels to other bytes from run to run, threads or not
# (docs/performance.md), so its files are compared by their pixels.
test_threads_same_bytes() {
	args="--lang ka --city თბილისი --country GE --size A1 --dpi 60 -f png"
	bayraq render $args -j 1 -o one.png >/dev/null
	bayraq render $args -j 2 -o two.png >/dev/null
	bayraq render $args -j 3 --band-rows 256 -o three.png >/dev/null
	"$ROOT/$TOOLS/pngcmp" one.png two.png diff2.png 0 0 >/dev/null
	"$ROOT/$TOOLS/pngcmp" one.png three.png diff3.png 0 0 >/dev/null
	for level in fast small; do
		bayraq render $args -j 1 --png-compression $level -o "one-$level.png" >/dev/null
		bayraq render $args -j 2 --png-compression $level -o "two-$level.png" >/dev/null
		cmp "one-$level.png" "two-$level.png"
		"$ROOT/$TOOLS/pngcmp" "one-$level.png" one.png diff.png 0 0 >/dev/null
	done
	[ "$(stat -c %s one-small.png)" -lt "$(stat -c %s one.png)" ]
}

# Past 32767 pixels cairo cannot make a surface: tiles across (of 16384),
# checked against poppler's rendering of the same banner's PDF at each
# seam, on rows that cross the headline, the city and the hashtag.
test_wider_than_cairo() {
	args="--lang de --city Berlin --country DE --size banner-3x1m"
	bayraq render $args --dpi 300 -j 2 -f png -o wide.png >/dev/null
	set -- $("$ROOT/$TOOLS/pnginfo" wide.png)
	[ "$1 $2 $3" = "35433 11811 300" ] || die "wide.png is $*"
	bayraq render $args -f pdf -o wide.pdf >/dev/null
	for x in 16184 32567; do
		pdftocairo -r 300 -png -singlefile -x $x -y 1000 -W 400 -H 10000 wide.pdf "pdf$x"
		"$ROOT/$TOOLS/pngstitch" "png$x.png" 400 10000 wide.png $x 1000 400 10000 0 0
		"$ROOT/$TOOLS/pngcmp" "png$x.png" "pdf$x.png" "diff$x.png" 48 0.01 ||
			die "the seam at $x differs: $PWD/diff$x.png"
	done
	# No tile is blank (white paper, or black where nothing was drawn).
	for x in 100 16000 17000 33000 35400; do
		not_colour_at wide.png $x 11100 FFFFFF
		not_colour_at wide.png $x 11100 000000
	done
	# Other bands, other threads: the same pixels, to the bit.
	bayraq render $args --dpi 300 -j 1 --band-rows 100 -f png -o wide100.png >/dev/null
	"$ROOT/$TOOLS/pngcmp" wide100.png wide.png diff-bands.png 0 0 >/dev/null ||
		die "bands of 100 rows differ from the default bands"
}

# A blur reaches across band edges: bands of 16 rows look like one surface.
test_blur_across_bands() {
	mkdir -p data/designs
	ln -s "$ROOT/locales" data/locales
	ln -s "$ROOT/fonts" data/fonts
	cp -r "$ROOT/designs/_flags" "$ROOT/tests/data/designs/blur" data/designs/
	export BAYRAQ_DATADIR="$PWD/data"
	bayraq render --design blur --city Oslo --country NO --size 600x600px -f png \
		--band-rows 100000 -o whole.png >/dev/null
	bayraq render --design blur --city Oslo --country NO --size 600x600px -f png \
		--band-rows 16 -j 2 -o bands.png >/dev/null
	"$ROOT/$TOOLS/pngcmp" bands.png whole.png diff.png 2 0 || die "blur shows band edges: $PWD/diff.png"
	# The blur is there: gold in the middle, a soft edge, the field outside.
	colour_at whole.png 300 252 FFD700 40
	colour_at whole.png 30 300 0B1D3A 8
	not_colour_at whole.png 456 252 FFD700
	not_colour_at whole.png 456 252 0B1D3A
}

test_raster_caps() {
	mkdir out
	expect_exit 2 bayraq render --city Berlin --country DE --size A0 --dpi 1200 -f png -o out/
	one_error "an image of 39732 x 56173 pixels (about 1.7 GB) is past the cap"
	# --force lifts the cap, but not past the free disk space.
	expect_exit 1 bayraq render --city Berlin --country DE --size 50000x50000mm --dpi 300 --force -f png -o out/
	one_error "not enough disk space in 'out' for an image of about"
	no_files out
}

# TIFF for large-format shops: deflate, resolution, the sRGB profile, and
# the same pixels as the PNG.
test_tiff() {
	args="--lang ar --city عمان --country JO --size A3 --dpi 50"
	bayraq render $args -f png,tiff -j 2 -o banner.png >/dev/null
	[ -f banner.tiff ]
	tiffinfo banner.tiff >info.txt 2>&1
	grep -q 'Image Width: 585 Image Length: 827' info.txt || die "$(cat info.txt)"
	grep -q 'Resolution: 50, 50 pixels/inch' info.txt
	grep -q 'Compression Scheme: AdobeDeflate' info.txt
	grep -q 'ICC Profile: <present>' info.txt
	"$ROOT/$TOOLS/tiff2png" banner.tiff fromtiff.png
	"$ROOT/$TOOLS/pngcmp" fromtiff.png banner.png diff.png 0 0 || die "TIFF and PNG differ"
}
