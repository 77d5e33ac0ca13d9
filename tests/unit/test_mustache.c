/* test_mustache.c — gen/template against the Mustache spec, plus juesuan's
 * own additions (diagnostics, strict mode, escaping off).
 *
 * The spec files are read from $MUSTACHE_SPEC_DIR, or else from
 * ../shared/conformance/mustache-spec (tests run from the repository root).
 * A missing folder or file fails the test: the spec must really run.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sys/stat.h>

#include <libfyaml.h>
#include <stdlib.h>
#include <string.h>

#include "../../gen/doc/doc.h"
#include "../../gen/template/template.h"

/* The spec files run, one cmocka test each (see main). */
#define SPEC_FILE_COUNT 6

/* Totals over all spec files, printed by the last test. */
static int spec_total, spec_passed, spec_files_run;

/* ------------------------------------------------------------------------
 * JSON (via libfyaml) → value
 * ---------------------------------------------------------------------- */

/* A plain (unquoted) scalar is a JSON literal: true, false, null or a
 * number; a quoted one is a string. */
static value *scalar_to_value(struct fy_node *n)
{
    size_t len = 0;
    const char *s = fy_node_get_scalar(n, &len);
    char *text = xstrndup(s ? s : "", len);
    value *v;
    if (fy_node_get_style(n) != FYNS_PLAIN)
        v = value_new_string(text);
    else if (strcmp(text, "true") == 0)
        v = value_new_bool(true);
    else if (strcmp(text, "false") == 0)
        v = value_new_bool(false);
    else if (strcmp(text, "null") == 0 || len == 0)
        v = value_new_null();
    else
        v = value_new_number(text);
    free(text);
    return v;
}

static value *node_to_value(struct fy_node *n)
{
    if (!n)
        return value_new_null();
    void *iter = NULL;
    switch (fy_node_get_type(n)) {
    case FYNT_SCALAR:
        return scalar_to_value(n);
    case FYNT_SEQUENCE: {
        value *list = value_new_list();
        struct fy_node *item;
        while ((item = fy_node_sequence_iterate(n, &iter)) != NULL)
            value_append(list, node_to_value(item));
        return list;
    }
    case FYNT_MAPPING: {
        value *map = value_new_map();
        struct fy_node_pair *pair;
        while ((pair = fy_node_mapping_iterate(n, &iter)) != NULL) {
            size_t len = 0;
            const char *k = fy_node_get_scalar(fy_node_pair_key(pair), &len);
            char *key = xstrndup(k ? k : "", len);
            value_set(map, key, node_to_value(fy_node_pair_value(pair)));
            free(key);
        }
        return map;
    }
    }
    return value_new_null();
}

/* A string member of a spec case (owned), or NULL. */
static char *case_string(struct fy_node *test, const char *key)
{
    struct fy_node *n = fy_node_mapping_lookup_by_string(test, key, FY_NT);
    if (!n || !fy_node_is_scalar(n))
        return NULL;
    size_t len = 0;
    const char *s = fy_node_get_scalar(n, &len);
    return xstrndup(s ? s : "", len);
}

/* Partials from a value map. */
static const char *partials_from_map(void *ctx, const char *name)
{
    return value_get_text(value_get(ctx, name));
}

/* ------------------------------------------------------------------------
 * The spec
 * ---------------------------------------------------------------------- */

static const char *spec_dir(void)
{
    static char path[4096];
    const char *dir = getenv("MUSTACHE_SPEC_DIR");
    if (dir && *dir) return dir;
    const char *shared = getenv("JUESUAN_SHARED"); /* tests/run.sh sets it; default ../shared */
    snprintf(path, sizeof path, "%s/conformance/mustache-spec", shared && *shared ? shared : "../shared");
    return path;
}

/* The spec lives in ../shared, which a clone may not have: then its tests
 * are skipped (and tests/run.sh names them), unless JUESUAN_REQUIRE_SHARED=1
 * (.ci/run), where a missing spec fails. */
static bool spec_missing(void)
{
    struct stat st;
    if (stat(spec_dir(), &st) == 0) return false;
    const char *required = getenv("JUESUAN_REQUIRE_SHARED");
    if (required && strcmp(required, "1") == 0)
        fail_msg("the Mustache spec %s is missing (JUESUAN_REQUIRE_SHARED=1)", spec_dir());
    return true;
}

