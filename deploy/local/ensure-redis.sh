#!/usr/bin/env bash
# Makes sure the tests have a real Redis for the gateway's shared rate limits: the one named by
# TEST_REDIS_URL, else 127.0.0.1:6379 if running, started if installed, installed from the OS
# packages if not. The local stack itself does not need Redis (its buckets are in memory).
set -euo pipefail
PATH="$PATH:/usr/sbin:/usr/local/sbin"

say() { printf '[redis] %s\n' "$*"; }
die() { printf '[redis] %s\n' "$*" >&2; exit 1; }

# host port -> success when a Redis answers PING there
answers() {
  timeout 5 bash -c 'exec 3<>"/dev/tcp/$0/$1" && printf "PING\r\n" >&3 && head -c 5 <&3 | grep -q PONG' "$1" "$2" \
    2>/dev/null
}

if [[ -n "${TEST_REDIS_URL:-}" ]]; then
  say "using $TEST_REDIS_URL (TEST_REDIS_URL)"
  exit 0
fi
if answers 127.0.0.1 6379; then
  say "running on 127.0.0.1:6379"
  exit 0
fi
if ! command -v redis-server >/dev/null 2>&1; then
  say "installing redis-server from the OS packages"
  if [[ $(id -u) -eq 0 ]]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
fi
say "starting redis-server on 127.0.0.1:6379 (nothing kept on disk)"
redis-server --bind 127.0.0.1 --port 6379 --daemonize yes --save '' --appendonly no >/dev/null
for _ in $(seq 1 20); do
  answers 127.0.0.1 6379 && exit 0
  sleep 0.5
done
die "redis-server did not answer on 127.0.0.1:6379"
