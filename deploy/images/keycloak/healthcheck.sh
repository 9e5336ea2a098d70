#!/usr/bin/env bash
# The container's healthcheck: the `cem` realm's discovery document answers 200 (bash's /dev/tcp: no curl here).
exec 3<>/dev/tcp/127.0.0.1/"${KC_HTTP_PORT:-8080}" || exit 1
printf 'GET /realms/cem/.well-known/openid-configuration HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
read -r -t 5 status <&3 || exit 1
[[ $status == *" 200 "* ]]