/* Run one spec case; true when the output matches. */
static bool spec_case_run(const char *file, struct fy_node *test)
{
    char *name = case_string(test, "name");
    char *tmpl = case_string(test, "template");
    char *expected = case_string(test, "expected");
    value *data = node_to_value(fy_node_mapping_lookup_by_string(test, "data", FY_NT));
    struct fy_node *pn = fy_node_mapping_lookup_by_string(test, "partials", FY_NT);
    value *partials = pn ? node_to_value(pn) : value_new_map();

    template_options opt = {.escape_html = true, .partials = partials_from_map,
                            .partials_ctx = partials};
    diag_list diags = {0};
    char *got = tmpl ? template_render(tmpl, data, &opt, file, &diags) : NULL;
    bool ok = got && expected && strcmp(got, expected) == 0;
    if (!ok) {
        print_error("mustache spec FAILED: %s: %s\n  template: [%s]\n  expected: [%s]\n"
                    "  got:      [%s]\n",
                    file, name ? name : "?", tmpl ? tmpl : "(none)",
                    expected ? expected : "(none)", got ? got : "(NULL)");
        for (size_t i = 0; i < diags.count; i++)
            print_error("  diag %d:%d: %s\n", diags.items[i].line, diags.items[i].col,
                        diags.items[i].message);
    }
    free(got);
    diag_list_free(&diags);
    value_free(data);
    value_free(partials);
    free(name);
    free(tmpl);
    free(expected);
    return ok;
}

/* Run every case of one spec file; fails the test on any mismatch. */
static void spec_file_run(const char *file)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", spec_dir(), file);
    struct fy_document *fyd = fy_document_build_from_file(NULL, path);
    if (!fyd)
        fail_msg("cannot read the Mustache spec file %s (set MUSTACHE_SPEC_DIR)", path);
    struct fy_node *tests =
        fy_node_mapping_lookup_by_string(fy_document_root(fyd), "tests", FY_NT);
    if (!tests || !fy_node_is_sequence(tests)) {
        fy_document_destroy(fyd);
        fail_msg("%s has no \"tests\" list", path);
    }
    int total = 0, passed = 0;
    void *iter = NULL;
    struct fy_node *test;
    while ((test = fy_node_sequence_iterate(tests, &iter)) != NULL) {
        total++;
        if (spec_case_run(file, test))
            passed++;
    }
    fy_document_destroy(fyd);
    spec_total += total;
    spec_passed += passed;
    spec_files_run++;
    print_message("mustache spec: %s: %d/%d cases passed\n", file, passed, total);
    assert_true(total > 0);
    assert_int_equal(passed, total);
}

/* One spec file; the file name is the test's state (see main). */
static void test_spec_file(void **state)
{
    if (spec_missing()) skip(); /* test_spec_summary says why */
    spec_file_run(*state);
}

/* Runs last: every file ran and every case passed. */
static void test_spec_summary(void **state)
{
    (void)state;
    if (spec_missing()) {
        print_message("skip: the Mustache spec (%d files): %s not found (no ../shared beside this clone)\n",
                      SPEC_FILE_COUNT, spec_dir());
        skip();
    }
    print_message("mustache spec: %d/%d cases passed\n", spec_passed, spec_total);
    assert_int_equal(spec_files_run, SPEC_FILE_COUNT);
    assert_true(spec_total > 0);
    assert_int_equal(spec_passed, spec_total);
}

/* ------------------------------------------------------------------------
 * juesuan's additions
 * ---------------------------------------------------------------------- */

/* Render expecting failure with exactly one error at line:col whose message
 * starts with `msg`. */
static void expect_error(const char *tmpl, const value *data, const template_options *opt,
                         int line, int col, const char *msg)
{
    diag_list diags = {0};
    char *got = template_render(tmpl, data, opt, "t.mustache", &diags);
    if (got)
        print_error("expected an error, got [%s]\n", got);
    assert_null(got);
    assert_int_equal(diags.count, 1);
    const diag *d = &diags.items[0];
    if (strncmp(d->message, msg, strlen(msg)) != 0)
        print_error("message: [%s]\nwanted:  [%s…]\n", d->message, msg);
    assert_int_equal(d->severity, DIAG_ERROR);
    assert_string_equal(d->file, "t.mustache");
    assert_int_equal(d->line, line);
    assert_int_equal(d->col, col);
    assert_true(strncmp(d->message, msg, strlen(msg)) == 0);
    diag_list_free(&diags);
}

