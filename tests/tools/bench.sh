#!/bin/sh
# make bench: build every example unit N times (default 10) with the release
# binary and print the median wall time, peak memory and output sizes.
# A benchmark, not a test: it never fails on slowness.
set -eu
N=${BENCH_RUNS:-10}
py=/usr/bin/python3; [ -x "$py" ] || py=python3
exec "$py" - "$N" <<'PY'
import glob, os, resource, statistics, subprocess, sys, tempfile, time
n = int(sys.argv[1])
units = sorted(d for d in glob.glob("input/*") if os.path.isfile(d + "/unit.yaml"))
print(f"machine: {os.cpu_count()} cores; {open('/proc/cpuinfo').read().split('model name')[1].split(':')[1].splitlines()[0].strip()}")
for u in units:
    times = []
    with tempfile.TemporaryDirectory() as out:
        for _ in range(n):
            t0 = time.perf_counter()
            subprocess.run(["./juesuan", "build", u, "-o", out], check=True, stdout=subprocess.DEVNULL)
            times.append(time.perf_counter() - t0)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        sizes = {os.path.splitext(f)[1]: os.path.getsize(f) for f in glob.glob(out + "/*/*")}
    print(f"{u}: {n} builds, median {statistics.median(times)*1000:.0f} ms "
          f"(min {min(times)*1000:.0f}, max {max(times)*1000:.0f}); peak RSS {peak:.1f} MiB; "
          f"PDF {sizes.get('.pdf', 0)/1024:.0f} KiB, XLSX {sizes.get('.xlsx', 0)/1024:.0f} KiB")
PY
