/* template.c — template_render: walk the parsed node tree over the context
 * stack and write the output (see template.h).
 *
 * Parsing lives in template_parse.c, name lookup in template_context.c.
 * Partials are parsed the first time they are used and kept for the rest of
 * the render (a partial inside a loop, or a recursive one, is parsed once).
 */
#include "template.h"

#include "template_context.h"
#include "template_parse.h"

#include <stdlib.h>
#include <string.h>

/** Partials may nest this deep; deeper means endless recursion. */
#define TEMPLATE_MAX_PARTIAL_DEPTH 100

/* A partial parsed during this render. */
typedef struct partial_entry {
    char *name;
    tmpl_node *nodes; /* NULL when empty, missing or unparsable */
    bool found;       /* the lookup returned a text */
    bool ok;          /* found and parsed */
    struct partial_entry *next;
} partial_entry;

typedef struct renderer {
    const template_options *opt;
    diag_list *diags;
    buf out;
    tmpl_context ctx;
    partial_entry *partials;
    int partial_depth;
    bool failed; /* an error was reported: the render returns NULL */
    bool stop;   /* endless partial recursion: give up at once */
} renderer;

static void render_nodes(renderer *r, tmpl_node *nodes, const char *indent, const char *origin);

/* ------------------------------------------------------------------------
 * Output
 * ---------------------------------------------------------------------- */

static bool has_indent(const char *indent)
{
    return indent && *indent;
}

/* Append `s` (n bytes), HTML-escaping & < > " when asked. */
static void out_text(renderer *r, const char *s, size_t n, bool escape)
{
    if (!escape) {
        buf_append(&r->out, s, n);
        return;
    }
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        const char *rep = s[i] == '&'   ? "&amp;"
                          : s[i] == '<' ? "&lt;"
                          : s[i] == '>' ? "&gt;"
                          : s[i] == '"' ? "&quot;"
                                        : NULL;
        if (!rep)
            continue;
        buf_append(&r->out, s + run, i - run);
        buf_puts(&r->out, rep);
        run = i + 1;
    }
    buf_append(&r->out, s + run, n - run);
}

/* True when only blanks precede the end of the output on its line. */
static bool out_at_line_start(const renderer *r)
{
    for (size_t i = r->out.len; i > 0; i--) {
        char c = r->out.data[i - 1];
        if (c == '\n')
            return true;
        if (c != ' ' && c != '\t')
            return false;
    }
    return true;
}

/* Literal text; inside an indented partial every line gets the indentation
 * (a line is "started" by its first byte, so a final newline adds none). */
static void render_text(renderer *r, const tmpl_node *n, const char *indent)
{
    if (!has_indent(indent)) {
        buf_append(&r->out, n->text, n->len);
        return;
    }
    if (n->line_start)
        buf_puts(&r->out, indent);
    size_t from = 0;
    for (size_t i = 0; i < n->len; i++) {
        if (n->text[i] != '\n' || i + 1 == n->len)
            continue;
        buf_append(&r->out, n->text + from, i + 1 - from);
        buf_puts(&r->out, indent);
        from = i + 1;
    }
    buf_append(&r->out, n->text + from, n->len - from);
}

/* ------------------------------------------------------------------------
 * Tags
 * ---------------------------------------------------------------------- */

/* Report a strict-mode problem with tag `n` once per tag. */
static void node_error(renderer *r, tmpl_node *n, const char *origin, const char *msg)
{
    r->failed = true;
    if (n->reported)
        return;
    n->reported = true;
    diag_error(r->diags, (srcpos){origin, n->line, n->col}, "%s", msg);
}

