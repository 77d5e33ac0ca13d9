/* manifest.c — the build manifest: SHA-256 (nettle) of what a build reads
 * and writes, whether a unit's outputs are still what its inputs make, and
 * `juesuan manifest merge`. */
#include "manifest.h"

#include "internal.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stddef.h>
#include <nettle/sha2.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef JUESUAN_VERSION
#define JUESUAN_VERSION "0.0.0"
#endif

enum { HEX_LEN = SHA256_DIGEST_SIZE * 2 };

/* A template layer's lines ("template\t<hash>\t<k>\t<path>\n" without the
 * layer number), by folder. */
typedef struct layer_hash {
    char *dir;
    char *lines; /* "<hash>\t<path>\n" per file */
} layer_hash;

struct manifest_env {
    char *program; /* "program\tjuesuan X\t<hash>\n" */
    char *fonts;   /* "resource\t<hash>\t<name>\n"… */
    layer_hash *layers;
    size_t n_layers;
    hash_cache *cache; /* hashes of files unchanged since an earlier run */
};

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every regular file under `dir` (names beginning with '.' left out), as
 * paths relative to `dir`, sorted bytewise (so the order does not depend
 * on the file system). Returns -1 when `dir` cannot be read. */
static int walk(const char *dir, const char *rel, char ***out, size_t *n, size_t *cap)
{
    buf path = {0};
    buf_printf(&path, "%s%s%s", dir, *rel ? "/" : "", rel);
    DIR *dp = opendir(buf_cstr(&path));
    if (!dp) {
        buf_free(&path);
        return -1;
    }
    char **names = NULL;
    size_t nn = 0;
    struct dirent *e;
    while ((e = readdir(dp))) {
        if (e->d_name[0] == '.') continue;
        names = xrealloc(names, (nn + 1) * sizeof *names);
        names[nn++] = xstrdup(e->d_name);
    }
    closedir(dp);
    qsort(names, nn, sizeof *names, cmp_str);
    for (size_t i = 0; i < nn; i++) {
        buf sub = {0}, full = {0};
        buf_printf(&sub, "%s%s%s", rel, *rel ? "/" : "", names[i]);
        buf_printf(&full, "%s/%s", dir, buf_cstr(&sub));
        struct stat st;
        if (stat(buf_cstr(&full), &st) == 0 && S_ISDIR(st.st_mode)) {
            walk(dir, buf_cstr(&sub), out, n, cap);
            buf_free(&sub);
        } else if (stat(buf_cstr(&full), &st) == 0 && S_ISREG(st.st_mode)) {
            if (*n == *cap) {
                *cap = *cap ? *cap * 2 : 16;
                *out = xrealloc(*out, *cap * sizeof **out);
            }
            (*out)[(*n)++] = buf_detach(&sub);
        } else {
            buf_free(&sub);
        }
        buf_free(&full);
        free(names[i]);
    }
    free(names);
    buf_free(&path);
    return 0;
}

/* "<prefix><hash>\t<path>\n" for every file under `dir` into `m`; a file
 * that cannot be read gets "-" for its hash. Returns -1 when `dir` cannot
 * be read. */
static int hash_tree(hash_cache *c, const char *dir, const char *prefix, buf *m)
{
    char **files = NULL;
    size_t n = 0, cap = 0;
    int rc = walk(dir, "", &files, &n, &cap);
    for (size_t i = 0; i < n; i++) {
        buf full = {0};
        buf_printf(&full, "%s/%s", dir, files[i]);
        char hex[HEX_LEN + 1];
        if (hash_cache_file(c, buf_cstr(&full), hex, NULL) != 0) strcpy(hex, "-");
        buf_printf(m, "%s%s\t%s\n", prefix, hex, files[i]);
        buf_free(&full);
        free(files[i]);
    }
    free(files);
    return rc;
}