/* Render expecting success and output `want`. */
static void expect_output(const char *tmpl, const value *data, const template_options *opt,
                          const char *want)
{
    diag_list diags = {0};
    char *got = template_render(tmpl, data, opt, "t.mustache", &diags);
    for (size_t i = 0; i < diags.count; i++)
        print_error("diag %d:%d: %s\n", diags.items[i].line, diags.items[i].col,
                    diags.items[i].message);
    assert_non_null(got);
    assert_string_equal(got, want);
    assert_int_equal(diags.count, 0);
    free(got);
    diag_list_free(&diags);
}

static void test_error_unclosed_section(void **state)
{
    (void)state;
    template_options opt = {.escape_html = true};
    expect_error("line one\n  {{#sec}}\n body\n", NULL, &opt, 2, 3, "未闭合的区块 {{#sec}}");
    /* Columns count characters, not bytes. */
    expect_error("第一行\n决算说明{{^空}}x", NULL, &opt, 2, 5, "未闭合的区块 {{^空}}");
    /* The section opened inside another one is the unclosed one. */
    expect_error("{{#a}}{{#b}}{{/b}}", NULL, &opt, 1, 1, "未闭合的区块 {{#a}}");
}

static void test_error_mismatched_close(void **state)
{
    (void)state;
    template_options opt = {.escape_html = true};
    expect_error("{{#a}}\n收入{{/b}}\n", NULL, &opt, 2, 3,
                 "结束标签 {{/b}} 与开始标签 {{#a}} 不匹配");
    expect_error("x\n  {{/a}}", NULL, &opt, 2, 3, "结束标签 {{/a}} 没有对应的开始标签");
}

static void test_error_bad_tags(void **state)
{
    (void)state;
    template_options opt = {.escape_html = true};
    expect_error("ab {{=<% =}} cd", NULL, &opt, 1, 4, "无效的分隔符标签");
    expect_error("ab\n支出 {{name", NULL, &opt, 2, 4, "未闭合的标签");
    expect_error("{{{name}}", NULL, &opt, 1, 1, "未闭合的标签");
    expect_error("x {{}}", NULL, &opt, 1, 3, "标签 {{}} 的名称无效");
    expect_error("{{a..b}}", NULL, &opt, 1, 1, "标签 {{a..b}} 的名称无效");
    /* Errors after a delimiter change are still found, positions intact. */
    expect_error("{{=<% %>=}}\n<%#a%>", NULL, &opt, 2, 1, "未闭合的区块 <%#a%>");
}

static void test_strict_missing_name(void **state)
{
    (void)state;
    value *data = value_new_map();
    value_set_string(data, "present", "有");
    value *list = value_set(data, "items", value_new_list());
    value_append(list, value_new_string("a"));
    value_append(list, value_new_string("b"));
    template_options strict = {.escape_html = false, .strict = true};

    expect_error("ok {{present}}\n  {{missing.name}}\n", data, &strict, 2, 3,
                 "模板中的名称 missing.name 在数据中不存在");
    /* A missing name inside a loop is reported once. */
    expect_error("{{#items}}{{.}}{{nope}}{{/items}}", data, &strict, 1, 16,
                 "模板中的名称 nope 在数据中不存在");
    /* A list cannot be printed. */
    expect_error("{{items}}", data, &strict, 1, 1, "模板中的名称 items 是列表");
    /* Sections over missing names are how templates test optional data. */
    expect_output("[{{#opt}}x{{/opt}}{{^opt}}无{{/opt}}]", data, &strict, "[无]");
    /* Without strict mode the spec rule holds: missing names print "". */
    template_options lax = {.escape_html = false};
    expect_output("[{{missing.name}}]", data, &lax, "[]");
    value_free(data);
}

