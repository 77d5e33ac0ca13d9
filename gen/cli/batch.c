/* batch.c — many unit folders in one run: one forked process per unit, up
 * to -j at a time, progress, the summary table and the list of failures. */
#include "batch.h"

#include "cli.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* ---- which folders ------------------------------------------------------- */

static bool has_unit_yaml(const char *dir)
{
    buf p = {0};
    buf_printf(&p, "%s/unit.yaml", dir);
    struct stat st;
    bool yes = stat(buf_cstr(&p), &st) == 0 && S_ISREG(st.st_mode);
    buf_free(&p);
    return yes;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The sub-folders of `dir` that are unit folders, sorted; how many. */
static size_t unit_children(const char *dir, char ***out, size_t *n)
{
    DIR *dp = opendir(dir);
    if (!dp) return 0;
    size_t before = *n;
    struct dirent *e;
    size_t len = strlen(dir);
    while (len > 1 && dir[len - 1] == '/') len--;
    while ((e = readdir(dp))) {
        if (e->d_name[0] == '.') continue;
        buf p = {0};
        buf_printf(&p, "%.*s/%s", (int)len, dir, e->d_name);
        if (has_unit_yaml(buf_cstr(&p))) {
            *out = xrealloc(*out, (*n + 1) * sizeof **out);
            (*out)[(*n)++] = buf_detach(&p);
        } else {
            buf_free(&p);
        }
    }
    closedir(dp);
    qsort(*out + before, *n - before, sizeof **out, cmp_str);
    return *n - before;
}

char **batch_expand(char **args, size_t n_args, size_t *n, bool *many)
{
    char **out = NULL;
    *n = 0;
    *many = false;
    for (size_t i = 0; i < n_args; i++) {
        struct stat st;
        if (!has_unit_yaml(args[i]) && stat(args[i], &st) == 0 && S_ISDIR(st.st_mode) &&
            unit_children(args[i], &out, n) > 0) {
            *many = true;
            continue;
        }
        out = xrealloc(out, (*n + 1) * sizeof *out);
        out[(*n)++] = xstrdup(args[i]);
    }
    if (*n > 1) *many = true;
    return out;
}

void batch_free(char **dirs, size_t n)
{
    for (size_t i = 0; i < n; i++) free(dirs[i]);
    free(dirs);
}

/* ---- the run -------------------------------------------------------------- */

typedef struct result {
    const char *id; /* the unit folder's name (points into its path) */
    int rc;
    unit_outcome o;
    unsigned long warnings, errors;
    double seconds;
    char *first; /* the first error message, for the list of failures */
} result;

/* A worker process: it builds the units the parent sends it, one after
 * another, and answers each with a record. */
typedef struct worker {
    pid_t pid;
    int cmd;     /* write end: unit numbers, one a line; closed: no more */
    int res;     /* read end: "<length>\n<record>" per unit */
    long unit;   /* the unit it is building, -1 when idle */
    buf text;    /* what it sent of the current record */
    double start;
} worker;

typedef struct batch {
    char **dirs;
    size_t n, next, done, failed, skipped;
    result *res;
    worker *w;
    size_t n_workers;
    int jobs;
    bool tty;
    double start;
} batch;

static const int stop_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
enum { N_STOP = sizeof stop_signals / sizeof stop_signals[0] };
static volatile sig_atomic_t stop_signal;
static struct sigaction saved_actions[N_STOP];

static void on_stop(int sig)
{
    if (!stop_signal) stop_signal = sig;
}

static void stop_set(sigset_t *s)
{
    sigemptyset(s);
    for (int i = 0; i < N_STOP; i++) sigaddset(s, stop_signals[i]);
}

/* The parent notes a signal and passes it on to the workers (a signal
 * the caller ignores, as nohup does SIGHUP, stays ignored). */
static void stop_install(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_stop;
    stop_set(&sa.sa_mask);
    for (int i = 0; i < N_STOP; i++) {
        sigaction(stop_signals[i], NULL, &saved_actions[i]);
        if (saved_actions[i].sa_handler != SIG_IGN) sigaction(stop_signals[i], &sa, NULL);
    }
}

static void stop_restore(void)
{
    for (int i = 0; i < N_STOP; i++) sigaction(stop_signals[i], &saved_actions[i], NULL);
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return;
        p += w;
        n -= (size_t)w;
    }
}

