/* yaml.c — read a YAML file (libfyaml) into a value tree and a posmap. */
#include "input.h"

#include <errno.h>
#include <libfyaml.h>
#include <stdlib.h>
#include <string.h>

static void yaml_silent(struct fy_diag *d, void *user, const char *text, size_t len)
{
    (void)d, (void)user, (void)text, (void)len;
}

/* A plain scalar that reads as a decimal number: -?digits(.digits)? */
static bool is_number(const char *s, size_t n)
{
    size_t i = 0;
    if (i < n && s[i] == '-') i++;
    size_t d = i;
    while (i < n && s[i] >= '0' && s[i] <= '9') i++;
    if (i == d) return false;
    if (i < n && s[i] == '.') {
        size_t f = ++i;
        while (i < n && s[i] >= '0' && s[i] <= '9') i++;
        if (i == f) return false;
    }
    return i == n;
}

static bool is_word(const char *s, size_t n, const char *w)
{
    return strlen(w) == n && memcmp(s, w, n) == 0;
}

typedef struct yaml_ctx {
    const char *path;
    posmap *pos;
    diag_list *diags;
    int errors;
} yaml_ctx;

static srcpos node_pos(yaml_ctx *c, struct fy_node *n)
{
    struct fy_token *t = n ? fy_node_get_scalar_token(n) : NULL;
    const struct fy_mark *m = t ? fy_token_start_mark(t) : NULL;
    if (!m) return (srcpos){posmap_file(c->pos), 0, 0};
    return (srcpos){posmap_file(c->pos), m->line + 1, m->column + 1};
}

static value *convert(yaml_ctx *c, struct fy_node *n, buf *path, srcpos at);

static value *convert_scalar(struct fy_node *n)
{
    size_t len;
    const char *s = fy_node_get_scalar(n, &len);
    if (!s) s = "", len = 0;
    if (fy_node_get_style(n) == FYNS_PLAIN) {
        if (len == 0 || is_word(s, len, "null") || is_word(s, len, "~")) return value_new_null();
        if (is_word(s, len, "true")) return value_new_bool(true);
        if (is_word(s, len, "false")) return value_new_bool(false);
        if (is_number(s, len)) {
            char *t = xstrndup(s, len);
            value *v = value_new_number(t);
            free(t);
            return v;
        }
    }
    char *t = xstrndup(s, len);
    value *v = value_new_string(t);
    free(t);
    return v;
}

/* Append ".i" (just "i" at the root) to `path`: no printf for each of the
 * thousands of nodes of a unit. */
static void path_index(buf *path, size_t base, size_t i)
{
    if (base) buf_putc(path, '.');
    buf_put_uint(path, i);
}

static value *convert(yaml_ctx *c, struct fy_node *n, buf *path, srcpos at)
{
    if (!n) return value_new_null();
    if (fy_node_is_alias(n)) {
        srcpos p = node_pos(c, n);
        if (p.col > 1) p.col--; /* the token starts after the '*' */
        diag_error(c->diags, p, "不支持 YAML 别名（*name），请直接写出内容");
        c->errors++;
        return value_new_null();
    }
    if (fy_node_is_scalar(n)) {
        srcpos p = node_pos(c, n);
        if (p.line == 0) p = at; /* an empty value: where its key is */
        posmap_add(c->pos, buf_cstr(path), p.line, p.col);
        return convert_scalar(n);
    }
    posmap_add(c->pos, buf_cstr(path), at.line, at.col);
    size_t base = path->len;
    if (fy_node_is_sequence(n)) {
        value *list = value_new_list();
        void *it = NULL;
        struct fy_node *item;
        size_t i = 0;
        while ((item = fy_node_sequence_iterate(n, &it))) {
            path->len = base;
            path_index(path, base, i++);
            srcpos ip = fy_node_is_scalar(item) ? node_pos(c, item) : at;
            value_append(list, convert(c, item, path, ip));
        }
        path->len = base;
        if (path->data) path->data[base] = '\0';
        return list;
    }
    value *map = value_new_map();
    void *it = NULL;
    struct fy_node_pair *pair;
    while ((pair = fy_node_mapping_iterate(n, &it))) {
        struct fy_node *k = fy_node_pair_key(pair);
        struct fy_node *v = fy_node_pair_value(pair);
        if (!k || !fy_node_is_scalar(k)) {
            diag_error(c->diags, k ? node_pos(c, k) : at, "映射的键必须是简单文字");
            c->errors++;
            continue;
        }
        size_t klen;
        const char *ks = fy_node_get_scalar(k, &klen);
        char *key = xstrndup(ks ? ks : "", ks ? klen : 0);
        path->len = base;
        if (base) buf_putc(path, '.');
        buf_puts(path, key);
        srcpos kp = node_pos(c, k);
        posmap_add_key(c->pos, buf_cstr(path), kp.line, kp.col);
        value_set(map, key, convert(c, v, path, kp));
        free(key);
    }
    path->len = base;
    if (path->data) path->data[base] = '\0';
    return map;
}

