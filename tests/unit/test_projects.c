/* test_projects.c — the 项目支出绩效自评表: the arithmetic of gen/model/perf.c
 * (预算执行率, the budget score under each rule of scoring.yaml, a zero
 * budget, indicators met or missed under every 指标性质, score formatting),
 * the PRJ-* rules of gen/check on edited copies of input/leshan-2024, and
 * the facts and the printed grid following an edited score. Run from the
 * project root. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_util.h"
#include "test_fixture.h"

#include "../../gen/check/check.h"

#define P01 "performance/projects/01-51110025T000013637008.yaml"
#define P02 "performance/projects/02-51110023T000009919626.yaml"
#define P06 "performance/projects/06-51110022T000000248095.yaml"


/* ---- arithmetic ------------------------------------------------------------ */

static perf_rules rules_of(bool printed, int decimals, perf_rounding rounding, bool zero_full)
{
    perf_rules r = {0};
    r.budget_weight = 1000;
    r.indicator_weight = 9000;
    r.rate_as_printed = printed;
    r.score_decimals = decimals;
    r.rounding = rounding;
    r.zero_budget_full = zero_full;
    return r;
}

static void test_rate(void **state)
{
    (void)state;
    int64_t h;
    assert_true(perf_rate(10950000, 10950000, &h)); /* 109.50 / 109.50 万元 */
    assert_int_equal(h, 10000);
    assert_true(perf_rate(1, 3, &h));
    assert_int_equal(h, 3333);
    assert_true(perf_rate(2, 3, &h));
    assert_int_equal(h, 6667); /* half up */
    assert_false(perf_rate(0, 0, &h)); /* zero budget: no division, the rules' text prints */
    assert_false(perf_rate(5, 0, &h));
}

static void test_budget_score(void **state)
{
    (void)state;
    perf_rules r = rules_of(false, 2, PERF_ROUND_HALF_UP, false);
    assert_int_equal(perf_budget_score(&r, 790000, 790000), 1000);  /* 100%: the whole 10 */
    assert_int_equal(perf_budget_score(&r, 900000, 790000), 1000);  /* over 100%: min(rate, 100%) */
    assert_int_equal(perf_budget_score(&r, 1, 8), 125);             /* 12.5% of 10 = 1.25 */
    assert_int_equal(perf_budget_score(&r, 1, 3), 333);             /* 3.333… */
    assert_int_equal(perf_budget_score(&r, 2, 3), 667);             /* 6.666… half up */
    assert_int_equal(perf_budget_score(&r, 0, 100), 0);
    r = rules_of(false, 1, PERF_ROUND_HALF_UP, false);
    assert_int_equal(perf_budget_score(&r, 1, 8), 130); /* 1.25 → 1.3 */
    r = rules_of(false, 1, PERF_ROUND_DOWN, false);
    assert_int_equal(perf_budget_score(&r, 1, 8), 120); /* 1.25 → 1.2 */
    r = rules_of(false, 0, PERF_ROUND_HALF_UP, false);
    assert_int_equal(perf_budget_score(&r, 35, 100), 400); /* 3.5 → 4 */
    r = rules_of(false, 0, PERF_ROUND_DOWN, false);
    assert_int_equal(perf_budget_score(&r, 99, 100), 900); /* 9.9 → 9: never more than earned */
    /* the rate as printed (2 decimals) or exact: 1/3 = 33.33% printed */
    r = rules_of(true, 2, PERF_ROUND_HALF_UP, false);
    assert_int_equal(perf_budget_score(&r, 99995, 100000), 1000); /* 99.995% prints 100.00% */
    r = rules_of(false, 2, PERF_ROUND_DOWN, false);
    assert_int_equal(perf_budget_score(&r, 99995, 100000), 999); /* exact: 9.9995 → 9.99 */
    /* a zero budget: the rule says */
    r = rules_of(false, 2, PERF_ROUND_HALF_UP, false);
    assert_int_equal(perf_budget_score(&r, 0, 0), 0);
    r = rules_of(false, 2, PERF_ROUND_HALF_UP, true);
    assert_int_equal(perf_budget_score(&r, 0, 0), 1000);
    /* huge amounts do not overflow */
    r = rules_of(false, 2, PERF_ROUND_HALF_UP, false);
    assert_int_equal(perf_budget_score(&r, INT64_MAX / 200, INT64_MAX / 100), 500);
}

static perf_indicator ind(perf_sense s, const char *target, const char *actual)
{
    perf_indicator in = {0};
    in.sense = s;
    in.target = (char *)target;
    in.actual = (char *)actual;
    return in;
}

