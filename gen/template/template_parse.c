/* template_parse.c — Mustache text → node tree (see template_parse.h).
 *
 * One left-to-right scan: find the next opening delimiter, read the tag up
 * to the closing delimiter, decide whether it stands alone on its line, emit
 * the text before it and the tag's node. Open sections are kept on a stack
 * of (section, tail) pairs, so nesting costs no C recursion.
 */
#include "template_parse.h"

#include <stdlib.h>
#include <string.h>

/* An open section: the node and where its next child goes. */
typedef struct open_section {
    tmpl_node *node;
    tmpl_node **tail;
} open_section;

typedef struct parser {
    const char *src;
    size_t len;
    const char *origin;
    diag_list *diags;
    /* Current delimiters (owned). */
    char *otag, *ctag;
    size_t otag_len, ctag_len;
    /* Position cursor: byte offset `off` is at line:col (moves forward only). */
    size_t off;
    int line, col;
    /* Where the next top-level node goes, and the open sections. */
    tmpl_node **tail;
    open_section *stack;
    size_t depth, cap;
} parser;

/* One tag as read from the text. */
typedef struct tag_info {
    size_t start, end;         /* [start, end) is the whole tag */
    char sigil;                /* '#', '^', '/', '!', '>', '=', '&', '{' or 0 */
    size_t name_start, name_end; /* the trimmed content */
} tag_info;

/* ------------------------------------------------------------------------
 * Small helpers
 * ---------------------------------------------------------------------- */

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* First occurrence of `needle` (n bytes) in src[from, len), or (size_t)-1. */
static size_t find_from(const parser *p, size_t from, const char *needle, size_t n)
{
    if (n == 0 || from > p->len)
        return (size_t)-1;
    for (size_t i = from; i + n <= p->len; i++)
        if (p->src[i] == needle[0] && memcmp(p->src + i, needle, n) == 0)
            return i;
    return (size_t)-1;
}

/* The 1-based line:col of byte offset `off` (offsets asked never decrease). */
static srcpos parser_pos(parser *p, size_t off)
{
    for (; p->off < off; p->off++) {
        unsigned char c = (unsigned char)p->src[p->off];
        if (c == '\n') {
            p->line++;
            p->col = 1;
        } else if ((c & 0xC0) != 0x80) {
            p->col++;
        }
    }
    return (srcpos){p->origin, p->line, p->col};
}

static void parser_set_delims(parser *p, const char *o, size_t olen, const char *c, size_t clen)
{
    free(p->otag);
    free(p->ctag);
    p->otag = xstrndup(o, olen);
    p->ctag = xstrndup(c, clen);
    p->otag_len = olen;
    p->ctag_len = clen;
}

/* Append a node to the innermost open list. */
static void parser_emit(parser *p, tmpl_node *n)
{
    tmpl_node ***tail = p->depth ? &p->stack[p->depth - 1].tail : &p->tail;
    **tail = n;
    *tail = &n->next;
}

static bool at_line_start(const parser *p, size_t off)
{
    return off == 0 || p->src[off - 1] == '\n';
}

/* ------------------------------------------------------------------------
 * Names
 * ---------------------------------------------------------------------- */

/* Split a dotted name into parts; false when a part is empty ("a..b").
 * "." gives no parts (the implicit iterator). */
static bool name_split(tmpl_node *n)
{
    if (strcmp(n->name, ".") == 0)
        return true;
    size_t count = 1;
    for (const char *s = n->name; *s; s++)
        if (*s == '.')
            count++;
    n->parts = xcalloc(count, sizeof *n->parts);
    const char *seg = n->name;
    for (size_t i = 0; i < count; i++) {
        const char *dot = strchr(seg, '.');
        size_t len = dot ? (size_t)(dot - seg) : strlen(seg);
        n->parts[i] = xstrndup(seg, len);
        n->n_parts = i + 1;
        if (len == 0)
            return false;
        seg = dot ? dot + 1 : seg + len;
    }
    return true;
}

/* A tag name must be non-empty and contain no white space. */
static bool name_valid(const parser *p, const tag_info *t)
{
    if (t->name_start >= t->name_end)
        return false;
    for (size_t i = t->name_start; i < t->name_end; i++)
        if (is_space(p->src[i]))
            return false;
    return true;
}

/* ------------------------------------------------------------------------
 * Reading one tag
 * ---------------------------------------------------------------------- */

