/* util.c — allocation helpers, the growable buffer, reading files. */
#include "model.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void oom(void)
{
    fputs("juesuan: 错误: 内存不足\n", stderr);
    exit(ENV_FAILURE);
}

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) oom();
    return p;
}

void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p) oom();
    return p;
}

void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) oom();
    return q;
}

static size_t room_for(size_t n)
{
    size_t room = 4;
    while (room < n) room *= 2;
    return room;
}

void *xgrow(void *items, size_t n, size_t size)
{
    if (items && n < room_for(n)) return items;
    size_t room = room_for(n + 1);
    if (room > SIZE_MAX / size) oom();
    return xrealloc(items, room * size);
}

char *xstrdup(const char *s)
{
    return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
    char *p = xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

static void buf_grow(buf *b, size_t extra)
{
    size_t need = b->len + extra + 1;
    if (need <= b->cap) return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need) cap *= 2;
    b->data = xrealloc(b->data, cap);
    b->cap = cap;
}

void buf_append(buf *b, const char *s, size_t n)
{
    buf_grow(b, n);
    if (n) memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void buf_puts(buf *b, const char *s)
{
    buf_append(b, s, strlen(s));
}

void buf_putc(buf *b, char c)
{
    buf_append(b, &c, 1);
}

char *uint_text(char *end, uint64_t v)
{
    do {
        *--end = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    return end;
}

void buf_put_uint(buf *b, uint64_t v)
{
    char d[20], *p = uint_text(d + sizeof d, v);
    buf_append(b, p, (size_t)(d + sizeof d - p));
}

void buf_printf(buf *b, const char *fmt, ...)
{
    /* formatted once into the room the buffer has, again only when it
     * needs more (not measured first: half the formatting) */
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    buf_grow(b, 63);
    size_t room = b->cap - b->len;
    int n = vsnprintf(b->data + b->len, room, fmt, ap);
    va_end(ap);
    if (n >= 0 && (size_t)n >= room) {
        buf_grow(b, (size_t)n);
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap2);
    }
    va_end(ap2);
    if (n >= 0) b->len += (size_t)n;
    b->data[b->len] = '\0';
}

const char *buf_cstr(const buf *b)
{
    return b->data ? b->data : "";
}

char *buf_detach(buf *b)
{
    char *p = b->data ? b->data : xstrdup("");
    b->data = NULL;
    b->len = b->cap = 0;
    return p;
}

void buf_free(buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

file_stamp file_stamp_of(const struct stat *st)
{
    return (file_stamp){(unsigned long long)st->st_dev,      (unsigned long long)st->st_ino,
                        (unsigned long long)st->st_size,     (long long)st->st_mtim.tv_sec,
                        (long long)st->st_mtim.tv_nsec,      (long long)st->st_ctim.tv_sec,
                        (long long)st->st_ctim.tv_nsec};
}

bool file_stamp_same(const file_stamp *a, const file_stamp *b)
{
    return a->dev == b->dev && a->ino == b->ino && a->size == b->size && a->mtime_s == b->mtime_s &&
           a->mtime_ns == b->mtime_ns && a->ctime_s == b->ctime_s && a->ctime_ns == b->ctime_ns;
}

char *file_read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    buf b = {0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) buf_append(&b, chunk, n);
    if (ferror(f)) {
        int e = errno;
        fclose(f);
        buf_free(&b);
        errno = e ? e : EIO;
        return NULL;
    }
    fclose(f);
    if (len) *len = b.len;
    return buf_detach(&b);
}
