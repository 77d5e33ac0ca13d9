#!/bin/sh
# make bench: how long a build takes, paired against a recorded older build
# so that the noise of a shared machine cancels. A benchmark, not a test: it
# never fails on slowness.
#
#   1. input/leshan-2024 with ./juesuan and with the base binary
#      (BENCH_BASE_DIR/juesuan: main before issue 14, built from its own
#      tree by make bench, run on its own copy of the example), alternately,
#      BENCH_RUNS times each (default 15): median wall and CPU time, the
#      median of the per-round ratios new/base, peak RSS, output sizes;
#      then the same with nothing changed (a build the manifest skips);
#   2. a unit 10x as large (tests/tools/big_unit.py, BENCH_BIG) against
#      leshan-2024, alternately: medians and the paired ratio;
#   3. the PDF's deflate level (JUESUAN_DEFLATE=1, 5, 6, 9, 12, libdeflate's
#      levels, for every stream): CPU time and PDF size, alternately.
# Every timed build is a real one: into a fresh output folder, and with
# --force for a binary that knows it (one with the incremental manifest
# would otherwise skip every build after the first). JUESUAN_BIN names the
# binary (default ./juesuan).
set -eu
N=${BENCH_RUNS:-15}
py=/usr/bin/python3; [ -x "$py" ] || py=python3
big=${BENCH_BIG:-build/bench/leshan-x10}
"$py" tests/tools/big_unit.py input/leshan-2024 "$big" 10
"$py" - "$N" "${JUESUAN_BIN:-./juesuan}" "${BENCH_BASE_DIR:-}" "$big" <<'PY'
import glob, os, shutil, statistics, subprocess, sys, tempfile, time
n, binary, base_dir, big = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
cpu = "?"
for line in open("/proc/cpuinfo"):
    if line.startswith("model name"):
        cpu = line.split(":", 1)[1].strip()
        break
load = open("/proc/loadavg").read().split()[:3]
print(f"machine: nproc {os.cpu_count()}; {cpu}; load average {' '.join(load)} at the start")
print(f"{binary}, {n} builds per case, cases run alternately; times are medians")

forces = {}
def knows_force(binary):
    """Whether `binary build` takes --force (the base may predate it)."""
    if binary not in forces:
        p = subprocess.run([binary, "--help"], capture_output=True)
        forces[binary] = b"--force" in p.stdout + p.stderr
    return forces[binary]

runs = 0
def run(binary, unit, out, env=None, skip=False):
    """One build of `unit`: wall, CPU (user + sys), peak RSS in MiB, output
    sizes by extension. A real build into a fresh folder under `out`
    (with --force when the binary knows it), or with skip=True into `out`
    itself again (the manifest skips it)."""
    global runs
    runs += 1
    dest = out if skip else os.path.join(out, f"run-{runs}")
    args = [binary, "build", unit, "-o", dest] + (["--force"] if not skip and knows_force(binary) else [])
    t0 = time.perf_counter()
    p = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    if status != 0:
        sys.exit(f"{binary} build {unit} failed")
    sizes = {os.path.splitext(f)[1]: os.path.getsize(f) for f in glob.glob(dest + "/*/*")}
    if not skip:
        shutil.rmtree(dest, ignore_errors=True)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, sizes

def rows(unit):
    return sum(sum(1 for _ in open(f, encoding="utf-8")) - 1 for f in glob.glob(unit + "/tables/*.csv"))

def alternate(cases, skip=False):
    """cases: name -> (binary, unit, env); n rounds, one build of each per
    round (with skip=True: after one build, n skipped ones)."""
    res = {k: [] for k in cases}
    outs = {k: tempfile.mkdtemp(prefix="juesuan-bench-") for k in cases}
    try:
        if skip:
            for k, (b, u, env) in cases.items():
                run(b, u, outs[k], env, skip=True)
        for _ in range(n):
            for k, (b, u, env) in cases.items():
                res[k].append(run(b, u, outs[k], env, skip))
    finally:
        for d in outs.values():
            shutil.rmtree(d, ignore_errors=True)
    return res

def ms(v):
    return f"{statistics.median(v) * 1000:.1f} ms"

def show(name, r, sizes=True):
    w = [x[0] for x in r]; c = [x[1] for x in r]
    if not sizes:
        print(f"  {name}: wall {ms(w)} (min {min(w) * 1000:.1f}), CPU {ms(c)}; peak RSS {max(x[2] for x in r):.1f} MiB")
        return
    sizes = r[-1][3]
    print(f"  {name}: wall {ms(w)} (min {min(w) * 1000:.1f}), CPU {ms(c)}; peak RSS {max(x[2] for x in r):.1f} MiB; "
          f"PDF {sizes.get('.pdf', 0) / 1024:.1f} KiB, XLSX {sizes.get('.xlsx', 0) / 1024:.1f} KiB")

def ratio(a, b, what):
    rw = [x[0] / y[0] for x, y in zip(a, b)]
    rc = [x[1] / y[1] for x, y in zip(a, b)]
    print(f"  paired ratio {what}: wall {statistics.median(rw):.3f}, CPU {statistics.median(rc):.3f} "
          f"(median of the per-round ratios)")

leshan = "input/leshan-2024"
base_bin = os.path.join(base_dir, "juesuan") if base_dir else ""
print("\n1. leshan-2024, this build against the base build")
if base_bin and os.access(base_bin, os.X_OK):
    r = alternate({"new": (binary, leshan, None), "base": (base_bin, os.path.join(base_dir, leshan), None)})
    show("this build", r["new"])
    show(f"base ({os.path.basename(base_dir)})", r["base"])
    ratio(r["new"], r["base"], "this / base")
else:
    print("  (no base binary: run through make bench)")
    r = alternate({"new": (binary, leshan, None)})
    show("this build", r["new"])

print("\n1b. leshan-2024 again with nothing changed (skipped by the manifest)")
cases = {"new": (binary, leshan, None)}
if base_bin and os.access(base_bin, os.X_OK) and knows_force(base_bin):
    cases["base"] = (base_bin, os.path.join(base_dir, leshan), None)
r = alternate(cases, skip=True)
show("this build, skipped", r["new"], sizes=False)
if "base" in r:
    show(f"base ({os.path.basename(base_dir)}), skipped", r["base"], sizes=False)
    ratio(r["new"], r["base"], "this / base, skipped")
else:
    print("  (the base binary has no manifest: it cannot skip)")

print(f"\n2. a unit 10x as large ({big}: {rows(big)} table rows, leshan-2024 {rows(leshan)})")
r = alternate({"big": (binary, big, None), "leshan": (binary, leshan, None)})
show("10x unit", r["big"])
show("leshan-2024", r["leshan"])
ratio(r["big"], r["leshan"], "10x / leshan")

print("\n3. the PDF's deflate level (leshan-2024; JUESUAN_DEFLATE)")
levels = (1, 5, 6, 9, 12)
r = alternate({l: (binary, leshan, dict(os.environ, JUESUAN_DEFLATE=str(l))) for l in levels})
for l in levels:
    c = [x[1] for x in r[l]]
    print(f"  level {l}: CPU {ms(c)}, PDF {r[l][-1][3].get('.pdf', 0) / 1024:.1f} KiB")
PY
