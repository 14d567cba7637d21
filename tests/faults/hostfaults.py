#!/usr/bin/python3
"""Faults of the hosts themselves (CTest label "faults"; `make test-faults`; needs root).

  hostfaults.py --ctl COWHERDCTL --work DIR --sshd-state DIR --libvirtd-state DIR
                [--ssh-trials N] [--libvirt-trials N] [--seed S]

1. The SSH master killed (kill -9) at a random moment of an operation on a remote host (the sshd
   fixture's cowherd-lab-a): a fetch relayed into the host's _base, or a scan. Each operation
   either succeeds or fails within a bounded time with a message naming the host; no file under
   a final base name is incomplete; the same operation run again succeeds over a new master.
2. libvirtd restarted at a random moment of `launch` on qemu:///system (killed with SIGKILL or
   ended with SIGTERM, then started again): the launch either succeeds (its domain exists) or
   fails naming libvirt; every instance directory it left is in `scan --json` and `terminate`
   removes it; a retry succeeds; no domain or directory of the trials survives.

libvirtd is restarted, so this test runs alone (RUN_SERIAL): other tests share the daemon.
"""
import argparse
import glob
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

from faultcommon import FINAL_NAME, Failure, log, sha256

ALIAS = "cowherd-lab-a"
SYSTEM = "qemu:///system"