static void test_indicator_met(void **state)
{
    (void)state;
    perf_indicator in = ind(PERF_SENSE_GE, "3.2", "4.08");
    assert_int_equal(perf_indicator_met(&in), 1);
    in = ind(PERF_SENSE_GE, "2", "1"); /* seed 003 等保测评: 测评次数 ≥ 2, done 1 */
    assert_int_equal(perf_indicator_met(&in), 0);
    in = ind(PERF_SENSE_LE, "4", "2"); /* ≤: fewer is met */
    assert_int_equal(perf_indicator_met(&in), 1);
    in = ind(PERF_SENSE_LE, "0.5", "0.6");
    assert_int_equal(perf_indicator_met(&in), 0);
    in = ind(PERF_SENSE_EQ, "100", "100%"); /* a trailing % is the unit */
    assert_int_equal(perf_indicator_met(&in), 1);
    in = ind(PERF_SENSE_EQ, "13", "12");
    assert_int_equal(perf_indicator_met(&in), 0);
    in = ind(PERF_SENSE_GT, "90", "90");
    assert_int_equal(perf_indicator_met(&in), 0);
    in = ind(PERF_SENSE_LT, "0.1", "0");
    assert_int_equal(perf_indicator_met(&in), 1);
    in = ind(PERF_SENSE_QUAL, "优良中差", "良好"); /* 定性: a judgement, never compared */
    assert_int_equal(perf_indicator_met(&in), -1);
    in = ind(PERF_SENSE_GE, "优良", "优");
    assert_int_equal(perf_indicator_met(&in), -1);
    assert_int_equal(perf_sense_parse("≥"), PERF_SENSE_GE);
    assert_int_equal(perf_sense_parse(">="), PERF_SENSE_GE);
    assert_int_equal(perf_sense_parse("＜"), PERF_SENSE_LT);
    assert_int_equal(perf_sense_parse("定性"), PERF_SENSE_QUAL);
    assert_int_equal(perf_sense_parse("大于"), PERF_SENSE_NONE);
    char t[32];
    assert_string_equal(perf_score_format(1000, t), "10");
    assert_string_equal(perf_score_format(850, t), "8.5");
    assert_string_equal(perf_score_format(825, t), "8.25");
    assert_string_equal(perf_score_format(0, t), "0");
}

/* ---- the rules, on edited copies of input/leshan-2024 ----------------------------- */

/* Copy the unit and replace the first `from` of `file` by `to` (up to 3 edits). */
static void make_unit(const char *const edits[][3], size_t n)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd, "rm -rf %s/u && cp -r input/leshan-2024 %s/u", tmpdir, tmpdir);
    assert_int_equal(system(cmd), 0);
    for (size_t i = 0; i < n; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/u/%s", tmpdir, edits[i][0]);
        char *text = file_read_all(path, NULL);
        assert_non_null(text);
        char *at = strstr(text, edits[i][1]);
        if (!at) fail_msg("%s has no “%s”", edits[i][0], edits[i][1]);
        FILE *f = fopen(path, "wb");
        assert_non_null(f);
        fwrite(text, 1, (size_t)(at - text), f);
        fputs(edits[i][2], f);
        fputs(at + strlen(edits[i][1]), f);
        fclose(f);
        free(text);
    }
}

/* Load and check the copy; returns the number of errors. */
static int check_copy(unit *u, diag_list *d)
{
    char dir[128];
    snprintf(dir, sizeof dir, "%s/u", tmpdir);
    if (unit_load(dir, &specs, u, d) != 0) fail_msg("unit_load failed:\n%s", diags_text(d));
    return check_unit(u, &specs, d);
}

/* Fail unless `d` has `rule` at `file` (suffix) with `needle` in the message. */
static void expect_rule(const diag_list *d, const char *rule, diag_severity sev, const char *file,
                        const char *needle)
{
    size_t m = strlen(file);
    for (size_t i = 0; i < d->count; i++) {
        const diag *x = &d->items[i];
        size_t n = x->file ? strlen(x->file) : 0;
        if (x->rule && strcmp(x->rule, rule) == 0 && x->severity == sev && n >= m &&
            strcmp(x->file + n - m, file) == 0 && x->line > 0 && x->col > 0 && strstr(x->message, needle))
            return;
    }
    fail_msg("expected [%s] in %s with “%s”; got:\n%s", rule, file, needle, diags_text(d));
}

static void run_case(const char *const edits[][3], size_t n, const char *rule, diag_severity sev,
                     const char *file, const char *needle)
{
    make_unit(edits, n);
    unit u;
    diag_list d = {0};
    check_copy(&u, &d);
    expect_rule(&d, rule, sev, file, needle);
    for (size_t j = 0; j < d.count; j++) /* where, and no side taken */
        if (d.items[j].rule && strncmp(d.items[j].rule, "PRJ-", 4) == 0 && strstr(d.items[j].message, "应为"))
            fail_msg("[%s] takes sides (应为): %s", d.items[j].rule, d.items[j].message);
    unit_free(&u);
    diag_list_free(&d);
}