/* {{name}}, {{{name}}}, {{&name}}. */
static void render_var(renderer *r, tmpl_node *n, const char *indent, const char *origin)
{
    if (has_indent(indent) && n->line_start)
        buf_puts(&r->out, indent);
    const value *v = tmpl_context_lookup(&r->ctx, n->parts, n->n_parts);
    bool escape = n->kind == TMPL_VAR && r->opt->escape_html;
    buf msg = {0};
    switch (value_get_type(v)) {
    case VALUE_STRING:
    case VALUE_NUMBER: {
        const char *s = value_get_text(v);
        if (n->kind == TMPL_VAR && r->opt->escape)
            r->opt->escape(r->opt->escape_ctx, s, strlen(s), out_at_line_start(r), &r->out);
        else
            out_text(r, s, strlen(s), escape);
        return;
    }
    case VALUE_BOOL:
        buf_puts(&r->out, value_get_bool(v) ? "true" : "false");
        return;
    case VALUE_NULL:
        if (v || !r->opt->strict)
            return;
        buf_printf(&msg, "模板中的名称 %s 在数据中不存在", n->name);
        break;
    case VALUE_LIST:
    case VALUE_MAP:
        if (!r->opt->strict)
            return;
        buf_printf(&msg, "模板中的名称 %s 是%s，不能直接输出", n->name,
                   value_get_type(v) == VALUE_LIST ? "列表" : "映射");
        break;
    }
    node_error(r, n, origin, buf_cstr(&msg));
    buf_free(&msg);
}

/* {{#name}}…{{/name}}: lists iterate, other truthy values are pushed. */
static void render_section(renderer *r, tmpl_node *n, const char *indent, const char *origin)
{
    const value *v = tmpl_context_lookup(&r->ctx, n->parts, n->n_parts);
    bool truthy = tmpl_value_truthy(v);
    if (n->kind == TMPL_INVERTED) {
        if (!truthy)
            render_nodes(r, n->child, indent, origin);
        return;
    }
    if (!truthy)
        return;
    if (value_get_type(v) == VALUE_LIST) {
        size_t count = value_count(v);
        for (size_t i = 0; i < count; i++) {
            tmpl_context_push(&r->ctx, value_at(v, i));
            render_nodes(r, n->child, indent, origin);
            tmpl_context_pop(&r->ctx);
        }
        return;
    }
    tmpl_context_push(&r->ctx, v);
    render_nodes(r, n->child, indent, origin);
    tmpl_context_pop(&r->ctx);
}

/* The parsed partial `name`, looked up and parsed on first use. */
static partial_entry *partial_get(renderer *r, const char *name)
{
    for (partial_entry *e = r->partials; e; e = e->next)
        if (strcmp(e->name, name) == 0)
            return e;
    partial_entry *e = xcalloc(1, sizeof *e);
    e->name = xstrdup(name);
    e->next = r->partials;
    r->partials = e;
    const char *text = r->opt->partials ? r->opt->partials(r->opt->partials_ctx, name) : NULL;
    e->found = text != NULL;
    if (text) {
        /* Positions inside a partial are reported against its name. */
        e->ok = tmpl_parse(text, e->name, &e->nodes, r->diags);
        if (!e->ok)
            r->failed = true;
    }
    return e;
}

/* {{>name}}: a standalone tag indents every line of the partial. */
static void render_partial(renderer *r, tmpl_node *n, const char *indent, const char *origin)
{
    buf sub = {0};
    if (n->indent) {
        buf_puts(&sub, indent ? indent : "");
        buf_puts(&sub, n->indent);
    } else if (has_indent(indent) && n->line_start) {
        buf_puts(&r->out, indent);
    }
    partial_entry *e = partial_get(r, n->name);
    if (!e->ok) {
        /* A missing partial renders as "" (spec); strict mode says so. */
        if (r->opt->strict && !e->found) {
            buf msg = {0};
            buf_printf(&msg, "模板中的局部模板 %s 不存在", n->name);
            node_error(r, n, origin, buf_cstr(&msg));
            buf_free(&msg);
        }
    } else if (r->partial_depth >= TEMPLATE_MAX_PARTIAL_DEPTH) {
        buf msg = {0};
        buf_printf(&msg, "局部模板 %s 嵌套超过 %d 层（可能是无限递归）", n->name,
                   TEMPLATE_MAX_PARTIAL_DEPTH);
        node_error(r, n, origin, buf_cstr(&msg));
        buf_free(&msg);
        r->stop = true;
    } else {
        r->partial_depth++;
        render_nodes(r, e->nodes, buf_cstr(&sub), e->name);
        r->partial_depth--;
    }
    buf_free(&sub);
}

