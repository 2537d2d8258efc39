#!/usr/bin/env bash
# Adds the broker's users from the environment to the running node; run by the rabbitmq-init service of
# compose.yaml. Safe to run again: an existing user gets the password from .env and its tags and
# permissions set anew.
#   RABBITMQ_APP_USERNAME/PASSWORD      the services' AMQP connections: everything on the vhost, no tags
#   RABBITMQ_ADMIN_USERNAME/PASSWORD    the management UI, and credit-service's management API client, which
#                                       creates partner queues and partner users (tag administrator)
set -euo pipefail

NODE=${RABBITMQ_TARGET_NODE:-rabbit@rabbitmq}
VHOST=safety-credit

: "${RABBITMQ_APP_USERNAME:?}" "${RABBITMQ_APP_PASSWORD:?}" "${RABBITMQ_ADMIN_USERNAME:?}" "${RABBITMQ_ADMIN_PASSWORD:?}"

ctl() {
  rabbitmqctl --node "$NODE" "$@"
}

# name password [tag]
put_user() {
  local name=$1 password=$2 tags=("${@:3}")
  if ! ctl add_user "$name" "$password" 2>/dev/null; then
    ctl change_password "$name" "$password"
  fi
  ctl set_user_tags "$name" "${tags[@]}"
  ctl set_permissions -p "$VHOST" "$name" '.*' '.*' '.*'
}

ctl await_startup --timeout 120
put_user "$RABBITMQ_APP_USERNAME" "$RABBITMQ_APP_PASSWORD"
put_user "$RABBITMQ_ADMIN_USERNAME" "$RABBITMQ_ADMIN_PASSWORD" administrator
echo "broker users ready on vhost $VHOST"
