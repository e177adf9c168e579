#!/usr/bin/env bash
# A real single-node Kafka broker (KRaft, combined broker+controller) without Docker, for development, tests
# and CI. The broker's jars come from Maven Central through Maven (infra/kafka/pom.xml).
#
#   kafka.sh install   resolve the broker jars into $KAFKA_CACHE_DIR (idempotent; run by .ci/run)
#   kafka.sh start     start the broker detached, or reuse ours if it already runs; waits until it is ready
#   kafka.sh stop      stop it cleanly (SIGTERM, waits for exit; SIGKILL only after KAFKA_STOP_TIMEOUT)
#   kafka.sh status    "running <pid> <host:port>" (exit 0) or "stopped" (exit 3)
#   kafka.sh brokers   print the bootstrap address (host:port)
#
# Environment (all optional):
#   KAFKA_VERSION        broker version (default 4.3.1; see docs/adr/0009)
#   KAFKA_CACHE_DIR      jars (default ~/.cache/backlog-ledger/kafka-<version>)
#   KAFKA_HOME_DIR       data, config, pid and log of this broker instance (default ~/.cache/backlog-ledger/broker-<port>)
#   KAFKA_PORT           client listener on 127.0.0.1 (default 19092); the controller uses KAFKA_PORT+1
#   KAFKA_HEAP           JVM heap (default 512m)
#   KAFKA_START_TIMEOUT  seconds to wait for readiness (default 90)
#   KAFKA_STOP_TIMEOUT   seconds to wait for a clean exit (default 60)
# Concurrent start/stop calls (parallel jest workers) are serialized with flock on the instance dir.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
KAFKA_VERSION="${KAFKA_VERSION:-4.3.1}"
KAFKA_CACHE_DIR="${KAFKA_CACHE_DIR:-$HOME/.cache/backlog-ledger/kafka-$KAFKA_VERSION}"
KAFKA_PORT="${KAFKA_PORT:-19092}"
CONTROLLER_PORT="$((KAFKA_PORT + 1))"
KAFKA_HOME_DIR="${KAFKA_HOME_DIR:-$HOME/.cache/backlog-ledger/broker-$KAFKA_PORT}"
KAFKA_HEAP="${KAFKA_HEAP:-512m}"
START_TIMEOUT="${KAFKA_START_TIMEOUT:-90}"
STOP_TIMEOUT="${KAFKA_STOP_TIMEOUT:-60}"
LIBS="$KAFKA_CACHE_DIR/libs"
PID_FILE="$KAFKA_HOME_DIR/broker.pid"
LOG_FILE="$KAFKA_HOME_DIR/broker.log"
PROPS="$KAFKA_HOME_DIR/server.properties"
DATA="$KAFKA_HOME_DIR/data"

say() { echo "kafka.sh: $*" >&2; }
die() { say "$*"; exit 1; }

need() {
  command -v "$1" >/dev/null 2>&1 || die "'$1' is not installed (apt-get install -y $2)"
}

install() {
  if [ -f "$KAFKA_CACHE_DIR/.complete" ] && ls "$LIBS"/kafka_2.13-"$KAFKA_VERSION".jar >/dev/null 2>&1; then
    return 0
  fi
  need mvn maven
  mkdir -p "$KAFKA_CACHE_DIR"
  exec 8>"$KAFKA_CACHE_DIR/.install.lock"
  flock 8
  if [ -f "$KAFKA_CACHE_DIR/.complete" ]; then return 0; fi
  say "resolving org.apache.kafka:kafka_2.13:$KAFKA_VERSION and its runtime dependencies with Maven"
  rm -rf "$LIBS.tmp"
  mvn -B -q -f "$HERE/pom.xml" -Dkafka.version="$KAFKA_VERSION" dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$LIBS.tmp" >&2 \
    || die "Maven could not resolve the broker jars (is Maven Central reachable?)"
  rm -rf "$LIBS" && mv "$LIBS.tmp" "$LIBS"
  touch "$KAFKA_CACHE_DIR/.complete"
  say "broker jars in $LIBS"
}

