#!/usr/bin/python3
"""Fault injection against cowherdctl (CTest label "faults"; `make test-faults`).

  faulttrials.py --ctl COWHERDCTL --work DIR --httpfaults tests/support/httpfaults.py
                 [--trials N] [--seed S] [--only kill|disk|http]

1. kill -9 at a random moment (seeded; every delay is logged) of `fetch` (a raw file: stream,
   hash, rename), a conversion (`fetch` of a qcow2 file: qemu-img convert to raw), `launch`
   (test:///default, a fresh base each time: fetch + convert + overlay + domain), `terminate` and
   `cleanup`. After each kill:
     - every file under a final base name is complete: its sha256 is the reference's (computed
       once, uninterrupted) and `qemu-img check` accepts every overlay;
     - every instance directory on disk is in `scan --json`, and `terminate UUID` removes it
       (and any <uuid>_del left behind);
     - the same command run again succeeds.
2. A full disk: _base on a 40 MiB tmpfs (mounted by the test; root) for a stream (64 MiB) and for a
   conversion: the fetch fails naming the disk, and nothing is left under a final name or as a
   .part/.converted file.
3. HTTP and Glance: 500, a server that hangs after the headers or before them (--http-timeout
   must end the fetch), a body closed mid-way every time, and one dropped once (resumed).
"""
import argparse
import glob
import hashlib
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



class Lab:
    def __init__(self, ctl, work, rng):
        self.ctl = ctl
        self.work = work
        self.rng = rng
        self.instances = os.path.join(work, "instances")
        self.env = dict(os.environ)
        self.env["XDG_CONFIG_HOME"] = os.path.join(work, "xdg-config")
        self.env["XDG_DATA_HOME"] = os.path.join(work, "xdg-data")
        self.env["QT_LOGGING_RULES"] = "cowherd.*.info=false"
        self.reference = {}  # final base name -> sha256 of the complete file
        self.completed_instances = set()

    def argv(self, *args, instances=None):
        return [self.ctl, "--host", "test:///default", "--instances-path", instances or self.instances] + list(args)

    def run(self, *args, instances=None, timeout=300, env=None):
        started = time.monotonic()
        p = subprocess.run(self.argv(*args, instances=instances), capture_output=True, text=True,
                           timeout=timeout, env=env or self.env)
        return p, time.monotonic() - started

    def ok(self, *args, **kwargs):
        p, _ = self.run(*args, **kwargs)
        if p.returncode != 0:
            raise Failure("cowherdctl %s failed (%d): %s" % (" ".join(args), p.returncode, p.stderr.strip()))
        return p

    def killed_at(self, delay, *args):
        """Starts cowherdctl, sends SIGKILL after delay seconds; returns whether it was still running."""
        p = subprocess.Popen(self.argv(*args), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=self.env)
        try:
            p.wait(timeout=delay)
            return False
        except subprocess.TimeoutExpired:
            p.send_signal(signal.SIGKILL)
            p.wait()
            return True
        finally:
            p.stderr.close()

    def base(self):
        return os.path.join(self.instances, "_base")

    # The invariants every interrupted command must leave behind.
    def check_final_names(self, where):
        base = self.base()
        if not os.path.isdir(base):
            return
        for name in os.listdir(base):
            path = os.path.join(base, name)
            if not FINAL_NAME.match(name) or not os.path.isfile(path):
                continue
            expected = self.reference.get(name)
            if expected is None:
                raise Failure("%s: unexpected base file %s" % (where, name))
            actual = sha256(path)
            if actual != expected:
                raise Failure("%s: %s is under its final name but incomplete (sha256 %s, expected %s, %d bytes)"
                              % (where, name, actual, expected, os.path.getsize(path)))

    def instance_directories(self):
        if not os.path.isdir(self.instances):
            return set(), set()
        live, doomed = set(), set()
        for name in os.listdir(self.instances):
            if name in ("_base", "locks", "snapshots") or name.startswith("."):
                continue
            if not os.path.isdir(os.path.join(self.instances, name)):
                continue
            (doomed if name.endswith("_del") else live).add(name)
        return live, doomed

    def check_instances(self, where):
        live, doomed = self.instance_directories()
        scan = json.loads(self.ok("scan", "--json").stdout)
        scanned = {os.path.basename(i["directory"]) for i in scan.get("instances", [])}
        missing = live - scanned
        if missing:
            raise Failure("%s: instance directories %s are not in the scan" % (where, sorted(missing)))
        for name in live:
            for disk in glob.glob(os.path.join(self.instances, name, "disk")):
                if name in self.completed_instances:
                    check = subprocess.run(["qemu-img", "check", "-f", "qcow2", disk], capture_output=True, text=True)
                    if check.returncode != 0:
                        raise Failure("%s: qemu-img check %s: %s" % (where, disk, check.stdout + check.stderr))
        # Half-made (not completed) instances and interrupted terminations: terminate finishes them.
        for name in sorted((live - self.completed_instances) | {d[:-4] for d in doomed}):
            self.ok("terminate", name)
            if os.path.exists(os.path.join(self.instances, name)) or os.path.exists(
                    os.path.join(self.instances, name + "_del")):
                raise Failure("%s: terminate %s left its directory behind" % (where, name))
        return len(live - self.completed_instances), len(doomed)


