#!/bin/sh
# web-embed.sh FILE... - bayraq serve's page files as C arrays, on stdout.
set -eu
echo '/* web-assets.c - made by src/cli/web-embed.sh; do not edit. */'
echo '#include "cli/serve.h"'
i=0
for f in "$@"; do
	echo "static const unsigned char asset$i[] = {"
	od -An -v -tx1 "$f" | sed -e 's/ *\([0-9a-f][0-9a-f]\)/0x\1, /g'
	echo "0 };"
	i=$((i + 1))
done
echo "const struct serve_asset serve_assets[] = {"
i=0
for f in "$@"; do
	echo "	{ \"$(basename "$f")\", asset$i, $(wc -c <"$f") },"
	i=$((i + 1))
done
echo "	{ NULL, NULL, 0 },"
echo "};"