manifest_env *manifest_env_new(const char *const *fonts, size_t n_fonts)
{
    manifest_env *e = xcalloc(1, sizeof *e);
    char *cache = hash_cache_path();
    e->cache = hash_cache_open(cache);
    free(cache);
    char hex[HEX_LEN + 1];
    if (hash_cache_file(e->cache, "/proc/self/exe", hex, NULL) != 0) strcpy(hex, "-");
    buf b = {0};
    buf_printf(&b, "program\tjuesuan %s\t%s\n", JUESUAN_VERSION, hex);
    e->program = buf_detach(&b);
    for (size_t i = 0; i < n_fonts; i++) {
        bool seen = false;
        for (size_t j = 0; j < i; j++) seen = seen || strcmp(fonts[i], fonts[j]) == 0;
        if (seen) continue;
        if (hash_cache_file(e->cache, fonts[i], hex, NULL) != 0) strcpy(hex, "-");
        const char *slash = strrchr(fonts[i], '/');
        buf_printf(&b, "resource\t%s\t%s\n", hex, slash ? slash + 1 : fonts[i]);
    }
    e->fonts = buf_detach(&b);
    return e;
}

void manifest_env_save(manifest_env *e)
{
    hash_cache_save(e->cache);
}

void manifest_env_free(manifest_env *e)
{
    if (!e) return;
    hash_cache_free(e->cache);
    for (size_t i = 0; i < e->n_layers; i++) free(e->layers[i].dir), free(e->layers[i].lines);
    free(e->layers);
    free(e->program);
    free(e->fonts);
    free(e);
}

/* The hashed files of a template layer, read once per process. */
static const char *layer_lines(manifest_env *e, const char *dir)
{
    for (size_t i = 0; i < e->n_layers; i++)
        if (strcmp(e->layers[i].dir, dir) == 0) return e->layers[i].lines;
    buf m = {0};
    hash_tree(e->cache, dir, "", &m);
    e->layers = xrealloc(e->layers, (e->n_layers + 1) * sizeof *e->layers);
    e->layers[e->n_layers].dir = xstrdup(dir);
    e->layers[e->n_layers].lines = buf_detach(&m);
    return e->layers[e->n_layers++].lines;
}

char *manifest_inputs(manifest_env *e, const char *unit_dir, const char *id, const profile *prof,
                      const char *selection)
{
    buf m = {0};
    buf_printf(&m, "juesuan-manifest\t1\n%sselection\t%s\nunit\t%s\n", e->program, selection, id);
    if (hash_tree(e->cache, unit_dir, "input\t", &m) != 0) {
        buf_free(&m);
        return NULL;
    }
    for (size_t k = 0; k < prof->n; k++) {
        const char *lines = layer_lines(e, prof->dirs[k]);
        for (const char *l = lines; *l;) {
            const char *nl = strchr(l, '\n');
            buf_printf(&m, "template\t%.*s\t%zu\t%.*s\n", HEX_LEN, l, k, (int)(nl - l - HEX_LEN - 1),
                       l + HEX_LEN + 1);
            l = nl + 1;
        }
    }
    buf_puts(&m, e->fonts);
    return buf_detach(&m);
}

bool manifest_current(manifest_env *e, const char *out_dir, const char *inputs, char ***files, size_t *n)
{
    *files = NULL;
    *n = 0;
    buf path = {0};
    buf_printf(&path, "%s/%s", out_dir, MANIFEST_NAME);
    char *text = file_read_all(buf_cstr(&path), NULL);
    buf_free(&path);
    size_t len = strlen(inputs);
    bool ok = text && strncmp(text, inputs, len) == 0;
    for (const char *l = ok ? text + len : ""; ok && *l;) {
        const char *nl = strchr(l, '\n');
        if (!nl || strncmp(l, "output\t", 7) != 0 || nl - l < 7 + HEX_LEN + 2 || l[7 + HEX_LEN] != '\t') {
            ok = false;
            break;
        }
        const char *name = l + 7 + HEX_LEN + 1;
        buf file = {0};
        buf_printf(&file, "%s/%.*s", out_dir, (int)(nl - name), name);
        char hex[HEX_LEN + 1];
        ok = hash_cache_file(e->cache, buf_cstr(&file), hex, NULL) == 0 && memcmp(hex, l + 7, HEX_LEN) == 0;
        *files = xrealloc(*files, (*n + 1) * sizeof **files);
        (*files)[(*n)++] = buf_detach(&file);
        l = nl + 1;
    }
    ok = ok && *n > 0;
    if (!ok) {
        for (size_t i = 0; i < *n; i++) free((*files)[i]);
        free(*files);
        *files = NULL;
        *n = 0;
    }
    free(text);
    return ok;
}