# Our broker: the pid file names a live java process whose command line holds our server.properties.
running_pid() {
  [ -f "$PID_FILE" ] || return 1
  local pid
  pid="$(cat "$PID_FILE" 2>/dev/null || true)"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$PROPS" || return 1
  echo "$pid"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$KAFKA_PORT") 2>/dev/null; }

write_config() {
  mkdir -p "$DATA"
  cat >"$PROPS" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$DATA
num.partitions=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=4
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
min.insync.replicas=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
num.network.threads=2
num.io.threads=2
background.threads=2
log.cleaner.threads=1
log.cleaner.dedupe.buffer.size=8388608
EOF
  cat >"$KAFKA_HOME_DIR/log4j2.properties" <<'EOF'
status = warn
appender.out.type = Console
appender.out.name = out
appender.out.layout.type = PatternLayout
appender.out.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = info
rootLogger.appenderRef.out.ref = out
logger.kafka.name = kafka
logger.kafka.level = info
logger.org.name = org.apache.kafka
logger.org.level = info
EOF
}

java_cmd() {
  JAVA=(java -Xms128m -Xmx"$KAFKA_HEAP" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Djava.awt.headless=true
    -Dlog4j2.configurationFile="$KAFKA_HOME_DIR/log4j2.properties" -cp "$LIBS/*")
}

start() {
  need java default-jre-headless
  install
  mkdir -p "$KAFKA_HOME_DIR"
  exec 9>"$KAFKA_HOME_DIR/.lock"
  flock 9
  local pid
  if pid="$(running_pid)"; then
    wait_ready "$pid"
    echo "127.0.0.1:$KAFKA_PORT"
    return 0
  fi
  if port_open; then
    die "127.0.0.1:$KAFKA_PORT is taken by another process (not our broker); set KAFKA_PORT or KAFKA_BROKERS"
  fi
  write_config
  if [ ! -f "$DATA/meta.properties" ]; then
    # KRaft storage: one cluster id per instance dir, formatted once (kafka-storage.sh format, standalone).
    java_cmd
    "${JAVA[@]}" kafka.tools.StorageTool format -t "$(uuid_b64)" -c "$PROPS" --ignore-formatted \
      >"$KAFKA_HOME_DIR/format.log" 2>&1 || { cat "$KAFKA_HOME_DIR/format.log" >&2; die "formatting KRaft storage failed"; }
  fi
  : >"$LOG_FILE"
  # setsid: the broker gets its own session, so it survives the caller and is stopped only through `stop`.
  java_cmd
  # 8>&- 9>&-: the broker must not inherit (and so hold forever) the flock descriptors.
  setsid "${JAVA[@]}" kafka.Kafka "$PROPS" >>"$LOG_FILE" 2>&1 </dev/null 8>&- 9>&- &
  echo $! >"$PID_FILE"
  wait_ready "$!"
  say "broker $! ready on 127.0.0.1:$KAFKA_PORT (log: $LOG_FILE)"
  echo "127.0.0.1:$KAFKA_PORT"
}

# 16 random bytes, base64url without padding: the format of a Kafka cluster id. Never one starting with '-'
# (1 in 64): the storage tool would read it as an option ("argument --cluster-id: expected one argument"), as
# Kafka's own Uuid.randomUuid() avoids for the same reason.
uuid_b64() {
  local id
  while :; do
    id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
    [ "${id#-}" = "$id" ] && break
  done
  printf '%s' "$id"
}

wait_ready() {
  local pid="$1" waited=0
  while [ "$waited" -lt "$((START_TIMEOUT * 4))" ]; do
    kill -0 "$pid" 2>/dev/null || { tail -n 30 "$LOG_FILE" >&2 || true; die "the broker exited during start-up; see $LOG_FILE"; }
    if grep -q "Kafka Server started" "$LOG_FILE" 2>/dev/null && port_open; then return 0; fi
    sleep 0.25
    waited=$((waited + 1))
  done
  die "the broker (pid $pid) was not ready within ${START_TIMEOUT}s; see $LOG_FILE"
}

stop() {
  mkdir -p "$KAFKA_HOME_DIR"
  exec 9>"$KAFKA_HOME_DIR/.lock"
  flock 9
  local pid waited=0
  if ! pid="$(running_pid)"; then
    rm -f "$PID_FILE"
    return 0
  fi
  kill -TERM "$pid"
  while kill -0 "$pid" 2>/dev/null; do
    if [ "$waited" -ge "$((STOP_TIMEOUT * 4))" ]; then
      say "broker $pid did not stop within ${STOP_TIMEOUT}s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.5
      break
    fi
    sleep 0.25
    waited=$((waited + 1))
  done
  rm -f "$PID_FILE"
  say "broker $pid stopped"
}

status() {
  local pid
  if pid="$(running_pid)"; then
    echo "running $pid 127.0.0.1:$KAFKA_PORT"
  else
    echo "stopped"
    return 3
  fi
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) stop ;;
  status) status ;;
  brokers) echo "127.0.0.1:$KAFKA_PORT" ;;
  *) echo "usage: $0 install|start|stop|status|brokers" >&2; exit 2 ;;
esac