/* Read the tag whose opening delimiter is at `start`. */
static bool tag_read(parser *p, size_t start, tag_info *t)
{
    size_t c = start + p->otag_len;
    t->start = start;
    t->sigil = 0;
    if (c < p->len && p->src[c] != '\0' && strchr("#^/!>=&{", p->src[c]))
        t->sigil = p->src[c];
    size_t body = t->sigil ? c + 1 : c;

    /* The text that ends the tag: "}" or "=" before the closing delimiter
     * for triple mustaches and delimiter changes. */
    size_t close;
    size_t extra = (t->sigil == '{' || t->sigil == '=') ? 1 : 0;
    if (extra) {
        char *end = xmalloc(p->ctag_len + 2);
        end[0] = t->sigil == '{' ? '}' : '=';
        memcpy(end + 1, p->ctag, p->ctag_len + 1);
        close = find_from(p, body, end, p->ctag_len + 1);
        free(end);
    } else {
        close = find_from(p, body, p->ctag, p->ctag_len);
    }
    if (close == (size_t)-1) {
        diag_error(p->diags, parser_pos(p, start),
                   "未闭合的标签：%s 之后找不到结束分隔符 %s%s", p->otag,
                   t->sigil == '{' ? "}" : t->sigil == '=' ? "=" : "", p->ctag);
        return false;
    }
    t->end = close + extra + p->ctag_len;
    size_t a = body, b = close;
    while (a < b && is_space(p->src[a]))
        a++;
    while (b > a && is_space(p->src[b - 1]))
        b--;
    t->name_start = a;
    t->name_end = b;
    return true;
}

/* Whether the tag stands alone on its line. If so, *line_begin is where its
 * line starts and *after where the next line starts (or the end). */
static bool tag_standalone(const parser *p, size_t from, const tag_info *t,
                           size_t *line_begin, size_t *after)
{
    if (t->sigil == 0 || !strchr("#^/!>=", t->sigil))
        return false;
    size_t i = t->start;
    while (i > from && is_blank(p->src[i - 1]))
        i--;
    if (i > from ? p->src[i - 1] != '\n' : !at_line_start(p, from))
        return false;
    size_t j = t->end;
    while (j < p->len && is_blank(p->src[j]))
        j++;
    if (j < p->len) {
        if (p->src[j] == '\n')
            j++;
        else if (p->src[j] == '\r' && j + 1 < p->len && p->src[j + 1] == '\n')
            j += 2;
        else
            return false;
    }
    *line_begin = i;
    *after = j;
    return true;
}

/* ------------------------------------------------------------------------
 * Acting on one tag
 * ---------------------------------------------------------------------- */

static tmpl_node *node_new(parser *p, tmpl_kind kind, const tag_info *t)
{
    tmpl_node *n = xcalloc(1, sizeof *n);
    srcpos pos = parser_pos(p, t->start);
    n->kind = kind;
    n->line = pos.line;
    n->col = pos.col;
    n->line_start = at_line_start(p, t->start);
    n->tag = p->src + t->start;
    n->tag_len = t->end - t->start;
    n->name = xstrndup(p->src + t->name_start, t->name_end - t->name_start);
    return n;
}

static bool tag_invalid(parser *p, const tag_info *t)
{
    diag_error(p->diags, parser_pos(p, t->start), "标签 %.*s 的名称无效",
               (int)(t->end - t->start), p->src + t->start);
    return false;
}

/* {{=<% %>=}}: exactly two delimiters separated by blanks. */
static bool tag_set_delims(parser *p, const tag_info *t)
{
    size_t a = t->name_start, e = t->name_end;
    size_t a_end = a;
    while (a_end < e && !is_space(p->src[a_end]))
        a_end++;
    size_t b = a_end;
    while (b < e && is_space(p->src[b]))
        b++;
    bool one_gap = true;
    for (size_t i = b; i < e; i++)
        if (is_space(p->src[i]))
            one_gap = false;
    if (a_end == a || b == a_end || b >= e || !one_gap) {
        diag_error(p->diags, parser_pos(p, t->start), "无效的分隔符标签 %.*s",
                   (int)(t->end - t->start), p->src + t->start);
        return false;
    }
    parser_set_delims(p, p->src + a, a_end - a, p->src + b, e - b);
    return true;
}

