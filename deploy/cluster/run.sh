#!/usr/bin/env bash
# A cluster on this machine, on loopback: PostgreSQL, Redis, two instances of the service and nginx in front of them
# (sticky ip_hash, WebSockets proxied). Debian's postgresql, redis-server and nginx; the .NET SDK builds the service.
#
#   deploy/cluster/run.sh up      build, start everything, print the URL (state and logs in $CLUSTER_DIR)
#   deploy/cluster/run.sh down    stop everything and remove $CLUSTER_DIR
#   deploy/cluster/run.sh status  what runs, and each instance's readiness
#
# Settings (environment): CLUSTER_DIR (default /tmp/interviewer-cluster), CLUSTER_PORT (nginx, default 8080),
# INTERVIEWER_REVIEWER_KEY (default: a new random key, printed once), INSTANCES (default 2), and any Interviewer__*
# variable, passed on to every instance.
set -euo pipefail
cd "$(dirname "$0")/../.."

DIR=${CLUSTER_DIR:-/tmp/interviewer-cluster}
PORT=${CLUSTER_PORT:-8080}
INSTANCES=${INSTANCES:-2}

die() { echo "cluster: $*" >&2; exit 1; }

free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

# initdb and postgres refuse to run as root: then they run as the postgres user.
as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

wait_ready() { # url seconds [pid that must stay alive]
  local deadline=$((SECONDS + $2))
  until curl -fs -o /dev/null "$1"; do
    [ $SECONDS -lt $deadline ] || return 1
    [ -z "${3:-}" ] || kill -0 "$3" 2>/dev/null || return 1
    sleep 0.5
  done
}

