#!/usr/bin/env python3
"""Huge-input runs of juesuan (issue 11 item 7): make a copy of a unit whose
支出决算表 has N duplicated rows (rows) or one row of N cells (cols), run
`juesuan check` on it, and print one line of JSON: the exit status, the CPU
seconds, the wall seconds, the peak resident memory in KiB and the lines and
bytes written to stderr.

    huge_input.py JUESUAN UNIT_DIR rows|cols N [WORK_DIR]

tests/e2e/test_huge.sh uses it with small N; tests/tools/huge.sh records
the 1,000,000-row figures the README gives."""
import json, os, resource, shutil, subprocess, sys, tempfile, time

def main():
    exe, unit, kind, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    work = sys.argv[5] if len(sys.argv) > 5 else tempfile.mkdtemp()
    dst = os.path.join(work, "huge-%s-%d" % (kind, n), os.path.basename(unit.rstrip("/")))
    shutil.rmtree(os.path.dirname(dst), ignore_errors=True)
    shutil.copytree(unit, dst)
    csv = [f for f in os.listdir(os.path.join(dst, "tables")) if f.startswith("03_")][0]
    path = os.path.join(dst, "tables", csv)
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if kind == "rows":   # the first class row, N more times
        extra = (lines[2] + "\n") * n
        with open(path, "a", encoding="utf-8") as f:
            if not lines[-1] == "":
                f.write("\n")
            f.write(extra)
    else:                # the first class row, N more (empty) cells
        lines[2] += "," * n
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.monotonic()
    p = subprocess.run([exe, "check", dst], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.monotonic() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    err = p.stderr.decode("utf-8", "replace")
    print(json.dumps({"kind": kind, "n": n, "exit": p.returncode, "cpu_s": round(cpu, 2),
                      "wall_s": round(wall, 2), "peak_kib": after.ru_maxrss,
                      "csv_bytes": os.path.getsize(path),
                      "stderr_lines": err.count("\n"), "stderr_bytes": len(p.stderr),
                      "last_line": err.rstrip("\n").split("\n")[-1]}, ensure_ascii=False))
    if len(sys.argv) <= 5:
        shutil.rmtree(work, ignore_errors=True)

main()
