#!/usr/bin/env bash
# Server benchmark (docs/benchmarks.md, "Server"): a release build on loopback, against a plain NIO
# echo server with the same framing, the real server with a constant-answer engine (server overhead)
# and `karir serve` on the shipped knowledge (server plus matching). Then memory with 10,000 idle
# connections and 100,000 sessions. Every run is bounded in time; everything it starts, it stops.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-5}
WARMUP=${WARMUP:-1}
CONNS=${CONNS:-"1 16 64 256"}
SCRATCH=${SCRATCH:-.build-release}
# One event loop per server: with the one-thread load generator that fills the 2 cores without
# oversubscribing them (more runnable threads than cores turns into scheduler stalls in the tails).
THREADS=${THREADS:-1}
swift build -c release --product karir --scratch-path "$SCRATCH" >/dev/null
KARIR="$SCRATCH/release/karir"
LOGS=$(mktemp -d)
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$LOGS"; }
trap cleanup EXIT

# start NAME COMMAND... : runs a server in the background and waits for its "listening on" line.
start() {
    local name=$1; shift
    "$@" >"$LOGS/$name.out" 2>"$LOGS/$name.err" &
    PIDS+=($!)
    eval "${name}_PID=$!"
    for _ in $(seq 1 600); do
        if grep -q '^listening on' "$LOGS/$name.out"; then
            eval "${name}_PORT=$(sed -n 's/^listening on .*:\([0-9]*\)$/\1/p' "$LOGS/$name.out")"
            return
        fi
        sleep 0.1
    done
    echo "$name did not start:"; cat "$LOGS/$name.err"; exit 1
}

rss() { awk '/VmRSS/ {printf "%.1f MiB", $2/1024}' "/proc/$1/status"; }

start echo "$KARIR" bench echo-server --port 0 --threads "$THREADS"
start stub "$KARIR" bench stub-server --port 0 --threads "$THREADS"
start real "$KARIR" serve --port 0 --threads "$THREADS" --knowledge knowledge --prompts prompts --log-level warning --max-connections 20000

bench() { "$KARIR" bench --port "$1" --duration "$DURATION" --warmup "$WARMUP" "${@:2}"; }

echo "== throughput and latency (closed loop, depth 1, JSON mode; client: 1 event loop thread; servers: $THREADS)"
for c in $CONNS; do
    echo "-- $c connections"
    printf 'echo            '; bench "$echo_PORT" --connections "$c"
    printf 'stub ask        '; bench "$stub_PORT" --connections "$c"
    printf 'serve ping      '; bench "$real_PORT" --connections "$c" --ping
    printf 'serve ask       '; bench "$real_PORT" --connections "$c"
done
echo "-- pipelining: 64 connections, depth 16"
printf 'echo            '; bench "$echo_PORT" --connections 64 --depth 16
printf 'stub ask        '; bench "$stub_PORT" --connections 64 --depth 16
echo "-- text mode, 64 connections"
printf 'stub text       '; bench "$stub_PORT" --connections 64 --mode text

echo "== memory (RSS) of a fresh karir serve on the shipped knowledge"
kill "$stub_PID" "$echo_PID" "$real_PID"
start fresh env KARIR_ADMIN_TOKEN=bench "$KARIR" serve --port 0 --knowledge knowledge --prompts prompts --log-level warning --max-connections 20000
sessions() {
    python3 - "$fresh_PORT" <<'PY'
import json, socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
s.sendall(b'{"jsonrpc":"2.0","id":1,"method":"stats","params":{"token":"bench"}}\n')
print(json.loads(s.makefile().readline())["result"]["sessions"])
PY
}
echo "after start: $(rss "$fresh_PID")"
"$KARIR" bench --port "$fresh_PORT" --connections 10000 --idle --duration 10 --warmup 0 >/dev/null &
IDLE=$!
for _ in $(seq 1 100); do
    open=$(ls "/proc/$fresh_PID/fd" | wc -l)
    [ "$open" -ge 10000 ] && break
    sleep 0.1
done
sleep 1
echo "with 10,000 idle connections ($(ls "/proc/$fresh_PID/fd" | wc -l) open descriptors): $(rss "$fresh_PID")"
wait "$IDLE"
"$KARIR" bench --port "$fresh_PORT" --connections 64 --depth 4 --sessions 100000 --duration "${SESSION_SECONDS:-40}" --warmup 0 >"$LOGS/sessions.out"
echo "asks to create sessions: $(cat "$LOGS/sessions.out")"
echo "with $(sessions) sessions: $(rss "$fresh_PID")"
