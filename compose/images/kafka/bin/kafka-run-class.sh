#!/bin/sh
# Runs a Kafka class with the broker's jars: kafka-run-class.sh CLASS [ARGUMENT...]
class="$1"
shift
exec java ${KAFKA_TOOLS_HEAP_OPTS:--Xmx128m} -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp '/opt/kafka/libs/*' "${class}" "$@"
