#!/usr/bin/env bash
# Test fixture: a real Glance (Debian's glance-api) on loopback, and optionally a real Keystone.
#   glance.sh start DIR PORT                 Glance alone: sqlite, file store, no-auth pipeline
#   glance.sh start-keystone DIR PORT KPORT  Keystone (sqlite, fernet, uwsgi) + Glance on its tokens
#   glance.sh stop DIR
# DIR gets the configs, databases, logs and a clouds.yaml/secure.yaml for the tests.
set -euo pipefail

mode=${1:?start|start-keystone|stop}; dir=${2:?DIR}
mkdir -p "$dir"; dir=$(cd "$dir" && pwd)

log() { echo "glance.sh: $*" >&2; }

stop_pid() {
    local file=$1 pid
    [ -f "$file" ] || return 0
    pid=$(cat "$file"); rm -f "$file"
    kill -TERM "$pid" 2>/dev/null || return 0
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.05; done
    kill -KILL "$pid" 2>/dev/null || true
}

if [ "$mode" = stop ]; then
    stop_pid "$dir/glance.pid"
    stop_pid "$dir/keystone/uwsgi.pid"
    exit 0
fi

port=${3:?PORT}
kport=${4:-}

# glance-api and keystone come with `make test`; a ctest run without it installs them the same
# way (one dpkg query when all is there; no service started or enabled: scripts/install-deps.sh).
install_packages() { "$(dirname "$0")/../../scripts/install-deps.sh" test >&2; }

wait_http() { # URL PIDFILE
    for _ in $(seq 1 600); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' "$1")" = 200 ] && return 0
        kill -0 "$(cat "$2")" 2>/dev/null || { log "server died; see $dir"; return 1; }
        sleep 0.05
    done
    log "no answer from $1"; return 1
}

json() { /usr/bin/python3 -c "import json,sys;print(json.load(sys.stdin)$1)"; }

