#!/usr/bin/env python3
"""bench/peakrss.py PID OUTPUT — samples the processes below PID (say an sshd serving a scan)
every 10 ms until OUTPUT.stop exists, then writes to OUTPUT the largest peak RSS of any of them
(VmHWM, with its command) and the largest sum of their RSS at one instant, in KB."""
import os
import sys
import time

root, output = int(sys.argv[1]), sys.argv[2]


def children():
    parents = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            parents[int(pid)] = int(fields[1])
        except (OSError, IndexError, ValueError):
            pass
    below, frontier = set(), {root}
    while frontier:
        frontier = {p for p, parent in parents.items() if parent in frontier} - below
        below |= frontier
    return below


def status(pid):
    values = {}
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                key, _, value = line.partition(":")
                values[key] = value.strip()
    except OSError:
        return None
    return values


peak, peak_command, peak_sum = 0, "-", 0
while not os.path.exists(output + ".stop"):
    total = 0
    for pid in children():
        s = status(pid)
        if not s or "VmHWM" not in s:
            continue
        hwm, rss = int(s["VmHWM"].split()[0]), int(s["VmRSS"].split()[0])
        total += rss
        if hwm > peak:
            peak, peak_command = hwm, s.get("Name", "?")
    peak_sum = max(peak_sum, total)
    time.sleep(0.01)
with open(output, "w") as f:
    f.write(f"{peak} {peak_command} {peak_sum}\n")
