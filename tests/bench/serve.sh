#!/bin/sh
# serve.sh OUT - part of `make bench`: bayraq serve's preview route on
# loopback. N sequential previews (different cities): median and p99 of
# curl's total time; then 16 at once for N requests: statuses and time;
# the server's peak memory. Not a test: nothing here passes or fails.
set -u
OUT=$1
N=${N:-300}
W=build/bench/serve
rm -rf "$W"
mkdir -p "$W/tmp"
TMPDIR=$PWD/$W/tmp "$OUT/bayraq" serve --port 0 --workers 2 >"$W/out" 2>"$W/err" &
pid=$!
until grep -q '^bayraq: serving' "$W/out"; do
	kill -0 "$pid" 2>/dev/null || { cat "$W/err"; exit 1; }
	sleep 0.05
done
url=$(sed -n 's|^bayraq: serving \(http://[^ ]*/\) .*|\1|p' "$W/out")
curl -s -o /dev/null "${url}preview?city=Warmup&country=PL"
i=0
while [ "$i" -lt "$N" ]; do
	curl -s -o /dev/null -w '%{time_total}\n' "${url}preview?lang=uk&city=City$i&country=PL&size=A2"
	i=$((i + 1))
done | sort -n >"$W/times"
awk '{ t[NR] = $1 } END { printf "serve: %d previews (A2, uk) one at a time: median %.0f ms, p99 %.0f ms\n",
	NR, 1000 * t[int((NR + 1) / 2)], 1000 * t[int(NR * 0.99 + 0.5)] }' "$W/times"
set --
i=0
while [ "$i" -lt "$N" ]; do
	set -- "$@" -o /dev/null "${url}preview?lang=de&city=Stadt$i&country=DE"
	i=$((i + 1))
done
start=$(date +%s.%N)
curl -s -Z --parallel-max 16 -w '%{http_code}\n' "$@" 2>/dev/null | sort | uniq -c | tr '\n' ' ' >"$W/codes"
end=$(date +%s.%N)
echo "$start $end $N" | awk '{ printf "serve: %d previews 16 at once in %.1f s (%.0f/s); statuses: ", $3, $2 - $1, $3 / ($2 - $1) }'
cat "$W/codes"
echo
awk '/^VmHWM/ { printf "serve: peak memory %.0f MB\n", $2 / 1024 }' "/proc/$pid/status"
kill "$pid"
wait "$pid" 2>/dev/null
