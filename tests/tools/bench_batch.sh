#!/bin/sh
# make bench, part 4: batches of generated units (issue 12). For each N of
# BENCH_BATCH (default "100 1000"): tests/tools/gen_units.py makes N units
# (seed 1) under BENCH_DIR (default build/bench), `juesuan build` builds
# them in one batch with -j BENCH_JOBS (default 2) into an empty folder,
# then again (every unit skipped). Prints wall time, units per second, the
# CPU time of all processes, the peak RSS of the largest process (the
# parent or a worker: the batch holds about 1 + j of them at once), pages
# and bytes written. With BENCH_BASE_DIR (make bench sets it: the base
# binary of bench.sh, in its own tree), the smallest batch is then built
# BENCH_PAIRS times (default 3) by this binary and the base alternately,
# into empty folders: medians and the paired ratio of CPU and wall time.
# A benchmark, not a test: it never fails on slowness.
set -eu
py=/usr/bin/python3; [ -x "$py" ] || py=python3
"$py" - "${JUESUAN_BIN:-./juesuan}" "${BENCH_DIR:-build/bench}" "${BENCH_JOBS:-2}" \
  "${BENCH_BASE_DIR:-}" "${BENCH_PAIRS:-3}" ${BENCH_BATCH:-100 1000} <<'PY'
import os, re, shutil, statistics, subprocess, sys, time
binary, root, jobs, base_dir, pairs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
sizes = [int(x) for x in sys.argv[6:]]
load = open("/proc/loadavg").read().split()[:3]
print(f"\n4. batches of generated units (tests/tools/gen_units.py, seed 1), -j {jobs}; "
      f"nproc {os.cpu_count()}, load average {' '.join(load)} at the start")

def run(units, out, binary=binary):
    t0 = time.perf_counter()
    p = subprocess.Popen([binary, "build", units, "-o", out, "-j", jobs], stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL)
    text = p.stdout.read().decode("utf-8")
    _, status, usage = os.wait4(p.pid, 0)
    return time.perf_counter() - t0, usage, status, text

for n in sizes:
    units, out = os.path.join(root, f"units-{n}"), os.path.join(root, f"out-{n}")
    subprocess.run([sys.executable, "tests/tools/gen_units.py", units, str(n), "1"], check=True)
    shutil.rmtree(out, ignore_errors=True)
    wall, u, status, text = run(units, out)
    m = re.search(r"^共 (\d+) 个单位：生成 (\d+)，跳过 (\d+)，失败 (\d+)；写出文档 (\d+) 份，(\d+) 页", text, re.M)
    size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(out) for f in fs)
    cpu = u.ru_utime + u.ru_stime
    print(f"  {n} units: wall {wall:.1f} s, {n / wall:.1f} units/s; CPU {cpu:.1f} s ({u.ru_utime:.1f} user, "
          f"{u.ru_stime:.1f} sys; {cpu / n * 1000:.0f} ms a unit); peak RSS {u.ru_maxrss / 1024:.1f} MiB "
          f"(largest process); exit {status >> 8}")
    if m:
        print(f"    built {m.group(2)}, failed {m.group(4)}; {m.group(5)} documents, {m.group(6)} pages, "
              f"{size / 2**20:.0f} MiB written")
    wall2, u2, status2, text2 = run(units, out)
    skipped = re.search(r"跳过 (\d+)", text2)
    print(f"    again, nothing changed: wall {wall2:.1f} s, {skipped.group(1) if skipped else '?'} skipped, "
          f"CPU {u2.ru_utime + u2.ru_stime:.1f} s")
    shutil.rmtree(out, ignore_errors=True)

base = os.path.join(base_dir, "juesuan") if base_dir else ""
if base and os.access(base, os.X_OK) and sizes:
    n = min(sizes)
    units, out = os.path.join(root, f"units-{n}"), os.path.join(root, f"out-{n}")
    print(f"  {n} units, this build and the base ({os.path.basename(base_dir)}) alternately, {pairs} times each:")
    res = {binary: [], base: []}
    for _ in range(pairs):
        for b in (binary, base):
            shutil.rmtree(out, ignore_errors=True)
            wall, u, status, _ = run(units, out, b)
            res[b].append((wall, u.ru_utime + u.ru_stime, status))
    shutil.rmtree(out, ignore_errors=True)
    if any(x[2] for x in res[base]):
        print("    the base binary could not build these units (another input format): no ratio")
    else:
        for b, name in ((binary, "this build"), (base, "base")):
            w = statistics.median(x[0] for x in res[b]); c = statistics.median(x[1] for x in res[b])
            print(f"    {name}: median wall {w:.2f} s, CPU {c:.2f} s ({c / n * 1000:.1f} ms a unit)")
        rc = statistics.median(x[1] / y[1] for x, y in zip(res[binary], res[base]))
        rw = statistics.median(x[0] / y[0] for x, y in zip(res[binary], res[base]))
        print(f"    paired ratio this / base: CPU {rc:.3f}, wall {rw:.3f}")
PY
