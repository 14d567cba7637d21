#!/bin/bash
# nova.sh start DIR [PORT_BASE [COWHERDCTL]] | stop DIR | status DIR
#
# CTest fixture (FIXTURES nova): a real single-node OpenStack on loopback, from Debian 12's own Zed
# packages — MariaDB and RabbitMQ of its own, keystone, glance-api, placement-api, neutron-server
# (ML2, no agents), nova-api, nova-conductor, nova-scheduler and nova-compute (libvirt driver,
# virt_type=qemu, on qemu:///system) — with three servers booted --nic none from two Glance
# images, so that the image cache holds two base files with overlays on them.
#
# Everything lives in DIR: configs (DIR/etc), logs (DIR/log), pids (DIR/run), databases, and the
# instances path DIR/instances (when libvirt-qemu cannot reach DIR, one under /var/lib/cowherd-test
# instead; DIR/fixture.json says which). The tests read DIR/fixture.json, DIR/clouds.yaml and
# DIR/secure.yaml (clouds nova-admin, and nova-tenant whose user is not admin).
#
# Ports: PORT_BASE (28300) + 0 keystone, 1 glance, 2 placement, 3 nova-api, 4 neutron, 5 MariaDB,
# 6 RabbitMQ, 7 its distribution port, 8 its epmd. start checks that they are free. They stay below
# the kernel's ephemeral range (32768-60999): there, any outgoing connection of the many the
# services open may hold the port a server is about to bind ("Could not bind ... after 30 s").
# COWHERDCTL (default: cowherdctl on PATH) writes the demo boot sectors the images are made of.
#
# `start` begins afresh (it stops what an earlier start left and clears DIR); `stop` ends, by pid,
# everything start began: the fixture's own domains (those whose disks are in its instances path),
# the services, and any process left whose command line names DIR; never other domains or daemons.
set -uo pipefail
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
unset PYTHONPATH PYTHONHOME PYTHONSTARTUP PYTHONUSERBASE VIRTUAL_ENV 2>/dev/null