/* The number of pages of a PDF juesuan wrote: its XMP metadata's
 * xmpTPg:NPages (the metadata stream is never compressed; the page
 * objects are, in object streams: gen/pdf/save.c, meta.c); 0 without. */
static int pdf_pages(const buf *b)
{
    static const char key[] = "<xmpTPg:NPages>";
    const char *end = b->data + b->len;
    for (const char *p = b->data; p && end - p >= (ptrdiff_t)sizeof key - 1;) {
        p = memchr(p, '<', (size_t)(end - p));
        if (!p || end - p < (ptrdiff_t)sizeof key - 1) break;
        if (memcmp(p, key, sizeof key - 1) != 0) {
            p++;
            continue;
        }
        int pages = 0;
        for (p += sizeof key - 1; p < end && *p >= '0' && *p <= '9' && pages < 1000000; p++)
            pages = pages * 10 + (*p - '0');
        return pages;
    }
    return 0;
}

int manifest_add_output(buf *m, const char *path, const char *name, int *pages)
{
    size_t n = strlen(name);
    bool pdf = n > 4 && strcmp(name + n - 4, ".pdf") == 0;
    buf bytes = {0};
    char hex[HEX_LEN + 1];
    int rc = hash_cache_file(NULL, path, hex, pdf && pages ? &bytes : NULL);
    if (pages) *pages = rc == 0 && pdf ? pdf_pages(&bytes) : 0;
    buf_free(&bytes);
    if (rc == 0) buf_printf(m, "output\t%s\t%s\n", hex, name);
    return rc;
}

/* ---- juesuan manifest merge ---------------------------------------------- */

static const char MERGE_USAGE[] = "用法：juesuan manifest merge OUT_DIR... [-o FILE]\n"
                                  "  把各输出文件夹中每个单位的构建清单（OUT_DIR/<单位>/" MANIFEST_NAME "）\n"
                                  "  合并为一份，并逐个核对输出文件的 SHA-256；不给 -o 时写到标准输出\n";

/* One unit's manifest found under an output folder. */
typedef struct found {
    char *id, *path, *text;
} found;

static int found_cmp(const void *a, const void *b)
{
    const found *x = a, *y = b;
    int c = strcmp(x->id, y->id);
    return c ? c : strcmp(x->path, y->path);
}

/* Check every output line of a unit manifest at `path` (in folder `dir`);
 * returns the number of problems (added to `d`). */
static int verify(const char *dir, const char *path, const char *text, diag_list *d)
{
    int bad = 0, line = 0;
    for (const char *l = text; *l;) {
        const char *nl = strchr(l, '\n');
        if (!nl) nl = l + strlen(l);
        line++;
        if (strncmp(l, "output\t", 7) == 0 && nl - l > 7 + HEX_LEN + 1) {
            const char *name = l + 7 + HEX_LEN + 1;
            buf file = {0};
            buf_printf(&file, "%s/%.*s", dir, (int)(nl - name), name);
            char hex[HEX_LEN + 1];
            if (hash_cache_file(NULL, buf_cstr(&file), hex, NULL) != 0) {
                diag_error(d, (srcpos){path, line, 0}, "清单所列的输出文件 %s 无法读取：%s", buf_cstr(&file),
                           env_error_words(errno));
                bad++;
            } else if (memcmp(hex, l + 7, HEX_LEN) != 0) {
                diag_error(d, (srcpos){path, line, 0}, "输出文件 %s 与清单不符（SHA-256 不同：构建之后被改动过）",
                           buf_cstr(&file));
                bad++;
            }
            buf_free(&file);
        }
        l = *nl ? nl + 1 : nl;
    }
    return bad;
}