static void test_escape_off(void **state)
{
    (void)state;
    value *data = value_new_map();
    value_set_string(data, "x", "<b>A & \"B\"</b>");
    template_options off = {.escape_html = false};
    template_options on = {.escape_html = true};
    expect_output("{{x}}|{{{x}}}|{{&x}}", data, &off,
                  "<b>A & \"B\"</b>|<b>A & \"B\"</b>|<b>A & \"B\"</b>");
    expect_output("{{x}}|{{{x}}}", data, &on,
                  "&lt;b&gt;A &amp; &quot;B&quot;&lt;/b&gt;|<b>A & \"B\"</b>");
    value_free(data);
}

/* A hook that shows what it was given: [L:text] at a line start, [M:text]
 * elsewhere. */
static void escape_probe(void *ctx, const char *text, size_t len, bool line_start, buf *out)
{
    (*(int *)ctx)++;
    buf_printf(out, "[%c:%.*s]", line_start ? 'L' : 'M', (int)len, text);
}

static void test_escape_hook(void **state)
{
    (void)state;
    value *data = value_new_map();
    value_set_string(data, "s", "<x>");
    value_set(data, "n", value_new_number("1.5"));
    value_set_bool(data, "b", true);
    value_set_string(data, "v", "值");
    value *parts = value_new_map();
    value_set_string(parts, "p", "{{s}}\n");
    int calls = 0;
    /* The hook replaces HTML escaping for {{x}}; {{{x}}} and {{&x}} stay
     * raw; numbers go through it, booleans do not. */
    template_options opt = {.escape_html = true, .escape = escape_probe, .escape_ctx = &calls,
                            .partials = partials_from_map, .partials_ctx = parts};
    expect_output("{{s}}|{{{s}}}|{{&s}}|{{n}}|{{b}}", data, &opt, "[L:<x>]|<x>|<x>|[M:1.5]|true");
    assert_int_equal(calls, 2);
    /* line_start: only blanks before it on its output line, also when the
     * blanks are a standalone partial's indentation. */
    expect_output("a\n  {{s}}\n（一）{{v}}\n\t{{v}}{{v}}", data, &opt,
                  "a\n  [L:<x>]\n（一）[M:值]\n\t[L:值][M:值]");
    expect_output("x\n   {{>p}}", data, &opt, "x\n   [L:<x>]\n");
    value_free(parts);
    value_free(data);
}

/* Render {{x}} with x = `text` through template_escape_markup. */
static void expect_markup(const char *tmpl, const char *text, const char *want)
{
    value *data = value_new_map();
    value_set_string(data, "x", text);
    template_options opt = {.escape = template_escape_markup, .strict = true};
    expect_output(tmpl, data, &opt, want);
    value_free(data);
}

static void test_escape_markup(void **state)
{
    (void)state;
    /* A value alone on its line: a leading # or @ is escaped. */
    expect_markup("{{x}}\n", "# 注入", "\\# 注入\n");
    expect_markup("  {{x}}\n", "@table t01", "  \\@table t01\n");
    expect_markup("{{x}}", "  @pagebreak", "  \\@pagebreak");
    /* Inside a line, # and @ are plain text already. */
    expect_markup("（一）{{x}}", "#1号@楼", "（一）#1号@楼");
    expect_markup("## {{x}}", "#标题", "## #标题");
    /* Line breaks join like a paragraph's lines: no new line, paragraph,
     * heading or directive can start inside a value. */
    expect_markup("（一）{{x}}\n", "甲。\n# 乙\n\n@table t01\r\n\n@pagebreak", "（一）甲。# 乙@table t01 @pagebreak\n");
    expect_markup("{{x}}", "\n\n  @toc\n", "\\@toc");
    expect_markup("{{x}}", "财务 \n  科", "财务科");
    /* …but two Latin words keep a space between them. */
    expect_markup("{{x}}", "IT\nsupport", "IT support");
    expect_markup("{{x}}", "IT\n科", "IT科");
    /* Blanks away from line breaks are kept; plain text is untouched. */
    expect_markup("{{x}}", "a  b\t c", "a  b\t c");
    expect_markup("{{x}}", "乐山市人力资源和社会保障局（机关）", "乐山市人力资源和社会保障局（机关）");
    expect_markup("[{{x}}]", "", "[]");
    expect_markup("[{{x}}]", "\n \n", "[]");
    /* {{{x}}} stays raw. */
    expect_markup("{{{x}}}", "# h\n@x", "# h\n@x");
}

/* The whole way: injected texts rendered into markup and parsed by gen/doc
 * give no extra heading, table, directive or paragraph. */
