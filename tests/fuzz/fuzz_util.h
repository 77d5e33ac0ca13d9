/* fuzz_util.h — a private temporary folder for harnesses that need files
 * (yaml_load and unit_load read paths, not buffers). Header-only: each
 * harness is one translation unit. */
#ifndef JUESUAN_FUZZ_UTIL_H
#define JUESUAN_FUZZ_UTIL_H

#include "../../gen/model/model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char fuzz_dir[512];

static void fuzz_dir_remove(void)
{
    if (!fuzz_dir[0])
        return;
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", fuzz_dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", fuzz_dir);
}

/* Create the folder once, in $TMPDIR or /tmp (removed at exit, though
 * libFuzzer's exits on a crash or a time-out skip that: make fuzz points
 * TMPDIR into BUILD); returns its path. */
static const char *fuzz_tmpdir(void)
{
    if (!fuzz_dir[0]) {
        const char *tmp = getenv("TMPDIR");
        snprintf(fuzz_dir, sizeof fuzz_dir, "%s/juesuan-fuzz-XXXXXX", tmp && *tmp ? tmp : "/tmp");
        if (!mkdtemp(fuzz_dir)) {
            perror("mkdtemp");
            abort();
        }
        atexit(fuzz_dir_remove);
    }
    return fuzz_dir;
}

/* Write `size` bytes to `path` (abort on failure: not a finding). */
static void fuzz_write(const char *path, const uint8_t *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f) != 0) {
        perror(path);
        abort();
    }
}

/* The project root: $JUESUAN_HOME or the current folder. */
static const char *fuzz_root(void)
{
    const char *h = getenv("JUESUAN_HOME");
    return h && *h ? h : ".";
}

/* Print the diagnostics to /dev/null: the messages (file:line:col, sorted)
 * must format without trouble. */
static void fuzz_print_diags(const diag_list *d)
{
    FILE *devnull = fopen("/dev/null", "w");
    if (devnull) {
        diag_print(d, devnull);
        fclose(devnull);
    }
}

#endif
