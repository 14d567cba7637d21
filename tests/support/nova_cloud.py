#!/usr/bin/python3
"""The API side of the Nova fixture (tests/support/nova.sh), with Debian's own client libraries.

    nova_cloud.py seed DIR KEYSTONE_URL     spec on stdin (JSON, written by nova.sh): service
                                            users, services and endpoints, a second project with
                                            a user who is not admin; writes DIR/clouds.yaml and
                                            DIR/secure.yaml
    nova_cloud.py boot DIR COWHERDCTL       two Glance images (demo boot sectors, one raw, one
                                            qcow2), a flavor, three servers booted with --nic none;
                                            waits until they are ACTIVE and writes DIR/servers.json

Run with /usr/bin/python3: the libraries are Debian's, not a developer's virtualenv.
"""
import json
import os
import subprocess
import sys
import time

import openstack
from keystoneauth1 import session as ks_session
from keystoneauth1.identity import v3
from keystoneclient.v3 import client as ks_client

ADMIN_CLOUD = 'nova-admin'
TENANT_CLOUD = 'nova-tenant'
# Two images so that _base holds two base files; web-1 and web-2 share the first one.
IMAGES = (('cowherd-nova-a', 'raw'), ('cowherd-nova-b', 'qcow2'))
SERVERS = (('web-1', 'cowherd-nova-a', ADMIN_CLOUD), ('web-2', 'cowherd-nova-a', ADMIN_CLOUD),
           ('db-1', 'cowherd-nova-b', TENANT_CLOUD))
FLAVOR = 'cowherd.tiny'


def log(text):
    print('nova_cloud: %s' % text, file=sys.stderr, flush=True)


def seed(directory, url):
    spec = json.load(sys.stdin)
    auth = v3.Password(auth_url=url + '/v3', username='admin', password=spec['admin_password'],
                       project_name='admin', user_domain_id='default', project_domain_id='default')
    ks = ks_client.Client(session=ks_session.Session(auth=auth), interface='public')
    roles = {r.name: r for r in ks.roles.list()}
    service_project = ks.projects.create('service', 'default')
    for name, password in spec['service_users'].items():
        user = ks.users.create(name, domain='default', password=password)
        ks.roles.grant(roles['admin'], user=user, project=service_project)
    for service_type, (name, endpoint) in spec['services'].items():
        service = ks.services.create(name, type=service_type)
        for interface in ('public', 'internal', 'admin'):
            ks.endpoints.create(service, endpoint, interface=interface, region='RegionOne')
    tenant = spec['tenant']
    project = ks.projects.create(tenant['project'], 'default')
    user = ks.users.create(tenant['user'], domain='default', password=tenant['password'])
    for role in ('member', 'reader'):
        ks.roles.grant(roles[role], user=user, project=project)

    def cloud(user_name, project_name):
        return ('    auth:\n      auth_url: %s/v3\n      username: %s\n      project_name: %s\n'
                '      user_domain_name: Default\n      project_domain_name: Default\n'
                '    region_name: RegionOne\n    interface: public\n'
                '    compute_api_version: "2.37"\n' % (url, user_name, project_name))
    with open(os.path.join(directory, 'clouds.yaml'), 'w') as f:
        f.write('clouds:\n  %s:\n%s  %s:\n%s' % (ADMIN_CLOUD, cloud('admin', 'admin'), TENANT_CLOUD,
                                                 cloud(tenant['user'], tenant['project'])))
    # The passwords stay out of clouds.yaml, as a careful user keeps them.
    with open(os.path.join(directory, 'secure.yaml'), 'w') as f:
        f.write('clouds:\n  %s:\n    auth:\n      password: %s\n  %s:\n    auth:\n      password: %s\n'
                % (ADMIN_CLOUD, spec['admin_password'], TENANT_CLOUD, tenant['password']))
    log('keystone seeded: %d service users, %d services, project %s with user %s (member)'
        % (len(spec['service_users']), len(spec['services']), tenant['project'], tenant['user']))


def connect(directory, cloud):
    config = openstack.config.OpenStackConfig(
        config_files=[os.path.join(directory, 'clouds.yaml')],
        secure_files=[os.path.join(directory, 'secure.yaml')])
    return openstack.connection.Connection(config=config.get_one(cloud))


def make_image_files(directory, cowherdctl):
    files = {}
    for name, disk_format in IMAGES:
        raw = os.path.join(directory, 'images', name + '.raw')
        os.makedirs(os.path.dirname(raw), exist_ok=True)
        subprocess.run([cowherdctl, 'demo-image', '--label', name, raw], check=True,
                       stdout=subprocess.DEVNULL)
        path = raw
        if disk_format == 'qcow2':
            path = os.path.join(directory, 'images', name + '.qcow2')
            subprocess.run(['qemu-img', 'convert', '-q', '-f', 'raw', '-O', 'qcow2', raw, path],
                           check=True)
        files[name] = path
    return files


def wait_for(what, check, seconds):
    end = time.monotonic() + seconds
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > end:
            raise SystemExit('nova_cloud: timeout (%d s) waiting for %s' % (seconds, what))
        time.sleep(0.5)


def boot(directory, cowherdctl):
    admin = connect(directory, ADMIN_CLOUD)
    files = make_image_files(directory, cowherdctl)
    images = {}
    for name, disk_format in IMAGES:
        image = admin.image.create_image(name=name, filename=files[name], disk_format=disk_format,
                                         container_format='bare', visibility='public')
        images[name] = image.id
    for name, image_id in images.items():
        # The SDK returns the image as created (queued); its upload made it active.
        wait_for('image %s to be active' % name,
                 lambda i=image_id: admin.image.get_image(i).status == 'active', 60)
    flavor = admin.compute.create_flavor(name=FLAVOR, ram=64, vcpus=1, disk=1, is_public=True)
    clouds = {ADMIN_CLOUD: admin, TENANT_CLOUD: connect(directory, TENANT_CLOUD)}
    created = []
    for name, image_name, cloud in SERVERS:
        # networks='none' is the API's "--nic none" (microversion 2.37 and later).
        server = clouds[cloud].compute.create_server(name=name, image_id=images[image_name],
                                                     flavor_id=flavor.id, networks='none')
        created.append((name, image_name, cloud, server.id))
    result = {'images': images, 'flavor': {'name': FLAVOR, 'id': flavor.id}, 'servers': []}
    for name, image_name, cloud, server_id in created:
        conn = clouds[cloud]

        def status(sid=server_id, c=conn):
            server = c.compute.get_server(sid)
            if server.status == 'ERROR':
                raise SystemExit('nova_cloud: server %s went to ERROR: %s' % (sid, server.fault))
            return server if server.status == 'ACTIVE' else None
        server = wait_for('server %s to be ACTIVE' % name, status, 180)
        details = admin.compute.get_server(server_id)
        result['servers'].append({
            'name': name, 'id': server_id, 'image': image_name, 'image_id': images[image_name],
            'project': conn.current_project_id, 'project_name': conn.auth['project_name'],
            'user_name': conn.auth['username'],
            'domain': details.instance_name, 'host': details.compute_host})
    with open(os.path.join(directory, 'servers.json'), 'w') as f:
        json.dump(result, f, indent=1)
    log('booted %s' % ', '.join('%s (%s on %s)' % (s['name'], s['domain'], s['image'])
                                for s in result['servers']))


def main():
    if len(sys.argv) == 4 and sys.argv[1] == 'seed':
        seed(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 4 and sys.argv[1] == 'boot':
        boot(sys.argv[2], sys.argv[3])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == '__main__':
    sys.exit(main())
