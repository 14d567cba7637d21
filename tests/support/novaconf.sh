# shellcheck shell=bash disable=SC2154
# Sourced by nova.sh: the configuration files of the Nova fixture's services. Each function writes
# the files of one service under $dir/etc/SERVICE from the variables nova.sh set (ports, paths,
# passwords). Nothing here reads /etc/<service>: only Debian's paste and rootwrap files are used.

write_mariadb_conf() {
    mkdir -p "$dir/etc/mysql"
    cat >"$dir/etc/mysql/my.cnf" <<EOF
[mysqld]
user = root
datadir = $dir/mysql
socket = $mysql_socket
pid-file = $dir/run/mariadbd.pidfile
port = $port_mysql
bind-address = 127.0.0.1
log-error = $dir/log/mariadb.err
skip-name-resolve
performance_schema = OFF
innodb_buffer_pool_size = 64M
innodb_log_file_size = 16M
max_connections = 300
character-set-server = utf8mb4
collation-server = utf8mb4_general_ci
[client]
socket = $mysql_socket
user = root
EOF
}

write_rabbitmq_conf() {
    local r=$dir/rabbitmq
    mkdir -p "$r/home" "$r/mnesia" "$r/log" "$dir/etc/rabbitmq"
    cat >"$dir/etc/rabbitmq/rabbitmq.conf" <<EOF
listeners.tcp.1 = 127.0.0.1:$port_rabbit
loopback_users.guest = true
EOF
    echo '[].' >"$dir/etc/rabbitmq/enabled_plugins"
    # Its own node name, epmd and distribution port: another RabbitMQ on the machine is not ours.
    # One scheduler and no busy waiting: the machine has 2 cores and other work.
    cat >"$dir/etc/rabbitmq/env.sh" <<EOF
export HOME=$r/home
export RABBITMQ_CONF_ENV_FILE=/dev/null
export RABBITMQ_NODENAME=cowherdnova@localhost
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_NODE_PORT=$port_rabbit
export RABBITMQ_DIST_PORT=$port_rabbit_dist
export ERL_EPMD_ADDRESS=127.0.0.1
export ERL_EPMD_PORT=$port_epmd
export RABBITMQ_CONFIG_FILE=$dir/etc/rabbitmq/rabbitmq.conf
export RABBITMQ_ENABLED_PLUGINS_FILE=$dir/etc/rabbitmq/enabled_plugins
export RABBITMQ_MNESIA_BASE=$r/mnesia
export RABBITMQ_LOG_BASE=$r/log
export RABBITMQ_PID_FILE=$r/rabbitmq.pid
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="+sbwt none +sbwtdcpu none +sbwtdio none +S 1:1 +A 4 -kernel inet_dist_use_interface {127,0,0,1}"
EOF
}

# An empty policy file in YAML (oslo.policy warns about JSON ones): the in-code defaults apply.
policy_defaults() { printf '# in-code defaults\n{}\n'; }

# uwsgi_ini FILE PORT WSGI_FILE PROCESSES CONFIG_ENV LOG
uwsgi_ini() {
    # uwsgi's http-socket closes a connection after each answer without saying so, and Python
    # clients that reuse it get "connection reset": every answer announces the close.
    cat >"$1" <<EOF
[uwsgi]
plugins = python3
http-socket = 127.0.0.1:$2
wsgi-file = $3
master = true
processes = $4
threads = 1
lazy-apps = true
die-on-term = true
buffer-size = 65535
add-header = Connection: close
env = $5
logto = $6
EOF
}

write_keystone_conf() {
    local k=$dir/etc/keystone
    mkdir -p "$k/policy.d" "$dir/keystone/fernet-keys" "$dir/keystone/credential-keys"
    chmod 0700 "$dir/keystone/fernet-keys" "$dir/keystone/credential-keys"
    cat >"$k/keystone.conf" <<EOF
[DEFAULT]
log_file = $dir/log/keystone.log
use_stderr = false
[database]
connection = $db_url/keystone
[token]
provider = fernet
[fernet_tokens]
key_repository = $dir/keystone/fernet-keys/
[fernet_receipts]
key_repository = $dir/keystone/fernet-keys/
[credential]
key_repository = $dir/keystone/credential-keys/
[oslo_policy]
policy_dirs = $k/policy.d
EOF
    uwsgi_ini "$k/uwsgi.ini" "$port_keystone" /usr/bin/keystone-wsgi-public 2 \
        "OS_KEYSTONE_CONFIG_DIR=$k" "$dir/log/keystone-uwsgi.log"
}

# authtoken_section USER PASSWORD: how a service checks the tokens it is given
authtoken_section() {
    cat <<EOF
[keystone_authtoken]
www_authenticate_uri = $keystone_url
auth_url = $keystone_url
auth_type = password
username = $1
password = $2
project_name = service
user_domain_name = Default
project_domain_name = Default
EOF
}

# service_auth USER PASSWORD: how a service authenticates its own calls to another
service_auth() {
    cat <<EOF
auth_type = password
auth_url = $keystone_url/v3
username = $1
password = $2
project_name = service
user_domain_name = Default
project_domain_name = Default
region_name = RegionOne
EOF
}

