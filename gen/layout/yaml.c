/* yaml.c — reading the style and font YAML files with libfyaml: required
 * keys, number ranges, and file:line:col positions in the diagnostics. */
#include "internal.h"

#include <errno.h>
#include <libfyaml.h>
#include <stdlib.h>
#include <string.h>

/* libfyaml prints "file:line:col: error: message" through this; keep the
 * first message, print nothing. */
static void diag_sink(struct fy_diag *fd, void *user, const char *b, size_t len)
{
    (void)fd;
    buf *first = user;
    if (first->len == 0) buf_append(first, b, len);
}

/* Report the kept libfyaml message as a diagnostic at its position. */
static void report_syntax(diag_list *diags, const char *path, const buf *msg)
{
    srcpos p = {path, 0, 0};
    const char *s = buf_cstr(msg);
    size_t plen = strlen(path);
    if (strncmp(s, path, plen) == 0 && s[plen] == ':') {
        char *end;
        long line = strtol(s + plen + 1, &end, 10);
        if (*end == ':') {
            long col = strtol(end + 1, &end, 10);
            if (*end == ':') {
                p.line = (int)line;
                p.col = (int)col;
                s = end + 1;
                while (*s == ' ') s++;
                if (strncmp(s, "error:", 6) == 0) s += 6;
                while (*s == ' ') s++;
            }
        }
    }
    size_t n = strcspn(s, "\n");
    if (n == 0)
        diag_error(diags, p, "YAML 语法错误");
    else
        diag_error(diags, p, "YAML 语法错误：%.*s", (int)n, s);
}

int yaml_open(yaml_file *y, const char *path, diag_list *diags)
{
    memset(y, 0, sizeof *y);
    y->path = path;
    y->diags = diags;
    srcpos fpos = {path, 0, 0};

    FILE *f = fopen(path, "rb");
    if (!f) {
        diag_error(diags, fpos, "无法打开文件：%s", strerror(errno));
        return -1;
    }
    fclose(f);

    buf first = {0};
    struct fy_diag_cfg dcfg;
    fy_diag_cfg_default(&dcfg);
    dcfg.fp = NULL;
    dcfg.output_fn = diag_sink;
    dcfg.user = &first;
    dcfg.colorize = false;
    struct fy_diag *fd = fy_diag_create(&dcfg);
    struct fy_parse_cfg pcfg = {0};
    pcfg.flags = FYPCF_QUIET;
    pcfg.diag = fd;
    y->fyd = fy_document_build_from_file(&pcfg, path);
    if (fd) fy_diag_unref(fd);
    if (!y->fyd) {
        report_syntax(diags, path, &first);
        buf_free(&first);
        return -1;
    }
    buf_free(&first);
    y->root = fy_document_root(y->fyd);
    if (!y->root || !fy_node_is_mapping(y->root)) {
        diag_error(diags, fpos, "顶层应为映射（key: value）");
        yaml_close(y);
        return -1;
    }
    return 0;
}

void yaml_close(yaml_file *y)
{
    if (y->fyd) fy_document_destroy(y->fyd);
    y->fyd = NULL;
    y->root = NULL;
}

srcpos yaml_node_pos(const yaml_file *y, struct fy_node *n)
{
    srcpos p = {y->path, 0, 0};
    /* Descend to the first scalar: a mapping's first key, a sequence's first item. */
    for (int depth = 0; n && depth < 16; depth++) {
        if (fy_node_is_scalar(n)) {
            struct fy_token *t = fy_node_get_scalar_token(n);
            const struct fy_mark *m = t ? fy_token_start_mark(t) : NULL;
            if (m) {
                p.line = m->line + 1;
                p.col = m->column + 1;
            }
            break;
        } else if (fy_node_is_mapping(n)) {
            struct fy_node_pair *pr = fy_node_mapping_get_by_index(n, 0);
            n = pr ? fy_node_pair_key(pr) : NULL;
        } else if (fy_node_is_sequence(n)) {
            n = fy_node_sequence_get_by_index(n, 0);
        } else {
            break;
        }
    }
    return p;
}

struct fy_node *yaml_get(struct fy_node *map, const char *key)
{
    if (!map || !fy_node_is_mapping(map)) return NULL;
    return fy_node_mapping_lookup_by_string(map, key, strlen(key));
}

/* "where.key", or "key" at the top level. */
static const char *key_path(char *out, size_t size, const char *where, const char *key)
{
    if (where && *where)
        snprintf(out, size, "%s.%s", where, key);
    else
        snprintf(out, size, "%s", key);
    return out;
}