/* One unit in the worker: build, then send "<length>\n" and the record
 * "rc skipped docs pages warnings errors\n" followed by the messages as
 * printed. */
static void work(batch *b, size_t u, int fd, batch_build_fn fn, void *ctx)
{
    diag_list d = {0};
    unit_outcome o = {0};
    int rc = fn(ctx, b->dirs[u], &o, &d);
    if (rc == EXIT_OK && diag_error_count(&d)) rc = EXIT_BAD_INPUT;
    char *text = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&text, &len);
    if (m) {
        fprintf(m, "%d %d %u %u %zu %zu\n", rc, o.skipped ? 1 : 0, o.docs, o.pages, diag_warning_count(&d),
                diag_error_count(&d));
        diag_print(&d, m);
        fclose(m);
        char head[32];
        int h = snprintf(head, sizeof head, "%zu\n", len);
        write_all(fd, head, (size_t)h);
        write_all(fd, text, len);
    }
    free(text);
    diag_list_free(&d);
}

/* The worker's loop: a unit number a line from `cmd` until it is closed. */
static void worker_loop(batch *b, int cmd, int res, batch_build_fn fn, void *ctx)
{
    char line[32];
    size_t n = 0;
    for (;;) {
        char c;
        ssize_t r = read(cmd, &c, 1);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) return;
        if (c != '\n') {
            if (n < sizeof line - 1) line[n++] = c;
            continue;
        }
        line[n] = '\0';
        n = 0;
        size_t u = (size_t)strtoul(line, NULL, 10);
        if (u < b->n) work(b, u, res, fn, ctx);
    }
}

/* The first error line of a worker's messages (malloc'd), else NULL. */
static char *first_error(const char *text)
{
    for (const char *l = text; *l;) {
        const char *nl = strchr(l, '\n');
        size_t n = nl ? (size_t)(nl - l) : strlen(l);
        const char *e = strstr(l, "错误");
        const char *w = strstr(l, "警告");
        if (e && e < l + n && (!w || w > e)) return xstrndup(l, n);
        if (!nl) break;
        l = nl + 1;
    }
    return NULL;
}

/* Columns a UTF-8 text takes on a terminal (CJK: two). */
static int width(const char *s)
{
    int w = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p & 0xC0) == 0x80) continue;
        if (*p < 0x80) {
            w++;
        } else {
            unsigned cp = *p >= 0xF0 ? 0x10000u : *p >= 0xE0 ? (unsigned)(*p & 0x0F) << 12 | (unsigned)(p[1] & 0x3F) << 6 : 0;
            w += (cp >= 0x1100 && cp < 0x1160) || (cp >= 0x2E80 && cp < 0xA4D0) || (cp >= 0xAC00 && cp < 0xD7A4) ||
                         (cp >= 0xF900 && cp < 0xFB00) || (cp >= 0xFE30 && cp < 0xFE50) || (cp >= 0xFF00 && cp < 0xFF61) ||
                         cp >= 0x20000
                     ? 2
                     : 1;
        }
    }
    return w;
}

static void pad(const char *s, int cols, bool right)
{
    int fill = cols - width(s);
    if (right) printf("%*s%s", fill > 0 ? fill : 0, "", s);
    else printf("%s%*s", s, fill > 0 ? fill : 0, "");
}

static const char *status_word(const result *r)
{
    return r->rc != EXIT_OK ? "失败" : r->o.skipped ? "跳过" : "生成";
}

static void progress(const batch *b)
{
    double t = now() - b->start;
    printf("\r\033[K已完成 %zu/%zu · 失败 %zu · 已用 %.0f 秒", b->done, b->n, b->failed, t);
    if (b->done > 0 && b->done < b->n) printf(" · 预计还需 %.0f 秒", t / (double)b->done * (double)(b->n - b->done));
    fflush(stdout);
}

/* Unit `u` ended: its record `text` (NULL: the worker died, `status` from
 * waitpid says how); its messages, the progress. */
