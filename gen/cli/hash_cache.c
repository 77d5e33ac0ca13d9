/* hash_cache.c — SHA-256 of files, remembered between runs by what stat(2)
 * says of them (file_stamp, as git's index does): a file whose device,
 * inode, size, modification time and status-change time (both to the
 * nanosecond) are what they were when it was hashed is not read again. The record is one
 * small text file in the user's cache folder (hash_cache_path). */
#include "manifest.h"

#include <errno.h>
#include <fcntl.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

enum { HEX_LEN = SHA256_DIGEST_SIZE * 2 };

static const char MAGIC[] = "juesuan-hash-cache\t1\n";

/* What stat says of a file, and its hash. */
typedef struct hash_entry {
    file_stamp st;
    char hex[HEX_LEN + 1];
    bool used; /* looked up or added by this run */
} hash_entry;

/* The most files remembered: those this run did not use go first, the
 * oldest of them first. */
enum { CACHE_MAX = 1024 };

struct hash_cache {
    char *path; /* NULL: no cache */
    hash_entry *e;
    size_t n;
    size_t added; /* entries added in this run (the last ones) */
};

/* One line "dev ino size mtime_s mtime_ns ctime_s ctime_ns hex" (tabs)
 * into `h`; false when it is not one. */
static bool entry_parse(const char *l, const char *nl, hash_entry *h)
{
    char *end;
    unsigned long long u[3];
    long long s[4];
    const char *p = l;
    for (int i = 0; i < 7; i++) {
        errno = 0;
        if (i < 3) u[i] = strtoull(p, &end, 10);
        else s[i - 3] = strtoll(p, &end, 10);
        if (errno || end == p || *end != '\t') return false;
        p = end + 1;
    }
    if (nl - p != HEX_LEN || strspn(p, "0123456789abcdef") < HEX_LEN) return false;
    *h = (hash_entry){{u[0], u[1], u[2], s[0], s[1], s[2], s[3]}, {0}, false};
    memcpy(h->hex, p, HEX_LEN);
    return true;
}

char *hash_cache_path(void)
{
    const char *off = getenv("JUESUAN_HASH_CACHE");
    if (off && strcmp(off, "off") == 0) return NULL;
    const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
    buf p = {0};
    if (xdg && xdg[0] == '/') buf_printf(&p, "%s/juesuan/hashes", xdg);
    else if (home && home[0] == '/') buf_printf(&p, "%s/.cache/juesuan/hashes", home);
    else return NULL;
    return buf_detach(&p);
}

hash_cache *hash_cache_open(const char *path)
{
    hash_cache *c = xcalloc(1, sizeof *c);
    if (!path) return c;
    c->path = xstrdup(path);
    char *text = file_read_all(c->path, NULL);
    if (text && strncmp(text, MAGIC, sizeof MAGIC - 1) == 0) { /* else none, or not ours */
        for (const char *l = text + sizeof MAGIC - 1; *l;) {
            const char *nl = strchr(l, '\n');
            if (!nl) break;
            hash_entry h;
            if (entry_parse(l, nl, &h)) {
                c->e = xrealloc(c->e, (c->n + 1) * sizeof *c->e);
                c->e[c->n++] = h;
            }
            l = nl + 1;
        }
    }
    free(text);
    return c;
}

/* True when both of a file's times are more than a second before `now`:
 * a later change to it, even one keeping its size, then gives it another
 * time (file times advance by a clock tick of a few milliseconds, so a
 * file changed twice within one tick would look unchanged — the "racy
 * clean" case of git — and such a file is simply not remembered). */
static bool settled(const struct stat *st, const struct timespec *now)
{
    return st->st_mtim.tv_sec + 1 < now->tv_sec && st->st_ctim.tv_sec + 1 < now->tv_sec;
}

int hash_cache_file(hash_cache *c, const char *path, char *hex, buf *keep)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    struct stat st;
    bool stated = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
    file_stamp now_st = stated ? file_stamp_of(&st) : (file_stamp){0};
    if (c && stated && !keep)
        for (size_t i = 0; i < c->n; i++)
            if (file_stamp_same(&c->e[i].st, &now_st)) {
                c->e[i].used = true;
                memcpy(hex, c->e[i].hex, HEX_LEN + 1);
                close(fd);
                return 0;
            }
    struct sha256_ctx ctx;
    sha256_init(&ctx);
    static unsigned char chunk[1 << 16];
    for (;;) {
        ssize_t n = read(fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            int e = errno;
            close(fd);
            errno = e;
            return -1;
        }
        if (n == 0) break;
        sha256_update(&ctx, (size_t)n, chunk);
        if (keep) buf_append(keep, (const char *)chunk, (size_t)n);
    }
    close(fd);
    unsigned char d[SHA256_DIGEST_SIZE];
    sha256_digest(&ctx, sizeof d, d);
    static const char digits[] = "0123456789abcdef";
    for (int i = 0; i < SHA256_DIGEST_SIZE; i++) hex[2 * i] = digits[d[i] >> 4], hex[2 * i + 1] = digits[d[i] & 15];
    hex[HEX_LEN] = '\0';
    struct timespec now;
    if (c && c->path && stated && clock_gettime(CLOCK_REALTIME, &now) == 0 && settled(&st, &now)) {
        size_t k = 0; /* the file's older entry, if any, goes */
        for (size_t i = 0; i < c->n; i++)
            if (c->e[i].st.dev != now_st.dev || c->e[i].st.ino != now_st.ino) c->e[k++] = c->e[i];
        c->n = k;
        c->e = xrealloc(c->e, (c->n + 1) * sizeof *c->e);
        hash_entry *h = &c->e[c->n++];
        *h = (hash_entry){now_st, {0}, true};
        memcpy(h->hex, hex, HEX_LEN + 1);
        c->added++;
    }
    return 0;
}

/* mkdir -p for the folder of `path` (errors left to the write). */
static void make_parents(const char *path)
{
    char *d = xstrdup(path);
    for (char *p = d + 1; *p; p++) {
        if (*p != '/') continue;
        *p = '\0';
        mkdir(d, 0777);
        *p = '/';
    }
    free(d);
}

void hash_cache_save(hash_cache *c)
{
    if (!c || !c->path || !c->added) return;
    buf t = {0};
    buf_puts(&t, MAGIC);
    size_t drop = c->n > CACHE_MAX ? c->n - CACHE_MAX : 0; /* the unused first, oldest first */
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < c->n; i++) {
            const hash_entry *h = &c->e[i];
            if (h->used != (pass == 1)) continue;
            if (drop > 0) {
                drop--;
                continue;
            }
            buf_printf(&t, "%llu\t%llu\t%llu\t%lld\t%lld\t%lld\t%lld\t%s\n", h->st.dev, h->st.ino,
                       h->st.size, h->st.mtime_s, h->st.mtime_ns, h->st.ctime_s, h->st.ctime_ns, h->hex);
        }
    /* only a cache: when it cannot be written, the next run hashes again */
    make_parents(c->path);
    buf tmp = {0};
    buf_printf(&tmp, "%s.%ld", c->path, (long)getpid());
    if (file_write_all(buf_cstr(&tmp), t.data, t.len) != 0 || rename(buf_cstr(&tmp), c->path) != 0)
        unlink(buf_cstr(&tmp));
    buf_free(&tmp);
    buf_free(&t);
    c->added = 0;
}

void hash_cache_free(hash_cache *c)
{
    if (!c) return;
    free(c->path);
    free(c->e);
    free(c);
}
