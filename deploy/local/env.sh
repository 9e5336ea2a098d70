# shellcheck shell=bash
# Connection settings for the local servers started by deploy/local/up.sh.
# Meant to be sourced: `source deploy/local/env.sh` (sets no shell options, works from any cwd).
# Ports follow the same overridable variables as the scripts.
export CEM_PG_PORT="${CEM_PG_PORT:-5432}"
export CEM_KAFKA_PORT="${CEM_KAFKA_PORT:-9092}"
export CEM_MONGO_PORT="${CEM_MONGO_PORT:-27017}"
export CEM_KEYCLOAK_PORT="${CEM_KEYCLOAK_PORT:-8180}"
export CEM_SMTP_PORT="${CEM_SMTP_PORT:-1025}"
export CEM_MAILPIT_PORT="${CEM_MAILPIT_PORT:-8025}"
export CEM_PG_URL="postgres://cem:cem@127.0.0.1:${CEM_PG_PORT}/cem"
export CEM_KAFKA_BROKERS="127.0.0.1:${CEM_KAFKA_PORT}"
export CEM_MONGO_URL="mongodb://127.0.0.1:${CEM_MONGO_PORT}"
export CEM_KEYCLOAK_URL="http://127.0.0.1:${CEM_KEYCLOAK_PORT}"
# Mailpit (deploy/local/mailpit.sh): the SMTP server digests go to, and its API the tests read them back from.
export CEM_SMTP_URL="smtp://127.0.0.1:${CEM_SMTP_PORT}"
export CEM_MAILPIT_URL="http://127.0.0.1:${CEM_MAILPIT_PORT}"
