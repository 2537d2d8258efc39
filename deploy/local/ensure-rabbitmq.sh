#!/usr/bin/env bash
# Makes sure the local stack has a real RabbitMQ to talk to (there is no embedded broker, see
# DESIGN.md): a remote one named by RABBITMQ_HOST must be reachable; otherwise the local one on
# 127.0.0.1:5672 is used if running, started if installed, installed from the OS packages if not.
set -euo pipefail
# the Debian package puts its commands in /usr/sbin, which is not on every user's PATH
PATH="$PATH:/usr/sbin:/usr/local/sbin"

say() { printf '[rabbitmq] %s\n' "$*"; }
die() { printf '[rabbitmq] %s\n' "$*" >&2; exit 1; }

# seconds command... -> the command, bounded in time where coreutils' timeout exists (not on macOS)
bounded() {
  local seconds=$1
  shift
  if command -v timeout >/dev/null 2>&1; then
    timeout "$seconds" "$@"
  else
    "$@"
  fi
}

# host port -> success when something accepts a TCP connection there (bash /dev/tcp)
port_open() {
  bounded 5 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$1" "$2" 2>/dev/null
}

# host port -> success when an AMQP 0-9-1 broker answers there: its first frame after the protocol
# header is a method frame (type 1). A bare "port open" is not enough: proxies accept anything.
amqp_answers() {
  bounded 5 bash -c 'exec 3<>"/dev/tcp/$0/$1" && printf "AMQP\0\0\x09\x01" >&3 && head -c 1 <&3 | od -An -tx1 | grep -q 01' \
    "$1" "$2" 2>/dev/null
}

host="${RABBITMQ_HOST:-}"
port="${RABBITMQ_PORT:-5672}"

if [[ -n "$host" && "$host" != "localhost" && "$host" != "127.0.0.1" ]]; then
  if amqp_answers "$host" "$port"; then
    say "using the broker at $host:$port (RABBITMQ_HOST)"
    exit 0
  fi
  die "no RabbitMQ answers at $host:$port (RABBITMQ_HOST/RABBITMQ_PORT); is it running and reachable from here?"
fi

# The Debian package's commands must run as root (they switch to the rabbitmq user themselves);
# a Homebrew install runs as the user.
as_admin=()
if [[ "$(id -u)" != 0 ]] && command -v sudo >/dev/null 2>&1; then
  as_admin=(sudo)
fi
admin() { "${as_admin[@]+"${as_admin[@]}"}" "$@"; }

# Partner provisioning speaks to the management HTTP API (:15672): enable the plugin when it is off.
# Enabling is online (no restart); without rights for rabbitmq-plugins only a hint is printed.
ensure_management() {
  if port_open 127.0.0.1 15672; then
    return 0
  fi
  if admin rabbitmq-plugins enable rabbitmq_management >/dev/null 2>&1; then
    local deadline=$((SECONDS + 60))
    until port_open 127.0.0.1 15672; do
      if ((SECONDS >= deadline)); then
        say "rabbitmq_management enabled but :15672 does not answer yet; partner registration will fail until it does"
        return 0
      fi
      sleep 1
    done
    say "management API enabled: http://localhost:15672"
  else
    say "note: the management API (:15672) is off and could not be enabled here; partner registration needs it:"
    say "      rabbitmq-plugins enable rabbitmq_management"
  fi
}

if amqp_answers 127.0.0.1 "$port"; then
  say "already running on 127.0.0.1:$port"
  ensure_management
  exit 0
fi

install_rabbitmq() {
  if ! command -v apt-get >/dev/null 2>&1; then
    die "RabbitMQ is not installed and this is not a Debian/Ubuntu machine.
           Install RabbitMQ 3.10 or newer (e.g. 'brew install rabbitmq' on macOS, or your OS packages)
           and run this again, or point the stack at an existing broker with
           RABBITMQ_HOST, RABBITMQ_PORT, RABBITMQ_USERNAME and RABBITMQ_PASSWORD."
  fi
  if [[ "$(id -u)" != 0 && ${#as_admin[@]} -eq 0 ]]; then
    die "RabbitMQ is not installed, and installing it needs root (no sudo here).
           As root: apt-get update && apt-get install -y rabbitmq-server
           or set RABBITMQ_HOST/PORT/USERNAME/PASSWORD to an existing broker."
  fi
  say "not installed: installing rabbitmq-server from the OS packages (apt-get) …"
  admin apt-get update -q
  admin env DEBIAN_FRONTEND=noninteractive apt-get install -y -q rabbitmq-server
  say "installed"
}

start_rabbitmq() {
  if bounded 30 ${as_admin[@]+"${as_admin[@]}"} rabbitmqctl -q status >/dev/null 2>&1; then
    say "node is up but not yet listening on :$port; waiting for it"
  else
    say "starting rabbitmq-server -detached …"
    admin rabbitmq-server -detached
  fi
  say "waiting for startup (up to 120 s) …"
  local deadline=$((SECONDS + 120))
  # right after -detached the node may not accept CLI connections yet: retry until the deadline
  until bounded 120 ${as_admin[@]+"${as_admin[@]}"} rabbitmqctl -q await_startup >/dev/null 2>&1; do
    if ((SECONDS >= deadline)); then
      die "RabbitMQ did not start within 120 s; see /var/log/rabbitmq/ (or 'rabbitmqctl status')."
    fi
    sleep 2
  done
  say "started"
  ensure_management
  if ! amqp_answers 127.0.0.1 "$port"; then
    die "RabbitMQ started but does not answer on 127.0.0.1:$port; check its configuration."
  fi
  say "ready on 127.0.0.1:$port"
}

if ! command -v rabbitmq-server >/dev/null 2>&1 && [[ ! -x /usr/sbin/rabbitmq-server ]]; then
  install_rabbitmq
  # the package may already have started it
  if amqp_answers 127.0.0.1 "$port"; then
    say "running on 127.0.0.1:$port"
    ensure_management
    exit 0
  fi
fi
start_rabbitmq
