/* fuzz_template.c — the Mustache engine (template_render) over a small
 * fixed data tree, in the four ways it runs: strict or not, HTML escaping
 * (the spec) or the markup escape hook (the CLI); partials include a
 * recursive one and the input itself. The markup it renders, and the input
 * itself, go through doc_parse (the block markup reader).
 *
 * Invariants: a render fails exactly when it reported an error; a lax
 * render fails only where a strict one does; the markup escape never lets
 * a value start a line.
 */
#include "fuzz.h"

#include "../../gen/doc/doc.h"
#include "../../gen/template/template.h"

#include <string.h>

static value *data;
static const char *self_text;

static const char *partial(void *ctx, const char *name)
{
    (void)ctx;
    if (strcmp(name, "p") == 0)
        return "[{{name}}{{#list}}<{{n}}>{{/list}}]\n";
    if (strcmp(name, "rec") == 0)
        return "x{{>rec}}";
    if (strcmp(name, "self") == 0)
        return self_text;
    if (strcmp(name, "change") == 0)
        return "{{#up}}增加{{/up}}{{^up}}减少{{/up}}";
    return NULL;
}

static void free_data(void)
{
    value_free(data);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    data = value_new_map();
    value_set_string(data, "name", "乐山市人力资源和社会保障局（机关）");
    value_set_string(data, "evil", "甲\n# 标题\n\n@table t01\r\n@pagebreak");
    value_set_string(data, "lead", "  @toc");
    value_set_string(data, "html", "<b>&\"</b>");
    value_set_string(data, "empty", "");
    value_set(data, "amount", value_new_number("3313.32"));
    value_set_bool(data, "up", true);
    value_set_bool(data, "no", false);
    value_set(data, "nothing", value_new_null());
    value *list = value_set(data, "list", value_new_list());
    for (int i = 1; i <= 3; i++) {
        value *item = value_append(list, value_new_map());
        value_set_int(item, "n", i);
        value_set_string(item, "text", i == 2 ? "# 第二\n@chart c1" : "职责");
        value_set_bool(item, "last", i == 3);
    }
    value_set(data, "none", value_new_list());
    value *u = value_set(data, "unit", value_new_map());
    value_set_string(u, "kind", "单位");
    value_set_int(u, "year", 2024);
    value *nested = value_set(u, "a", value_new_map());
    value_set(nested, "b", value_new_map());
    value_set_string(value_get(nested, "b"), "c", "深");
    atexit(free_data);
    return 0;
}

/* The values made for it ("# 标题", "@table t01" in `evil`, "# 第二" in the
 * list) never stand at the start of a line after the markup escape. Only
 * checked when the template itself cannot write them: no such literal
 * text, no raw tags, no delimiter change. */
static bool may_check_injection(const char *tmpl)
{
    static const char *const bad[] = {"标题", "第二", "table", "{{{", "{{&", "{{="};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        if (strstr(tmpl, bad[i]))
            return false;
    return true;
}

static void check_no_injection(const char *out)
{
    for (const char *line = out; line;) {
        while (*line == ' ' || *line == '\t')
            line++;
        FUZZ_ASSERT(strncmp(line, "# 标题", strlen("# 标题")) != 0);
        FUZZ_ASSERT(strncmp(line, "# 第二", strlen("# 第二")) != 0);
        FUZZ_ASSERT(strncmp(line, "@table t01", 10) != 0);
        const char *nl = strchr(line, '\n');
        line = nl ? nl + 1 : NULL;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    char *tmpl = xstrndup((const char *)bytes, size);
    self_text = tmpl;
    bool ok[2][2];
    for (int strict = 0; strict < 2; strict++)
        for (int markup = 0; markup < 2; markup++) {
            template_options opt = {.escape_html = !markup, .strict = strict, .partials = partial};
            if (markup)
                opt.escape = template_escape_markup;
            diag_list d = {0};
            char *out = template_render(tmpl, data, &opt, "t.mustache", &d);
            ok[strict][markup] = out != NULL;
            FUZZ_ASSERT(out ? diag_error_count(&d) == 0 : diag_error_count(&d) > 0);
            for (size_t i = 0; i < d.count; i++)
                FUZZ_ASSERT(d.items[i].line >= 1 && d.items[i].col >= 1 && d.items[i].message);
            if (out && markup) {
                if (may_check_injection(tmpl))
                    check_no_injection(out);
                doc document = {0};
                doc_parse(out, "markup", &document, &d);
                doc_free(&document);
            }
            free(out);
            diag_list_free(&d);
        }
    /* strictness only adds errors; the escaping does not change success */
    FUZZ_ASSERT(!ok[1][0] || ok[0][0]);
    FUZZ_ASSERT(!ok[1][1] || ok[0][1]);
    FUZZ_ASSERT(ok[0][0] == ok[0][1] && ok[1][0] == ok[1][1]);

    /* the input as markup */
    diag_list d = {0};
    doc document = {0};
    int rc = doc_parse(tmpl, "m", &document, &d);
    FUZZ_ASSERT(rc == 0 ? diag_error_count(&d) == 0 : diag_error_count(&d) > 0);
    doc_free(&document);
    diag_list_free(&d);
    free(tmpl);
    return 0;
}
