#!/bin/sh
# serve.sh OUT - part of `make bench`: bayraq serve's preview route on
# loopback. N sequential previews (different cities): median and p99 of
# curl's total time; then 16 at once for N requests: statuses and time;
# then wrk at 16 connections for 30 s (WRK_SECONDS): statuses, latency
# percentiles, throughput; the server's peak memory over it all. Not a
# test: nothing here passes or fails (test_serve_load is the short one).
set -u
# BENCH (see tests/bench/run.sh) names the sections to run; unset: all.
case " ${BENCH:-serve} " in *" serve "*) ;; *) exit 0 ;; esac
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
# wrk: 16 connections for 30 s on one preview; every status counted.
if command -v wrk >/dev/null; then
	wrk -t 2 -c 16 -d "${WRK_SECONDS:-30}s" --timeout 20s -s tests/bench/statuses.lua \
		"${url}preview?lang=uk&city=Kyiv&country=PL&size=A2" >"$W/wrk" 2>&1
	sed -n 's/^\(statuses\|latency\|throughput\): /serve: wrk 16 connections: \1: /p' "$W/wrk"
	grep -q 'Socket errors' "$W/wrk" && grep 'Socket errors' "$W/wrk" | sed 's/^ */serve: wrk: /'
	kill -0 "$pid" 2>/dev/null || echo "serve: the server died under wrk"
	echo "serve: after wrk, a preview: $(curl -s -o /dev/null -w '%{http_code}' "${url}preview?city=After&country=PL")"
else
	echo "serve: wrk is not installed (apt-get install wrk): no load run"
fi
awk '/^VmHWM/ { printf "serve: peak memory %.0f MB\n", $2 / 1024 }' "/proc/$pid/status"
kill "$pid"
wait "$pid" 2>/dev/null