mode=${1:-}
dir=${2:?usage: $0 start|stop|status DIR [PORT_BASE [COWHERDCTL]]}
mkdir -p "$dir" && dir=$(cd "$dir" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
port_base=${3:-28300}
cowherdctl=${4:-$(command -v cowherdctl || true)}

# shellcheck source=fixturelib.sh
. "$here/fixturelib.sh"
# shellcheck source=novaconf.sh
. "$here/novaconf.sh"

started_at=$(date +%s.%N)
say() { printf '[%s] nova fixture: %s\n' "$(date +%T)" "$*" >&2; }
elapsed() { awk -v a="$started_at" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }

port_keystone=$((port_base + 0)) port_glance=$((port_base + 1)) port_placement=$((port_base + 2))
port_nova=$((port_base + 3)) port_neutron=$((port_base + 4)) port_mysql=$((port_base + 5))
port_rabbit=$((port_base + 6)) port_rabbit_dist=$((port_base + 7)) port_epmd=$((port_base + 8))
compute_host=cowherd-nova
image_cache_interval=10
image_cache_original_age=300
image_cache_resized_age=60
pw_admin=adminpw pw_nova=novapw pw_placement=placementpw pw_glance=glancepw pw_neutron=neutronpw
pw_db=dbpw
db_url=mysql+pymysql://openstack:$pw_db@127.0.0.1:$port_mysql
transport_url=rabbit://guest:guest@127.0.0.1:$port_rabbit/
keystone_url=http://127.0.0.1:$port_keystone
# A unix socket path may not exceed 107 bytes; a deep build directory would.
mysql_socket=$dir/run/mysqld.sock
[ ${#mysql_socket} -lt 100 ] || mysql_socket=/tmp/cowherd-nova-$(printf %s "$dir" | cksum | cut -d' ' -f1).sock
services_in_stop_order=(nova-compute nova-api nova-scheduler nova-conductor neutron-server placement
    glance-api keystone rabbitmq epmd mariadb)

# ---------------------------------------------------------------- processes

# A pid is alive when it exists and is no zombie: PID 1 may be slow to reap orphans.
pid_alive() { [ -n "${1:-}" ] && [ -r "/proc/$1/stat" ] && [ "$(awk '{ print $3 }' "/proc/$1/stat" 2>/dev/null)" != Z ]; }
pid_of() { [ -s "$dir/run/$1.pid" ] && tr -dc '0-9' <"$dir/run/$1.pid"; }
# Every service runs in a session of its own (setsid), so its workers share its process group.
group_alive() { local p; for p in $(pgrep -g "$1" 2>/dev/null); do pid_alive "$p" && return 0; done; return 1; }

# launch NAME CMD...: in the background, in its own session; the pid goes to DIR/run/NAME.pid
launch() {
    local name=$1
    shift
    (no_inherited_fds setsid "$@" >>"$dir/log/$name.stdout" 2>&1 </dev/null) &
    echo $! >"$dir/run/$name.pid"
}

# stop_service NAME SECONDS: SIGTERM to its process group, SIGKILL after SECONDS
stop_service() {
    local name=$1 t=$2 pid
    pid=$(pid_of "$name") || return 0
    if group_alive "$pid"; then
        kill -TERM -- "-$pid" 2>/dev/null
        if ! poll $((t * 10)) eval "! group_alive $pid"; then
            say "$name (pid $pid) still runs after ${t} s: SIGKILL"
            kill -KILL -- "-$pid" 2>/dev/null
            poll 50 eval "! group_alive $pid" || say "$name (pid $pid) does not end"
        fi
        say "stopped $name (pid $pid)"
    fi
    rm -f "$dir/run/$name.pid"
}

# The sessions the fixture's services run in: each was started with setsid, so its session id
# is the pid in DIR/run/NAME.pid.
service_sessions() { cat "$dir"/run/*.pid 2>/dev/null | tr -dc '0-9\n'; }

# Pids left of the fixture: processes of its services' sessions (workers that left their
# process group, erlang's helpers), and nova-compute's privsep helpers, which sudo starts in a
# session of their own and which name the fixture's nova.conf.
leftovers() {
    # shellcheck disable=SC2016
    ps -e -o pid=,sid=,stat= | awk -v sessions=" $* " 'index(sessions, " " $2 " ") && $3 !~ /^Z/ { print $1 }'
    pgrep -f -- "privsep-helper --config-file $dir/etc/nova/nova.conf"
}

# ---------------------------------------------------------------- the fixture's domains

virsh_sys() { timeout 30 virsh -c qemu:///system "$@"; }

instances_path() {
    [ -s "$dir/instances-path" ] && cat "$dir/instances-path"
}

# Domains whose disks lie in this fixture's instances path: never any other.
own_domains() {
    local inst uuid
    inst=$(instances_path) || return 0
    [ -n "$inst" ] || return 0
    for uuid in $(virsh_sys list --all --uuid 2>/dev/null); do
        virsh_sys domblklist "$uuid" --details 2>/dev/null | grep -qF " $inst/" && echo "$uuid"
    done
}

# A virsh call may fail now and then while libvirtd is busy (one run left a domain running
# this way): look again until none is left, a few rounds at most, and say which one stays.
remove_own_domains() {
    local uuid round left
    for round in 1 2 3; do
        left=$(own_domains)
        [ -n "$left" ] || return 0
        for uuid in $left; do
            virsh_sys destroy "$uuid" >/dev/null 2>&1
            virsh_sys undefine "$uuid" >/dev/null 2>&1 && say "removed the fixture's domain $uuid"
        done
    done
    left=$(own_domains)
    [ -z "$left" ] && return 0
    say "could not remove the fixture's domains: $left (virsh -c qemu:///system destroy/undefine them)"
    return 1
}

# ---------------------------------------------------------------- stop

stop() {
    local name p left sessions domains_left=0
    sessions=$(service_sessions | tr '\n' ' ')
    # Domains first, while libvirtd is surely up; nova-compute is stopped right after, so it
    # never sees them vanish.
    remove_own_domains || domains_left=1
    stop_service nova-compute 30
    stop_service nova-api 20
    stop_service nova-scheduler 20
    stop_service nova-conductor 20
    stop_service neutron-server 30
    stop_service placement 20
    stop_service glance-api 20
    stop_service keystone 20
    stop_service rabbitmq 30
    stop_service epmd 10
    stop_service mariadb 60
    # shellcheck disable=SC2086
    left=$(leftovers $sessions)
    if [ -n "$left" ]; then
        for p in $left; do
            say "ending leftover pid $p: $(tr '\0' ' ' <"/proc/$p/cmdline" 2>/dev/null | cut -c1-120)"
            kill -TERM "$p" 2>/dev/null
        done
        for p in $left; do poll 100 eval "! pid_alive $p" || kill -KILL "$p" 2>/dev/null; done
    fi
    [ -f "$dir/run/libvirtd-started" ] && bash "$here/libvirtd.sh" stop "$dir/libvirtd" && rm -f "$dir/run/libvirtd-started"
    # shellcheck disable=SC2086
    left=$(leftovers $sessions)
    if [ -n "$left" ]; then
        say "processes of the fixture still run: $left"
        return 1
    fi
    [ "$domains_left" = 0 ] || return 1
    say "stopped in $(elapsed) s"
}

# ---------------------------------------------------------------- start helpers

fail() {
    say "FAILED: $*"
    say "logs are in $dir/log; stopping what was started"
    stop >/dev/null 2>&1
    exit 1
}

wait_until() { # SECONDS WHAT COMMAND...
    local t=$1 what=$2
    shift 2
    poll $((t * 10)) "$@" || fail "no $what within $t s"
}

http_code() { curl -s -o /dev/null -m 5 -w '%{http_code}' "$1"; }
http_ok() { [ "$(http_code "$1")" = 200 ]; }
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
mysql_ok() { mariadb --defaults-file="$dir/etc/mysql/my.cnf" -e 'select 1' >/dev/null 2>&1; }
json() { /usr/bin/python3 -c "import json, sys; print(json.load(sys.stdin)$1)"; }

admin_token() {
    local body
    body="{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"admin\",\"domain\":{\"name\":\"Default\"},\"password\":\"$pw_admin\"}}},\"scope\":{\"project\":{\"name\":\"admin\",\"domain\":{\"name\":\"Default\"}}}}}"
    curl -s -m 20 -D - -o /dev/null -X POST "$keystone_url/v3/auth/tokens" -H 'Content-Type: application/json' \
        -d "$body" | awk 'tolower($1) == "x-subject-token:" { print $2 }' | tr -d '\r'
}

# The fixture's packages come with `make test` (scripts/packages-test.txt); a ctest run without it
# installs them the same way: one dpkg query when all is there, and no Debian daemon started or
# left enabled (scripts/install-deps.sh).
install_missing() {
    "$(dirname "$0")/../../scripts/install-deps.sh" test >"$dir/apt.log" 2>&1 \
        || { say "installing the test packages failed, see $dir/apt.log"; exit 1; }
}

# qemu runs as libvirt-qemu and libvirt chowns only the image files: every directory above the
# instances path must be searchable by that user. A build directory under a private home is not.
choose_instances_path() {
    local inst=$dir/instances
    mkdir -p "$inst"
    chmod 0755 "$inst"
    if ! setpriv --reuid=libvirt-qemu --regid="$(id -g libvirt-qemu 2>/dev/null)" --init-groups test -x "$inst" 2>/dev/null; then
        inst=/var/lib/cowherd-test/nova-$(printf %s "$dir" | cksum | cut -d' ' -f1)/instances
        say "libvirt-qemu cannot reach $dir: the instances path is $inst"
        rm -rf "$inst"
        mkdir -p "$inst"
        chmod 0755 /var/lib/cowherd-test "$(dirname "$inst")" "$inst"
    fi
    echo "$inst" >"$dir/instances-path"
    instances=$inst
}

# step NAME COMMAND...: a set-up step's output goes to DIR/log/NAME.out
step() {
    local name=$1
    shift
    "$@" >>"$dir/log/$name.out" 2>&1 || fail "$name failed (exit $?), see $dir/log/$name.out"
}

# ---------------------------------------------------------------- start

start_databases() {
    write_mariadb_conf
    step mariadb-install-db mariadb-install-db --defaults-file="$dir/etc/mysql/my.cnf" --user=root \
        --auth-root-authentication-method=socket --skip-test-db
    launch mariadb /usr/sbin/mariadbd --defaults-file="$dir/etc/mysql/my.cnf"
    wait_until 60 "MariaDB on 127.0.0.1:$port_mysql" mysql_ok
    local db sql="CREATE USER 'openstack'@'127.0.0.1' IDENTIFIED BY '$pw_db';"
    for db in keystone placement nova_api nova nova_cell0 neutron; do
        sql+="CREATE DATABASE $db; GRANT ALL PRIVILEGES ON $db.* TO 'openstack'@'127.0.0.1';"
    done
    step mariadb mariadb --defaults-file="$dir/etc/mysql/my.cnf" -e "$sql"
}

start_rabbitmq() {
    write_rabbitmq_conf
    # shellcheck disable=SC1091
    (
        . "$dir/etc/rabbitmq/env.sh"
        launch epmd /usr/bin/epmd -address 127.0.0.1 -port "$port_epmd"
        poll 50 eval "! port_free $port_epmd"
        launch rabbitmq /usr/lib/rabbitmq/bin/rabbitmq-server
    )
}

# The schema of every database, at once: they do not depend on each other.
sync_schemas() {
    local -a jobs=() names=()
    local km=(/usr/bin/keystone-manage --config-file "$dir/etc/keystone/keystone.conf")
    local nm=(/usr/bin/nova-manage --config-file "$dir/etc/nova/nova.conf" --config-file "$dir/etc/nova/nova-db.conf")
    (
        "${km[@]}" db_sync && "${km[@]}" fernet_setup --keystone-user root --keystone-group root &&
            "${km[@]}" credential_setup --keystone-user root --keystone-group root &&
            "${km[@]}" bootstrap --bootstrap-password "$pw_admin" --bootstrap-region-id RegionOne \
                --bootstrap-admin-url "$keystone_url/v3/" --bootstrap-internal-url "$keystone_url/v3/" \
                --bootstrap-public-url "$keystone_url/v3/"
    ) >"$dir/log/keystone-manage.out" 2>&1 &
    jobs+=($!) names+=(keystone-manage)
    /usr/bin/glance-manage --config-file "$dir/etc/glance/glance-api.conf" db_sync >"$dir/log/glance-manage.out" 2>&1 &
    jobs+=($!) names+=(glance-manage)
    /usr/bin/placement-manage --config-file "$dir/etc/placement/placement.conf" db sync >"$dir/log/placement-manage.out" 2>&1 &
    jobs+=($!) names+=(placement-manage)
    /usr/bin/neutron-db-manage --config-file "$dir/etc/neutron/neutron.conf" --config-file "$dir/etc/neutron/ml2.ini" \
        upgrade heads >"$dir/log/neutron-db-manage.out" 2>&1 &
    jobs+=($!) names+=(neutron-db-manage)
    (
        "${nm[@]}" api_db sync && "${nm[@]}" cell_v2 map_cell0 --database_connection "$db_url/nova_cell0" &&
            "${nm[@]}" cell_v2 create_cell --name cell1 && "${nm[@]}" db sync
    ) >"$dir/log/nova-manage.out" 2>&1 &
    jobs+=($!) names+=(nova-manage)
    local i
    for i in "${!jobs[@]}"; do
        wait "${jobs[$i]}" || fail "${names[$i]} failed, see $dir/log/${names[$i]}.out"
    done
}

start_services() {
    launch keystone /usr/bin/uwsgi_python311 --ini "$dir/etc/keystone/uwsgi.ini"
    wait_until 60 "keystone on :$port_keystone" http_ok "$keystone_url/v3"
    # Services need their users in Keystone before they check a token or report to placement.
    /usr/bin/python3 "$here/nova_cloud.py" seed "$dir" "$keystone_url" >>"$dir/log/seed.out" 2>&1 <<EOF || fail "seeding keystone failed, see $dir/log/seed.out"
{"admin_password": "$pw_admin",
 "service_users": {"nova": "$pw_nova", "placement": "$pw_placement", "glance": "$pw_glance", "neutron": "$pw_neutron"},
 "services": {"image": ["glance", "http://127.0.0.1:$port_glance"],
              "placement": ["placement", "http://127.0.0.1:$port_placement"],
              "compute": ["nova", "http://127.0.0.1:$port_nova/v2.1"],
              "network": ["neutron", "http://127.0.0.1:$port_neutron"]},
 "tenant": {"project": "cowherd-tenant", "user": "tenant-user", "password": "tenantpw"}}
EOF
    launch glance-api /usr/bin/glance-api --config-file "$dir/etc/glance/glance-api.conf"
    launch placement /usr/bin/uwsgi_python311 --ini "$dir/etc/placement/uwsgi.ini"
    launch neutron-server /usr/bin/neutron-server --config-file "$dir/etc/neutron/neutron.conf" \
        --config-file "$dir/etc/neutron/ml2.ini"
    local nova=(--config-file "$dir/etc/nova/nova.conf" --config-file "$dir/etc/nova/nova-db.conf")
    launch nova-conductor /usr/bin/nova-conductor "${nova[@]}" --log-file "$dir/log/nova-conductor.log"
    launch nova-scheduler /usr/bin/nova-scheduler "${nova[@]}" --log-file "$dir/log/nova-scheduler.log"
    launch nova-api /usr/bin/nova-api "${nova[@]}" --log-file "$dir/log/nova-api.log"
    # --debug: the image cache manager's "Verify base images" ... "Verification complete" frame
    # each pass in the log, which the tests wait for.
    launch nova-compute /usr/bin/nova-compute --config-file "$dir/etc/nova/nova.conf" \
        --log-file "$dir/log/nova-compute.log" --debug
    wait_until 60 "glance-api on :$port_glance" http_ok "http://127.0.0.1:$port_glance/versions"
    wait_until 60 "placement on :$port_placement" http_ok "http://127.0.0.1:$port_placement/"
    wait_until 90 "neutron-server on :$port_neutron" http_ok "http://127.0.0.1:$port_neutron/"
    wait_until 90 "nova-api on :$port_nova" http_ok "http://127.0.0.1:$port_nova/"
}

# Until its ORM mappers are configured, a neutron worker answers its first GET /v2.0/ports with
# 500 ("Port has no attribute port_forwardings"), and Nova lists ports on every server show: one
# request for networks first configures them.
warm_up_neutron() {
    local token=$1
    [ "$(curl -s -o /dev/null -m 30 -w '%{http_code}' -H "X-Auth-Token: $token" \
        "http://127.0.0.1:$port_neutron/v2.0/networks")" = 200 ] || fail "neutron's GET /v2.0/networks did not answer 200"
}

compute_service_up() {
    curl -s -m 10 -H "X-Auth-Token: $token" "http://127.0.0.1:$port_nova/v2.1/os-services?binary=nova-compute" |
        grep -q '"state": "up"'
}

hypervisor_up() {
    curl -s -m 10 -H "X-Auth-Token: $token" "http://127.0.0.1:$port_nova/v2.1/os-hypervisors" |
        grep -q '"state": "up"'
}

# Each guest's boot sector prints its image's label to the serial console (console.log).
guests_booted() {
    local server
    for server in $(/usr/bin/python3 -c 'import json, sys
for s in json.load(open(sys.argv[1]))["servers"]: print(s["id"] + ":" + s["image"])' "$dir/servers.json"); do
        grep -qF "${server#*:}" "$instances/${server%%:*}/console.log" 2>/dev/null || return 1
    done
}

image_cache_pass_seen() {
    grep -q "INFO nova.virt.libvirt.imagecache .* Active base files: " "$dir/log/nova-compute.log" &&
        [ -s "$instances/compute_nodes" ]
}

write_facts() {
    /usr/bin/python3 - "$dir" <<EOF
import json, sys
d = sys.argv[1]
facts = json.load(open(d + '/servers.json'))
facts.update({
    'instances_path': '$instances',
    'nova_conf': d + '/etc/nova/nova.conf',
    'compute_host': '$compute_host',
    'nova_compute_pid_file': d + '/run/nova-compute.pid',
    'nova_compute_log': d + '/log/nova-compute.log',
    'clouds_yaml': d + '/clouds.yaml',
    'image_cache': {'manager_interval': $image_cache_interval,
                    'original_min_age_s': $image_cache_original_age,
                    'resized_min_age_s': $image_cache_resized_age},
    'urls': {'keystone': '$keystone_url/v3', 'nova': 'http://127.0.0.1:$port_nova/v2.1',
             'glance': 'http://127.0.0.1:$port_glance'},
})
json.dump(facts, open(d + '/fixture.json', 'w'), indent=1)
EOF
}

start() {
    [ "$(id -u)" = 0 ] || { say "needs root (MariaDB, libvirt's qemu:///system, nova's privsep)"; exit 1; }
    [ -x "$cowherdctl" ] || { say "no cowherdctl (pass its path as the fourth argument)"; exit 1; }
    # What an earlier start left behind is ended first; then the state begins afresh.
    [ -d "$dir/run" ] && stop >/dev/null 2>&1
    local old
    old=$(instances_path)
    [ -n "$old" ] && [ "$old" != "$dir/instances" ] && rm -rf "$old"
    find "$dir" -mindepth 1 -maxdepth 1 ! -name apt.log -exec rm -rf {} +
    mkdir -p "$dir/run" "$dir/log"
    install_missing
    local p
    for p in $port_keystone $port_glance $port_placement $port_nova $port_neutron $port_mysql \
        $port_rabbit $port_rabbit_dist $port_epmd; do
        port_free "$p" || { say "127.0.0.1:$p is in use ($(ss -ltnpH "sport = :$p" | awk '{ print $NF }')); choose another PORT_BASE"; exit 1; }
    done
    if ! virsh_sys version >/dev/null 2>&1; then
        say "qemu:///system does not answer: starting libvirtd (tests/support/libvirtd.sh)"
        (no_inherited_fds bash "$here/libvirtd.sh" start "$dir/libvirtd") || fail "libvirtd did not start"
        touch "$dir/run/libvirtd-started"
    fi
    choose_instances_path
    write_keystone_conf
    write_glance_conf
    write_placement_conf
    write_neutron_conf
    write_nova_conf
    start_rabbitmq
    start_databases
    say "MariaDB up after $(elapsed) s; creating the schemas"
    sync_schemas
    say "schemas ready after $(elapsed) s"
    wait_until 120 "RabbitMQ on :$port_rabbit" eval "! port_free $port_rabbit"
    start_services
    token=$(admin_token)
    [ -n "$token" ] || fail "no admin token from keystone"
    warm_up_neutron "$token"
    say "APIs answer after $(elapsed) s; waiting for nova-compute"
    wait_until 180 "nova-compute reporting up" compute_service_up
    step nova-manage /usr/bin/nova-manage --config-file "$dir/etc/nova/nova.conf" \
        --config-file "$dir/etc/nova/nova-db.conf" cell_v2 discover_hosts
    wait_until 120 "a hypervisor that is up" hypervisor_up
    say "nova-compute up after $(elapsed) s; booting three servers"
    /usr/bin/python3 "$here/nova_cloud.py" boot "$dir" "$cowherdctl" >>"$dir/log/boot.out" 2>&1 ||
        fail "booting the servers failed, see $dir/log/boot.out and $dir/log/nova-compute.log"
    wait_until 60 "the guests' banners in their console.log" guests_booted
    # Ready when Nova's image cache manager has run once over the servers: compute_nodes and the
    # locks it writes exist, and the tests start from the state Nova keeps.
    wait_until $((image_cache_interval + 120)) "a pass of nova-compute's image cache manager" image_cache_pass_seen
    write_facts
    say "ready in $(elapsed) s: 3 servers on $compute_host, instances path $instances, facts in $dir/fixture.json"
}

status() {
    local name pid total=0 kb p
    for name in "${services_in_stop_order[@]}"; do
        pid=$(pid_of "$name") || continue
        kb=0
        for p in $(pgrep -g "$pid" 2>/dev/null); do
            kb=$((kb + $(awk '/^VmRSS/ { print $2 }' "/proc/$p/status" 2>/dev/null || echo 0)))
        done
        printf '%-15s pid %-7s %6d MiB\n' "$name" "$pid" $((kb / 1024))
        total=$((total + kb))
    done
    kb=0
    for p in $(pgrep -f "privsep-helper --config-file $dir/" 2>/dev/null); do
        kb=$((kb + $(awk '/^VmRSS/ { print $2 }' "/proc/$p/status" 2>/dev/null || echo 0)))
    done
    printf '%-15s %11s %6d MiB\n' privsep-helpers "" $((kb / 1024))
    total=$((total + kb))
    printf '%-27s %6d MiB\n' total $((total / 1024))
}

case $mode in
start) start ;;
stop) stop ;;
status) status ;;
*)
    echo "usage: $0 start|stop|status DIR [PORT_BASE [COWHERDCTL]]" >&2
    exit 2
    ;;
esac
