#!/usr/bin/env bash
# What the test suite needs besides the JDK and Maven: a real RabbitMQ (with its management API),
# a real Redis (the gateway's shared rate limits), Chromium with its driver (the public page's
# browser test) and kubectl (renders the Kubernetes overlays). Each is started if installed,
# installed from the OS packages if not.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$here/ensure-rabbitmq.sh"
"$here/ensure-redis.sh"
"$here/ensure-chromium.sh"
"$here/ensure-kubectl.sh"
