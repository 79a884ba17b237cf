#!/usr/bin/env bash
# Runs the standard scenarios against sse-notify (Payara Micro) and nchan (nginx), one server at a time,
# and writes target/bench/report.md, target/bench/*.json and the latency charts.
#
#   bench/run.sh                      # the issue's sizes (N up to 19,000; 15-25 minutes)
#   BENCH_SCALE=small bench/run.sh    # N = 200/1000, a couple of minutes
#   BENCH_TARGETS=nchan bench/run.sh  # one server only
#   BENCH_ARGS="--scenarios fanout --size fanout.n=2000" bench/run.sh
#   BENCH_NO_BUILD=1 bench/run.sh     # keep target/sse-notify.war as it is
#   bench/run.sh --server wildfly     # the WAR on WildFly 39 (or liberty, payara) against nchan, from the
#                                     # recipes in deployment/ (the build unpacks the runtimes)
#
# Exit status is non-zero when any run missed, duplicated or misrouted an event, or a stream failed.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=$ROOT/target/bench
SCALE=${BENCH_SCALE:-full}
TARGETS=${BENCH_TARGETS:-app nchan}
if [ "${1:-}" = "--server" ]; then
    case "${2:-}" in
        payara) TARGETS=${BENCH_TARGETS:-app nchan} ;;
        wildfly|liberty) TARGETS=${BENCH_TARGETS:-$2 nchan} ;;
        *) echo "bench: --server payara|wildfly|liberty" >&2; exit 2 ;;
    esac
fi
APP_PORT=8181
NCHAN_PORT=8090
STARTUP_TIMEOUT=180
RUN_TIMEOUT=${BENCH_RUN_TIMEOUT:-3600}
TOOL_HEAP=${BENCH_TOOL_HEAP:-1g}
SERVER_HEAP=${BENCH_SERVER_HEAP:-2g}
mkdir -p "$OUT"

# Each stream is a file descriptor on both ends; 20000 is this machine's hard limit.
ulimit -n "$(ulimit -Hn)" || true
[ "$(ulimit -n)" -ge 20000 ] || echo "bench: warning: ulimit -n is $(ulimit -n); the 19,000-stream step needs 20000" >&2

SERVER_PID=
cleanup() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        # A launcher script (WildFly's, Liberty's) runs the JVM as its child: stop that first.
        pkill -P "$SERVER_PID" 2>/dev/null || true
        kill "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 1 30); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 1; done
        kill -9 "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=
}
trap cleanup EXIT INT TERM

install_nchan() {
    # One command on a fresh machine: the reference server comes from Debian's packages.
    if ! command -v nginx >/dev/null 2>&1 || [ ! -e /usr/lib/nginx/modules/ngx_nchan_module.so ]; then
        echo "bench: installing nginx and libnginx-mod-nchan"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx libnginx-mod-nchan >/dev/null
    fi
}

build() {
    # BENCH_NO_BUILD=1 reuses the WAR already in target/ (e.g. while the server code is being edited).
    if [ -z "${BENCH_NO_BUILD:-}" ] || [ ! -f target/sse-notify.war ] || [ ! -f target/payara-micro.jar ]; then
        mvn -q -DskipTests -Dexec.skip package
    fi
    mvn -q -Dexec.skip test-compile
    mvn -q dependency:build-classpath -Dmdep.outputFile="$OUT/cp.txt" -Dmdep.includeScope=test
    case " $TARGETS " in *" wildfly "*) mvn -q dependency:unpack@unpack-wildfly ;; esac
    case " $TARGETS " in *" liberty "*) mvn -q dependency:unpack@unpack-open-liberty ;; esac
}

wait_for() { # url, log, curl flags (-f: until it answers 2xx; Payara answers 404 until the WAR is deployed)
    local deadline=$((SECONDS + STARTUP_TIMEOUT))
    until curl -s $3 -o /dev/null -m 2 "$1"; do
        if ! kill -0 "$SERVER_PID" 2>/dev/null; then echo "bench: server died; see $2" >&2; return 1; fi
        if [ $SECONDS -ge $deadline ]; then echo "bench: server not up after ${STARTUP_TIMEOUT}s; see $2" >&2; return 1; fi
        sleep 1
    done
}

start_app() {
    # The JVM must be $! itself (exec), so that its pid is the one jcmd and /proc are asked about.
    (exec java -Xms"$SERVER_HEAP" -Xmx"$SERVER_HEAP" -jar target/payara-micro.jar --deploy target/sse-notify.war \
        --contextroot / --port "$APP_PORT" --nocluster --disablephonehome \
        --prebootcommandfile deployment/payara-preboot.asadmin \
        --systemproperties bench/app-server.properties) > "$OUT/app-server.log" 2>&1 &
    SERVER_PID=$!
    wait_for "http://127.0.0.1:$APP_PORT/api/sse-test" "$OUT/app-server.log" -f
    SERVER_PIDS=$SERVER_PID
}

