#!/usr/bin/python3
"""Does what nova-compute does with oslo.concurrency under an instances path, for the Nova tests.

    nova_oslo.py hold INSTANCES NAME          takes Nova's external lock on NAME (the file
                                              INSTANCES/locks/nova-NAME, as nova.utils.synchronized
                                              does around fetching or removing base file NAME),
                                              prints "locked", holds it until a line arrives on
                                              stdin, then prints "released"
    nova_oslo.py register INSTANCES NODE AGE  records NODE as last seen AGE seconds ago in
                                              INSTANCES/compute_nodes, under Nova's registry lock,
                                              the way nova/virt/storage_users.py does
    nova_oslo.py forget INSTANCES NODE        removes NODE from compute_nodes, under the same lock

Run with /usr/bin/python3: Debian's python3-oslo.concurrency is the library nova-compute uses.
"""
import json
import os
import sys
import time

from oslo_concurrency import lockutils


def nova_lock(instances, name):
    # nova.utils.synchronized = lockutils.synchronized_with_prefix('nova-')
    return lockutils.lock(name, lock_file_prefix='nova-', external=True,
                          lock_path=os.path.join(instances, 'locks'))


def hold(instances, name):
    with nova_lock(instances, name):
        print('locked', flush=True)
        sys.stdin.readline()
    print('released', flush=True)


def update_registry(instances, change):
    with nova_lock(instances, 'storage-registry-lock'):
        path = os.path.join(instances, 'compute_nodes')
        nodes = {}
        if os.path.exists(path):
            with open(path) as f:
                nodes = json.load(f)
        change(nodes)
        with open(path, 'w') as f:
            f.write(json.dumps(nodes))


def main():
    args = sys.argv[1:]
    if len(args) == 3 and args[0] == 'hold':
        hold(args[1], args[2])
    elif len(args) == 4 and args[0] == 'register':
        seen = time.time() - float(args[3])
        update_registry(args[1], lambda nodes: nodes.__setitem__(args[2], seen))
    elif len(args) == 3 and args[0] == 'forget':
        update_registry(args[1], lambda nodes: nodes.pop(args[2], None))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == '__main__':
    sys.exit(main())