static void unit_done(batch *b, size_t u, double seconds, const char *text, int status)
{
    result *r = &b->res[u];
    r->seconds = seconds;
    int rc, skipped;
    unsigned docs, pages;
    unsigned long warn, err;
    const char *nl = text ? strchr(text, '\n') : NULL;
    if (nl && sscanf(text, "%d %d %u %u %lu %lu", &rc, &skipped, &docs, &pages, &warn, &err) == 6) {
        r->rc = rc;
        r->o = (unit_outcome){skipped != 0, docs, pages};
        r->warnings = warn, r->errors = err;
        text = nl + 1;
        r->first = first_error(text);
        if (rc != EXIT_OK && !r->first) {
            buf m = {0};
            buf_printf(&m, "%s: 错误: 退出码 %d", b->dirs[u], rc);
            r->first = buf_detach(&m);
        }
    } else {
        buf m = {0};
        if (WIFSIGNALED(status))
            buf_printf(&m, "%s: 错误: 构建进程被信号 %d 终止（内部错误）", b->dirs[u], WTERMSIG(status));
        else
            buf_printf(&m, "%s: 错误: 构建进程意外结束（退出码 %d，内部错误）", b->dirs[u],
                       WIFEXITED(status) ? WEXITSTATUS(status) : -1);
        r->rc = EXIT_INTERNAL;
        r->errors = 1;
        r->first = buf_detach(&m);
        text = "";
    }
    b->done++;
    if (r->rc != EXIT_OK) b->failed++;
    if (r->rc == EXIT_OK && r->o.skipped) b->skipped++;
    if (b->tty) fputs("\r\033[K", stdout), fflush(stdout);
    if (*text) fputs(text, stderr);
    if (r->rc != EXIT_OK && !*text) fprintf(stderr, "%s\n", r->first);
    fflush(stderr);
    if (b->tty) {
        progress(b);
    } else {
        int digits = snprintf(NULL, 0, "%zu", b->n);
        printf("[%*zu/%zu] %s %s", digits, b->done, b->n, status_word(r), r->id);
        if (r->rc != EXIT_OK) printf("：%s\n", r->first);
        else if (r->o.skipped) printf("：输入和输出都未变\n");
        else printf("：%u 份文档，%u 页，%.2f 秒\n", r->o.docs, r->o.pages, r->seconds);
        fflush(stdout);
    }
}

/* A unit that could not be started (no process, no pipe). */
static void unit_unstarted(batch *b, size_t u, int err)
{
    char text[64];
    snprintf(text, sizeof text, "%d 0 0 0 0 1\n", EXIT_ENVIRONMENT);
    buf m = {0};
    buf_printf(&m, "%s%s: 错误: 无法启动构建进程：%s\n", text, b->dirs[u], env_error_words(err));
    unit_done(b, u, 0, buf_cstr(&m), 0);
    buf_free(&m);
}

/* Give an idle worker the next unit, or tell it there is none. */
static void assign(batch *b, worker *w)
{
    if (b->next >= b->n || stop_signal) {
        if (w->cmd >= 0) close(w->cmd);
        w->cmd = -1;
        return;
    }
    w->unit = (long)b->next++;
    w->start = now();
    char line[32];
    int n = snprintf(line, sizeof line, "%ld\n", w->unit);
    write_all(w->cmd, line, (size_t)n); /* a worker that died shows as the end of its pipe */
}

/* Start a worker; in the worker returns true (its loop has ended). */
static bool spawn(batch *b, batch_build_fn fn, void *ctx)
{
    int cmd[2], res[2];
    if (pipe(cmd) != 0) return false;
    if (pipe(res) != 0) {
        close(cmd[0]), close(cmd[1]);
        return false;
    }
    sigset_t s, old;
    stop_set(&s);
    sigprocmask(SIG_BLOCK, &s, &old); /* no signal between fork and the worker's own handlers */
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid == 0) {
        stop_restore();
        sigprocmask(SIG_SETMASK, &old, NULL);
        close(cmd[1]), close(res[0]);
        for (size_t i = 0; i < b->n_workers; i++) { /* the other workers' pipes: theirs to end */
            if (b->w[i].cmd >= 0) close(b->w[i].cmd);
            close(b->w[i].res);
        }
        worker_loop(b, cmd[0], res[1], fn, ctx);
        close(cmd[0]), close(res[1]);
        return true;
    }
    close(cmd[0]), close(res[1]);
    if (pid < 0) {
        close(cmd[1]), close(res[0]);
    } else {
        fcntl(cmd[1], F_SETFD, FD_CLOEXEC);
        fcntl(res[0], F_SETFD, FD_CLOEXEC);
        worker *w = &b->w[b->n_workers++];
        *w = (worker){pid, cmd[1], res[0], -1, {0}, 0};
        assign(b, w);
    }
    sigprocmask(SIG_SETMASK, &old, NULL);
    return false;
}

