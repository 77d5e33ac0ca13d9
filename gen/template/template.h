/* template.h — gen/template: a Mustache engine over the facts tree.
 *
 * Implements the Mustache spec (github.com/mustache/spec, the files in
 * ../shared/conformance/mustache-spec/): interpolation ({{x}} HTML-escaped,
 * {{{x}}} and {{&x}} raw, dotted names, implicit iterator {{.}}), sections
 * and inverted sections over the value tree (lists iterate, maps push a
 * context, falsey = null / false / empty list), comments, set delimiters
 * ({{=<% %>=}}), partials ({{>name}}) with standalone-line indentation, and
 * the standalone-tag whitespace rules. Lambdas (the optional ~lambdas spec)
 * are not supported.
 *
 * juesuan's templates emit block markup, not HTML, so the CLI renders with
 * HTML escaping off and template_escape_markup as the escape hook instead
 * (see template_options.escape): a text from unit.yaml cannot turn into a
 * heading or a directive of gen/doc's markup.
 *
 * Values print as: strings as they are, numbers as their stored JSON text,
 * booleans as "true" / "false", null and missing names as "" (or an error
 * in strict mode). Truthiness: missing, null, false and the empty list are
 * falsey; "" and 0 are truthy (the spec names only false and empty lists).
 *
 * Files: template.c renders, template_parse.c turns the text into a node
 * tree (with the standalone-line rules applied), template_context.c holds
 * the context stack and name lookup.
 */
#ifndef JUESUAN_TEMPLATE_H
#define JUESUAN_TEMPLATE_H

#include "../model/model.h"

/** Looks up a partial by name; returns its text (borrowed, must stay valid
 *  during the render) or NULL when there is no such partial (rendered as ""). */
typedef const char *(*template_partial_fn)(void *ctx, const char *name);

/** Escapes the text of an interpolation for the output format: appends the
 *  escaped form of `text` (`len` bytes) to `out`. `line_start` is true when
 *  only blanks (or nothing) precede the value on its output line. */
typedef void (*template_escape_fn)(void *ctx, const char *text, size_t len, bool line_start, buf *out);

typedef struct template_options {
    bool escape_html;              /* {{x}} escapes & < > " (spec: true) */
    /* When set, {{x}} is written through this hook instead (escape_html is
     * then ignored); {{{x}}} and {{&x}} always stay raw. Strings and numbers
     * go through it, booleans print as true/false. */
    template_escape_fn escape;
    void *escape_ctx;
    template_partial_fn partials;  /* may be NULL */
    void *partials_ctx;
    /* When true, a {{name}} that resolves to nothing is an error (a typo in
     * a template must not print an empty string); the spec says false.
     * Strict mode also rejects printing a list or map with {{name}} and a
     * {{>partial}} the lookup does not know. Sections over missing names
     * stay allowed ({{#opt}}…{{/opt}} is how templates test optional data);
     * a JSON null counts as present and prints "". */
    bool strict;
    /* When set, pushed as a context over `data` (names are looked up in it
     * first): the list item a document is rendered for (one 项目支出绩效
     * 自评报告 per project). */
    const value *item;
} template_options;

/** Render `tmpl` with `data` as the root context (`data` may be NULL: no
 *  context; `opt` may be NULL: spec defaults). `origin` names the template
 *  in diagnostics (e.g. "templates/disclosure.mustache"; borrowed, copied
 *  into each diagnostic); positions are the 1-based line:col of the
 *  offending tag, the column counted in UTF-8 characters. An error inside a
 *  partial is reported with the partial's name as the file. Returns the
 *  rendered text (malloc'd, "" when empty) or NULL after adding every error
 *  found to `diags` (unclosed or mismatched section, unclosed tag, bad
 *  delimiter tag, invalid tag name, partials nested over 100 deep, and in
 *  strict mode unknown names and partials). */
/** An escape hook for the block markup of gen/doc/doc.h (ctx unused): a
 *  value's line breaks, with the blanks around them, are joined the way the
 *  markup joins a paragraph's lines (into nothing; into one space between
 *  two ASCII characters), so a value never starts a new line, paragraph,
 *  heading or directive; and a value that starts an output line with # or @
 *  gets the markup's "\" escape, so it stays plain text. */
void template_escape_markup(void *ctx, const char *text, size_t len, bool line_start, buf *out);

char *template_render(const char *tmpl, const value *data, const template_options *opt,
                      const char *origin, diag_list *diags);

#endif