up() {
  [ ! -e "$DIR/state" ] || die "already up ($DIR/state); run '$0 down' first"
  local pg_bin
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$pg_bin" ] || die "PostgreSQL is not installed (apt-get install postgresql)"
  command -v redis-server >/dev/null || die "redis-server is not installed (apt-get install redis-server)"
  command -v nginx >/dev/null || die "nginx is not installed (apt-get install nginx)"
  command -v curl >/dev/null || die "curl is not installed"
  (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && die "port $PORT is taken; set CLUSTER_PORT"

  mkdir -p "$DIR" && chmod 755 "$DIR"
  : > "$DIR/state"
  trap 'echo "cluster: start failed; stopped what had started (logs in $DIR)" >&2; down keep-logs >/dev/null' EXIT

  echo "building the service (Release) ..."
  dotnet publish src/Interviewer.Api -c Release -o "$DIR/app" -v q -nologo >"$DIR/publish.log" 2>&1 \
    || die "the build failed: $DIR/publish.log"

  local pg_port redis_port
  pg_port=$(free_port)
  mkdir -p "$DIR/postgres"
  [ "$(id -u)" = 0 ] && chown postgres "$DIR/postgres"
  as_postgres "$pg_bin/initdb" -D "$DIR/postgres/data" -A trust -U postgres >"$DIR/postgres/initdb.log" 2>&1
  as_postgres "$pg_bin/pg_ctl" -D "$DIR/postgres/data" -l "$DIR/postgres/log" -w \
    -o "-p $pg_port -k $DIR/postgres -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null
  echo "pg_bin=$pg_bin" >> "$DIR/state"
  echo "postgres: 127.0.0.1:$pg_port"

  redis_port=$(free_port)
  redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --pidfile "$DIR/redis.pid" --logfile "$DIR/redis.log"
  echo "redis: 127.0.0.1:$redis_port"

  local key=${INTERVIEWER_REVIEWER_KEY:-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')}
  local upstreams="" i port
  # The first instance creates and migrates the database; the others start once it is ready, so that a failure of
  # the first is reported before more start (instances may also start together: they migrate one at a time).
  for i in $(seq 1 "$INSTANCES"); do
    port=$(free_port)
    mkdir -p "$DIR/instance-$i"
    # Settings as a real deployment gives them: environment variables, the same on every instance.
    ( cd "$DIR/instance-$i"
      exec env ASPNETCORE_ENVIRONMENT=Production \
        Interviewer__Storage__Provider=Postgres \
        ConnectionStrings__Interviewer="Host=127.0.0.1;Port=$pg_port;Database=interviewer;Username=postgres" \
        ConnectionStrings__Redis="127.0.0.1:$redis_port" \
        Interviewer__Security__ReviewerKeys__0="$key" \
        Interviewer__Security__KnownProxies__0=127.0.0.1 \
        dotnet "$DIR/app/Interviewer.Api.dll" --urls "http://127.0.0.1:$port" ) >"$DIR/instance-$i/log" 2>&1 </dev/null &
    echo $! > "$DIR/instance-$i/pid"
    echo "instance=$i:$port" >> "$DIR/state"
    upstreams+="    server 127.0.0.1:$port max_fails=0;"$'\n'
    [ "$i" = 1 ] || continue
    wait_ready "http://127.0.0.1:$port/health/ready" 90 "$(cat "$DIR/instance-$i/pid")" \
      || die "instance $i did not become ready: $(grep -m1 'cannot start' "$DIR/instance-$i/log" || echo "see $DIR/instance-$i/log")"
  done
  for i in $(seq 1 "$INSTANCES"); do
    port=$(grep "^instance=$i:" "$DIR/state" | cut -d: -f2)
    wait_ready "http://127.0.0.1:$port/health/ready" 90 "$(cat "$DIR/instance-$i/pid")" \
      || die "instance $i did not become ready: $(grep -m1 'cannot start' "$DIR/instance-$i/log" || echo "see $DIR/instance-$i/log")"
    echo "instance $i: http://127.0.0.1:$port/ (ready)"
  done

  mkdir -p "$DIR/nginx"
  cat > "$DIR/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $DIR/nginx/nginx.pid;
error_log $DIR/nginx/error.log warn;
events { worker_connections 8192; }
http {
  access_log off;
  client_body_temp_path $DIR/nginx/body;
  proxy_temp_path $DIR/nginx/proxy;
  fastcgi_temp_path $DIR/nginx/fastcgi;
  uwsgi_temp_path $DIR/nginx/uwsgi;
  scgi_temp_path $DIR/nginx/scgi;
  # SignalR needs every request of a connection on one instance: sticky by client address.
  upstream interviewer {
    ip_hash;
$upstreams  }
  map \$http_upgrade \$connection_upgrade { default upgrade; '' close; }
  server {
    listen 127.0.0.1:$PORT;
    client_max_body_size 10m;
    location / {
      proxy_pass http://interviewer;
      proxy_http_version 1.1;
      proxy_set_header Upgrade \$http_upgrade;
      proxy_set_header Connection \$connection_upgrade;
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_read_timeout 120s;
    }
  }
}
CONF
  nginx -c "$DIR/nginx/nginx.conf" -e "$DIR/nginx/error.log" || die "nginx did not start: $DIR/nginx/error.log"
  echo "nginx=$PORT" >> "$DIR/state"
  wait_ready "http://127.0.0.1:$PORT/health/ready" 15 || die "nginx does not reach the instances: $DIR/nginx/error.log"
  trap - EXIT

  echo
  echo "Interviewer: http://127.0.0.1:$PORT/"
  [ -n "${INTERVIEWER_REVIEWER_KEY:-}" ] || echo "reviewer key (shown once): $key"
  echo "stop with: $0 down"
}

down() {
  [ -e "$DIR/state" ] || { echo "cluster: not up ($DIR)"; return 0; }
  [ -f "$DIR/nginx/nginx.pid" ] && nginx -c "$DIR/nginx/nginx.conf" -e "$DIR/nginx/error.log" -s quit 2>/dev/null || true
  local pidfile pid
  for pidfile in "$DIR"/instance-*/pid; do
    [ -f "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    # SIGTERM: a graceful stop finishes the grading it started.
    kill "$pid" 2>/dev/null || true
  done
  for pidfile in "$DIR"/instance-*/pid; do
    [ -f "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
  done
  [ -f "$DIR/redis.pid" ] && kill "$(cat "$DIR/redis.pid")" 2>/dev/null || true
  local pg_bin
  pg_bin=$(sed -n 's/^pg_bin=//p' "$DIR/state")
  [ -n "$pg_bin" ] && [ -d "$DIR/postgres/data" ] && as_postgres "$pg_bin/pg_ctl" -D "$DIR/postgres/data" -m fast stop >/dev/null 2>&1 || true
  if [ "${1:-}" = keep-logs ]; then
    rm -f "$DIR/state"
  else
    rm -rf "$DIR"
  fi
  echo "cluster: stopped"
}

status() {
  [ -e "$DIR/state" ] || { echo "cluster: not up ($DIR)"; return 0; }
  local line i port
  while IFS= read -r line; do
    case "$line" in
      instance=*) i=${line#instance=}; port=${i#*:}; i=${i%%:*}
        echo "instance $i: http://127.0.0.1:$port/ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready" || true)";;
      nginx=*) echo "nginx: http://127.0.0.1:${line#nginx=}/ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${line#nginx=}/health/ready" || true)";;
    esac
  done < "$DIR/state"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
