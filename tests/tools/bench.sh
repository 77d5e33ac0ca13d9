#!/bin/sh
# make bench: build every example unit N times (default 10) with the release
# binary and print the median wall time, peak memory and output sizes, once
# with the fonts subset by HarfBuzz before libharu embeds them (the default)
# and once without (JUESUAN_SUBSET=0: libharu embeds the whole font files);
# then the fonts alone (tests/tools/fontbench.c, when FONTBENCH names it).
# A benchmark, not a test: it never fails on slowness.
# JUESUAN_BIN names the binary (default ./juesuan); BENCH_RUNS the count.
set -eu
N=${BENCH_RUNS:-10}
py=/usr/bin/python3; [ -x "$py" ] || py=python3
"$py" - "$N" "${JUESUAN_BIN:-./juesuan}" <<'PY'
import glob, os, statistics, subprocess, sys, tempfile, time
n, binary = int(sys.argv[1]), sys.argv[2]
units = sorted(d for d in glob.glob("input/*") if os.path.isfile(d + "/unit.yaml"))
cpu = "?"
for line in open("/proc/cpuinfo"):
    if line.startswith("model name"):
        cpu = line.split(":", 1)[1].strip()
        break
print(f"machine: nproc {os.cpu_count()}; {cpu}; {binary}, {n} builds each")

def run(unit, out, subset):
    env = dict(os.environ)
    env["JUESUAN_SUBSET"] = "1" if subset else "0"
    t0 = time.perf_counter()
    p = subprocess.Popen([binary, "build", unit, "-o", out], stdout=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(p.pid, 0)
    dt = time.perf_counter() - t0
    if status != 0:
        sys.exit(f"{binary} build {unit} failed")
    return dt, usage.ru_maxrss / 1024

for u in units:
    for subset in (True, False):
        times, peaks = [], []
        with tempfile.TemporaryDirectory() as out:
            for _ in range(n):
                dt, peak = run(u, out, subset)
                times.append(dt)
                peaks.append(peak)
            sizes = {os.path.splitext(f)[1]: os.path.getsize(f) for f in glob.glob(out + "/*/*")}
        label = "subset (default)" if subset else "JUESUAN_SUBSET=0"
        print(f"{u} [{label}]: median {statistics.median(times)*1000:.0f} ms "
              f"(min {min(times)*1000:.0f}, max {max(times)*1000:.0f}); peak RSS {max(peaks):.1f} MiB; "
              f"PDF {sizes.get('.pdf', 0)/1024:.0f} KiB, XLSX {sizes.get('.xlsx', 0)/1024:.0f} KiB")
PY
if [ -n "${FONTBENCH:-}" ] && [ -x "$FONTBENCH" ]; then
  u=$(ls -d input/*/ | head -1)
  "${JUESUAN_BIN:-./juesuan}" markup "${u%/}" | "$FONTBENCH" "$N"
fi