static void test_example_finding(void **state)
{
    (void)state;
    /* Leshan as published: the only finding is seed 003's own 定性 indicator
     * scored 5 of 10 without a 未完成原因分析 */
    make_unit(NULL, 0);
    unit u;
    diag_list d = {0};
    assert_int_equal(check_copy(&u, &d), 0);
    assert_int_equal(u.n_projects, 17);
    assert_int_equal(d.count, 1);
    expect_rule(&d, "PRJ-REASON", DIAG_WARNING, P02, "“劳动保障监察举报投诉窗口标准化建设”的得分 5 低于权重 10（定性指标）");
    unit_free(&u);
    diag_list_free(&d);
}

static void test_rules_fire(void **state)
{
    (void)state;
    /* weights that do not total 100 */
    const char *const w[][3] = {{P01, "actual: 77, weight: 20, score: 20}", "actual: 77, weight: 25, score: 25}"}};
    run_case(w, 1, "PRJ-WEIGHT", DIAG_ERROR, P01, "绩效指标的权重之和与 templates/performance/scoring.yaml 规定的指标总分不等（前者为 95，后者为 90，相差 5；合计权重为 105，规定为 100）");
    run_case(w, 1, "PRJ-TOTAL", DIAG_ERROR, P01, "所写合计的权重与预算执行 10 + 各项绩效指标权重之和不等（前者为 100，后者为 105，相差 5）");
    /* 得分 above 权重 */
    const char *const s[][3] = {{P01, "actual: 77, weight: 20, score: 20}", "actual: 77, weight: 20, score: 20.5}"}};
    run_case(s, 1, "PRJ-SCORE", DIAG_ERROR, P01, "“农村劳动力转移就业率”的得分 20.5 大于权重 20");
    /* the typed 合计 that disagrees: seed 003 as printed */
    const char *const t[][3] = {{P02, "total: {weight: 100}", "total: {weight: 100, score: 100}"}};
    run_case(t, 1, "PRJ-TOTAL", DIAG_ERROR, P02, "所写合计的得分与预算执行得分 10 + 各项绩效指标得分之和 85 不等（前者为 100，后者为 95，相差 5）");
    /* an indicator with ≤ that is missed but has full score */
    const char *const le[][3] = {{P06, "target: 4, unit: 个, actual: 2", "target: 4, unit: 个, actual: 5"}};
    run_case(le, 1, "PRJ-MISSED", DIAG_WARNING, P06, "“技能大师工作室建设”的完成值 5 未达到指标值 ≤ 4个");
    /* met, less than full score, no reason */
    const char *const r[][3] = {{P01, "actual: 77, weight: 20, score: 20}", "actual: 77, weight: 20, score: 18}"}};
    run_case(r, 1, "PRJ-REASON", DIAG_WARNING, P01, "得分 18 低于权重 20（完成值已达到指标值）");
    /* spending over the adjusted budget without a reason */
    const char *const o[][3] = {{P01, "adjusted: 1.30, spent: 1.30}   # 总额", "adjusted: 1.30, spent: 1.40}   # 总额"},
                                {P01, "adjusted: 1.30, spent: 1.30}   # 其中", "adjusted: 1.30, spent: 1.40}   # 其中"}};
    run_case(o, 2, "PRJ-OVERSPENT", DIAG_ERROR, P01, "总额的预算执行数 1.40 大于调整后预算数 1.30");
    /* 总额 against its fund rows */
    const char *const f[][3] = {{P01, "adjusted: 1.30, spent: 1.30}   # 其中", "adjusted: 1.20, spent: 1.30}   # 其中"}};
    run_case(f, 1, "PRJ-FUND-SUM", DIAG_ERROR, P01, "总额的调整后预算数与其中各项资金（财政资金、财政专户管理资金、单位资金）之和不等"); /* 0.10 万元: beyond 尾差 */
    /* a number expected under ≥ */
    const char *const v[][3] = {{P01, "target: 3.2, unit: 万人", "target: 很多, unit: 万人"}};
    run_case(v, 1, "PRJ-VALUE", DIAG_ERROR, P01, "指标值应是数字，实为“很多”");
    /* every PRJ-* rule of the table has a case above (test_check.c leaves them here) */
    static const char *const tested[] = {"PRJ-WEIGHT", "PRJ-SCORE", "PRJ-TOTAL", "PRJ-FUND-SUM",
                                         "PRJ-OVERSPENT", "PRJ-VALUE", "PRJ-MISSED", "PRJ-REASON"};
    size_t n;
    const check_rule *rules = check_rules(&n);
    for (size_t k = 0; k < n; k++) {
        if (strncmp(rules[k].id, "PRJ-", 4) != 0) continue;
        bool seen = false;
        for (size_t i = 0; i < sizeof tested / sizeof tested[0]; i++) seen |= strcmp(tested[i], rules[k].id) == 0;
        if (!seen) fail_msg("rule %s has no case in test_projects.c", rules[k].id);
    }
}

