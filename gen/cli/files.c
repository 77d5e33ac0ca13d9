/* files.c — writing the files of a unit folder (juesuan init, juesuan
 * import): folders made as needed, each file through a temporary file in
 * its folder renamed into place, so a file is either whole or untouched
 * (and a signal removes the temporary file); a failure is the
 * environment's, in words (env_error_words). */
#include "internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int cli_mkdirs(const char *path, const char *action, diag_list *d)
{
    char *tmp = xstrdup(path);
    int rc = 0;
    for (char *c = tmp + 1;; c++) {
        if (*c && *c != '/') continue;
        char keep = *c;
        *c = '\0';
        struct stat st;
        if (mkdir(tmp, 0777) != 0 && errno != EEXIST) rc = diag_env_error(d, tmp, errno, action);
        else if (stat(tmp, &st) != 0) rc = diag_env_error(d, tmp, errno, action);
        else if (!S_ISDIR(st.st_mode)) rc = diag_env_error(d, tmp, ENOTDIR, action);
        *c = keep;
        if (rc || !keep) break;
    }
    free(tmp);
    return rc;
}

int cli_write_file(const char *path, const char *data, size_t len, diag_list *d)
{
    buf t = {0};
    buf_printf(&t, "%s.juesuan-XXXXXX", path);
    char *tmp = buf_detach(&t);
    tempfile_hold_signals(); /* SIGINT & co. remove it from the moment it exists */
    int fd = mkstemp(tmp);
    int err = errno;
    if (fd >= 0) tempfile_track(tmp);
    tempfile_release_signals();
    if (fd < 0) {
        diag_env_error(d, path, err, "无法写入");
        free(tmp);
        return -1;
    }
    mode_t mask = umask(0);
    umask(mask);
    int rc = fchmod(fd, 0666 & ~mask);
    size_t done = 0;
    while (rc == 0 && done < len) {
        ssize_t w = write(fd, data + done, len - done);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) rc = -1;
        else done += (size_t)w;
    }
    if (close(fd) != 0) rc = -1;
    if (rc == 0 && rename(tmp, path) != 0) rc = -1;
    if (rc != 0) {
        diag_env_error(d, path, errno, "无法写入");
        unlink(tmp);
    }
    tempfile_forget(tmp);
    free(tmp);
    return rc;
}

bool cli_exists(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0;
}
