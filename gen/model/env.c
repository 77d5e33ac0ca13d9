/* env.c — the environment: system errors in words, writing a file to the
 * disk, and temporary files that a signal removes. */
#include "model.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- errors in words ------------------------------------------------------ */

const char *env_error_words(int err)
{
    switch (err) {
    case ENOSPC: return "磁盘空间不足";
    case EDQUOT: return "磁盘配额已用完（磁盘空间不足）";
    case EACCES:
    case EPERM: return "没有写入权限";
    case EROFS: return "文件系统是只读的（没有写入权限）";
    case ENAMETOOLONG: return "文件名过长";
    case ENOENT: return "文件夹不存在";
    case ENOTDIR: return "路径中有一段不是文件夹";
    case EISDIR: return "同名的文件夹已经存在";
    case EEXIST: return "同名的文件已经存在";
    case ELOOP: return "符号链接层数过多";
    case EMFILE:
    case ENFILE: return "同时打开的文件过多";
    case ENOMEM: return "内存不足";
    case EIO: return "磁盘读写出错";
    case EFBIG: return "文件超过了文件系统允许的大小";
    case EBUSY:
    case ETXTBSY: return "文件正被占用";
    default: break;
    }
    static char other[160];
    snprintf(other, sizeof other, "系统错误：%s（errno %d）", strerror(err), err);
    return other;
}

int diag_env_error(diag_list *d, const char *path, int err, const char *action)
{
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    if (strncmp(base, TEMPFILE_PREFIX, sizeof TEMPFILE_PREFIX - 1) == 0) {
        char *dir = slash ? xstrndup(path, (size_t)(slash - path)) : xstrdup(".");
        diag_error(d, (srcpos){dir, 0, 0}, "%s：%s", action, env_error_words(err));
        free(dir);
    } else {
        diag_error(d, (srcpos){path, 0, 0}, "%s：%s", action, env_error_words(err));
    }
    return ENV_FAILURE;
}

int file_write_all(const char *path, const void *data, size_t len)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0) return -1;
    const char *p = data;
    while (len > 0) {
        ssize_t n = write(fd, p, len);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            int e = n < 0 ? errno : ENOSPC; /* a write of 0 bytes: the disk is full */
            close(fd);
            errno = e;
            return -1;
        }
        p += n;
        len -= (size_t)n;
    }
    if (fsync(fd) != 0 && errno != EINVAL && errno != EROFS) { /* EINVAL: /dev/null and the like */
        int e = errno;
        close(fd);
        errno = e;
        return -1;
    }
    return close(fd);
}

/* ---- temporary files ------------------------------------------------------ */

/* The remembered paths. Changed only while the signals are blocked, so the
 * handler never sees the list half-changed. */
static char **temps;
static size_t n_temps, cap_temps;
static bool handlers_installed;
static int hold_depth;
static sigset_t hold_saved;

static const int cleanup_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
enum { N_CLEANUP_SIGNALS = sizeof cleanup_signals / sizeof cleanup_signals[0] };

static void signal_set(sigset_t *s)
{
    sigemptyset(s);
    for (int i = 0; i < N_CLEANUP_SIGNALS; i++) sigaddset(s, cleanup_signals[i]);
}

/* Remove the temporary files, then die of the same signal (so the caller,
 * e.g. a shell or `timeout`, sees how the process ended). Only
 * async-signal-safe calls. */
static void on_signal(int sig)
{
    for (size_t i = 0; i < n_temps; i++) unlink(temps[i]);
    signal(sig, SIG_DFL);
    sigset_t s;
    sigemptyset(&s);
    sigaddset(&s, sig);
    sigprocmask(SIG_UNBLOCK, &s, NULL);
    raise(sig);
}

static void handlers_install(void)
{
    handlers_installed = true;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    signal_set(&sa.sa_mask); /* one handler at a time */
    for (int i = 0; i < N_CLEANUP_SIGNALS; i++) {
        struct sigaction old;
        if (sigaction(cleanup_signals[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN) continue;
        sigaction(cleanup_signals[i], &sa, NULL);
    }
}

void tempfile_hold_signals(void)
{
    if (hold_depth++ > 0) return;
    sigset_t s;
    signal_set(&s);
    sigprocmask(SIG_BLOCK, &s, &hold_saved);
}

void tempfile_release_signals(void)
{
    if (hold_depth == 0 || --hold_depth > 0) return;
    sigprocmask(SIG_SETMASK, &hold_saved, NULL);
}

void tempfile_track(const char *path)
{
    tempfile_hold_signals();
    if (!handlers_installed) handlers_install();
    if (n_temps == cap_temps) {
        cap_temps = cap_temps ? cap_temps * 2 : 8;
        temps = xrealloc(temps, cap_temps * sizeof *temps);
    }
    temps[n_temps++] = xstrdup(path);
    tempfile_release_signals();
}

void tempfile_forget(const char *path)
{
    tempfile_hold_signals();
    for (size_t i = 0; i < n_temps; i++) {
        if (strcmp(temps[i], path) != 0) continue;
        free(temps[i]);
        temps[i] = temps[--n_temps];
        break;
    }
    if (n_temps == 0) { /* nothing left: no allocation outlives the build */
        free(temps);
        temps = NULL;
        cap_temps = 0;
    }
    tempfile_release_signals();
}