/* Records complete in what worker `w` sent: each ends its unit. */
static void records(batch *b, worker *w)
{
    for (;;) {
        const char *t = buf_cstr(&w->text);
        const char *nl = strchr(t, '\n');
        if (!nl) return;
        size_t len = (size_t)strtoul(t, NULL, 10), head = (size_t)(nl - t) + 1;
        if (w->text.len < head + len) return;
        char *rec = xstrndup(t + head, len);
        size_t rest = w->text.len - head - len;
        memmove(w->text.data, w->text.data + head + len, rest);
        w->text.len = rest;
        w->text.data[rest] = '\0';
        if (w->unit >= 0) unit_done(b, (size_t)w->unit, now() - w->start, rec, 0);
        free(rec);
        w->unit = -1;
        assign(b, w);
    }
}

/* Read what the workers sent; a worker whose pipe ended is reaped (its
 * unit in flight, if any, failed). Returns true in a new worker. */
static bool collect(batch *b, int timeout_ms, batch_build_fn fn, void *ctx)
{
    size_t n = b->n_workers;
    struct pollfd *pf = xcalloc(n ? n : 1, sizeof *pf);
    for (size_t i = 0; i < n; i++) pf[i] = (struct pollfd){b->w[i].res, POLLIN, 0};
    int r = poll(pf, n, timeout_ms);
    size_t ended = 0;
    for (size_t i = 0; r > 0 && i < n; i++) {
        if (!pf[i].revents) continue;
        worker *w = &b->w[i];
        char chunk[8192];
        ssize_t got = read(w->res, chunk, sizeof chunk);
        if (got > 0) {
            buf_append(&w->text, chunk, (size_t)got);
            records(b, w);
        } else if (got == 0 || errno != EINTR) {
            int status = 0;
            while (waitpid(w->pid, &status, 0) < 0 && errno == EINTR) {}
            close(w->res);
            if (w->cmd >= 0) close(w->cmd);
            if (w->unit >= 0 && !stop_signal) unit_done(b, (size_t)w->unit, now() - w->start, NULL, status);
            buf_free(&w->text);
            w->pid = 0;
            ended++;
        }
    }
    free(pf);
    if (!ended) return false;
    size_t k = 0; /* drop the ended workers; replace them while units remain */
    for (size_t i = 0; i < b->n_workers; i++)
        if (b->w[i].pid) b->w[k++] = b->w[i];
    b->n_workers = k;
    while (ended-- && b->next < b->n && !stop_signal) {
        if (spawn(b, fn, ctx)) return true;
        if (b->n_workers == k) unit_unstarted(b, b->next++, errno);
        k = b->n_workers;
    }
    return false;
}

static void summary(const batch *b, double seconds)
{
    int idw = width("单位");
    for (size_t i = 0; i < b->n; i++)
        if (width(b->res[i].id) > idw) idw = width(b->res[i].id);
    static const char *const heads[] = {"状态", "文档", "页数", "秒", "警告", "错误"};
    static const int cols[] = {4, 4, 6, 7, 5, 5};
    printf("\n");
    pad("单位", idw, false);
    for (int k = 0; k < 6; k++) printf("  "), pad(heads[k], cols[k], k > 0);
    printf("\n");
    unsigned long docs = 0, pages = 0;
    for (size_t i = 0; i < b->n; i++) {
        const result *r = &b->res[i];
        char col[6][32];
        snprintf(col[0], sizeof col[0], "%s", status_word(r));
        snprintf(col[1], sizeof col[1], "%u", r->o.docs);
        snprintf(col[2], sizeof col[2], "%u", r->o.pages);
        snprintf(col[3], sizeof col[3], "%.2f", r->seconds);
        snprintf(col[4], sizeof col[4], "%lu", r->warnings);
        snprintf(col[5], sizeof col[5], "%lu", r->errors);
        pad(r->id, idw, false);
        for (int k = 0; k < 6; k++) printf("  "), pad(col[k], cols[k], k > 0);
        printf("\n");
        docs += r->o.docs, pages += r->o.pages;
    }
    printf("共 %zu 个单位：生成 %zu，跳过 %zu，失败 %zu；写出文档 %lu 份，%lu 页；用时 %.1f 秒（-j %d）\n", b->n,
           b->n - b->failed - b->skipped, b->skipped, b->failed, docs, pages, seconds, b->jobs);
    if (b->failed) {
        printf("失败的单位（%zu 个）：\n", b->failed);
        for (size_t i = 0; i < b->n; i++)
            if (b->res[i].rc != EXIT_OK) printf("  %s：%s\n", b->res[i].id, b->res[i].first);
    }
    fflush(stdout);
}

