/* template_parse.h — gen/template private: Mustache text → node tree.
 *
 * The parser applies the whole of the spec's syntax at parse time: set
 * delimiters, comments, and the standalone-line rule (a section, inverted,
 * end-section, comment, partial or set-delimiter tag alone on its line, with
 * only blanks around it, removes the whole line; a standalone partial keeps
 * the blanks as its indentation). The renderer then only walks the tree.
 *
 * Not part of the public interface; include only from gen/template/.
 */
#ifndef JUESUAN_TEMPLATE_PARSE_H
#define JUESUAN_TEMPLATE_PARSE_H

#include "../model/model.h"

typedef enum tmpl_kind {
    TMPL_TEXT = 1, /* literal text */
    TMPL_VAR,      /* {{name}}: escaped when escape_html */
    TMPL_RAW,      /* {{{name}}} or {{&name}}: never escaped */
    TMPL_SECTION,  /* {{#name}}…{{/name}} */
    TMPL_INVERTED, /* {{^name}}…{{/name}} */
    TMPL_PARTIAL   /* {{>name}} */
} tmpl_kind;

/** One node of a parsed template; siblings are linked through `next`. */
typedef struct tmpl_node {
    tmpl_kind kind;
    /* TMPL_TEXT: a slice of the template text (borrowed). */
    const char *text;
    size_t len;
    /* Tags: the name as written, trimmed ("a.b", "."), owned. */
    char *name;
    /* The name split at dots (owned); n_parts == 0 for the implicit
     * iterator ".". */
    char **parts;
    size_t n_parts;
    /* TMPL_PARTIAL: NULL for an inline tag; for a standalone tag the blanks
     * before it (owned, maybe ""), prepended to every line of the partial. */
    char *indent;
    /* Tags: the whole tag as written, e.g. "{{# a }}" (borrowed from the
     * template text), for messages. */
    const char *tag;
    size_t tag_len;
    /* Sections: the nodes inside (owned). */
    struct tmpl_node *child;
    struct tmpl_node *next;
    /* 1-based position of the tag (or text) in the template; col counts
     * UTF-8 characters. */
    int line, col;
    /* The node starts at the beginning of a source line (an indented
     * partial prepends its indentation there). */
    bool line_start;
    /* A strict-mode error was already reported for this tag (a tag inside
     * a loop is reported once). */
    bool reported;
} tmpl_node;

/** Parse `src` into a node list (*out; NULL for an empty template).
 *  Positions in diagnostics name `origin`, which must outlive the nodes.
 *  On a syntax error adds an error to `diags`, sets *out = NULL and returns
 *  false. Text nodes point into `src`, which must outlive the nodes. */
bool tmpl_parse(const char *src, const char *origin, tmpl_node **out, diag_list *diags);

/** Free a node list (NULL is fine). */
void tmpl_free(tmpl_node *list);

#endif