/* {{/name}}: close the innermost open section. */
static bool tag_close(parser *p, const tag_info *t)
{
    size_t n = t->name_end - t->name_start;
    const char *name = p->src + t->name_start;
    if (p->depth == 0) {
        diag_error(p->diags, parser_pos(p, t->start), "结束标签 %.*s 没有对应的开始标签",
                   (int)(t->end - t->start), p->src + t->start);
        return false;
    }
    tmpl_node *open = p->stack[p->depth - 1].node;
    if (strlen(open->name) != n || memcmp(open->name, name, n) != 0) {
        diag_error(p->diags, parser_pos(p, t->start),
                   "结束标签 %.*s 与开始标签 %.*s 不匹配（第 %d 行第 %d 列）",
                   (int)(t->end - t->start), p->src + t->start, (int)open->tag_len, open->tag,
                   open->line, open->col);
        return false;
    }
    p->depth--;
    return true;
}

/* Act on a tag; `indent` is the blanks before a standalone tag, or NULL. */
static bool tag_apply(parser *p, const tag_info *t, const char *indent, size_t indent_len)
{
    switch (t->sigil) {
    case '!':
        return true;
    case '=':
        return tag_set_delims(p, t);
    default:
        break;
    }
    if (!name_valid(p, t))
        return tag_invalid(p, t);
    if (t->sigil == '/')
        return tag_close(p, t);

    tmpl_kind kind = t->sigil == '#'   ? TMPL_SECTION
                     : t->sigil == '^' ? TMPL_INVERTED
                     : t->sigil == '>' ? TMPL_PARTIAL
                     : t->sigil == '&' || t->sigil == '{' ? TMPL_RAW
                                                          : TMPL_VAR;
    tmpl_node *n = node_new(p, kind, t);
    if (kind == TMPL_PARTIAL) {
        if (indent)
            n->indent = xstrndup(indent, indent_len);
    } else if (!name_split(n)) {
        tmpl_free(n);
        return tag_invalid(p, t);
    }
    parser_emit(p, n);
    if (kind == TMPL_SECTION || kind == TMPL_INVERTED) {
        if (p->depth == p->cap) {
            p->cap = p->cap ? p->cap * 2 : 8;
            p->stack = xrealloc(p->stack, p->cap * sizeof *p->stack);
        }
        p->stack[p->depth++] = (open_section){n, &n->child};
    }
    return true;
}

static void text_emit(parser *p, size_t a, size_t b)
{
    if (a >= b)
        return;
    tmpl_node *n = xcalloc(1, sizeof *n);
    n->kind = TMPL_TEXT;
    n->text = p->src + a;
    n->len = b - a;
    n->line_start = at_line_start(p, a);
    parser_emit(p, n);
}

/* ------------------------------------------------------------------------
 * The scan
 * ---------------------------------------------------------------------- */

static bool parser_run(parser *p)
{
    size_t pos = 0;
    while (pos < p->len) {
        size_t open = find_from(p, pos, p->otag, p->otag_len);
        if (open == (size_t)-1) {
            text_emit(p, pos, p->len);
            break;
        }
        tag_info t;
        if (!tag_read(p, open, &t))
            return false;
        size_t line_begin, after;
        bool alone = tag_standalone(p, pos, &t, &line_begin, &after);
        text_emit(p, pos, alone ? line_begin : open);
        if (!tag_apply(p, &t, alone ? p->src + line_begin : NULL, alone ? open - line_begin : 0))
            return false;
        pos = alone ? after : t.end;
    }
    for (size_t i = 0; i < p->depth; i++) {
        const tmpl_node *n = p->stack[i].node;
        diag_error(p->diags, (srcpos){p->origin, n->line, n->col}, "未闭合的区块 %.*s",
                   (int)n->tag_len, n->tag);
    }
    return p->depth == 0;
}

bool tmpl_parse(const char *src, const char *origin, tmpl_node **out, diag_list *diags)
{
    tmpl_node *head = NULL;
    parser p = {.src = src ? src : "", .origin = origin, .diags = diags, .line = 1, .col = 1};
    p.len = strlen(p.src);
    p.tail = &head;
    parser_set_delims(&p, "{{", 2, "}}", 2);
    bool ok = parser_run(&p);
    free(p.otag);
    free(p.ctag);
    free(p.stack);
    if (!ok) {
        tmpl_free(head);
        head = NULL;
    }
    *out = head;
    return ok;
}

void tmpl_free(tmpl_node *list)
{
    while (list) {
        tmpl_node *next = list->next;
        tmpl_free(list->child);
        for (size_t i = 0; i < list->n_parts; i++)
            free(list->parts[i]);
        free(list->parts);
        free(list->name);
        free(list->indent);
        free(list);
        list = next;
    }
}
