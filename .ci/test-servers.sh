# Throwaway PostgreSQL and Redis servers for a test run, on free loopback ports in a temporary folder.
# Source it, call start_test_servers (exports INTERVIEWER_TEST_POSTGRES and INTERVIEWER_TEST_REDIS), and stop_test_servers in a trap.

# A random high port that nothing listens on yet.
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

start_test_servers() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  TEST_SERVERS_DIR=$(mktemp -d /tmp/interviewer-ci-XXXXXX)
  chmod 755 "$TEST_SERVERS_DIR"
  PG_BIN=$bin
  local pg_port redis_port as_pg=()
  pg_port=$(free_port)
  redis_port=$(free_port)
  # initdb refuses to run as root: the server runs as the postgres user, which must reach the folder.
  if [ "$(id -u)" = 0 ]; then
    chown postgres "$TEST_SERVERS_DIR"
    as_pg=(runuser -u postgres --)
  fi
  PG_AS=("${as_pg[@]}")
  "${as_pg[@]}" "$bin/initdb" -D "$TEST_SERVERS_DIR/data" -A trust -U postgres --no-sync >/dev/null || return 1
  "${as_pg[@]}" "$bin/pg_ctl" -D "$TEST_SERVERS_DIR/data" -l "$TEST_SERVERS_DIR/postgres.log" -w \
    -o "-p $pg_port -k $TEST_SERVERS_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start >/dev/null || return 1
  redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --pidfile "$TEST_SERVERS_DIR/redis.pid" --logfile "$TEST_SERVERS_DIR/redis.log" || return 1
  # A daemonized Redis returns before it listens (or after it failed to): wait until it answers.
  local tries=0
  until (exec 3<>"/dev/tcp/127.0.0.1/$redis_port") 2>/dev/null; do
    tries=$((tries + 1))
    if [ "$tries" -gt 50 ]; then
      echo "test servers: Redis did not start on 127.0.0.1:$redis_port"; cat "$TEST_SERVERS_DIR/redis.log"; return 1
    fi
    sleep 0.1
  done
  export INTERVIEWER_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres"
  export INTERVIEWER_TEST_REDIS="127.0.0.1:$redis_port"
  echo "test servers: PostgreSQL on 127.0.0.1:$pg_port, Redis on 127.0.0.1:$redis_port"
}

stop_test_servers() {
  [ -n "${TEST_SERVERS_DIR:-}" ] || return 0
  "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$TEST_SERVERS_DIR/data" -m immediate stop >/dev/null 2>&1
  [ -f "$TEST_SERVERS_DIR/redis.pid" ] && kill "$(cat "$TEST_SERVERS_DIR/redis.pid")" 2>/dev/null
  rm -rf "$TEST_SERVERS_DIR"
}
