#!/usr/bin/env bash
# Installs (if needed) and starts PostgreSQL, Kafka, FerretDB, Keycloak and Mailpit on 127.0.0.1, then prints the
# environment for tests. Idempotent: servers already running are left alone.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
start=$SECONDS

"$HERE/postgres.sh" start

# Kafka (JVM, Maven) and FerretDB (Go build) do not depend on each other: start them in parallel.
# Every line they print is prefixed with the script name, so interleaved output stays readable.
"$HERE/kafka.sh" start &
kafka=$!
"$HERE/ferretdb.sh" start &
ferretdb=$!
# Keycloak (the distributed mode's OpenID Connect issuer) is only needed by its own integration test, but
# starting it here keeps one command for every server the suite uses.
"$HERE/keycloak.sh" start &
keycloak=$!
# Mailpit: the SMTP server the notification digests go to in the tests (read back through its HTTP API).
"$HERE/mailpit.sh" start &
mailpit=$!
rc=0
wait "$kafka" || rc=1
wait "$ferretdb" || rc=1
wait "$keycloak" || rc=1
wait "$mailpit" || rc=1
((rc == 0)) || { echo "[up] a server failed to start, see above" >&2; exit 1; }

source "$HERE/env.sh"
echo "[up] all servers ready in $((SECONDS - start)) s. Environment (also: source deploy/local/env.sh):"
echo "export CEM_PG_URL=$CEM_PG_URL"
echo "export CEM_KAFKA_BROKERS=$CEM_KAFKA_BROKERS"
echo "export CEM_MONGO_URL=$CEM_MONGO_URL"
echo "export CEM_KEYCLOAK_URL=$CEM_KEYCLOAK_URL"
echo "export CEM_SMTP_URL=$CEM_SMTP_URL"
echo "export CEM_MAILPIT_URL=$CEM_MAILPIT_URL"