def wait_for(condition, seconds, what):
    """Polls a condition every 20 ms (a deadline, not a delay): fails naming what never came."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.02)
    raise Failure("%s did not happen within %d s" % (what, seconds))


def finish(process, seconds, what):
    try:
        out, err = process.communicate(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        raise Failure("%s hung: no exit within %d s" % (what, seconds))
    return process.returncode, out, err


class Ctl:
    def __init__(self, ctl, env):
        self.ctl = ctl
        self.env = env

    def start(self, host, instances, *args):
        argv = [self.ctl, "--host", host, "--instances-path", instances] + list(args)
        return subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=self.env)

    def ok(self, host, instances, *args, seconds=240):
        code, out, err = finish(self.start(host, instances, *args), seconds, "cowherdctl " + " ".join(args))
        if code != 0:
            raise Failure("cowherdctl %s on %s failed (%d): %s" % (" ".join(args), host, code, err.strip()))
        return out


# --- 1. the SSH master killed -------------------------------------------------------------------

def master_pid(ssh_config, control_dir):
    for socket in glob.glob(os.path.join(control_dir, "ssh-*")):
        p = subprocess.run(["ssh", "-F", ssh_config, "-S", socket, "-O", "check", ALIAS],
                           capture_output=True, text=True, timeout=10)
        found = re.search(r"pid=(\d+)", p.stderr)
        if found:
            return int(found.group(1))
    return None


def close_masters(ssh_config, control_dir):
    """Ends the masters of a control directory (they persist for minutes by design) and removes it."""
    for socket in glob.glob(os.path.join(control_dir, "ssh-*")):
        subprocess.run(["ssh", "-F", ssh_config, "-S", socket, "-O", "exit", ALIAS],
                        capture_output=True, timeout=10)
    shutil.rmtree(control_dir, ignore_errors=True)


def check_base(base, reference):
    """Every file under a final name is the complete image."""
    for name in os.listdir(base) if os.path.isdir(base) else []:
        if FINAL_NAME.match(name) and sha256(os.path.join(base, name)) != reference:
            raise Failure("%s/%s is under a final name but is not the complete image" % (base, name))


def ssh_trials(args, rng, env, work):
    ssh_config = os.path.join(args.sshd_state, "ssh_config")
    if not os.path.exists(ssh_config):
        raise Failure("the sshd fixture did not run: %s is missing" % ssh_config)
    uri = "qemu+ssh://%s/system?command=%s/ssh&no_tty=1" % (ALIAS, args.sshd_state)
    instances = os.path.join(work, "remote")
    base = os.path.join(instances, "_base")
    source = os.path.join(work, "src.raw")
    with open(source, "wb") as f:
        f.write(random.Random(2).randbytes(48 << 20))
    reference = sha256(source)

    def fresh_env():
        # A control directory per run: the operation must open its own master, the one killed.
        control = tempfile.mkdtemp(prefix="/tmp/cowherd-hf-")
        e = dict(env)
        e["COWHERD_SSH_CONFIG"] = ssh_config
        e["COWHERD_SSH_CONTROL_DIR"] = control
        return Ctl(args.ctl, e), control

    ctl, control = fresh_env()
    started = time.monotonic()
    ctl.ok(uri, instances, "fetch", source, "--image-id", "calibrate", "--quiet")
    fetch_seconds = time.monotonic() - started
    log("ssh: calibration fetch %.2fs" % fetch_seconds)
    close_masters(ssh_config, control)

    for trial in range(args.ssh_trials):
        kind = "fetch" if trial % 3 != 2 else "scan"
        ctl, control = fresh_env()
        op = ("fetch", source, "--image-id", "ssh-%d" % trial, "--quiet") if kind == "fetch" else ("scan", "--json")
        process = ctl.start(uri, instances, *op)
        wait_for(lambda: master_pid(ssh_config, control) or process.poll() is not None, 60, "an SSH master")
        delay = rng.uniform(0, 0.8 * fetch_seconds) if kind == "fetch" else rng.uniform(0, 0.2)
        time.sleep(delay)  # the random moment of the fault, not synchronisation
        pid = master_pid(ssh_config, control)
        killed = pid is not None and process.poll() is None
        if killed:
            os.kill(pid, signal.SIGKILL)
        code, out, err = finish(process, 120, "%s after the SSH master was killed" % kind)
        log("ssh trial %d: %s, master %s after %.2fs -> exit %d"
            % (trial, kind, "killed" if killed else "not killed (done)", delay, code))
        if err.strip():
            log("  " + err.strip().replace("\n", "\n  "))
        if code != 0 and ALIAS not in err and "ssh" not in err.lower():
            raise Failure("ssh trial %d: the error names neither the host nor SSH: %s" % (trial, err.strip()))
        if code not in (0, 1):
            raise Failure("ssh trial %d: exit code %d (expected 0 or 1): %s" % (trial, code, err.strip()))
        check_base(base, reference)
        ctl.ok(uri, instances, *op)  # the retry, over a new master
        check_base(base, reference)
        close_masters(ssh_config, control)
    names = [n for n in os.listdir(base) if FINAL_NAME.match(n)]
    if len(names) != 1 + sum(1 for t in range(args.ssh_trials) if t % 3 != 2):
        raise Failure("ssh: expected one base file per fetched image id, found %s" % names)


# --- 2. libvirtd restarted mid-launch --------------------------------------------------------------

def libvirtd_answers():
    p = subprocess.run(["virsh", "-c", SYSTEM, "version"], capture_output=True, timeout=30)
    return p.returncode == 0


def libvirtd_pid():
    try:
        with open("/run/libvirtd.pid") as f:
            pid = int(f.read().strip())
        os.kill(pid, 0)
        return pid
    except (OSError, ValueError):
        return None


def restart_libvirtd(args, how):
    pid = libvirtd_pid()
    if pid is None:
        raise Failure("no libvirtd to restart (/run/libvirtd.pid)")
    os.kill(pid, how)

    def gone():
        try:
            os.kill(pid, 0)
            return False
        except OSError:
            return True
    wait_for(gone, 30, "libvirtd (pid %d) ending" % pid)
    subprocess.run(["libvirtd", "-d"], check=True, timeout=30)
    wait_for(libvirtd_answers, 30, "the restarted libvirtd answering")
    # The fixture stops what it started: hand it the new pid.
    recorded = os.path.join(args.libvirtd_state, "libvirtd.pid")
    if os.path.exists(recorded):
        with open(recorded, "w") as f:
            f.write("%d\n" % libvirtd_pid())


def domains(prefix):
    p = subprocess.run(["virsh", "-c", SYSTEM, "list", "--all", "--name"], capture_output=True, text=True, timeout=30)
    return [n for n in p.stdout.split() if n.startswith(prefix)]


def instance_dirs(instances):
    uuid = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(_del)?$")
    return sorted(n for n in os.listdir(instances) if uuid.match(n)) if os.path.isdir(instances) else []


def clean_up_instances(ctl, instances, trial):
    scanned = json.loads(ctl.ok(SYSTEM, instances, "scan", "--json"))
    known = {i["uuid"] for i in scanned.get("instances", [])}
    for name in instance_dirs(instances):
        uuid = name[:-4] if name.endswith("_del") else name
        if uuid not in known:
            raise Failure("libvirt trial %d: %s/%s is not in scan --json" % (trial, instances, name))
    for uuid in sorted(known):
        ctl.ok(SYSTEM, instances, "terminate", uuid, "--timeout", "5")
    left = instance_dirs(instances)
    if left:
        raise Failure("libvirt trial %d: terminate left %s in %s" % (trial, left, instances))


def libvirt_trials(args, rng, env, prefix):
    if os.geteuid() != 0:
        raise Failure("restarting libvirtd needs root")
    parent = "/var/lib/cowherd-test"  # qemu (libvirt-qemu) must reach the disks
    os.makedirs(parent, exist_ok=True)
    os.chmod(parent, 0o755)
    lab = tempfile.mkdtemp(prefix="hostfaults-", dir=parent)
    os.chmod(lab, 0o755)
    instances = os.path.join(lab, "instances")
    ctl = Ctl(args.ctl, env)
    demo = os.path.join(lab, "demo.raw")
    subprocess.run([args.ctl, "demo-image", demo, "--label", "hostfaults"], check=True, env=env,
                   capture_output=True, timeout=60)
    launch = ("launch", "--image", demo, "--virt-type", "qemu", "--json", "--quiet")
    try:
        started = time.monotonic()
        ctl.ok(SYSTEM, instances, *launch, "--name", prefix + "calibrate")
        launch_seconds = time.monotonic() - started
        log("libvirt: calibration launch on a cached base %.2fs" % launch_seconds)
        clean_up_instances(ctl, instances, -1)
        for trial in range(args.libvirt_trials):
            how = signal.SIGKILL if trial % 2 == 0 else signal.SIGTERM
            name = "%st%d" % (prefix, trial)
            process = ctl.start(SYSTEM, instances, *launch, "--name", name)
            delay = rng.uniform(0.1 * launch_seconds, 0.9 * launch_seconds)
            time.sleep(delay)  # the random moment of the fault, not synchronisation
            restart_libvirtd(args, how)
            code, out, err = finish(process, 180, "launch after libvirtd was restarted")
            log("libvirt trial %d: %s after %.2fs -> exit %d" % (trial, signal.Signals(how).name, delay, code))
            log("  " + err.strip().replace("\n", "\n  "))
            if code == 0:
                if name not in domains(prefix):
                    raise Failure("libvirt trial %d: launch succeeded but domain %s does not exist" % (trial, name))
            else:
                if code != 1 or not re.search(r"libvirt|qemu:///system", err):
                    raise Failure("libvirt trial %d: exit %d without naming libvirt: %s" % (trial, code, err.strip()))
                clean_up_instances(ctl, instances, trial)
                if domains(name):
                    raise Failure("libvirt trial %d: domain %s survives the failed launch and terminate" % (trial, name))
                ctl.ok(SYSTEM, instances, *launch, "--name", name)  # the retry
            clean_up_instances(ctl, instances, trial)
        left = domains(prefix)
        if left:
            raise Failure("libvirt: domains of the trials survive: %s" % left)
    finally:
        for d in domains(prefix):
            subprocess.run(["virsh", "-c", SYSTEM, "destroy", d], capture_output=True, timeout=30)
            subprocess.run(["virsh", "-c", SYSTEM, "undefine", d], capture_output=True, timeout=30)
        shutil.rmtree(lab, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ctl", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--sshd-state", required=True)
    parser.add_argument("--libvirtd-state", required=True)
    parser.add_argument("--ssh-trials", type=int, default=6)
    parser.add_argument("--libvirt-trials", type=int, default=4)
    parser.add_argument("--seed", type=int, default=int(os.environ.get("COWHERD_FAULT_SEED", "0")) or None)
    parser.add_argument("--only", choices=("ssh", "libvirt"))
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1, 1 << 31)
    log("seed %d (rerun with --seed %d or COWHERD_FAULT_SEED=%d)" % (seed, seed, seed))
    rng = random.Random(seed)
    work = os.path.abspath(args.work)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    env = dict(os.environ)
    env["XDG_CONFIG_HOME"] = os.path.join(work, "xdg-config")
    env["XDG_DATA_HOME"] = os.path.join(work, "xdg-data")
    env["QT_LOGGING_RULES"] = "cowherd.*.info=false;cowherd.*.debug=false"
    try:
        if args.only in (None, "ssh"):
            ssh_trials(args, rng, env, work)
        if args.only in (None, "libvirt"):
            libvirt_trials(args, rng, env, "cowherd-hf-%d-" % os.getpid())
    except Failure as failure:
        log("FAILED (seed %d): %s" % (seed, failure))
        return 1
    log("all host fault trials passed (seed %d)" % seed)
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