# The other runtimes, each set up from its recipe in deployment/ as its README says, on the same port, with
# the same settings (bench/app-server.properties) and heap. The pid measured is the server JVM's.
start_wildfly() {
    local home base
    home=$(ls -d "$ROOT"/target/servers/wildfly-* | head -1)
    base=$OUT/wildfly
    rm -rf "$base" && cp -r "$home/standalone" "$base"
    JAVA_OPTS= "$home/bin/jboss-cli.sh" -Dsse.war="$ROOT/target/sse-notify.war" -Djboss.server.base.dir="$base" \
        --file="$ROOT/deployment/wildfly/configure.cli" > "$OUT/wildfly-configure.log" 2>&1
    (JAVA_OPTS="-Xms$SERVER_HEAP -Xmx$SERVER_HEAP" exec "$home/bin/standalone.sh" -Djboss.server.base.dir="$base" \
        -Djboss.http.port="$APP_PORT" -Djboss.management.http.port=$((APP_PORT + 1000)) \
        -P "$ROOT/bench/app-server.properties") > "$OUT/app-server.log" 2>&1 &
    SERVER_PID=$!
    wait_for "http://127.0.0.1:$APP_PORT/api/sse-test" "$OUT/app-server.log" -f
    # standalone.sh runs the JVM as its child.
    SERVER_PIDS=$(pgrep -P "$SERVER_PID" java | head -1 || true)
    SERVER_PIDS=${SERVER_PIDS:-$SERVER_PID}
}

start_liberty() {
    local wlp=$ROOT/target/servers/wlp usr=$OUT/liberty
    rm -rf "$usr" && mkdir -p "$usr/servers/sse/apps"
    cp "$ROOT/deployment/liberty/server.xml" "$ROOT/deployment/liberty/jvm.options" "$usr/servers/sse/"
    cp target/sse-notify.war "$usr/servers/sse/apps/"
    sed -i "s/^-Xmx.*/-Xms$SERVER_HEAP\n-Xmx$SERVER_HEAP/" "$usr/servers/sse/jvm.options"
    grep -v '^#' bench/app-server.properties | grep . | sed 's/^/-D/' >> "$usr/servers/sse/jvm.options"
    echo "http.port=$APP_PORT" > "$usr/servers/sse/bootstrap.properties"
    echo "https.port=$((APP_PORT + 1000))" >> "$usr/servers/sse/bootstrap.properties"
    (WLP_USER_DIR=$usr exec "$wlp/bin/server" run sse) > "$OUT/app-server.log" 2>&1 &
    SERVER_PID=$!
    wait_for "http://127.0.0.1:$APP_PORT/api/sse-test" "$OUT/app-server.log" -f
    # `server run` starts the JVM as its child (or is it, if it execs).
    SERVER_PIDS=$(pgrep -P "$SERVER_PID" java | head -1 || true)
    SERVER_PIDS=${SERVER_PIDS:-$SERVER_PID}
}

start_nchan() {
    local prefix=$OUT/nginx
    mkdir -p "$prefix/tmp"
    rm -f "$prefix/error.log"
    (exec nginx -p "$prefix/" -c "$ROOT/bench/nginx/nchan.conf") > "$prefix/stdout.log" 2>&1 &
    SERVER_PID=$!
    wait_for "http://127.0.0.1:$NCHAN_PORT/" "$prefix/error.log" ""
    # RSS is the master's plus the worker's.
    SERVER_PIDS="$SERVER_PID,$(pgrep -P "$SERVER_PID" | paste -sd, -)"
}

run_tool() { # target name
    local status=0 target=bench/$1.properties
    case $1 in
        # The same HTTP API as the app on Payara: its target file, named for the runtime.
        wildfly|liberty) target=$OUT/$1.properties
                         sed "s/^name=.*/name=sse-notify on $1/" bench/app.properties > "$target" ;;
    esac
    # shellcheck disable=SC2086
    timeout "$RUN_TIMEOUT" java -Xmx"$TOOL_HEAP" -cp "target/test-classes:$(cat "$OUT/cp.txt")" dev.ssenotify.bench.Main run \
        --target "$target" --scale "$SCALE" --server-pids "$SERVER_PIDS" \
        --out "$OUT/$1.json" ${BENCH_ARGS:-} || status=$?
    return $status
}

case " $TARGETS " in *" nchan "*) install_nchan ;; esac
build
FAILED=0
RESULTS=()
for target in $TARGETS; do
    echo "bench: === $target ==="
    case $target in
        app) start_app ;;
        wildfly) start_wildfly ;;
        liberty) start_liberty ;;
        nchan) start_nchan ;;
        *) echo "bench: unknown target $target" >&2; exit 2 ;;
    esac
    run_tool "$target" || FAILED=1
    cleanup
    [ -f "$OUT/$target.json" ] && RESULTS+=("$OUT/$target.json")
done

java -cp "target/test-classes:$(cat "$OUT/cp.txt")" dev.ssenotify.bench.Main report --dir "$OUT" "${RESULTS[@]}" || FAILED=1
echo "bench: report in $OUT/report.md"
if [ "$FAILED" -ne 0 ]; then
    echo "bench: FAILED: events were missed, duplicated or misrouted, or streams failed; see the report" >&2
    exit 1
fi
