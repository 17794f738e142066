#!/bin/sh
# icc.sh TI3 INK_LIMIT DESCRIPTION OUT.icc - a CMYK output profile from a
# characterisation data set, with ArgyllCMS colprof: the total ink limited
# to INK_LIMIT percent, a perceptual table gamut-mapped from sRGB (what the
# artwork is), and a fixed creation date, so that two builds give the same
# bytes. About a minute of CPU.
set -eu
ti3=$1 limit=$2 desc=$3 out=$4
srgb=/usr/share/color/icc/sRGB.icc
base=${out%.icc}
tmp=$base.tmp
trap 'rm -f "$tmp.ti3" "$tmp.icc"' EXIT
cp "$ti3" "$tmp.ti3"
# -S: perceptual and saturation tables mapped from sRGB's gamut, seen on a
# monitor (-c mt) and printed for a reading light (-d pp). -nc: no copy of
# the measurements inside.
if ! colprof -qm -l"$limit" -S "$srgb" -cmt -dpp -nc -D "$desc" \
	-C "No copyright, use freely" "$tmp" >"$base.log" 2>&1; then
	cat "$base.log" >&2
	exit 1
fi
# The ICC header's creation date (bytes 24-35, six big-endian 16-bit
# numbers): 2026-02-26 00:00:00, the Day of Crimean Resistance, instead of
# the build's time. The profile is version 2: no checksum to update.
printf '\007\352\000\002\000\032\000\000\000\000\000\000' |
	dd of="$tmp.icc" bs=1 seek=24 conv=notrunc status=none
mv "$tmp.icc" "$out"