static int merge(char **dirs, size_t n_dirs, const char *out_path)
{
    diag_list d = {0};
    found *fs = NULL;
    size_t n = 0;
    for (size_t i = 0; i < n_dirs; i++) {
        DIR *dp = opendir(dirs[i]);
        if (!dp) {
            diag_error(&d, (srcpos){dirs[i], 0, 0}, "无法读取输出文件夹：%s", env_error_words(errno));
            continue;
        }
        struct dirent *e;
        while ((e = readdir(dp))) {
            if (e->d_name[0] == '.') continue;
            buf p = {0}, sub = {0};
            buf_printf(&sub, "%s/%s", dirs[i], e->d_name);
            buf_printf(&p, "%s/%s", buf_cstr(&sub), MANIFEST_NAME);
            char *text = file_read_all(buf_cstr(&p), NULL);
            if (!text || strncmp(text, "juesuan-manifest\t1\n", 19) != 0) {
                if (text) diag_error(&d, (srcpos){buf_cstr(&p), 1, 0}, "不是 juesuan 的构建清单");
                free(text);
                buf_free(&p);
                buf_free(&sub);
                continue;
            }
            verify(buf_cstr(&sub), buf_cstr(&p), text, &d);
            const char *u = strstr(text, "\nunit\t");
            const char *end = u ? strchr(u + 6, '\n') : NULL;
            fs = xrealloc(fs, (n + 1) * sizeof *fs);
            fs[n].id = end ? xstrndup(u + 6, (size_t)(end - u - 6)) : xstrdup(e->d_name);
            fs[n].path = buf_detach(&p);
            fs[n].text = text;
            n++;
            buf_free(&sub);
        }
        closedir(dp);
    }
    if (n) qsort(fs, n, sizeof *fs, found_cmp);
    buf all = {0};
    buf_puts(&all, "juesuan-manifests\t1\n");
    size_t units = 0;
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && strcmp(fs[i].id, fs[i - 1].id) == 0) {
            if (strcmp(fs[i].text, fs[i - 1].text) != 0)
                diag_error(&d, (srcpos){fs[i].path, 0, 0}, "单位 %s 有两份不同的构建清单（另一份：%s）：分片重叠了",
                           fs[i].id, fs[i - 1].path);
            continue; /* the same unit built alike twice: once */
        }
        buf_puts(&all, fs[i].text + 19); /* without its first line */
        units++;
    }
    int rc = EXIT_OK;
    if (diag_error_count(&d)) {
        rc = EXIT_BAD_INPUT;
    } else if (out_path) {
        if (cli_write_file(out_path, all.data, all.len, &d) != 0) rc = EXIT_ENVIRONMENT;
        else fprintf(stderr, "juesuan: %zu 个单位的构建清单已合并到 %s\n", units, out_path);
    } else {
        fwrite(all.data, 1, all.len, stdout);
    }
    diag_print(&d, stderr);
    diag_list_free(&d);
    buf_free(&all);
    for (size_t i = 0; i < n; i++) free(fs[i].id), free(fs[i].path), free(fs[i].text);
    free(fs);
    return rc;
}

int cmd_manifest(int argc, char **argv)
{
    if (argc < 1 || strcmp(argv[0], "merge") != 0) {
        fprintf(stderr, "juesuan: 错误: manifest 后面应是 merge\n%s", MERGE_USAGE);
        return EXIT_USAGE;
    }
    const char *out = NULL;
    char **dirs = xcalloc((size_t)argc, sizeof *dirs);
    size_t n = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-o") == 0 && i + 1 < argc) {
            out = argv[++i];
        } else if (argv[i][0] == '-') {
            fprintf(stderr, "juesuan: 错误: 未知选项 %s\n%s", argv[i], MERGE_USAGE);
            free(dirs);
            return EXIT_USAGE;
        } else {
            dirs[n++] = argv[i];
        }
    }
    int rc = EXIT_USAGE;
    if (n == 0) fprintf(stderr, "juesuan: 错误: manifest merge 需要至少一个输出文件夹\n%s", MERGE_USAGE);
    else rc = merge(dirs, n, out);
    free(dirs);
    return rc;
}