/* libfyaml's messages in the users' language: the common mistakes get an
 * explanation of what to do; the original text follows in parentheses. The
 * first entry whose text occurs in the message wins: specific before generic. */
static const char *const YAML_MESSAGES[][2] = {
    {"duplicate key", "同一层里这个键出现了两次"},
    {"invalid multiline plain key", "这一行无法识别为“键: 值”：常见原因是冒号后缺少空格，或缩进与上一行不一致"},
    {"without closing quote", "引号没有闭合"},
    {"quoted scalar", "引号中的文字跨到下一行时缩进不对，最常见的原因是引号没有闭合"},
    {"wrongly indented", "缩进不一致（同一层的键应左对齐）"},
    {"without a closing bracket", "方括号 [ 没有对应的 ]"},
    {"flow mapping", "花括号 { } 中缺少逗号，或没有对应的 }"},
    {"invalid nested block mapping on the same line", "一行里只能有一个“键: 值”；值中含有冒号时请给整个值加引号"},
    {"plain scalar cannot start with", "不加引号的值不能以这个符号开头，请给值加引号"},
    {"invalid extra comma", "多余的逗号"},
    {"at the end of block sequence", "列表（以 - 开头的各行）后面的内容缩进不对"},
};

static void yaml_syntax_error(diag_list *diags, srcpos pos, const char *msg)
{
    if (!msg) {
        diag_error(diags, pos, "YAML 格式错误：无法解析");
        return;
    }
    for (size_t i = 0; i < sizeof YAML_MESSAGES / sizeof YAML_MESSAGES[0]; i++)
        if (strstr(msg, YAML_MESSAGES[i][0])) {
            diag_error(diags, pos, "YAML 格式错误：%s（%s）", YAML_MESSAGES[i][1], msg);
            return;
        }
    diag_error(diags, pos, "YAML 格式错误：%s", msg);
}

/* YAML forbids tabs in indentation; libfyaml's message for it is obscure. */
static bool yaml_tab_indent(const char *text, size_t len, const char *file, diag_list *diags)
{
    int line = 1;
    for (size_t i = 0; i < len; line++) {
        size_t col = 0;
        while (i + col < len && text[i + col] == ' ') col++;
        if (i + col < len && text[i + col] == '\t') {
            diag_error(diags, (srcpos){file, line, (int)col + 1}, "YAML 格式错误：缩进不能用 Tab 键，请改用空格");
            return true;
        }
        while (i < len && text[i] != '\n') i++;
        i++;
    }
    return false;
}