static void test_escape_markup_doc(void **state)
{
    (void)state;
    value *data = value_new_map();
    value *duties = value_set(data, "duties", value_new_list());
    value_append(duties, value_new_string("拟订政策。\n# 注入的标题\n\n@table t01\n\n@pagebreak"));
    value_append(duties, value_new_string("@chart c1"));
    value_set_string(data, "org", "# 机构\n\n## 二级\n@cover\ntitle: x");
    template_options opt = {.escape = template_escape_markup, .strict = true};
    diag_list diags = {0};
    char *markup = template_render("## 一、主要职责\n\n{{#duties}}\n{{.}}\n\n{{/duties}}\n## 二、机构设置\n\n{{org}}\n",
                                   data, &opt, "t.mustache", &diags);
    assert_non_null(markup);
    doc d = {0};
    assert_int_equal(doc_parse(markup, "m", &d, &diags), 0);
    assert_int_equal(diags.count, 0);
    assert_int_equal(d.count, 5);
    static const block_type want[] = {BLOCK_HEADING, BLOCK_PARAGRAPH, BLOCK_PARAGRAPH, BLOCK_HEADING,
                                      BLOCK_PARAGRAPH};
    for (size_t i = 0; i < d.count; i++)
        assert_int_equal(d.blocks[i].type, want[i]);
    assert_string_equal(d.blocks[1].text, "拟订政策。# 注入的标题@table t01 @pagebreak");
    assert_string_equal(d.blocks[2].text, "@chart c1");
    assert_string_equal(d.blocks[4].text, "# 机构## 二级@cover title: x");
    doc_free(&d);
    free(markup);
    diag_list_free(&diags);
    value_free(data);
}

static const char *partials_loop(void *ctx, const char *name)
{
    (void)ctx;
    return strcmp(name, "loop") == 0 ? "x{{>loop}}" : NULL;
}

static void test_partials_extra(void **state)
{
    (void)state;
    value *data = value_new_map();
    value_set_string(data, "v", "值");
    /* Endless recursion is an error, not a crash. */
    template_options opt = {.escape_html = false, .partials = partials_loop};
    diag_list diags = {0};
    char *got = template_render("{{>loop}}", data, &opt, "t.mustache", &diags);
    assert_null(got);
    assert_int_equal(diags.count, 1);
    assert_non_null(strstr(diags.items[0].message, "嵌套超过"));
    diag_list_free(&diags);
    /* Strict mode: a missing partial is an error. */
    template_options strict = {.escape_html = false, .strict = true, .partials = partials_loop};
    expect_error("a\n {{>nothing}}", data, &strict, 2, 2, "模板中的局部模板 nothing 不存在");
    /* Nested standalone partials add up their indentation. */
    value *parts = value_new_map();
    value_set_string(parts, "outer", "o1\n  {{>inner}}\no2\n");
    value_set_string(parts, "inner", "i1\n{{v}}\n");
    template_options p = {.escape_html = false, .partials = partials_from_map,
                          .partials_ctx = parts};
    expect_output("top\n  {{>outer}}\nend\n", data, &p,
                  "top\n  o1\n    i1\n    值\n  o2\nend\n");
    value_free(parts);
    value_free(data);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_prestate(test_spec_file, (void *)"comments.json"),
        cmocka_unit_test_prestate(test_spec_file, (void *)"delimiters.json"),
        cmocka_unit_test_prestate(test_spec_file, (void *)"interpolation.json"),
        cmocka_unit_test_prestate(test_spec_file, (void *)"inverted.json"),
        cmocka_unit_test_prestate(test_spec_file, (void *)"partials.json"),
        cmocka_unit_test_prestate(test_spec_file, (void *)"sections.json"),
        cmocka_unit_test(test_spec_summary),
        cmocka_unit_test(test_error_unclosed_section),
        cmocka_unit_test(test_error_mismatched_close),
        cmocka_unit_test(test_error_bad_tags),
        cmocka_unit_test(test_strict_missing_name),
        cmocka_unit_test(test_escape_off),
        cmocka_unit_test(test_escape_hook),
        cmocka_unit_test(test_escape_markup),
        cmocka_unit_test(test_escape_markup_doc),
        cmocka_unit_test(test_partials_extra),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
