# refs.sh - whole banners against reviewed reference images (tests/ref).
# Regenerate with `make refs`, then look at the images before committing.

# Our own rasterizer must match the reference almost exactly: at most one
# pixel in a thousand may move by more than 8 levels (anti-aliased edges).
REF_PNG_TOL=8
REF_PNG_FRACTION=0.001
# The PDF is rasterized by poppler's cairo backend (pdftocairo, as cairo's
# own any2ppm does): pdftoppm's Splash anti-aliases edges differently, by up
# to 244 levels on 3% of a small banner's pixels, which would hide real
# changes of that size.
REF_PDF_TOL=8
REF_PDF_FRACTION=0.001

test_reference_renders() {
	n=0
	for args in "$ROOT"/tests/ref/*.args; do
		name=$(basename "$args" .args)
		eval "set -- $(cat "$args")"
		bayraq render "$@" -f pdf,png -o "$name.pdf" >/dev/null
		"$ROOT/$TOOLS/pngcmp" "$name.png" "$ROOT/tests/ref/$name-ref.png" "$name-diff.png" \
			$REF_PNG_TOL $REF_PNG_FRACTION || die "$name.png differs from tests/ref/$name-ref.png: see $PWD/$name-diff.png"
		pdftocairo -r 96 -png -singlefile "$name.pdf" "$name-pdf"
		"$ROOT/$TOOLS/pngcmp" "$name-pdf.png" "$ROOT/tests/ref/$name-ref.png" "$name-pdf-diff.png" \
			$REF_PDF_TOL $REF_PDF_FRACTION || die "$name.pdf differs from tests/ref/$name-ref.png: see $PWD/$name-pdf-diff.png"
		n=$((n + 1))
	done
	[ "$n" -ge 5 ] || die "only $n reference renders"
}

# The comparison itself can fail: another language is not the reference.
test_reference_compare_catches_change() {
	eval "set -- $(cat "$ROOT/tests/ref/en-square.args")"
	bayraq render "$@" --lang de -f png -o de.png >/dev/null
	if "$ROOT/$TOOLS/pngcmp" de.png "$ROOT/tests/ref/en-square-ref.png" diff.png \
		$REF_PNG_TOL $REF_PNG_FRACTION >/dev/null; then
		die "a German banner passed as the English reference"
	fi
	[ -s diff.png ]
}