/* The value under `key`, or NULL after reporting it missing. */
static struct fy_node *need(yaml_file *y, struct fy_node *map, const char *key,
                            const char *where)
{
    struct fy_node *n = yaml_get(map, key);
    if (!n) {
        char k[128];
        diag_error(y->diags, yaml_node_pos(y, map), "缺少设置项 %s",
                   key_path(k, sizeof k, where, key));
        y->errors++;
    }
    return n;
}

struct fy_node *yaml_map(yaml_file *y, struct fy_node *map, const char *key,
                         const char *where)
{
    struct fy_node *n = need(y, map, key, where);
    if (n && !fy_node_is_mapping(n)) {
        char k[128];
        diag_error(y->diags, yaml_node_pos(y, n), "%s 应为映射（key: value）",
                   key_path(k, sizeof k, where, key));
        y->errors++;
        return NULL;
    }
    return n;
}

/* The scalar text of a required key (NUL-terminated copy), or NULL. */
static char *scalar(yaml_file *y, struct fy_node *map, const char *key, const char *where,
                    struct fy_node **node)
{
    struct fy_node *n = need(y, map, key, where);
    *node = n;
    if (!n) return NULL;
    if (!fy_node_is_scalar(n)) {
        char k[128];
        diag_error(y->diags, yaml_node_pos(y, n), "%s 应为单个值",
                   key_path(k, sizeof k, where, key));
        y->errors++;
        return NULL;
    }
    size_t len = 0;
    const char *s = fy_node_get_scalar(n, &len);
    return xstrndup(s ? s : "", s ? len : 0);
}

double yaml_num(yaml_file *y, struct fy_node *map, const char *key, const char *where,
                double min, double max)
{
    struct fy_node *n;
    char *s = scalar(y, map, key, where, &n);
    if (!s) return 0;
    char *end = NULL;
    errno = 0;
    double v = strtod(s, &end);
    char k[128];
    if (end == s || *end != '\0' || errno) {
        diag_error(y->diags, yaml_node_pos(y, n), "%s 应为数字，实际为“%s”",
                   key_path(k, sizeof k, where, key), s);
        y->errors++;
        v = 0;
    } else if (v < min || v > max) {
        diag_error(y->diags, yaml_node_pos(y, n), "%s 超出范围（应在 %g 与 %g 之间，实际为 %g）",
                   key_path(k, sizeof k, where, key), min, max, v);
        y->errors++;
        v = 0;
    }
    free(s);
    return v;
}

char *yaml_str(yaml_file *y, struct fy_node *map, const char *key, const char *where)
{
    struct fy_node *n;
    char *s = scalar(y, map, key, where, &n);
    return s ? s : xstrdup("");
}

int yaml_choice(yaml_file *y, struct fy_node *map, const char *key, const char *where,
                const char *const *names, int count)
{
    struct fy_node *n;
    char *s = scalar(y, map, key, where, &n);
    if (!s) return 0;
    for (int i = 0; i < count; i++) {
        if (strcmp(s, names[i]) == 0) {
            free(s);
            return i;
        }
    }
    buf expect = {0};
    for (int i = 0; i < count; i++) {
        if (i) buf_puts(&expect, "、");
        buf_puts(&expect, names[i]);
    }
    char k[128];
    diag_error(y->diags, yaml_node_pos(y, n), "%s 的值“%s”无效（应为 %s 之一）",
               key_path(k, sizeof k, where, key), s, buf_cstr(&expect));
    y->errors++;
    buf_free(&expect);
    free(s);
    return 0;
}

void yaml_check_keys(yaml_file *y, struct fy_node *map, const char *const *keys,
                     const char *where)
{
    if (!map || !fy_node_is_mapping(map)) return;
    void *it = NULL;
    struct fy_node_pair *pr;
    while ((pr = fy_node_mapping_iterate(map, &it)) != NULL) {
        struct fy_node *kn = fy_node_pair_key(pr);
        size_t len = 0;
        const char *k = kn && fy_node_is_scalar(kn) ? fy_node_get_scalar(kn, &len) : NULL;
        if (!k) continue;
        bool known = false;
        for (size_t i = 0; keys[i]; i++) {
            if (strlen(keys[i]) == len && memcmp(keys[i], k, len) == 0) {
                known = true;
                break;
            }
        }
        if (!known) {
            char kk[128], name[96];
            snprintf(name, sizeof name, "%.*s", (int)(len < 90 ? len : 90), k);
            diag_add(y->diags, DIAG_WARNING, NULL, yaml_node_pos(y, kn),
                     "未知的设置项 %s（已忽略）", key_path(kk, sizeof kk, where, name));
        }
    }
}