/* ---- facts and the printed grid follow an edited score ------------------------------ */

static const grid_cell *cell_at(const table_grid *g, int row, int col)
{
    for (size_t i = 0; i < g->n_cells; i++)
        if (g->cells[i].row == row && g->cells[i].col == col) return &g->cells[i];
    return NULL;
}

/* The 合计 row's 得分 cell of the grid. */
static const grid_cell *total_score_cell(const table_grid *g)
{
    for (int r = 0; r < g->rows; r++) {
        const grid_cell *c = cell_at(g, r, 0);
        if (c && strcmp(c->text, "合计") == 0) return cell_at(g, r, 9);
    }
    return NULL;
}

static void test_score_moves(void **state)
{
    (void)state;
    const char *const e[][3] = {{P01, "actual: 77, weight: 20, score: 20}",
                                "actual: 77, weight: 20, score: 15, reason: 部分区县未达到}"},
                               {P01, "total: {weight: 100, score: 100}", "total: {weight: 100, score: 95}"}};
    for (int edited = 0; edited < 2; edited++) {
        make_unit(e, edited ? 2 : 0);
        unit u;
        diag_list d = {0};
        assert_int_equal(check_copy(&u, &d), 0);
        value *facts = facts_build(&u, &specs, &options, &d);
        assert_non_null(facts);
        const value *p = value_at(value_get_path(facts, "performance.projects"), 0);
        assert_string_equal(value_get_text(value_get_path(p, "total.score")), edited ? "95" : "100");
        assert_string_equal(value_get_text(value_get(p, "indicator_score")), edited ? "85" : "90");
        assert_string_equal(value_get_text(value_get_path(p, "budget.rate")), "100.00%");
        table_grid *g = project_grid_build(p, "部门预算项目支出绩效自评表（2024年度）");
        const grid_cell *c = total_score_cell(g);
        assert_non_null(c);
        assert_string_equal(c->text, edited ? "95" : "100");
        assert_int_equal(c->number, GRID_NUMBER_POINTS);
        assert_int_equal(c->hundredths, edited ? 9500 : 10000);
        table_grid_free(g);
        value_free(facts);
        unit_free(&u);
        diag_list_free(&d);
    }
}

static void test_zero_budget(void **state)
{
    (void)state;
    /* 调整后预算数 0: the rate is the rules' text, the score the rules' choice */
    const char *const e[][3] = {{P01, "adjusted: 1.30, spent: 1.30}   # 总额", "adjusted: 0, spent: 0}   # 总额"},
                                {P01, "adjusted: 1.30, spent: 1.30}   # 其中", "adjusted: 0, spent: 0}   # 其中"},
                                {P01, "total: {weight: 100, score: 100}", "total: {weight: 100, score: 90}"}};
    make_unit(e, 3);
    unit u;
    diag_list d = {0};
    assert_int_equal(check_copy(&u, &d), 0);
    value *facts = facts_build(&u, &specs, &options, &d);
    const value *p = value_at(value_get_path(facts, "performance.projects"), 0);
    assert_string_equal(value_get_text(value_get_path(p, "budget.rate")), "0.00%");
    assert_string_equal(value_get_text(value_get_path(p, "budget.score")), "0");
    assert_string_equal(value_get_text(value_get_path(p, "total.score")), "90");
    assert_true(value_get_bool(value_get(value_at(value_get(p, "funds"), 0), "zero_budget")));
    /* the blank-versus-zero rule: a row with a rate prints its zero amounts */
    table_grid *g = project_grid_build(p, "部门预算项目支出绩效自评表（2024年度）");
    int zeros = 0;
    for (size_t i = 0; i < g->n_cells; i++) {
        const grid_cell *c = &g->cells[i];
        if (c->is_amount && c->amount == 0) {
            assert_string_equal(c->text, "0.00");
            zeros++;
        }
    }
    assert_true(zeros >= 4); /* 调整后预算数 and 预算执行数 of 总额 and 其中 */
    table_grid_free(g);
    value_free(facts);
    unit_free(&u);
    diag_list_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rate),          cmocka_unit_test(test_budget_score),
        cmocka_unit_test(test_indicator_met), cmocka_unit_test(test_example_finding),
        cmocka_unit_test(test_rules_fire),    cmocka_unit_test(test_score_moves),
        cmocka_unit_test(test_zero_budget),
    };
    return cmocka_run_group_tests(tests, fixture_setup, fixture_teardown);
}