/* The unit id: the folder's name (as unit_load takes it). */
static const char *unit_id(const char *dir, char **own)
{
    size_t n = strlen(dir);
    while (n > 1 && dir[n - 1] == '/') n--;
    *own = xstrndup(dir, n);
    const char *slash = strrchr(*own, '/');
    return slash ? slash + 1 : *own;
}

static void batch_release(batch *b, char **ids)
{
    for (size_t i = 0; i < b->n; i++) free(b->res[i].first), free(ids[i]);
    for (size_t i = 0; i < b->n_workers; i++) buf_free(&b->w[i].text);
    free(ids);
    free(b->res);
    free(b->w);
}

int batch_run(char **dirs, size_t n, int jobs, batch_build_fn fn, void *ctx, bool *child)
{
    *child = false;
    batch b = {0};
    b.dirs = dirs, b.n = n, b.jobs = jobs < 1 ? 1 : jobs;
    b.tty = isatty(STDOUT_FILENO);
    b.res = xcalloc(n ? n : 1, sizeof *b.res);
    b.w = xcalloc((size_t)b.jobs, sizeof *b.w);
    char **ids = xcalloc(n ? n : 1, sizeof *ids);
    int dup = 0;
    for (size_t i = 0; i < n; i++) {
        b.res[i].id = unit_id(dirs[i], &ids[i]);
        for (size_t j = 0; j < i; j++)
            if (strcmp(b.res[i].id, b.res[j].id) == 0) {
                fprintf(stderr, "juesuan: 错误: %s 与 %s 的文件夹名相同，会写入同一个输出文件夹：请改名或分两次构建\n",
                        dirs[j], dirs[i]);
                dup++;
                break;
            }
    }
    if (dup) {
        batch_release(&b, ids);
        return EXIT_USAGE;
    }
    stop_signal = 0;
    stop_install();
    struct sigaction ign, old_pipe; /* a worker that died must not end the parent's write */
    memset(&ign, 0, sizeof ign);
    ign.sa_handler = SIG_IGN;
    sigaction(SIGPIPE, &ign, &old_pipe);
    b.start = now();
    if (!b.tty) printf("构建 %zu 个单位（-j %d）\n", n, b.jobs);
    size_t want = n < (size_t)b.jobs ? n : (size_t)b.jobs;
    bool in_child = false;
    while (!in_child && b.n_workers < want) {
        size_t before = b.n_workers;
        if (spawn(&b, fn, ctx)) in_child = true;
        else if (b.n_workers == before) break;
    }
    if (!in_child && b.n_workers == 0)
        while (b.next < n) unit_unstarted(&b, b.next++, errno);
    while (!in_child && b.n_workers > 0) {
        if (stop_signal) /* pass it on; the workers remove their temporary files and end */
            for (size_t i = 0; i < b.n_workers; i++) {
                kill(b.w[i].pid, stop_signal);
                if (b.w[i].cmd >= 0) close(b.w[i].cmd);
                b.w[i].cmd = -1;
            }
        in_child = collect(&b, b.tty ? 500 : -1, fn, ctx);
        if (b.tty && !stop_signal && !in_child) progress(&b);
    }
    if (in_child) {
        sigaction(SIGPIPE, &old_pipe, NULL);
        batch_release(&b, ids);
        *child = true;
        return EXIT_OK;
    }
    sigaction(SIGPIPE, &old_pipe, NULL);
    if (stop_signal) {
        if (b.tty) fputs("\r\033[K", stdout);
        fflush(stdout);
        int sig = stop_signal;
        batch_release(&b, ids);
        stop_restore();
        signal(sig, SIG_DFL);
        raise(sig);
        return EXIT_INTERNAL; /* not reached */
    }
    stop_restore();
    if (b.tty) fputs("\r\033[K", stdout);
    summary(&b, now() - b.start);
    int rc = EXIT_OK;
    for (size_t i = 0; i < n; i++)
        if (b.res[i].rc > rc) rc = b.res[i].rc;
    batch_release(&b, ids);
    return rc;
}