int yaml_load(const char *path, value **out, posmap **pos, diag_list *diags)
{
    *out = NULL;
    *pos = posmap_new(path);
    srcpos file_pos = {posmap_file(*pos), 0, 0};

    size_t text_len;
    char *text = file_read_all(path, &text_len);
    if (!text) {
        diag_error(diags, file_pos, "无法读取文件：%s", errno == ENOENT ? "文件不存在" : strerror(errno));
        return -1;
    }
    /* libfyaml takes GBK for an empty stream: check the encoding first */
    if (text_check_utf8(text, text_len, file_pos.file, false, diags) != 0) {
        free(text);
        return -1;
    }

    struct fy_diag_cfg dcfg;
    fy_diag_cfg_default(&dcfg);
    dcfg.fp = NULL;
    dcfg.output_fn = yaml_silent;
    dcfg.colorize = false;
    struct fy_diag *fdiag = fy_diag_create(&dcfg);
    if (!fdiag) {
        diag_error(diags, file_pos, "内部错误：无法创建 YAML 诊断对象");
        free(text);
        return -1;
    }
    fy_diag_set_collect_errors(fdiag, true);
    struct fy_parse_cfg cfg = {0};
    cfg.flags = FYPCF_QUIET | FYPCF_DEFAULT_VERSION_1_2 | FYPCF_JSON_NONE;
    cfg.diag = fdiag;
    /* a parser rather than fy_document_build_from_file, which reads the
     * first document only: a second one would be silently ignored */
    struct fy_parser *fyp = fy_parser_create(&cfg);
    struct fy_document *fyd = NULL;
    if (fyp && fy_parser_set_string(fyp, text, text_len) == 0) fyd = fy_parse_load_document(fyp);
    if (!fyd) {
        void *it = NULL;
        struct fy_diag_error *e = fy_diag_errors_iterate(fdiag, &it);
        if (yaml_tab_indent(text, text_len, file_pos.file, diags))
            ; /* the tab is the cause: say so rather than libfyaml's guess */
        else if (e)
            yaml_syntax_error(diags, (srcpos){file_pos.file, e->line, e->column}, e->msg);
        else if (fyp && !fy_parser_get_stream_error(fyp))
            diag_error(diags, (srcpos){file_pos.file, 1, 1}, "文件没有内容（为空或只有注释）");
        else
            diag_error(diags, file_pos, "YAML 格式错误：无法解析");
        if (fyp) fy_parser_destroy(fyp);
        fy_diag_destroy(fdiag);
        free(text);
        return -1;
    }
    yaml_ctx c = {path, *pos, diags, 0};
    struct fy_document *extra = fy_parse_load_document(fyp);
    if (extra || fy_parser_get_stream_error(fyp)) {
        void *it = NULL;
        struct fy_diag_error *e = fy_diag_errors_iterate(fdiag, &it);
        const struct fy_mark *m = extra ? fy_document_state_start_mark(fy_document_get_document_state(extra)) : NULL;
        if (m)
            diag_error(diags, (srcpos){file_pos.file, m->line + 1, m->column + 1},
                       "文件只应有一个 YAML 文档，这里开始了第二个（去掉多余的 ---）");
        else
            yaml_syntax_error(diags, e ? (srcpos){file_pos.file, e->line, e->column} : file_pos,
                              e && e->msg ? e->msg : "第一个文档之后的内容无法解析");
        c.errors++;
        if (extra) fy_parse_document_destroy(fyp, extra);
    }
    buf p = {0};
    struct fy_node *root = fy_document_root(fyd);
    if (!root || !fy_node_is_mapping(root)) {
        diag_error(diags, (srcpos){file_pos.file, 1, 1}, "YAML 文件的顶层应是映射（键: 值）");
        c.errors++;
    } else {
        *out = convert(&c, root, &p, (srcpos){file_pos.file, 1, 1});
    }
    buf_free(&p);
    fy_parse_document_destroy(fyp, fyd);
    fy_parser_destroy(fyp);
    fy_diag_destroy(fdiag);
    free(text);
    if (c.errors) {
        value_free(*out);
        *out = NULL;
        return -1;
    }
    return 0;
}
