/* output.c — an output folder: create it, lock it, sweep what an interrupted
 * build left, temporary files that signals remove, and the commit step that
 * replaces a document's files together. */
#include "output.h"
#include "internal.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

static const char TEMP_PREFIX[] = TEMPFILE_PREFIX;
enum { TEMP_RANDOM = 6 }; /* mkstemp's XXXXXX */

typedef struct output_file {
    char *temp;   /* .juesuan-XXXXXX in the folder; NULL once renamed */
    char *final;  /* the published path */
    char *backup; /* during a commit: a second name of the old file */
    bool existed; /* during a commit: a file had the final name before */
} output_file;

struct output_folder {
    char *dir;
    int fd; /* the folder, open for its lock; -1 when flock is not possible */
    output_file *files;
    size_t n_files;
    size_t first_pending; /* files from here on are not committed yet */
};

/* A name mkstemp gave for TEMP_PREFIX "XXXXXX". */
static bool is_temp_name(const char *name)
{
    size_t n = sizeof TEMP_PREFIX - 1;
    if (strncmp(name, TEMP_PREFIX, n) != 0 || strlen(name) != n + TEMP_RANDOM) return false;
    for (const char *c = name + n; *c; c++)
        if (!((*c >= '0' && *c <= '9') || (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z'))) return false;
    return true;
}

/* Remove the temporary files a killed build left (only regular files of
 * juesuan's own pattern; the folder is locked, so none is a live one). */
static void sweep(const char *dir)
{
    DIR *dp = opendir(dir);
    if (!dp) return;
    struct dirent *e;
    buf path = {0};
    while ((e = readdir(dp))) {
        if (!is_temp_name(e->d_name)) continue;
        path.len = 0;
        buf_printf(&path, "%s/%s", dir, e->d_name);
        struct stat st;
        if (lstat(buf_cstr(&path), &st) == 0 && S_ISREG(st.st_mode)) unlink(buf_cstr(&path));
    }
    buf_free(&path);
    closedir(dp);
}

int output_open(output_folder **out, const char *dir, diag_list *d)
{
    *out = NULL;
    int rc = cli_mkdirs(dir, "无法创建输出文件夹", d);
    if (rc) return rc;
    output_folder *f = xcalloc(1, sizeof *f);
    f->dir = xstrdup(dir);
    f->fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (f->fd >= 0 && flock(f->fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno == EWOULDBLOCK) {
            fprintf(stderr, "juesuan: 另一个 juesuan 正在写入 %s，等它写完……\n", dir);
            while (flock(f->fd, LOCK_EX) != 0 && errno == EINTR) {}
        } /* else: a file system without flock; build unlocked */
    }
    sweep(dir);
    *out = f;
    return 0;
}

/* A new temporary file in the folder, with the mode a published file gets
 * (mkstemp makes 0600; the umask applies). Tracked before it exists for
 * any signal to see. */
static char *temp_create(output_folder *f, diag_list *d)
{
    buf b = {0};
    buf_printf(&b, "%s/%sXXXXXX", f->dir, TEMP_PREFIX);
    char *path = buf_detach(&b);
    tempfile_hold_signals();
    int fd = mkstemp(path);
    int err = errno;
    if (fd >= 0) tempfile_track(path);
    tempfile_release_signals();
    if (fd < 0) {
        diag_env_error(d, f->dir, err, "无法在输出文件夹中创建临时文件");
        free(path);
        return NULL;
    }
    mode_t mask = umask(0);
    umask(mask);
    if (fchmod(fd, 0666 & ~mask) != 0) {
        diag_env_error(d, path, errno, "无法设置临时文件的权限");
        close(fd);
        unlink(path);
        tempfile_forget(path);
        free(path);
        return NULL;
    }
    close(fd);
    return path;
}

const char *output_add(output_folder *f, const char *name, diag_list *d)
{
    char *temp = temp_create(f, d);
    if (!temp) return NULL;
    f->files = xrealloc(f->files, (f->n_files + 1) * sizeof *f->files);
    output_file *o = &f->files[f->n_files++];
    buf b = {0};
    buf_printf(&b, "%s/%s", f->dir, name);
    *o = (output_file){temp, buf_detach(&b), NULL, false};
    return temp;
}

void output_print_paths(const output_folder *f, FILE *out)
{
    for (size_t i = 0; i < f->first_pending; i++) fprintf(out, "%s\n", f->files[i].final);
}

/* Flush a written temporary file to the disk (a full disk can show only
 * here, and a rename must not publish a file the disk does not hold). */
static int flush_file(const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    if (fsync(fd) != 0 && errno != EINVAL) {
        int e = errno;
        close(fd);
        errno = e;
        return -1;
    }
    return close(fd);
}

/* A second name for the existing file `o->final`, so a failed commit can
 * put it back; none when there is no such file or the file system has no
 * hard links. */
static void backup_make(output_folder *f, output_file *o)
{
    struct stat st;
    o->existed = lstat(o->final, &st) == 0;
    if (!o->existed || !S_ISREG(st.st_mode)) return;
    buf b = {0};
    buf_printf(&b, "%s/%sXXXXXX", f->dir, TEMP_PREFIX);
    char *path = buf_detach(&b);
    int fd = mkstemp(path); /* a fresh name; the lock keeps it ours */
    if (fd < 0) {
        free(path);
        return;
    }
    close(fd);
    tempfile_track(path);
    if (unlink(path) != 0 || link(o->final, path) != 0) {
        unlink(path);
        tempfile_forget(path);
        free(path);
        return;
    }
    o->backup = path;
}

static void backup_drop(output_file *o)
{
    if (!o->backup) return;
    unlink(o->backup);
    tempfile_forget(o->backup);
    free(o->backup);
    o->backup = NULL;
}

int output_commit(output_folder *f, diag_list *d)
{
    for (size_t i = f->first_pending; i < f->n_files; i++)
        if (flush_file(f->files[i].temp) != 0)
            return diag_env_error(d, f->files[i].final, errno, "无法写入输出文件");
    int rc = 0;
    tempfile_hold_signals(); /* from here to the end, all or nothing */
    for (size_t i = f->first_pending; i < f->n_files; i++) backup_make(f, &f->files[i]);
    size_t done = f->first_pending;
    for (; done < f->n_files; done++) {
        output_file *o = &f->files[done];
        if (rename(o->temp, o->final) != 0) {
            rc = diag_env_error(d, o->final, errno, "无法写入输出文件");
            break;
        }
        tempfile_forget(o->temp);
        free(o->temp);
        o->temp = NULL;
    }
    if (rc) { /* put back what was renamed */
        for (size_t i = f->first_pending; i < done; i++) {
            output_file *o = &f->files[i];
            if (o->backup && rename(o->backup, o->final) == 0) {
                tempfile_forget(o->backup);
                free(o->backup);
                o->backup = NULL;
            } else if (!o->backup && !o->existed) {
                unlink(o->final);
            } /* else the old file cannot be brought back: the new one stays */
        }
    }
    for (size_t i = f->first_pending; i < f->n_files; i++) backup_drop(&f->files[i]);
    if (rc == 0) f->first_pending = f->n_files;
    tempfile_release_signals();
    return rc;
}

void output_close(output_folder *f)
{
    if (!f) return;
    for (size_t i = 0; i < f->n_files; i++) {
        output_file *o = &f->files[i];
        if (o->temp) {
            unlink(o->temp);
            tempfile_forget(o->temp);
        }
        backup_drop(o);
        free(o->temp);
        free(o->final);
    }
    free(f->files);
    if (f->fd >= 0) close(f->fd); /* releases the lock */
    free(f->dir);
    free(f);
}
