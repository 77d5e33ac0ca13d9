/* test_department.c — performance/department.yaml: the figures its text
 * quotes (computed exactly, with the range 万元 rounding allows), the 自评
 * 总分 (the sum of the outermost scored sections), and the facts the
 * report prints (a changed score moves the total and the sentence quoting
 * it; a figure in a text is the computed one). Run from the project root. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_util.h"
#include "test_fixture.h"

#include <stdlib.h>
#include <string.h>

#include "../../gen/check/check.h"
#include "../../gen/facts/facts.h"


/* A unit folder with unit.yaml and `dept` as performance/department.yaml. */
static const char *write_unit(const char *dept)
{
    static char dir[128];
    char cmd[512];
    snprintf(dir, sizeof dir, "%s/u", tmpdir);
    snprintf(cmd, sizeof cmd, "rm -rf %s && mkdir -p %s/performance", dir, dir);
    assert_int_equal(system(cmd), 0);
    char path[256];
    snprintf(path, sizeof path, "%s/unit.yaml", dir);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs("unit: {name: 测试局, kind: 部门, year: 2024, published: 2025-03-01, money_unit: 万元}\n", f);
    fclose(f);
    snprintf(path, sizeof path, "%s/performance/department.yaml", dir);
    f = fopen(path, "wb");
    assert_non_null(f);
    fputs(dept, f);
    fclose(f);
    return dir;
}

static const text_figure *fig(const unit *u, const char *name)
{
    const text_figure *f = unit_figure(u, name);
    if (!f) fail_msg("no figure %s", name);
    return f;
}

static void test_figures(void **state)
{
    (void)state;
    unit u;
    diag_list d = {0};
    const char *dir = write_unit("layout: sichuan\n"
                                 "figures:\n"
                                 "  budget: {amount: 3296.95}\n"
                                 "  final: {amount: 3104.33}\n"
                                 "  rate: {percent: [final, budget]}\n"
                                 "  gap: {difference: [budget, final]}\n"
                                 "  parts: {sum: [budget, final, gap]}\n"
                                 "  reception: {amount: 2.75}\n"
                                 "  persons: {count: 287}\n"
                                 "  per: {per: [reception, persons], stated: 95.72}\n"
                                 "  exact: {amount: 0.7305}\n"
                                 "  jobs: {count: 2558}\n"
                                 "  target: {count: 2200}\n"
                                 "  jobs_rate: {percent: [jobs, target]}\n");
    if (unit_load(dir, &specs, &u, &d) != 0) fail_msg("%s", diags_text(&d));
    assert_int_equal(fig(&u, "rate")->kind, FIGURE_PERCENT);
    assert_int_equal(fig(&u, "rate")->value, 9416); /* 94.1577… → 94.16 */
    assert_int_equal(fig(&u, "gap")->value, 192620000); /* 192.62 万元 in 分 */
    /* a difference of two rounded amounts is within ±0.01 万元 */
    assert_int_equal(fig(&u, "gap")->lo, 192620000 - 10000);
    assert_int_equal(fig(&u, "gap")->hi, 192620000 + 10000);
    assert_int_equal(fig(&u, "parts")->value, INT64_C(2) * 3296950000);
    /* 2.75 万元 / 287 = 95.82 元; 2.745–2.755 万元 give 95.64–95.99 */
    assert_int_equal(fig(&u, "per")->value, 9582);
    assert_int_equal(fig(&u, "per")->lo, 9564);
    assert_int_equal(fig(&u, "per")->hi, 9599);
    assert_true(fig(&u, "per")->has_stated);
    assert_int_equal(fig(&u, "per")->stated, 9572);
    /* four decimals: the rounding is ±0.00005 万元 */
    assert_int_equal(fig(&u, "exact")->hi - fig(&u, "exact")->value, 50);
    /* counts are exact */
    assert_int_equal(fig(&u, "jobs_rate")->value, 11627);
    assert_int_equal(fig(&u, "jobs_rate")->lo, 11627);
    char out[32];
    assert_string_equal(figure_format(fig(&u, "gap"), false, out), "192.62");
    assert_string_equal(figure_format(fig(&u, "per"), true, out), "95.72");
    assert_string_equal(figure_format(fig(&u, "persons"), false, out), "287");
    /* the stated 95.72 is inside the rounding range: a warning, not an error */
    assert_int_equal(check_unit(&u, &specs, &d), 0);
    assert_diag_contains(&d, "尾差：figures.per 原文为 95.72，由数据算出 95.82");
    unit_free(&u);
    diag_list_free(&d);
}