start_keystone() {
    local K=$dir/keystone PW=adminpw
    stop_pid "$K/uwsgi.pid"
    rm -rf "$K"; mkdir -p "$K/etc/policy.d" "$K/fernet-keys" "$K/credential-keys" "$K/log"
    cat > "$K/etc/keystone.conf" <<CONF
[DEFAULT]
log_file = $K/log/keystone.log
use_stderr = false
[database]
connection = sqlite:///$K/keystone.sqlite
[token]
provider = fernet
[fernet_tokens]
key_repository = $K/fernet-keys/
[fernet_receipts]
key_repository = $K/fernet-keys/
[credential]
key_repository = $K/credential-keys/
[oslo_policy]
policy_dirs = $K/etc/policy.d
CONF
    local KM=(/usr/bin/keystone-manage --config-file "$K/etc/keystone.conf")
    local ks=http://127.0.0.1:$kport/v3
    "${KM[@]}" db_sync >>"$K/log/manage.out" 2>&1
    "${KM[@]}" fernet_setup --keystone-user root --keystone-group root >>"$K/log/manage.out" 2>&1
    "${KM[@]}" credential_setup --keystone-user root --keystone-group root >>"$K/log/manage.out" 2>&1
    "${KM[@]}" bootstrap --bootstrap-password "$PW" --bootstrap-region-id RegionOne \
        --bootstrap-admin-url "$ks/" --bootstrap-internal-url "$ks/" --bootstrap-public-url "$ks/" >>"$K/log/manage.out" 2>&1
    cat > "$K/etc/uwsgi.ini" <<CONF
[uwsgi]
plugins = python3
http-socket = 127.0.0.1:$kport
wsgi-file = /usr/bin/keystone-wsgi-public
master = true
processes = 1
threads = 1
lazy-apps = true
die-on-term = true
buffer-size = 65535
env = OS_KEYSTONE_CONFIG_DIR=$K/etc
logto = $K/log/uwsgi.log
CONF
    setsid /usr/bin/uwsgi_python311 --ini "$K/etc/uwsgi.ini" >"$K/log/uwsgi.stdout" 2>&1 </dev/null &
    echo $! > "$K/uwsgi.pid"
    wait_http "$ks" "$K/uwsgi.pid"
    local auth tok
    auth="{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"admin\",\"domain\":{\"name\":\"Default\"},\"password\":\"$PW\"}}},\"scope\":{\"project\":{\"name\":\"admin\",\"domain\":{\"name\":\"Default\"}}}}}"
    tok=$(curl -s -D - -o /dev/null -X POST "$ks/auth/tokens" -H 'Content-Type: application/json' -d "$auth" \
          | awk 'tolower($1)=="x-subject-token:"{print $2}' | tr -d '\r')
    post() { curl -s -X POST "$ks/$1" -H "X-Auth-Token: $tok" -H 'Content-Type: application/json' -d "$2"; }
    local sid psvc ug rid uid cred
    sid=$(post services '{"service":{"type":"image","name":"glance"}}' | json '["service"]["id"]')
    for IF in public internal admin; do
        post endpoints "{\"endpoint\":{\"service_id\":\"$sid\",\"interface\":\"$IF\",\"url\":\"http://127.0.0.1:$port\",\"region_id\":\"RegionOne\"}}" >/dev/null
    done
    psvc=$(post projects '{"project":{"name":"service","domain_id":"default"}}' | json '["project"]["id"]')
    ug=$(post users '{"user":{"name":"glance","domain_id":"default","password":"glancepw"}}' | json '["user"]["id"]')
    rid=$(curl -s "$ks/roles?name=admin" -H "X-Auth-Token: $tok" | json '["roles"][0]["id"]')
    curl -s -X PUT "$ks/projects/$psvc/users/$ug/roles/$rid" -H "X-Auth-Token: $tok"
    uid=$(curl -s "$ks/users?name=admin" -H "X-Auth-Token: $tok" | json '["users"][0]["id"]')
    cred=$(post "users/$uid/application_credentials" '{"application_credential":{"name":"cowherd-test"}}')
    local cred_id cred_secret
    cred_id=$(echo "$cred" | json '["application_credential"]["id"]')
    cred_secret=$(echo "$cred" | json '["application_credential"]["secret"]')
    # The secrets go to secure.yaml, as a careful user keeps them.
    cat > "$dir/clouds.yaml" <<YAML
clouds:
  lab-password:
    auth:
      auth_url: http://127.0.0.1:$kport
      username: admin
      project_name: admin
      user_domain_name: Default
      project_domain_name: Default
    region_name: RegionOne
    interface: public
  lab-wrong-password:
    auth:
      auth_url: http://127.0.0.1:$kport/v3
      username: admin
      password: Wr0ng-Secret-Password
      project_name: admin
      user_domain_name: Default
      project_domain_name: Default
  lab-appcred:
    auth_type: v3applicationcredential
    auth:
      auth_url: http://127.0.0.1:$kport/v3
      application_credential_id: $cred_id
  lab-wrong-region:
    auth:
      auth_url: http://127.0.0.1:$kport/v3
      username: admin
      project_name: admin
      user_domain_name: Default
      project_domain_name: Default
    region_name: Nowhere
YAML
    cat > "$dir/secure.yaml" <<YAML
clouds:
  lab-password:
    auth:
      password: $PW
  lab-wrong-region:
    auth:
      password: $PW
  lab-appcred:
    auth:
      application_credential_secret: $cred_secret
YAML
}

