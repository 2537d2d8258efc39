# Sourced by the benchmark scripts. On the local broker a benchmark gets a virtual host of its own,
# deleted when the script exits, so its events never reach the queues of the local stack or of test
# runs (and theirs never reach it). Without rights for rabbitmqctl it uses '/', with queues of its own.
vhost_made=""
if [[ -z "${RABBITMQ_VHOST:-}" && "${RABBITMQ_HOST:-localhost}" =~ ^(localhost|127\.0\.0\.1)$ ]]; then
  vhost="safety-credit-bench-$$"
  rabbitmqctl=(rabbitmqctl)
  if [[ $EUID -ne 0 ]] && command -v sudo >/dev/null 2>&1; then rabbitmqctl=(sudo -n rabbitmqctl); fi
  PATH="$PATH:/usr/sbin:/usr/local/sbin"
  if "${rabbitmqctl[@]}" -q add_vhost "$vhost" >/dev/null 2>&1 \
      && "${rabbitmqctl[@]}" -q set_permissions -p "$vhost" "${RABBITMQ_USERNAME:-guest}" '.*' '.*' '.*' >/dev/null 2>&1; then
    export RABBITMQ_VHOST="$vhost"
    vhost_made="$vhost"
    trap '"${rabbitmqctl[@]}" -q delete_vhost "$vhost_made" >/dev/null 2>&1 || true' EXIT
  else
    echo "[rabbitmq] could not create a virtual host (no rights for rabbitmqctl?); using '/' with a queue of our own" >&2
  fi
fi