/* Every way a figure can be wrong is an error at its line. */
static void test_figure_errors(void **state)
{
    (void)state;
    static const struct {
        const char *yaml, *needle;
    } cases[] = {
        {"figures:\n  a: {percent: [b, c]}\n", "department.yaml:2:17: 错误: figures 中没有名为“b”的数字（a 引用了它）"},
        {"figures:\n  a: {sum: [b]}\n  b: {sum: [a]}\n", "循环引用了自己"},
        {"figures:\n  a: {amount: 1}\n  z: {amount: 0}\n  r: {percent: [a, z]}\n", "的除数 z 为 0，算不出百分比"},
        {"figures:\n  a: {amount: 1}\n  n: {count: 0}\n  r: {per: [a, n]}\n", "的除数 n 为 0，算不出平均数"},
        {"figures:\n  a: {amount: 1}\n  n: {count: 3}\n  r: {percent: [a, n]}\n", "应是两个同种数（金额或个数）之比"},
        {"figures:\n  a: {amount: 1}\n  n: {count: 3}\n  r: {sum: [a, n]}\n", "只能把同一种数（都是金额或都是个数）相加"},
        {"figures:\n  a: {amount: 1, count: 2}\n", "只能有 amount、count、sum、difference、percent、per 中的一个"},
        {"figures:\n  a: {stated: 2}\n", "应是 {amount: 金额}、{count: 个数}"},
        {"figures:\n  a: {percent: [a]}\n", "应是两个数字名称的列表"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        unit u;
        diag_list d = {0};
        const char *dir = write_unit(cases[i].yaml);
        assert_int_equal(unit_load(dir, &specs, &u, &d), -1);
        assert_diag_contains(&d, cases[i].needle);
        unit_free(&u);
        diag_list_free(&d);
    }
}

static const char SCORED[] = "layout: guangdong\n"
                             "analysis:\n"
                             "  - title: 组一\n"
                             "    text:\n"
                             "      - {title: 项一, score: 4}\n"
                             "      - {title: 项二, score: 3.5}\n"
                             "  - title: 组二\n"
                             "    score: 10\n"
                             "    text:\n"
                             "      - 段落。\n"
                             "      - {title: 不计分的小节}\n"
                             "conclusion: 自评。\n";

/* The 自评总分: outermost scored sections; a group with its own score
 * counts once (its subsections are checked against it, not added). */
static void test_scores(void **state)
{
    (void)state;
    unit u;
    diag_list d = {0};
    assert_int_equal(unit_load(write_unit(SCORED), &specs, &u, &d), 0);
    assert_true(u.has_scores);
    assert_int_equal(u.score_total, 1750);
    char out[32];
    assert_string_equal(perf_score_format(1750, out), "17.5");
    assert_string_equal(perf_score_format(9650, out), "96.5");
    assert_string_equal(perf_score_format(400, out), "4");
    assert_string_equal(perf_score_format(325, out), "3.25");
    int64_t h;
    value *v = value_new_number("96.5");
    assert_true(perf_score_parse(v, &h));
    assert_int_equal(h, 9650);
    value_free(v);
    v = value_new_number("96.555");
    assert_false(perf_score_parse(v, &h)); /* more than two decimals */
    value_free(v);
    v = value_new_number("-1");
    assert_false(perf_score_parse(v, &h));
    value_free(v);
    assert_int_equal(check_unit(&u, &specs, &d), 0);
    unit_free(&u);
    diag_list_free(&d);
}

static char *markup_of(value *facts, const char *path)
{
    const value *v = value_get_path(facts, path);
    return v ? xstrdup(value_get_text(v) ? value_get_text(v) : "") : NULL;
}

/* Change one scored item: the 自评总分 in the facts moves with it; a {name}
 * in a text prints the computed figure. */
static void test_facts_follow_data(void **state)
{
    (void)state;
    for (int round = 0; round < 2; round++) {
        char y[1024];
        snprintf(y, sizeof y, "%s"
                 "figures:\n"
                 "  a: {amount: 94.50}\n"
                 "  b: {amount: 70.23}\n"
                 "  r: {percent: [b, a]}\n"
                 "suggestions: 支出率{r}%%。\n",
                 round ? "layout: guangdong\nanalysis:\n  - {title: 甲, score: 2}\n  - {title: 乙, score: 5}\n"
                       : "layout: guangdong\nanalysis:\n  - {title: 甲, score: 2}\n  - {title: 乙, score: 4}\n");
        unit u;
        diag_list d = {0};
        assert_int_equal(unit_load(write_unit(y), &specs, &u, &d), 0);
        value *facts = facts_build(&u, &specs, &options, &d);
        if (!facts) fail_msg("%s", diags_text(&d));
        char *total = markup_of(facts, "performance.department.score.total");
        assert_string_equal(total, round ? "7" : "6");
        free(total);
        const value *para = value_get_path(facts, "performance.department.suggestions.items.0.paragraph");
        assert_non_null(para);
        assert_string_equal(value_get_text(para), "支出率74.32%。");
        assert_null(value_get_path(facts, "tables")); /* no tables/: no disclosure */
        value_free(facts);
        unit_free(&u);
        diag_list_free(&d);
    }
}

/* The Guangdong 预决算 table: 差异 and 执行率 computed; a class with no
 * budget has no 执行率 (printed "-"), never a division by zero. */
static void test_by_function(void **state)
{
    (void)state;
    unit u;
    diag_list d = {0};
    const char *y = "layout: guangdong\n"
                    "finance:\n"
                    "  budget: {current: 20.00, previous: 10}\n"
                    "  execution: {final: 155.00}\n"
                    "  by_function:\n"
                    "    - {code: \"206\", budget: 20.00, final: 15.88, reason: 未用完。}\n"
                    "    - {code: \"212\", budget: 0, final: 139.12, reason: 未列入年初预算。}\n";
    assert_int_equal(unit_load(write_unit(y), &specs, &u, &d), 0);
    assert_int_equal(check_unit(&u, &specs, &d), 0);
    value *facts = facts_build(&u, &specs, &options, &d);
    assert_non_null(facts);
    const value *rows = value_get_path(facts, "performance.department.finance.by_function.rows");
    assert_int_equal(value_count(rows), 2);
    assert_string_equal(value_get_text(value_get(value_at(rows, 0), "label")), "六、科学技术支出");
    assert_string_equal(value_get_text(value_get(value_at(rows, 0), "difference")), "4.12");
    assert_string_equal(value_get_text(value_get(value_at(rows, 0), "rate")), "79.40");
    assert_int_equal(value_get_type(value_get(value_at(rows, 1), "rate")), VALUE_NULL);
    const value *r = value_get_path(facts, "performance.department.finance.by_function.reasons.1");
    assert_string_equal(value_get_text(value_get(r, "direction")), "增加");
    assert_string_equal(value_get_text(value_get_path(facts, "performance.department.finance.budget.change.percent")),
                        "100.00");
    value_free(facts);
    unit_free(&u);
    diag_list_free(&d);
    /* the classes must add up to the 执行数 */
    y = "layout: guangdong\n"
        "finance:\n"
        "  budget: {current: 20.00}\n"
        "  execution: {final: 156.00}\n"
        "  by_function:\n"
        "    - {code: \"206\", budget: 20.00, final: 15.88}\n"
        "    - {code: \"212\", budget: 0, final: 139.12}\n";
    assert_int_equal(unit_load(write_unit(y), &specs, &u, &d), 0);
    assert_true(check_unit(&u, &specs, &d) > 0);
    assert_diag_contains(&d, "department.yaml:4:22: 错误 [D-SUM]: 决算（执行）总数与按功能分类所列各科目的决算数（206、212）之和不等（前者为 156.00，后者为 155.00");
    unit_free(&u);
    diag_list_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_figures),       cmocka_unit_test(test_figure_errors),
        cmocka_unit_test(test_scores),        cmocka_unit_test(test_facts_follow_data),
        cmocka_unit_test(test_by_function),
    };
    return cmocka_run_group_tests(tests, fixture_setup, fixture_teardown);
}