start_glance() { # FLAVOR
    stop_pid "$dir/glance.pid"
    rm -rf "$dir/glance"; local G=$dir/glance
    mkdir -p "$G/etc/policy.d" "$G/log" "$G/images" "$G/staging" "$G/tasks" "$G/lock"
    echo '{}' > "$G/etc/policy.yaml"
    cat > "$G/etc/glance_test_noauth.py" <<'PY'
"""Paste filter: the identity headers keystonemiddleware would set, for a Glance without Keystone."""


def filter_factory(global_conf, **local_conf):
    headers = {
        "HTTP_X_IDENTITY_STATUS": "Confirmed",
        "HTTP_X_PROJECT_ID": local_conf.get("project_id", ""),
        "HTTP_X_USER_ID": local_conf.get("user_id", ""),
        "HTTP_X_ROLES": local_conf.get("roles", ""),
    }

    def make(app):
        def middleware(environ, start_response):
            for key, value in headers.items():
                environ.setdefault(key, value)
            return app(environ, start_response)
        return middleware
    return make
PY
    cat > "$G/etc/glance-api-paste.ini" <<'INI'
[pipeline:glance-api]
pipeline = versionnegotiation testnoauth context rootapp
[pipeline:glance-api-keystone]
pipeline = versionnegotiation authtoken context rootapp
[composite:rootapp]
paste.composite_factory = glance.api:root_app_factory
/: apiversions
/v2: apiv2app
[app:apiversions]
paste.app_factory = glance.api.versions:create_resource
[app:apiv2app]
paste.app_factory = glance.api.v2.router:API.factory
[filter:versionnegotiation]
paste.filter_factory = glance.api.middleware.version_negotiation:VersionNegotiationFilter.factory
[filter:testnoauth]
paste.filter_factory = glance_test_noauth:filter_factory
project_id = 0123456789abcdef0123456789abcdef
user_id = fedcba9876543210fedcba9876543210
roles = admin,member,reader
[filter:context]
paste.filter_factory = glance.api.middleware.context:ContextMiddleware.factory
[filter:authtoken]
paste.filter_factory = keystonemiddleware.auth_token:filter_factory
delay_auth_decision = true
INI
    cat > "$G/etc/glance-api.conf" <<CONF
[DEFAULT]
bind_host = 127.0.0.1
bind_port = $port
workers = 0
debug = false
log_file = $G/log/glance-api.log
use_stderr = false
enabled_backends = fs:file
[database]
connection = sqlite:///$G/glance.sqlite
[glance_store]
default_backend = fs
[fs]
filesystem_store_datadir = $G/images/
[os_glance_staging_store]
filesystem_store_datadir = $G/staging/
[os_glance_tasks_store]
filesystem_store_datadir = $G/tasks/
[oslo_concurrency]
lock_path = $G/lock
[oslo_policy]
policy_file = $G/etc/policy.yaml
policy_dirs = $G/etc/policy.d
[paste_deploy]
flavor = $1
config_file = $G/etc/glance-api-paste.ini
[import_filtering_opts]
allowed_ports = []
allowed_hosts = [127.0.0.1,localhost]
[keystone_authtoken]
www_authenticate_uri = http://127.0.0.1:${kport:-5000}
auth_url = http://127.0.0.1:${kport:-5000}
auth_type = password
username = glance
password = glancepw
project_name = service
user_domain_name = Default
project_domain_name = Default
# Validate every token with Keystone: a revoked (or expired) token must be refused at once.
token_cache_time = -1
CONF
    env -u PYTHONHOME /usr/bin/glance-manage --config-file "$G/etc/glance-api.conf" db_sync >"$G/log/manage.out" 2>&1
    PYTHONPATH=$G/etc setsid env -u PYTHONHOME /usr/bin/glance-api --config-file "$G/etc/glance-api.conf" \
        >"$G/log/stdout" 2>&1 </dev/null &
    echo $! > "$dir/glance.pid"
    wait_http "http://127.0.0.1:$port/versions" "$dir/glance.pid"
}

started=$(date +%s.%N)
install_packages
if [ "$mode" = start-keystone ]; then
    [ -n "$kport" ] || { log "start-keystone needs KPORT"; exit 2; }
    start_keystone
    start_glance keystone
else
    start_glance ""
    cat > "$dir/clouds.yaml" <<YAML
clouds:
  lab-noauth:
    auth_type: none
    auth:
      endpoint: http://127.0.0.1:$port
YAML
    : > "$dir/secure.yaml"
fi
log "$mode ready in $(echo "$(date +%s.%N) - $started" | bc 2>/dev/null || echo '?') s (glance on 127.0.0.1:$port${kport:+, keystone on 127.0.0.1:$kport})"