def make_images(work):
    raw = os.path.join(work, "src.raw")
    with open(raw, "wb") as f:
        f.write(random.Random(1).randbytes(24 << 20))
        f.truncate(64 << 20)
    qcow2 = os.path.join(work, "src.qcow2")
    subprocess.run(["qemu-img", "convert", "-f", "raw", "-O", "qcow2", raw, qcow2], check=True)
    return raw, qcow2


def kill_trials(lab, raw, qcow2, trials):
    # Reference results, uninterrupted: the base names and their complete contents.
    raw_fetch = json.loads(lab.ok("fetch", raw, "--json", "--quiet").stdout)
    lab.reference[raw_fetch["name"]] = sha256(raw_fetch["path"])
    convert_fetch = json.loads(lab.ok("fetch", qcow2, "--image-id", "convert-ref", "--json", "--quiet").stdout)
    converted_sha = sha256(convert_fetch["path"])
    if converted_sha != lab.reference[raw_fetch["name"]]:
        raise Failure("the conversion of the qcow2 source differs from the raw source")
    lab.reference[convert_fetch["name"]] = converted_sha

    def name_of(image_id):
        return hashlib.sha1(image_id.encode()).hexdigest()

    def timed(*args):
        _, seconds = lab.run(*args)
        return seconds

    # Durations of uninterrupted runs bound the random kill moments (with 20% past the end).
    def fresh(image_id):
        for suffix in ("", ".part", ".converted"):
            path = os.path.join(lab.base(), name_of(image_id) + suffix)
            if os.path.exists(path):
                os.unlink(path)

    fresh("calibrate")
    fetch_seconds = timed("fetch", raw, "--image-id", "calibrate", "--quiet")
    fresh("calibrate")
    convert_seconds = timed("fetch", qcow2, "--image-id", "calibrate", "--quiet")
    fresh("calibrate")
    def timed_launch():
        # An uninterrupted launch on the cached base, measured under the load of this moment.
        p, seconds = lab.run("launch", "--image", qcow2, "--image-id", "convert-ref", "--name", "calibrate", "--json",
                             "--quiet")
        if p.returncode != 0:
            raise Failure("calibration launch failed: %s" % p.stderr.strip())
        lab.ok("terminate", json.loads(p.stdout)["uuid"])
        return seconds

    launch_seconds = timed_launch()

    def weighty_instance(name):
        launched = json.loads(lab.ok("launch", "--image", raw, "--name", name, "--json", "--quiet").stdout)
        lab.completed_instances.add(launched["uuid"])
        # A directory with some weight, so the removal itself takes a moment.
        with open(os.path.join(launched["directory"], "console.log"), "wb") as f:
            f.truncate(1 << 20)
        for i in range(3000):
            open(os.path.join(launched["directory"], "junk.%d" % i), "w").close()
        return launched["uuid"]

    uuid = weighty_instance("calibrate")
    lab.completed_instances.discard(uuid)
    terminate_seconds = timed("terminate", uuid)
    log("calibration: fetch %.2fs, convert %.2fs, launch on a cached base %.2fs, terminate %.2fs"
        % (fetch_seconds, convert_seconds, launch_seconds, terminate_seconds))

    kinds = ["fetch", "convert", "launch", "terminate", "cleanup"]
    killed = 0
    recognised = [0, 0]
    counts = {k: 0 for k in kinds}
    for trial in range(trials):
        kind = kinds[trial % len(kinds)]
        where = "trial %d (%s)" % (trial, kind)
        if kind in ("fetch", "convert"):
            image_id = "%s-%d" % (kind, trial)
            source = raw if kind == "fetch" else qcow2
            lab.reference[name_of(image_id)] = lab.reference[raw_fetch["name"]]
            budget = fetch_seconds if kind == "fetch" else convert_seconds
            delay = lab.rng.uniform(0, budget * 1.2)
            args = ("fetch", source, "--image-id", image_id, "--quiet")
        elif kind == "launch":
            # Every other launch fetches and converts a new base; the others reuse one, so the
            # kill lands in the overlay, domain and instance-directory steps.
            fresh_base = (trial // len(kinds)) % 2 == 0
            image_id = "launch-%d" % trial if fresh_base else "convert-ref"
            if not fresh_base:
                launch_seconds = timed_launch()
            lab.reference[name_of(image_id)] = lab.reference[raw_fetch["name"]]
            # (A run's first ~40% is process start and libvirt; aim past it for the second half.)
            delay = lab.rng.uniform(0, convert_seconds * 1.3) if fresh_base \
                else lab.rng.uniform(0.4 * launch_seconds, 1.1 * launch_seconds)
            args = ("launch", "--image", qcow2, "--image-id", image_id, "--name", "t%d" % trial, "--quiet")
        elif kind == "terminate":
            uuid = weighty_instance("c%d" % trial)
            lab.completed_instances.discard(uuid)
            terminate_seconds = timed("terminate", uuid)  # under the load of this moment
            uuid = weighty_instance("v%d" % trial)
            delay = lab.rng.uniform(0.3 * terminate_seconds, 1.1 * terminate_seconds)
            args = ("terminate", uuid)
        else:
            # Unused bases (the fetch trials' ones) become removable at once; orphans too.
            delay = lab.rng.uniform(0, 0.6)
            args = ("cleanup", "--no-libvirt", "--original-min-age", "0", "--resized-min-age", "0",
                    "--orphan-min-age", "0", "--audit-log", os.path.join(lab.work, "audit.jsonl"))
        was_running = lab.killed_at(delay, *args)
        killed += was_running
        counts[kind] += 1
        log("%s: SIGKILL after %.3fs%s" % (where, delay, "" if was_running else " (it had already finished)"))

        lab.check_final_names(where + " after the kill")
        if kind == "terminate":
            # What is left (the directory, or <uuid>_del half removed) is retried by check_instances.
            uuid = args[1]
            lab.completed_instances.discard(uuid)
            half, doomed = lab.check_instances(where)
            if os.path.exists(os.path.join(lab.instances, uuid)) or os.path.exists(
                    os.path.join(lab.instances, uuid + "_del")):
                raise Failure("%s: the retried terminate left %s behind" % (where, uuid))
        else:
            half, doomed = lab.check_instances(where)
            # The same command again must succeed.
            p = lab.ok(*args, "--json") if kind != "cleanup" else lab.ok(*args)
            if kind == "launch":
                launched = json.loads(p.stdout)
                lab.completed_instances.add(launched["uuid"])
                lab.check_instances(where + " after the retry")
                lab.ok("terminate", launched["uuid"])
                lab.completed_instances.discard(launched["uuid"])
        lab.check_final_names(where + " after the retry")
        recognised[0] += half
        recognised[1] += doomed
        if half or doomed:
            log("  %s: %d half-made instance directories and %d _del leftovers recognised and removed"
                % (where, half, doomed))
    log("kill trials: %d, %d killed while running; per kind %s; %d half-made instance directories and %d "
        "_del leftovers recognised and removed" % (trials, killed, counts, recognised[0], recognised[1]))
    if killed < trials // 3:
        raise Failure("only %d of %d kills hit a running command; the calibration is off" % (killed, trials))


def full_disk(lab, raw, qcow2):
    if os.geteuid() != 0:
        raise Failure("the full-disk trial mounts a tmpfs and needs root (CI runs as root)")
    small = os.path.join(lab.work, "small")
    os.makedirs(small, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=40m", "cowherd-faults", small], check=True)
    try:
        for label, source in (("stream", raw), ("conversion", qcow2)):
            instances = os.path.join(small, label)
            p, _ = lab.run("fetch", source, "--image-id", "full-" + label, "--quiet", instances=instances)
            message = p.stderr.strip()
            log("full disk (%s): exit %d: %s" % (label, p.returncode, message.splitlines()[-1] if message else ""))
            if p.returncode == 0:
                raise Failure("full disk (%s): the fetch succeeded on a 40 MiB file system" % label)
            if "space" not in message.lower():
                raise Failure("full disk (%s): the message does not say the disk is full: %s" % (label, message))
            base = os.path.join(instances, "_base")
            left = [n for n in os.listdir(base) if FINAL_NAME.match(n) or n.endswith((".part", ".converted"))] \
                if os.path.isdir(base) else []
            if left:
                raise Failure("full disk (%s): left %s in _base" % (label, left))
    finally:
        subprocess.run(["umount", small], check=True)


class FaultServer:
    def __init__(self, script, root, faults=()):
        argv = [sys.executable, script, "--root", root, "--port", "0"]
        for f in faults:
            argv += ["--fault", f]
        self.process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        line = self.process.stdout.readline()
        if not line.startswith("PORT "):
            raise Failure("httpfaults.py did not start")
        self.url = "http://127.0.0.1:%d" % int(line.split()[1])

    def stop(self):
        self.process.kill()
        self.process.wait()


def http_faults(lab, raw, script):
    root = os.path.join(lab.work, "served")
    os.makedirs(root, exist_ok=True)
    shutil.copy(raw, os.path.join(root, "src.raw"))
    reference = sha256(raw)
    image_id = "0b5c3d7e-1f2a-4b6c-8d9e-0123456789ab"
    size = os.path.getsize(raw)
    with open(os.path.join(root, image_id), "w") as f:
        json.dump({"id": image_id, "name": "faults", "status": "active", "disk_format": "raw",
                   "container_format": "bare", "size": size, "os_hash_algo": "sha256",
                   "os_hash_value": reference}, f)
    shutil.copy(raw, os.path.join(root, "file"))

    def expect(label, args, ok, words=(), max_seconds=None, env=None):
        instances = os.path.join(lab.work, "http-" + label)
        p, seconds = lab.run(*args, "--quiet", "--http-timeout", "2", instances=instances, timeout=120, env=env)
        message = p.stderr.strip()
        log("http %s: exit %d after %.1fs: %s" % (label, p.returncode, seconds,
                                                    message.splitlines()[-1] if message else ""))
        if (p.returncode == 0) != ok:
            raise Failure("http %s: expected %s, got exit %d: %s" % (label, "success" if ok else "failure",
                                                                     p.returncode, message))
        for word in words:
            if word.lower() not in message.lower():
                raise Failure("http %s: the message does not mention %r: %s" % (label, word, message))
        if max_seconds is not None and seconds > max_seconds:
            raise Failure("http %s: took %.1fs (more than %ds): the timeout did not end it" % (label, seconds, max_seconds))
        base = os.path.join(instances, "_base")
        names = os.listdir(base) if os.path.isdir(base) else []
        finals = [n for n in names if FINAL_NAME.match(n)]
        partial = [n for n in names if n.endswith((".part", ".converted"))]
        if partial:
            raise Failure("http %s: left %s" % (label, partial))
        if ok:
            if len(finals) != 1 or sha256(os.path.join(base, finals[0])) != reference:
                raise Failure("http %s: the base file is missing or wrong: %s" % (label, finals))
        elif finals:
            raise Failure("http %s: a failed fetch left %s under a final name" % (label, finals))

    server = FaultServer(script, root)
    try:
        expect("ok", ("fetch", server.url + "/src.raw"), True)
        expect("500", ("fetch", server.url + "/src.raw?fault=500"), False, ("500",))
        # A hang after the headers: each attempt (first + 3 resumptions) waits 2 s at most.
        expect("hang-body", ("fetch", server.url + "/src.raw?fault=hang"), False, ("nothing arrived for 2 s",), 30)
        expect("hang-headers", ("fetch", server.url + "/src.raw?fault=hang-headers"), False, ("sent nothing for 2 s",), 30)
        expect("closed-mid-body", ("fetch", server.url + "/src.raw?fault=truncate"), False, ("broke off",))
        expect("closed-without-answer", ("fetch", server.url + "/src.raw?fault=close"), False)
        expect("dropped-once-resumed", ("fetch", server.url + "/src.raw?fault=drop-once"), True)
    finally:
        server.stop()

    clouds = os.path.join(lab.work, "clouds.yaml")
    for label, faults, ok, words in (
            ("glance-ok", (), True, ()),
            ("glance-500-show", ("/" + image_id + "=500",), False, ("500",)),
            ("glance-500-data", ("/file=500",), False, ("500",)),
            ("glance-hang-show", ("/" + image_id + "=hang-headers",), False, ("sent nothing for 2 s",)),
            ("glance-hang-data", ("/file=hang",), False, ("nothing arrived for 2 s",)),
            ("glance-closed-mid-body", ("/file=truncate",), False, ("broke off",))):
        server = FaultServer(script, root, faults)
        try:
            with open(clouds, "w") as f:
                f.write("clouds:\n  faults:\n    auth_type: none\n    auth:\n      endpoint: %s\n" % server.url)
            env = dict(lab.env)
            env["OS_CLIENT_CONFIG_FILE"] = clouds
            expect(label, ("fetch", "glance:" + image_id, "--cloud", "faults"), ok, words, 30, env=env)
        finally:
            server.stop()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ctl", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--httpfaults", required=True)
    parser.add_argument("--trials", type=int, default=50)
    parser.add_argument("--seed", type=int, default=int(os.environ.get("COWHERD_FAULT_SEED", "0")) or None)
    parser.add_argument("--only", choices=("kill", "disk", "http"))
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1, 1 << 31)
    log("seed %d (rerun with --seed %d or COWHERD_FAULT_SEED=%d)" % (seed, seed, seed))
    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)
    lab = Lab(os.path.abspath(args.ctl), os.path.abspath(args.work), random.Random(seed))
    raw, qcow2 = make_images(lab.work)
    try:
        if args.only in (None, "kill"):
            kill_trials(lab, raw, qcow2, args.trials)
        if args.only in (None, "disk"):
            full_disk(lab, raw, qcow2)
        if args.only in (None, "http"):
            http_faults(lab, raw, args.httpfaults)
    except Failure as failure:
        log("FAILED (seed %d): %s" % (seed, failure))
        return 1
    log("all fault trials passed (seed %d)" % seed)
    shutil.rmtree(args.work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