write_glance_conf() {
    local g=$dir/etc/glance
    mkdir -p "$g/policy.d" "$dir/glance/images" "$dir/glance/staging" "$dir/glance/tasks" "$dir/glance/lock"
    policy_defaults >"$g/policy.yaml"
    cat >"$g/glance-api-paste.ini" <<'EOF'
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
[filter:context]
paste.filter_factory = glance.api.middleware.context:ContextMiddleware.factory
[filter:authtoken]
paste.filter_factory = keystonemiddleware.auth_token:filter_factory
delay_auth_decision = true
EOF
    cat >"$g/glance-api.conf" <<EOF
[DEFAULT]
bind_host = 127.0.0.1
bind_port = $port_glance
workers = 0
log_file = $dir/log/glance-api.log
use_stderr = false
enabled_backends = fs:file
[database]
connection = sqlite:///$dir/glance/glance.sqlite
[glance_store]
default_backend = fs
[fs]
filesystem_store_datadir = $dir/glance/images/
[os_glance_staging_store]
filesystem_store_datadir = $dir/glance/staging/
[os_glance_tasks_store]
filesystem_store_datadir = $dir/glance/tasks/
[oslo_concurrency]
lock_path = $dir/glance/lock
[oslo_policy]
policy_file = $g/policy.yaml
policy_dirs = $g/policy.d
[paste_deploy]
flavor = keystone
config_file = $g/glance-api-paste.ini
$(authtoken_section glance "$pw_glance")
EOF
}

write_placement_conf() {
    local p=$dir/etc/placement
    mkdir -p "$p/policy.d"
    policy_defaults >"$p/policy.yaml"
    cat >"$p/placement.conf" <<EOF
[DEFAULT]
log_file = $dir/log/placement.log
use_stderr = false
[api]
auth_strategy = keystone
[placement_database]
connection = $db_url/placement
$(authtoken_section placement "$pw_placement")
[oslo_policy]
policy_file = $p/policy.yaml
policy_dirs = $p/policy.d
EOF
    uwsgi_ini "$p/uwsgi.ini" "$port_placement" /usr/bin/placement-api 1 \
        "OS_PLACEMENT_CONFIG_DIR=$p" "$dir/log/placement-uwsgi.log"
}

# Real neutron-server, ML2 without mechanism drivers and agents: the API answers (Nova asks it
# about ports and security groups of every server, even one booted with --nic none), nothing is
# ever wired. One API worker: with 0 the API runs in the parent and GET /v2.0/ports fails.
write_neutron_conf() {
    local q=$dir/etc/neutron
    mkdir -p "$q/policy.d" "$dir/neutron/lock" "$dir/neutron/state"
    policy_defaults >"$q/policy.yaml"
    cat >"$q/neutron.conf" <<EOF
[DEFAULT]
bind_host = 127.0.0.1
bind_port = $port_neutron
core_plugin = ml2
service_plugins =
auth_strategy = keystone
transport_url = $transport_url
api_workers = 1
rpc_workers = 1
rpc_state_report_workers = 0
notify_nova_on_port_status_changes = false
notify_nova_on_port_data_changes = false
state_path = $dir/neutron/state
log_file = $dir/log/neutron-server.log
use_stderr = false
[database]
connection = $db_url/neutron
$(authtoken_section neutron "$pw_neutron")
[oslo_concurrency]
lock_path = $dir/neutron/lock
[oslo_policy]
policy_file = $q/policy.yaml
policy_dirs = $q/policy.d
EOF
    cat >"$q/ml2.ini" <<EOF
[ml2]
type_drivers = flat
tenant_network_types =
mechanism_drivers =
extension_drivers = port_security
[ml2_type_flat]
flat_networks = *
[securitygroup]
enable_security_group = true
firewall_driver = noop
EOF
}

# nova.conf is also what the tests give Cowherd (--nova-conf): the instances path, the image cache
# ages. The database URLs live in nova-db.conf, which nova-compute is not given (it would log
# "No DB access allowed in nova-compute").
write_nova_conf() {
    local n=$dir/etc/nova
    mkdir -p "$n/policy.d" "$dir/nova/state" "$dir/nova/lock"
    policy_defaults >"$n/policy.yaml"
    cat >"$n/nova.conf" <<EOF
# The Nova fixture of Cowherd's tests (tests/support/nova.sh)
[DEFAULT]
host = $compute_host
my_ip = 127.0.0.1
state_path = $dir/nova/state
instances_path = $instances
transport_url = $transport_url
compute_driver = libvirt.LibvirtDriver
enabled_apis = osapi_compute
osapi_compute_listen = 127.0.0.1
osapi_compute_listen_port = $port_nova
osapi_compute_workers = 1
use_stderr = false
rootwrap_config = /etc/nova/rootwrap.conf
reserved_host_memory_mb = 512
[api]
auth_strategy = keystone
[wsgi]
api_paste_config = /etc/nova/api-paste.ini
[conductor]
workers = 1
[scheduler]
workers = 1
discover_hosts_in_cells_interval = -1
$(authtoken_section nova "$pw_nova")
[placement]
$(service_auth placement "$pw_placement")
[neutron]
$(service_auth neutron "$pw_neutron")
[glance]
region_name = RegionOne
[libvirt]
virt_type = qemu
connection_uri = qemu:///system
# no host-model CPU comparison under TCG
cpu_mode = none
[vnc]
enabled = false
[spice]
enabled = false
[image_cache]
# Short, so that Nova's own manager runs and decides within a test: a pass every
# $image_cache_interval s, unused originals removed after $image_cache_original_age s,
# resized copies, after $image_cache_resized_age s.
manager_interval = $image_cache_interval
subdirectory_name = _base
remove_unused_base_images = true
remove_unused_original_minimum_age_seconds = $image_cache_original_age
remove_unused_resized_minimum_age_seconds = $image_cache_resized_age
[oslo_concurrency]
lock_path = $dir/nova/lock
[oslo_policy]
policy_file = $n/policy.yaml
policy_dirs = $n/policy.d
EOF
    cat >"$n/nova-db.conf" <<EOF
[api_database]
connection = $db_url/nova_api
[database]
connection = $db_url/nova
EOF
}
