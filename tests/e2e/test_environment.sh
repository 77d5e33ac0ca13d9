#!/bin/sh
# End to end, environment failures (issue 11 item 6): a read-only output
# folder, a full disk, a name too long, a file where a folder should be.
# Each gives exit status 4 (README: 环境错误), a message with the path and
# the cause in words, and leaves no file behind. The full disk is a 64 KB
# tmpfs when mount(8) works here (root with CAP_SYS_ADMIN), and is always
# also simulated by an LD_PRELOAD shim whose write(2) fails with ENOSPC for
# regular files. Run from the project root. Closing line: "N passed, N failed".
set -u
bin=${JUESUAN_BIN:-build/san/juesuan}
w=$(mktemp -d); chmod 755 "$w"
mnt="$w/mnt"
trap 'umount "$mnt" 2>/dev/null; chmod -R u+w "$w" 2>/dev/null; rm -rf "$w"' EXIT
pass=0; fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
no() { fail=$((fail + 1)); echo "FAIL $1"; [ -n "${2:-}" ] && sed 's/^/     /' "$2" | head -20; }
skip() { echo "skip: $1"; }

# expect NAME WORDS DIR CMD...: exit 4, WORDS and DIR in the message, no
# file of this build under DIR
expect() {
  name=$1 words=$2 dir=$3; shift 3
  "$@" >"$w/out" 2>"$w/err"
  rc=$?
  left=$(find "$dir" -name '*.pdf' -o -name '*.xlsx' -o -name '*.juesuan-*' -o -name '*.yaml' -o -name '*.csv' 2>/dev/null | head -3 | tr '\n' ' ')
  if [ $rc = 4 ] && grep -qF "$words" "$w/err" && grep -qF "$dir" "$w/err" && [ -z "$left" ] && [ ! -s "$w/out" ]; then
    ok "$name: exit 4, “$words” with the path ($(head -1 "$w/err" | cut -c1-160))"
  else
    no "$name: exit $rc (want 4), words “$words”, left: ${left:-nothing}" "$w/err"
  fi
}

# a read-only folder: no write permission (as nobody when root: root
# writes anywhere)
as=""
if [ "$(id -u)" = 0 ]; then
  if setpriv --reuid=nobody --regid=nogroup --clear-groups true 2>/dev/null; then
    as="setpriv --reuid=nobody --regid=nogroup --clear-groups env JUESUAN_HOME=$PWD"
  else
    as=none
  fi
fi
cp -r input/leshan-2024 "$w/leshan-2024"; chmod -R a+rX "$w/leshan-2024"
mkdir -p "$w/ro" "$w/ro2/leshan-2024"; chmod 555 "$w/ro" "$w/ro2/leshan-2024"
if [ "$as" = none ]; then
  skip "read-only folders: running as root and setpriv cannot switch to nobody"
else
  expect "read-only folder${as:+ (as nobody)}" "没有写入权限" "$w/ro" $as "$bin" build "$w/leshan-2024" -o "$w/ro"
  expect "read-only unit folder${as:+ (as nobody)}" "没有写入权限" "$w/ro2" $as "$bin" build "$w/leshan-2024" -o "$w/ro2"
fi

# a name too long, and a file in the way of a folder
long=$(printf '%0300d' 0)
expect "name too long" "文件名过长" "$w/$long" "$bin" build input/leshan-2024 -o "$w/$long"
: >"$w/afile"
expect "a file where a folder should be" "不是文件夹" "$w/afile" "$bin" build input/leshan-2024 -o "$w/afile/out"

# a full disk, simulated: write(2) fails with ENOSPC for regular files
cat >"$w/enospc.c" <<'C'
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>
ssize_t write(int fd, const void *p, size_t n)
{
    static ssize_t (*real)(int, const void *, size_t);
    struct stat st;
    if (fd > 2 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
        errno = ENOSPC;
        return -1;
    }
    if (!real) real = (ssize_t (*)(int, const void *, size_t))dlsym(RTLD_NEXT, "write");
    return real(fd, p, n);
}
C
if cc -shared -fPIC -o "$w/enospc.so" "$w/enospc.c" -ldl 2>"$w/cc"; then
  mkdir -p "$w/sim"
  expect "full disk (simulated: LD_PRELOAD write → ENOSPC)" "磁盘空间不足" "$w/sim" \
    env LD_PRELOAD="$w/enospc.so" ASAN_OPTIONS=verify_asan_link_order=0:detect_leaks=1 "$bin" build input/leshan-2024 -o "$w/sim"
else
  no "compile the ENOSPC shim" "$w/cc"
fi

# a full disk, for real: a 64 KB tmpfs (the PDF alone is ~300 KB)
mkdir -p "$mnt"
if mount -t tmpfs -o size=64k tmpfs "$mnt" 2>/dev/null; then
  expect "full disk (64 KB tmpfs)" "磁盘空间不足" "$mnt" "$bin" build input/leshan-2024 -o "$mnt"
  mount -o remount,ro "$mnt" 2>/dev/null && \
    expect "read-only file system (tmpfs remounted ro)" "只读" "$mnt" "$bin" build input/leshan-2024 -o "$mnt"
    expect "juesuan init on a read-only file system" "只读" "$mnt" "$bin" init "$mnt/newunit"
  umount "$mnt"
  # room for the PDF but not the XLSX: the XLSX error, and the PDF not published
  "$bin" build input/leshan-2024 -o "$w/good" >/dev/null 2>&1
  kb=$(( $(cat "$w"/good/leshan-2024/*.pdf | wc -c) / 1024 + 12 ))
  mount -t tmpfs -o size=${kb}k tmpfs "$mnt" && \
    expect "full disk at the XLSX (${kb} KB tmpfs)" "磁盘空间不足" "$mnt" "$bin" build input/leshan-2024 -o "$mnt"
  umount "$mnt"
else
  skip "full disk on a real tmpfs: mount(8) is not permitted here (the LD_PRELOAD simulation above ran)"
fi

echo "$pass passed, $fail failed"
[ $fail = 0 ]
