#!/usr/bin/env bash
# A throw-away Ceph RGW (S3) for the tests: one mon, one OSD on memstore (data in RAM), one radosgw, all on loopback
# ports picked free at start, all state in DIR. Follows the shared notes on RGW 16.2 (auth none inside the cluster,
# `ms_mon_client_mode = crc` for radosgw, 8 PGs per pool).
#   tests/s3/rgw.sh start DIR   -> DIR/env (THIDUA_S3_ENDPOINT, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY), DIR/pids
#   tests/s3/rgw.sh stop DIR    kills the daemons by the PIDs in DIR/pids and removes DIR
# A start first stops what an earlier run left in DIR (a test run that was killed), so daemons never pile up.
set -euo pipefail
cmd=${1:?start or stop}
dir=${2:?state folder}

stop() {
    if [ -f "$dir/pids" ]; then
        while read -r pid; do
            kill -9 "$pid" 2>/dev/null || true
        done < "$dir/pids"
        # wait (bounded) until they are gone, so ports and memory are free again
        for _ in $(seq 50); do
            alive=0
            while read -r pid; do kill -0 "$pid" 2>/dev/null && alive=1; done < "$dir/pids"
            [ $alive = 0 ] && break
            sleep 0.1
        done
    fi
    rm -rf "$dir"
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

wait_for() { # seconds, description, command...
    local limit=$1 what=$2; shift 2
    for _ in $(seq $((limit * 10))); do
        if "$@" >/dev/null 2>&1; then return 0; fi
        sleep 0.1
    done
    echo "rgw.sh: $what did not come up within ${limit}s (logs in $dir/log)" >&2
    return 1
}

if [ "$cmd" = stop ]; then
    stop
    exit 0
fi
[ "$cmd" = start ] || { echo "usage: $0 start|stop DIR" >&2; exit 2; }
for tool in ceph-mon ceph-osd radosgw radosgw-admin ceph-authtool monmaptool uuidgen curl; do
    command -v "$tool" >/dev/null || { echo "rgw.sh: $tool is missing (scripts/setup installs radosgw, ceph-mon, ceph-osd)" >&2; exit 3; }
done
stop
mkdir -p "$dir/run" "$dir/log" "$dir/mon.a" "$dir/rgw.a"
dir=$(cd "$dir" && pwd)
started=$(date +%s%N)
trap 'stop' ERR
fsid=$(uuidgen)
mon2=$(free_port); mon1=$(free_port); rgw=$(free_port)
conf="$dir/ceph.conf"
cat > "$conf" <<CONF
[global]
fsid = $fsid
mon_host = [v2:127.0.0.1:$mon2,v1:127.0.0.1:$mon1]
public_addr = 127.0.0.1
ms_bind_ipv6 = false
auth_cluster_required = none
auth_service_required = none
auth_client_required = none
osd_pool_default_size = 1
osd_pool_default_min_size = 1
osd_pool_default_pg_num = 8
osd_pool_default_pgp_num = 8
osd_pool_default_pg_autoscale_mode = off
osd_crush_chooseleaf_type = 0
mon_allow_pool_size_one = true
mon_warn_on_pool_no_redundancy = false
run_dir = $dir/run
admin_socket = $dir/run/\$name.asok
log_file = $dir/log/\$name.log
[mon]
mon_data = $dir/mon.\$id
[osd]
osd_data = $dir/osd.\$id
osd_objectstore = memstore
memstore_device_bytes = 1073741824
[client.rgw.a]
ms_mon_client_mode = crc
rgw_frontends = beast endpoint=127.0.0.1:$rgw
rgw_data = $dir/rgw.a
CONF
export CEPH_CONF="$conf"
: > "$dir/pids"
ceph-authtool --create-keyring "$dir/mon.keyring" --gen-key -n mon. --cap mon 'allow *' >/dev/null
monmaptool --create --fsid "$fsid" --addv a "[v2:127.0.0.1:$mon2,v1:127.0.0.1:$mon1]" "$dir/monmap" >/dev/null
ceph-mon --mkfs -i a --monmap "$dir/monmap" --keyring "$dir/mon.keyring"
ceph-mon -f -i a >"$dir/log/mon.out" 2>&1 &
echo $! >> "$dir/pids"
wait_for 30 "ceph-mon" timeout 5 ceph mon stat
uuid=$(uuidgen)
id=$(timeout 20 ceph osd new "$uuid")
mkdir -p "$dir/osd.$id"
ceph-osd -i "$id" --mkfs --osd-uuid "$uuid" >"$dir/log/osd-mkfs.out" 2>&1
ceph-osd -f -i "$id" >"$dir/log/osd.out" 2>&1 &
echo $! >> "$dir/pids"
osd_up() { timeout 5 ceph osd dump | grep -q "^osd.$id up"; }
wait_for 60 "ceph-osd" osd_up
radosgw -f -n client.rgw.a >"$dir/log/rgw.out" 2>&1 &
echo $! >> "$dir/pids"
wait_for 90 "radosgw" curl -sf -o /dev/null "http://127.0.0.1:$rgw/"
key=THIDUATEST$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n' | tr a-f A-F)
secret=$(od -An -N20 -tx1 /dev/urandom | tr -d ' \n')
radosgw-admin user create --uid=thidua-test --display-name=thidua-test --access-key="$key" --secret-key="$secret" >/dev/null
trap - ERR
cat > "$dir/env" <<ENV
THIDUA_S3_ENDPOINT=http://127.0.0.1:$rgw
AWS_ACCESS_KEY_ID=$key
AWS_SECRET_ACCESS_KEY=$secret
ENV
ms=$((($(date +%s%N) - started) / 1000000))
printf 'rgw.sh: Ceph RGW at http://127.0.0.1:%s up in %d.%d s (state in %s)\n' "$rgw" $((ms / 1000)) $((ms % 1000 / 100)) "$dir"
