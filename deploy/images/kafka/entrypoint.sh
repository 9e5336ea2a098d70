#!/bin/bash
# Writes server.properties (single-node KRaft defaults, then every KAFKA_* variable the way apache/kafka
# maps them: _ -> ".", __ -> "_", ___ -> "-"), formats the storage once and runs the broker in the
# foreground, logging to stdout.
set -euo pipefail
CONF=/var/lib/kafka/server.properties
declare -A props=(
  [node.id]=1
  [process.roles]=broker,controller
  [listeners]=PLAINTEXT://:9092,CONTROLLER://:9093
  [advertised.listeners]=PLAINTEXT://localhost:9092
  [controller.listener.names]=CONTROLLER
  [controller.quorum.voters]=1@localhost:9093
  [listener.security.protocol.map]=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
  [log.dirs]=/var/lib/kafka/data
  [num.partitions]=3
  [offsets.topic.replication.factor]=1
  [transaction.state.log.replication.factor]=1
  [transaction.state.log.min.isr]=1
  [group.initial.rebalance.delay.ms]=0
  [log.retention.hours]=-1
)
while IFS='=' read -r name value; do
  case "$name" in KAFKA_HEAP_OPTS | KAFKA_OPTS | KAFKA_CLUSTER_ID) continue ;; esac
  key=${name#KAFKA_}; key=${key,,}; key=${key//___/-}; key=${key//__/@}; key=${key//_/.}; key=${key//@/_}
  props[$key]=$value
done < <(env | grep -E '^KAFKA_[A-Z0-9_]+=' || true)
: >"$CONF"
for k in "${!props[@]}"; do echo "$k=${props[$k]}" >>"$CONF"; done
cat >/var/lib/kafka/log4j.properties <<'LOG4J'
log4j.rootLogger=INFO, stdout
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.request.logger=WARN
log4j.logger.org.apache.kafka.clients=WARN
LOG4J
JAVA=(java -cp '/opt/kafka/libs/*' -Dlog4j.configuration=file:/var/lib/kafka/log4j.properties)
data_dir=${props[log.dirs]%%,*}
if [[ ! -f "$data_dir/meta.properties" ]]; then
  id=${KAFKA_CLUSTER_ID:-$("${JAVA[@]}" kafka.tools.StorageTool random-uuid 2>/dev/null)}
  "${JAVA[@]}" kafka.tools.StorageTool format -t "$id" -c "$CONF" --ignore-formatted >/dev/null
fi
# shellcheck disable=SC2086  # KAFKA_HEAP_OPTS / KAFKA_OPTS hold several JVM flags
exec "${JAVA[@]}" $KAFKA_HEAP_OPTS ${KAFKA_OPTS:-} -XX:+UseG1GC -Djava.awt.headless=true kafka.Kafka "$CONF"