static void render_nodes(renderer *r, tmpl_node *nodes, const char *indent, const char *origin)
{
    for (tmpl_node *n = nodes; n && !r->stop; n = n->next) {
        switch (n->kind) {
        case TMPL_TEXT:
            render_text(r, n, indent);
            break;
        case TMPL_VAR:
        case TMPL_RAW:
            render_var(r, n, indent, origin);
            break;
        case TMPL_SECTION:
        case TMPL_INVERTED:
            render_section(r, n, indent, origin);
            break;
        case TMPL_PARTIAL:
            render_partial(r, n, indent, origin);
            break;
        }
    }
}

/* ------------------------------------------------------------------------
 * Escaping for gen/doc's block markup
 * ---------------------------------------------------------------------- */

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

static bool is_break(char c)
{
    return c == '\n' || c == '\r';
}

/* A printable ASCII character (a Latin word's letter or punctuation). */
static bool is_ascii_word(char c)
{
    return c > ' ' && c < 0x7F;
}

void template_escape_markup(void *ctx, const char *text, size_t len, bool line_start, buf *out)
{
    (void)ctx;
    size_t i = 0;
    bool first = true; /* nothing written yet */
    while (i < len) {
        /* a run of blanks: kept, unless it touches a line break */
        size_t j = i;
        while (j < len && is_blank(text[j]))
            j++;
        bool brk = false;
        size_t k = j;
        while (k < len && (is_blank(text[k]) || is_break(text[k]))) {
            if (is_break(text[k]))
                brk = true;
            k++;
        }
        if (brk) {
            /* a line break with the blanks around it: joined like the
             * lines of a paragraph; a space keeps two Latin words apart */
            if (!first && k < len && is_ascii_word(text[i - 1]) && is_ascii_word(text[k]))
                buf_putc(out, ' ');
            i = k;
            continue;
        }
        if (j > i) {
            buf_append(out, text + i, j - i);
            i = j;
            if (i == len)
                break;
        }
        /* the first visible character of an output line: # and @ would
         * make a heading or a directive (leading blanks do not count:
         * the markup trims them) */
        if (first && line_start && (text[i] == '#' || text[i] == '@'))
            buf_putc(out, '\\');
        first = false;
        buf_putc(out, text[i]);
        i++;
    }
}

/* ------------------------------------------------------------------------
 * Entry point
 * ---------------------------------------------------------------------- */

char *template_render(const char *tmpl, const value *data, const template_options *opt,
                      const char *origin, diag_list *diags)
{
    static const template_options defaults = {.escape_html = true};
    tmpl_node *nodes;
    if (!tmpl_parse(tmpl, origin, &nodes, diags))
        return NULL;
    renderer r = {.opt = opt ? opt : &defaults, .diags = diags};
    if (data)
        tmpl_context_push(&r.ctx, data);
    if (r.opt->item)
        tmpl_context_push(&r.ctx, r.opt->item);
    render_nodes(&r, nodes, NULL, origin);
    tmpl_context_free(&r.ctx);
    while (r.partials) {
        partial_entry *next = r.partials->next;
        tmpl_free(r.partials->nodes);
        free(r.partials->name);
        free(r.partials);
        r.partials = next;
    }
    tmpl_free(nodes);
    if (r.failed) {
        buf_free(&r.out);
        return NULL;
    }
    return buf_detach(&r.out);
}
