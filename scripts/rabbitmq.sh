#!/usr/bin/env bash
# A throwaway RabbitMQ with Web-STOMP on loopback for test/connection/rabbitmq.e2e.test.ts (toolchain.md §9), with
# the test auth endpoint scripts/rabbitmq-auth.mjs behind rabbitmq_auth_backend_http. Used by .ci/run; locally:
#
#   apt-get install -y rabbitmq-server         # once (Debian; as root)
#   bash scripts/rabbitmq.sh start             # launch + wait: ws://127.0.0.1:15674/ws, auth on 127.0.0.1:18001
#   npm run test:browser -- --files test/connection/rabbitmq.e2e.test.ts
#   bash scripts/rabbitmq.sh stop              # stops the broker, epmd (if it started it) and the auth endpoint
#
# `launch` starts everything detached and returns at once; `wait` waits until Web-STOMP listens; `start` does both.
# Everything (config, Mnesia, logs, pid files) lives in one directory, removed by `stop`. Needs root (the Debian
# scripts run the broker as the `rabbitmq` user). Every listener is bound to 127.0.0.1, epmd and Erlang
# distribution included.
set -euo pipefail
cd "$(dirname "$0")/.."

WS_PORT="${RABBITMQ_WS_PORT:-15674}"
AUTH_PORT="${RABBITMQ_AUTH_PORT:-18001}"
RUN="${RABBITMQ_RUN_DIR:-${TMPDIR:-/tmp}/os-widgets-rabbitmq}"
export RABBITMQ_NODENAME="${RABBITMQ_NODENAME:-rabbit@localhost}"
export ERL_EPMD_ADDRESS=127.0.0.1
export RABBITMQ_CONFIG_FILE="$RUN/rabbitmq.conf"
export RABBITMQ_ENABLED_PLUGINS_FILE="$RUN/enabled_plugins"
export RABBITMQ_MNESIA_BASE="$RUN/mnesia"
export RABBITMQ_LOG_BASE="$RUN/log"
export RABBITMQ_PID_FILE="$RUN/rabbitmq.pid"
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
PATH="$PATH:/usr/sbin:/usr/lib/rabbitmq/bin"

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

launch() {
  command -v rabbitmq-server >/dev/null || {
    echo "rabbitmq-server is not installed: apt-get install -y rabbitmq-server" >&2
    exit 1
  }
  if listening "$WS_PORT" || listening "$AUTH_PORT"; then
    echo "Port $WS_PORT or $AUTH_PORT is already in use: is a broker running? (bash scripts/rabbitmq.sh stop)" >&2
    exit 1
  fi
  rm -rf "$RUN"
  mkdir -p "$RUN/mnesia" "$RUN/log"
  cat >"$RUN/rabbitmq.conf" <<EOF
listeners.tcp.default = 127.0.0.1:5672
stomp.listeners.tcp.1 = 127.0.0.1:61613
web_stomp.tcp.ip = 127.0.0.1
web_stomp.tcp.port = $WS_PORT
auth_backends.1 = http
auth_http.http_method = post
auth_http.user_path = http://127.0.0.1:$AUTH_PORT/auth/user
auth_http.vhost_path = http://127.0.0.1:$AUTH_PORT/auth/vhost
auth_http.resource_path = http://127.0.0.1:$AUTH_PORT/auth/resource
auth_http.topic_path = http://127.0.0.1:$AUTH_PORT/auth/topic
EOF
  rabbitmq-plugins enable --offline rabbitmq_web_stomp rabbitmq_auth_backend_http >/dev/null
  if [ "$(id -u)" = 0 ]; then chown -R rabbitmq:rabbitmq "$RUN" && chmod 755 "$RUN"; fi
  epmd -names >/dev/null 2>&1 || touch "$RUN/epmd-ours"
  node scripts/rabbitmq-auth.mjs --port "$AUTH_PORT" >"$RUN/auth.log" 2>&1 &
  echo $! >"$RUN/auth.pid"
  rabbitmq-server -detached >"$RUN/log/detached.log" 2>&1
}

wait_until_up() {
  local deadline=$((SECONDS + 60))
  until listening "$WS_PORT" && listening "$AUTH_PORT"; do
    if [ $SECONDS -ge $deadline ] || ! alive "$RUN/auth.pid"; then
      echo "RabbitMQ did not come up on 127.0.0.1:$WS_PORT within 60 s. Its logs:" >&2
      tail -n 30 "$RUN"/log/*.log "$RUN/auth.log" >&2 || true
      exit 1
    fi
    sleep 0.25
  done
  echo "RabbitMQ Web-STOMP on ws://127.0.0.1:$WS_PORT/ws, test auth endpoint on http://127.0.0.1:$AUTH_PORT"
}

stop() {
  [ -d "$RUN" ] || return 0
  if alive "$RUN/rabbitmq.pid"; then
    # `stop <pid file>` returns once the node's process has exited; kill it if that fails.
    timeout 30 rabbitmqctl stop "$RUN/rabbitmq.pid" >/dev/null 2>&1 || true
    if alive "$RUN/rabbitmq.pid"; then
      kill "$(cat "$RUN/rabbitmq.pid")" 2>/dev/null || true
      sleep 2
      ! alive "$RUN/rabbitmq.pid" || kill -9 "$(cat "$RUN/rabbitmq.pid")" 2>/dev/null || true
    fi
  fi
  if [ -f "$RUN/epmd-ours" ]; then epmd -kill >/dev/null 2>&1 || true; fi
  if alive "$RUN/auth.pid"; then kill "$(cat "$RUN/auth.pid")" 2>/dev/null || true; fi
  rm -rf "$RUN"
}

case "${1:-}" in
  launch) launch ;;
  wait) wait_until_up ;;
  start)
    launch
    wait_until_up
    ;;
  stop) stop ;;
  *)
    echo "usage: bash scripts/rabbitmq.sh launch|wait|start|stop" >&2
    exit 2
    ;;
esac
