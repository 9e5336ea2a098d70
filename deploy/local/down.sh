#!/usr/bin/env bash
# Stops the local servers started by up.sh. Data stays in .cache/ for the next up.sh.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
rc=0
# In parallel (Kafka's clean shutdown takes a few seconds); keep going if one fails.
"$HERE/kafka.sh" stop & k=$!
"$HERE/ferretdb.sh" stop & f=$!
"$HERE/keycloak.sh" stop & kc=$!
"$HERE/mailpit.sh" stop & m=$!
"$HERE/postgres.sh" stop || rc=1
wait "$k" || rc=1
wait "$f" || rc=1
wait "$kc" || rc=1
wait "$m" || rc=1
exit "$rc"
