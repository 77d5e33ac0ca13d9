/* test_check.c — the rules of gen/check and the subtotals of gen/input.
 *
 * Both examples pass without a single diagnostic (Leshan: but for the one
 * warning its published 自评表 earns). Then, for every rule of
 * the table, a copy of input/leshan-2024 with one figure (or key) edited
 * must produce that rule at the file:line of the edited or dependent cell,
 * with its figures; every identity of templates/checks/identities.yaml
 * likewise. Run from the project root. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_util.h"

#include <stdlib.h>
#include <string.h>

#include "../../gen/check/check.h"

#define T01 "tables/01_收入支出决算总表.csv"
#define T02 "tables/02_收入决算表.csv"
#define T03 "tables/03_支出决算表.csv"
#define T04 "tables/04_财政拨款收入支出决算总表.csv"
#define T05 "tables/05_财政拨款支出决算明细表.csv"
#define T06 "tables/06_一般公共预算财政拨款支出决算表.csv"
#define T07 "tables/07_一般公共预算财政拨款支出决算明细表.csv"
#define T08 "tables/08_一般公共预算财政拨款基本支出决算表.csv"
#define T09 "tables/09_一般公共预算财政拨款项目支出决算表.csv"
#define T10 "tables/10_政府性基金预算财政拨款收入支出决算表.csv"
#define T11 "tables/11_国有资本经营预算财政拨款收入支出决算表.csv"
#define T12 "tables/12_国有资本经营预算财政拨款支出决算表.csv"
#define T13 "tables/13_财政拨款三公经费支出决算表.csv"
#define YAML "unit.yaml"

static char tmpdir[64];
static spec_set specs;

/* One edit of the copied unit: on line `line` of `file`, the first `from`
 * becomes `to` (from NULL: the whole line becomes `to`). Line 0: the file
 * is written with `to` (its folder made); line -1: `file` is removed. */
typedef struct edit {
    const char *file;
    int line;
    const char *from, *to;
} edit;

static void apply_edit(const edit *e)
{
    char path[512], cmd[1200];
    snprintf(path, sizeof path, "%s/u/%s", tmpdir, e->file);
    if (e->line <= 0) {
        snprintf(cmd, sizeof cmd, e->line < 0 ? "rm -rf '%s'" : "mkdir -p \"$(dirname '%s')\"", path);
        assert_int_equal(system(cmd), 0);
        if (e->line < 0) return;
        FILE *f = fopen(path, "wb");
        assert_non_null(f);
        fputs(e->to, f);
        fclose(f);
        return;
    }
    char *text = file_read_all(path, NULL);
    assert_non_null(text);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    int line = 1;
    for (char *p = text; *p;) {
        char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        if (line == e->line) {
            if (!e->from) {
                fputs(e->to, f);
            } else {
                char *at = strstr(p, e->from);
                if (!at || at >= p + n) fail_msg("%s:%d has no “%s”", e->file, e->line, e->from);
                fwrite(p, 1, (size_t)(at - p), f);
                fputs(e->to, f);
                char *rest = at + strlen(e->from);
                fwrite(rest, 1, n - (size_t)(rest - p), f);
            }
        } else {
            fwrite(p, 1, n, f);
        }
        if (nl) fputc('\n', f);
        p += n + (nl ? 1 : 0);
        line++;
    }
    fclose(f);
    free(text);
}

/* Copy input/leshan-2024 to TMP/u and apply the edits (up to 3). The copy
 * leaves out performance/ (the 自评表 and their one warning are
 * test_projects.c's). */
static void make_unit(const edit *edits, size_t n)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd, "rm -rf %s/u && cp -r input/leshan-2024 %s/u && rm -rf %s/u/performance", tmpdir, tmpdir,
             tmpdir);
    assert_int_equal(system(cmd), 0);
    for (size_t i = 0; i < n && edits[i].file; i++) apply_edit(&edits[i]);
}

static void load_u(unit *u, diag_list *d)
{
    char dir[128];
    snprintf(dir, sizeof dir, "%s/u", tmpdir);
    if (unit_load(dir, &specs, u, d) != 0) fail_msg("unit_load failed:\n%s", diags_text(d));
}

/* Fail unless a diagnostic of `rule` with severity `sev` stands at `file`
 * (a path suffix) line `line` with `needle` (may be NULL) in its message. */
static void expect_diag(const diag_list *d, const char *rule, diag_severity sev, const char *file, int line,
                        const char *needle)
{
    size_t m = strlen(file);
    for (size_t i = 0; i < d->count; i++) {
        const diag *x = &d->items[i];
        size_t n = x->file ? strlen(x->file) : 0;
        if (x->rule && strcmp(x->rule, rule) == 0 && n >= m && strcmp(x->file + n - m, file) == 0 &&
            x->line == line && x->severity == sev && (!needle || strstr(x->message, needle)))
            return;
    }
    char *t = diags_text(d);
    fprintf(stderr, "expected %s [%s] at %s:%d with “%s”; got:\n%s", sev == DIAG_ERROR ? "错误" : "警告", rule, file,
            line, needle ? needle : "", t);
    free(t);
    fail();
}

/* ---- the examples ------------------------------------------------------- */

static void test_examples_pass(void **state)
{
    (void)state;
    static const char *const units[] = {"input/leshan-2024", "input/demo-dept-2024"};
    for (size_t i = 0; i < 2; i++) {
        unit u;
        diag_list d = {0};
        assert_int_equal(unit_load(units[i], &specs, &u, &d), 0);
        /* every row of both examples is in the CSVs: nothing is computed */
        for (size_t t = 0; t < u.n_tables; t++)
            for (size_t r = 0; r < u.tables[t].n_rows; r++) assert_false(u.tables[t].rows[r].computed);
        assert_int_equal(check_unit(&u, &specs, &d), 0);
        /* no warnings either (Leshan's class rows are the exact sums of its 项),
         * but for seed 003's own 定性 indicator scored 5 of 10 without a
         * 未完成原因分析 (input/leshan-2024/README.md; test_projects.c) */
        if (i == 0 && d.count == 1 && strcmp(d.items[0].rule, "PRJ-REASON") == 0) diag_list_free(&d);
        if (d.count) fail_msg("%s: %s", units[i], diags_text(&d));
        unit_free(&u);
        diag_list_free(&d);
    }
}

static void test_rule_table(void **state)
{
    (void)state;
    size_t n;
    const check_rule *rules = check_rules(&n);
    assert_true(n >= 40);
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    check_rules_print(f);
    fclose(f);
    for (size_t i = 0; i < n; i++) {
        assert_true(rules[i].severity == DIAG_ERROR || rules[i].severity == DIAG_WARNING);
        assert_true(strlen(rules[i].description) > 0);
        assert_ptr_equal(check_rule_find(rules[i].id), &rules[i]); /* IDs are unique */
        char row[128];
        snprintf(row, sizeof row, "| %s | ", rules[i].id);
        assert_non_null(strstr(out, row));
        assert_false(rules[i].rounding && rules[i].severity != DIAG_ERROR);
    }
    assert_null(check_rule_find("NO-SUCH-RULE"));
    /* and the identity list (templates/checks/identities.yaml), IDs apart from the rules' */
    assert_true(specs.n_identities >= 30);
    char *ids = NULL;
    size_t ids_len = 0;
    FILE *g = open_memstream(&ids, &ids_len);
    check_identities_print(g, &specs);
    fclose(g);
    for (size_t i = 0; i < specs.n_identities; i++) assert_null(check_rule_find(specs.identities[i].id));
    /* README's "Checks" section lists exactly this table */
    char *readme = file_read_all("README.md", NULL);
    assert_non_null(readme);
    if (!strstr(readme, out)) fail_msg("README.md does not hold the rule table check_rules_print writes:\n%s", out);
    if (!strstr(readme, ids)) fail_msg("README.md does not hold the identity table check_identities_print writes:\n%s", ids);
    free(ids);
    free(readme);
    free(out);
}

/* ---- one case per rule -------------------------------------------------- */

typedef struct rcase {
    const char *rule;
    diag_severity sev;
    edit edits[3];
    const char *file; /* where the diagnostic must be */
    int line;
    const char *needle; /* part of the message: the figures */
} rcase;

#define E DIAG_ERROR
#define W DIAG_WARNING

/* performance/department.yaml for the D-* cases (written into the copy;
 * with tables/ removed the unit has only this document). Line numbers
 * matter: the cases edit them. */
#define DEPT "performance/department.yaml"
#define NOTABLES {"tables", -1, NULL, NULL}
static const char DY[] =
    "layout: sichuan\n"                                     /*  1 */
    "score_total: 10\n"                                     /*  2 */
    "figures:\n"                                            /*  3 */
    "  a: {amount: 3296.95}\n"                              /*  4 */
    "  b: {amount: 3104.33}\n"                              /*  5 */
    "  rate: {percent: [b, a], stated: 94.16}\n"            /*  6 */
    "finance:\n"                                            /*  7 */
    "  income:\n"                                           /*  8 */
    "    total: 10\n"                                       /*  9 */
    "    items:\n"                                          /* 10 */
    "      - {name: 一般公共预算财政拨款收入, amount: 10}\n" /* 11 */
    "  expenditure:\n"                                      /* 12 */
    "    total: 9\n"                                        /* 13 */
    "    basic: 4\n"                                        /* 14 */
    "    project: 5\n"                                      /* 15 */
    "    project_count: 1\n"                                /* 16 */
    "    projects:\n"                                       /* 17 */
    "      - {name: 甲, amount: 5}\n"                       /* 18 */
    "  balance: {begin: 1, end: 2, basic: 1, project: 1}\n" /* 19 */
    "analysis:\n"                                           /* 20 */
    "  - title: 组\n"                                       /* 21 */
    "    score: 6\n"                                        /* 22 */
    "    text:\n"                                           /* 23 */
    "      - {title: 项一, score: 2, max: 5}\n"             /* 24 */
    "      - {title: 项二, score: 4, max: 5}\n"             /* 25 */
    "  - {title: 项三, score: 4}\n"                         /* 26 */
    "conclusion: 支出率为{rate}%。\n";                      /* 27 */

static const rcase CASES[] = {
    /* unit.yaml schema */
    {"Y-UNKNOWN-KEY", E, {{YAML, 34, "previous:", "previos:"}}, YAML, 34, "未知的键 previos，是否应为 previous？"},
    {"Y-UNKNOWN-KEY", E, {{YAML, 114, "sme: 0", "sme: 0\n    colour: red"}}, YAML, 115,
     "未知的键 colour（other.procurement处可用的键：total、goods、works、services、sme、small_micro、use）"},
    {"Y-UNKNOWN-KEY", E, {{YAML, 74, "admin_operating", "admin_operatin"}}, YAML, 74, "是否应为 admin_operating？"},
    {"Y-TYPE", E, {{YAML, 40, "477.94", "\"四百\""}}, YAML, 40,
     "previous.admin_operating 应是金额（万元），实为“四百”：不是合法的数字"},
    {"Y-TYPE", E, {{YAML, 40, "477.94", "\"477.94\""}}, YAML, 40, "实为“477.94”：金额不应加引号"},
    {"Y-TYPE", E, {{YAML, 17, "duties:", "duties: 一条\n  dutiesx:"}}, YAML, 17, "overview.duties 应是主要职责的列表（每条一项，不必写编号），实为“一条”"},
    {"Y-TYPE", E, {{YAML, 119, "4", "four"}}, YAML, 119, "other.assets.vehicles.total 应是非负整数，实为“four”"},
    {"Y-TYPE", E, {{YAML, 130, "3", "[3]"}}, YAML, 130, "应是非负整数"},
    {"Y-MISSING", E, {{YAML, 35, "4010.58", ""}}, YAML, 35, "unit.yaml 还缺 previous.total：上年收、支总计"},
    {"Y-NO-TABLES", W, {{"tables", -1, NULL, NULL}}, YAML, 15, "单位文件夹没有 tables/（不生成决算公开），overview 不会用到"},
    {"Y-PREV-3P", E, {{YAML, 43, "12.4210", "13.4210"}}, YAML, 43, "前者为 13.421，后者为 12.421，相差 1.00"},
    /* the classification tree */
    {"SUB-KUAN", E, {{T06, 9, "128.71,7.09", "138.71,17.09"}}, T06, 7, "前者为 1784.53，后者为 1794.53，相差 10.00"},
    {"SUB-CLASS", E, {{T08, 4, "226.18", "236.18"}}, T08, 3, "前者为 1088.59，后者为 1098.59，相差 10.00"},
    {"SUB-TOTAL", E, {{T09, 2, "1505.98", "1515.98"}}, T09, 2, "前者为 1515.98，后者为 1505.98，相差 10.00"},
    {"SUB-ORDER", W, {{T09, 4, NULL, "30202,印刷费,5.50"}, {T09, 5, NULL, "30201,办公费,2.35"}}, T09, 5,
     "“30201 办公费”行应排在“30202 印刷费”行之前"},
    /* row identities */
    {"T02-ROW", E, {{T02, 9, "128.71,128.71", "138.71,128.71"}}, T02, 9, "前者为 138.71，后者为 128.71，相差 10.00"},
    {"T03-ROW", E, {{T03, 9, "128.71,7.09", "128.71,17.09"}}, T03, 9, "前者为 128.71，后者为 138.71，相差 10.00"},
    {"T05-ROW", E, {{T05, 14, "988.17", "998.17"}}, T05, 14, "前者为 998.17，后者为 988.17，相差 10.00"},
    {"T06-ROW", E, {{T06, 9, "128.71,7.09", "128.71,17.09"}}, T06, 9, "前者为 128.71，后者为 138.71，相差 10.00"},
    {"T07-ROW", E, {{T07, 4, "226.18,226.18", "236.18,226.18"}}, T07, 4, "前者为 236.18，后者为 226.18，相差 10.00"},
    {"T07-KIND", W, {{T07, 4, "226.18,226.18,,", "226.18,,226.18,"}}, T07, 4, "但公用经费只属于 302、310、399 类"},
    {"T10-ROW", E, {{T10, 5, ",159.06,159.06,,159.06,", ",159.06,159.06,10.00,159.06,"}}, T10, 5,
     "前者为 159.06，后者为 169.06，相差 10.00"},
    {"T10-BALANCE", E, {{T10, 5, "159.06,,159.06,", "159.06,,159.06,10.00"}}, T10, 5,
     "前者为 10.00，后者为 0.00，相差 10.00"},
    {"T11-ROW", E, {{T11, 2, ",合计,,,,,,", ",合计,,,,5.00,,"}}, T11, 2, "前者为 0.00，后者为 5.00，相差 5.00"},
    {"T11-BALANCE", E, {{T11, 2, ",合计,,,,,,", ",合计,5.00,,,,,"}}, T11, 2, "前者为 0.00，后者为 5.00，相差 5.00"},
    {"T12-ROW", E, {{T12, 2, ",合计,,,", ",合计,5.00,,"}}, T12, 2, "前者为 5.00，后者为 0.00，相差 5.00"},
    /* fixed-row tables */
    {"T01-IN-TOTAL", E, {{T01, 3, "159.06", "169.06"}}, T01, 28, "前者为 3313.07，后者为 3323.07，相差 10.00"},
    {"T01-IN-GRAND", E, {{T01, 30, "11,0.25", "11,0.35"}}, T01, 31, "前者为 3313.32，后者为 3313.42，相差 0.10"},
    {"T01-EXP-TOTAL", E, {{T01, 6, "1019.89", "1029.89"}}, T01, 28, "前者为 3313.32，后者为 3323.32，相差 10.00"},
    {"T01-EXP-GRAND", E, {{T01, 30, "41,", "41,1.00"}}, T01, 31, "前者为 3313.32，后者为 3314.32，相差 1.00"},
    {"T01-BALANCE", E, {{T01, 31, "42,3313.32", "42,3323.32"}}, T01, 31, "支出“总计”为 3323.32（"},
    {"T04-IN-TOTAL", E, {{T04, 28, "4,3312.88", "4,3322.88"}}, T04, 28, "前者为 3322.88，后者为 3312.88，相差 10.00"},
    {"T04-BEGIN", E, {{T04, 30, "6,", "6,5.00"}}, T04, 29, "前者为 0.00，后者为 5.00，相差 5.00"},
    {"T04-IN-GRAND", E, {{T04, 29, "5,", "5,5.00"}}, T04, 33, "前者为 3312.88，后者为 3317.88，相差 5.00"},
    {"T04-ROW", E, {{T04, 6, "1019.89,1019.89", "1029.89,1019.89"}}, T04, 6, "前者为 1029.89，后者为 1019.89，相差 10.00"},
    {"T04-EXP-TOTAL", E, {{T04, 6, "1019.89,1019.89", "1029.89,1029.89"}}, T04, 28,
     "前者为 3312.88，后者为 3322.88，相差 10.00"},
    {"T04-EXP-GRAND", E, {{T04, 29, "37,,,,", "37,5.00,5.00,,"}}, T04, 33, "前者为 3312.88，后者为 3317.88，相差 5.00"},
    {"T04-BALANCE", E, {{T04, 33, "38,3312.88", "38,3322.88"}}, T04, 33, "，收入“总计”为 3312.88（"},
    {"T04-FUND", E, {{T04, 28, "36,3312.88,3153.82,159.06", "36,3312.88,3143.82,169.06"}}, T04, 29,
     "前者为 0.00，后者为 10.00，相差 10.00"},
    {"T13-TOTAL", E, {{T13, 3, "4.95,4.95", "4.95,14.95"}}, T13, 2, "前者为 20.8705，后者为 30.8705，相差 10.00"},
    {"T13-VEHICLE", E, {{T13, 6, "15.19,15.19", "15.19,25.19"}}, T13, 4, "前者为 15.19，后者为 25.19，相差 10.00"},
    /* 表间: the identities of templates/checks/identities.yaml (reported at `a`, naming `b`) */
    {"X01-02-TOTAL", E, {{T01, 28, "9,3313.07", "9,3323.07"}}, T01, 28, "，公开02表“合计”行“本年收入合计”列为 3313.07（"},
    {"X01-02-SUPERIOR", E, {{T01, 5, "4,", "4,1.00"}}, T01, 5, "，公开02表“合计”行“上级补助收入”列为 0.00（"},
    {"X01-02-BUSINESS", E, {{T01, 6, "5,", "5,1.00"}}, T01, 6, "，公开02表“合计”行“事业收入”列为 0.00（"},
    {"X01-02-OPERATING", E, {{T01, 7, "6,", "6,1.00"}}, T01, 7, "，公开02表“合计”行“经营收入”列为 0.00（"},
    {"X01-02-AFFILIATED", E, {{T01, 8, "7,", "7,1.00"}}, T01, 8, "，公开02表“合计”行“附属单位上缴收入”列为 0.00（"},
    {"X01-02-OTHER", E, {{T01, 9, "8,0.19", "8,0.29"}}, T01, 9, "公开01表“八、其他收入”为 0.29（"},
    {"X01-03-CLASS", E, {{T03, 3, "1019.89,,1019.89", "1029.89,,1029.89"}}, T01, 6,
     "，公开03表“205 教育支出”行“本年支出合计”列为 1029.89（"},
    {"X01-03-TOTAL", E, {{T03, 2, ",合计,3313.32", ",合计,3323.32"}}, T01, 28, "列为 3323.32（"},
    {"X01-04-INCOME", E, {{T04, 2, "1,3153.82", "1,3163.82"}}, T01, 2, "，公开04表“一、一般公共预算财政拨款”为 3163.82（"},
    {"X02-04-FISCAL", E, {{T02, 2, "3313.07,3312.88", "3313.07,3302.88"}}, T02, 2, "，公开04表“本年收入合计”为 3312.88（"},
    {"X02-04-CLASS", E, {{T04, 20, "80.63,80.63", "80.64,80.64"}}, T02, 30,
     "，公开04表“十九、住房保障支出”“合计”列为 80.64（"},
    {"X02-FISCAL", E, {{T06, 27, "80.63,80.63", "80.64,80.64"}}, T02, 30,
     "，公开06表“221 住房保障支出”行“合计”列为 80.64（"},
    {"X02-03", E, {{T01, 30, "11,0.25", "11,"}}, T02, 6, "，公开03表“208 社会保障和就业支出”行“本年支出合计”列为 2022.21（"},
    {"X04-06-CLASS", E, {{T06, 3, "1019.89,,1019.89", "1029.89,,1029.89"}}, T04, 6,
     "，公开06表“205 教育支出”行“合计”列为 1029.89（"},
    {"X04-06-TOTAL", E, {{T06, 2, "3153.82", "3163.82"}}, T04, 28, "，公开06表“合计”行“合计”列为 3163.82（"},
    {"X04-10-CLASS", E, {{T10, 3, "159.06,159.06", "159.06,169.06"}}, T04, 12, "，公开10表“212 城乡社区支出”行“小计”列为 169.06（"},
    {"X04-10-TOTAL", E, {{T10, 2, "159.06,159.06", "159.06,169.06"}}, T04, 28, "，公开10表“合计”行“小计”列为 169.06（"},
    {"X04-10-INCOME", E, {{T10, 2, ",合计,,159.06", ",合计,,169.06"}}, T04, 3, "，公开10表“合计”行“本年收入”列为 169.06（"},
    {"X04-10-BEGIN", E, {{T10, 2, ",合计,,", ",合计,1.00,"}}, T04, 31, "，公开10表“合计”行“年初结转和结余”列为 1.00（"},
    {"X04-10-END", E, {{T10, 2, NULL, ",合计,,159.06,159.06,,159.06,1.00"}}, T04, 29,
     "，公开10表“合计”行“年末结转和结余”列为 1.00（"},
    {"X04-11-TOTAL", E, {{T11, 2, NULL, ",合计,,,5.00,,5.00,"}}, T04, 28, "，公开11表“合计”行“小计”列为 5.00（"},
    {"X04-11-INCOME", E, {{T11, 2, NULL, ",合计,,5.00,,,,5.00"}}, T04, 4, "，公开11表“合计”行“本年收入”列为 5.00（"},
    {"X04-11-BEGIN", E, {{T11, 2, NULL, ",合计,5.00,,,,,5.00"}}, T04, 32, "，公开11表“合计”行“年初结转和结余”列为 5.00（"},
    {"X04-11-END", E, {{T11, 2, NULL, ",合计,5.00,,,,,5.00"}}, T04, 29, "，公开11表“合计”行“年末结转和结余”列为 5.00（"},
    {"X04-12-CLASS", E, {{T04, 13, NULL, ",,,十二、农林水支出,21,5.00,,,5.00"}}, T04, 13,
     "，公开12表“213 农林水支出”行“合计”列为 0.00（"},
    {"X04-12-TOTAL", E, {{T12, 2, NULL, ",合计,5.00,,5.00"}}, T04, 28, "，公开12表“合计”行“合计”列为 5.00（"},
    {"X04-05-TOTAL", E, {{T05, 2, "3312.88,3153.82", "3312.89,3153.82"}}, T04, 28, "，公开05表“合计”行“合计”列为 3312.89（"},
    {"X11-12-TOTAL", E, {{T12, 2, NULL, ",合计,5.00,,5.00"}}, T12, 2, "，公开11表“合计”行“小计”列为 0.00（"},
    {"X11-12-BASIC", E, {{T12, 2, NULL, ",合计,5.00,5.00,"}}, T12, 2, "，公开11表“合计”行“基本支出”列为 0.00（"},
    {"X11-12-PROJECT", E, {{T12, 2, NULL, ",合计,5.00,,5.00"}}, T12, 2, "，公开11表“合计”行“项目支出”列为 0.00（"},
    {"X05-07", E, {{T05, 4, "226.18,226.18", "236.18,236.18"}}, T05, 4, "，公开07表“30101 基本工资”行“合计”列为 226.18（"},
    {"X05-10", E, {{T05, 2, "3312.88,3153.82,159.06", "3322.88,3153.82,169.06"}}, T05, 2,
     "，公开10表“合计”行“小计”列为 159.06（"},
    {"X05-12", E, {{T05, 2, "159.06,", "159.06,5.00"}}, T05, 2, "，公开12表“合计”行“合计”列为 0.00（"},
    {"X06-08", E, {{T08, 2, "1647.84", "1657.84"}}, T06, 2, "，公开08表“合计”行“决算数”列为 1657.84（"},
    {"X06-09", E, {{T09, 2, "1505.98", "1515.98"}}, T06, 2, "，公开09表“合计”行“决算数”列为 1515.98（"},
    {"X07-08", E, {{T08, 4, "226.18", "236.18"}}, T08, 4, "，公开07表“30101 基本工资”行“人员经费”列为 226.18（"},
    {"X07-09", E, {{T09, 4, "2.35", "12.35"}}, T09, 4, "，公开07表“30201 办公费”行“项目支出”列为 2.35（"},
    {"X13-08", W, {{T08, 25, "4.95", "14.95"}}, T08, 25, "为 14.95，大于公开13表“因公出国（境）费”“决算数”列 4.95"},
    {"X13-05", E, {{T13, 3, "4.95,4.95", "4.95,5.95"}}, T13, 3, "，公开05表“30212 因公出国（境）费用”行“合计”列为 4.95（"},
    {"X13-YAML-RECEPTION", E, {{YAML, 102, "0.7305", "1.7305"}}, T13, 7,
     "，unit.yaml three_public.reception.domestic.amount 为 1.7305（"},
    {"X13-YAML-PURCHASE", E, {{YAML, 94, "amount: 0}", "amount: 3}"}}, T13, 5,
     "，unit.yaml three_public.vehicles.purchased.amount 为 3.00（"},
    /* plausibility */
    {"P-NEGATIVE", E, {{T09, 4, "2.35", "-2.35"}}, T09, 4, "为负数 -2.35"},
    {"P-NEGATIVE", E, {{YAML, 114, "sme: 0", "sme: -1"}}, YAML, 114, "other.procurement.sme 为负数 -1.00"},
    {"P-BUDGET-CODE", E, {{YAML, 54, "\"2080104\"", "\"20801\""}}, YAML, 54, "budget 中的科目 20801 不是项级科目"},
    {"P-BUDGET-CODE", E, {{YAML, 54, "\"2080104\"", "\"2080109\""}}, YAML, 54, "budget 中的科目 2080109 不在一般公共预算财政拨款支出决算表（06_一般公共预算财政拨款支出决算表.csv）中"},
    {"P-SUBJECT-REASON", W, {{YAML, 81, "\"2050302\":", "# \"2050302\":"}}, T06, 5,
     "决算数 1019.89 小于年初预算数 1046.12"},
    {"P-SUBJECT-REASON", W, {{YAML, 54, "\"2080104\": 128.71", "# \"2080104\": 128.71"}}, T06, 9,
     "决算数为 128.71，年初未安排预算"},
    {"P-COMPLETION", W, {{YAML, 54, "128.71", "128.70"}}, T06, 9, "决算数 128.71 大于年初预算数 128.70（完成预算 100.01%）"},
    {"P-COMPLETION", W, {{T13, 2, "21.8712", "19.8712"}, {T13, 3, "4.95,", "2.95,"}, {YAML, 76, NULL, ""}}, T13, 2,
     "决算数 20.8705 大于预算数 19.8712（完成预算 105.03%）"},
    {"P-REASON-MISSING", W, {{YAML, 74, NULL, ""}}, YAML, 69, "上年 477.94，本年 494.60"},
    {"P-REASON-MISSING", W, {{YAML, 76, NULL, ""}}, T13, 2, "决算数 20.8705 小于预算数 21.8712"},
    {"P-REASON-UNUSED", W, {{YAML, 81, "\"2050302\"", "\"2080101\""}}, YAML, 81, "决算数等于预算数（1337.62）"},
    {"P-REASON-UNUSED", W, {{YAML, 40, "477.94", "494.60"}}, YAML, 74, "与上年持平（494.60），reasons.admin_operating 不会印出"},
    {"P-REASON-UNUSED", W, {{YAML, 82, "\"2080199\"", "\"2080999\""}}, YAML, 82, "科目 2080999 不是公开06表中的项级科目"},
    {"P-REASON-UNUSED", W, {{T13, 2, "20.8705", "0.00"}, {T13, 3, "4.95,4.95", "4.95,0.00"}, {T13, 7, "0.7305", "0.00"}},
     YAML, 75, "本年没有“三公”经费支出，第二部分不写“三公”经费的变动原因"},
    {"P-ADMIN-OP", W, {{YAML, 109, "494.60", "500.00"}}, YAML, 109, "机关运行经费 500.00 大于公开07表的公用经费 494.60"},
    {"P-PREV-ORDER", W, {{YAML, 36, "4010.33", "4010.30"}}, YAML, 36, "4010.30 小于上年三种财政拨款支出之和 4010.33"},
    {"O-PROCUREMENT", E, {{YAML, 114, "sme: 0", "sme: 300"}}, YAML, 114, "300.00 大于政府采购总额 266.81"},
    {"O-VEHICLES", E, {{YAML, 119, "4", "5"}}, YAML, 119, "前者为 5，后者为 4，相差 1"},
    {"O-PRIOR-ASSESS", E, {{YAML, 130, "3", "2"}}, YAML, 130, "项目数为 2，所列项目（projects）为 3 个"},
    /* performance/department.yaml */
    {"D-LAYOUT", E, {{DEPT, 0, NULL, DY}, {DEPT, 1, "sichuan", "nosuch"}, NOTABLES}, DEPT, 1,
     "layout 应是 guangdong、sichuan 之一"},
    {"D-FROM-TABLES", E, {{DEPT, 0, NULL, DY}}, DEPT, 9, "不应在 department.yaml 中另写 finance.income.total"},
    {"D-IN-DISCLOSURE", W, {{DEPT, 0, NULL, DY}, {DEPT, 1, "sichuan", "sichuan\nin_disclosure: true"}, NOTABLES}, DEPT, 2,
     "单位没有 tables/（没有决算公开）"},
    {"D-SUM", E, {{DEPT, 0, NULL, DY}, {DEPT, 9, "10", "11"}, NOTABLES}, DEPT, 9, "前者为 11.00，后者为 10.00，相差 1.00"},
    {"D-COUNT", E, {{DEPT, 0, NULL, DY}, {DEPT, 16, "1", "2"}, NOTABLES}, DEPT, 16, "项目个数为 2（"},
    {"D-BALANCE", W, {{DEPT, 0, NULL, DY}, {DEPT, 19, "begin: 1", "begin: 2"}, NOTABLES}, DEPT, 19, "与年末结转结余不等（前者为 3.00，后者为 2.00，相差 1.00）"},
    {"D-SCORE-TOTAL", E, {{DEPT, 0, NULL, DY}, {DEPT, 2, "10", "11"}, NOTABLES}, DEPT, 2, "所写自评总分与各评分项之和不等（前者为 11，后者为 10，相差 1）"},
    {"D-SCORE-STATED", E,
     {{DEPT, 0, NULL, "layout: sichuan\nanalysis:\n  - {title: 项三, score: 4}\n"},
      {YAML, 134, "self_evaluated: 18", "self_evaluated: 18\n    department: {score: 5}"}},
     YAML, 135, "自评得分与 department.yaml 各评分项之和（自评总分）不等（前者为 5，后者为 4，相差 1）"},
    {"D-SCORE-GROUP", E, {{DEPT, 0, NULL, DY}, {DEPT, 22, "6", "6.5"}, NOTABLES}, DEPT, 22, "“组”的得分与其下各评分项之和不等（前者为 6.5，后者为 6，相差 0.5）"},
    {"D-SCORE-MAX", E, {{DEPT, 0, NULL, DY}, {DEPT, 24, "score: 2", "score: 5.5"}, NOTABLES}, DEPT, 24, "“项一”的得分 5.5 超过其分值 5"},
    {"D-FIGURE", E, {{DEPT, 0, NULL, DY}, {DEPT, 6, "94.16", "94.15"}, NOTABLES}, DEPT, 6, "figures.rate 原文为 94.15，由数据算出为 94.16"},
    {"D-FIGURE", W, {{DEPT, 0, NULL, DY}, {DEPT, 6, "{percent: [b, a], stated: 94.16}", "{sum: [a, b], stated: 6401.29}"}, NOTABLES},
     DEPT, 6, "尾差：figures.rate 原文为 6401.29，由数据算出 6401.28（sum）"},
    {"D-FIGURE-REF", E, {{DEPT, 0, NULL, DY}, {DEPT, 27, "{rate}", "{rat}"}, NOTABLES}, DEPT, 27, "文字中的 {rat} 不是 figures 中的数字"},
};

static void test_each_rule_fires(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof CASES / sizeof CASES[0]; i++) {
        const rcase *k = &CASES[i];
        make_unit(k->edits, 3);
        unit u;
        diag_list d = {0};
        load_u(&u, &d);
        int errors = check_unit(&u, &specs, &d);
        if (k->sev == DIAG_ERROR) assert_true(errors > 0);
        assert_int_equal((size_t)errors, diag_error_count(&d));
        expect_diag(&d, k->rule, k->sev, k->file, k->line, k->needle);
        for (size_t j = 0; j < d.count; j++) /* where, and no side taken: the D-* rules */
            if (d.items[j].rule && strncmp(d.items[j].rule, "D-", 2) == 0 && strstr(d.items[j].message, "应为"))
                fail_msg("[%s] takes sides (应为): %s", d.items[j].rule, d.items[j].message);
        unit_free(&u);
        diag_list_free(&d);
    }
    /* every rule of the table has a case above (the PRJ-* rules of the
     * 自评表 have theirs in test_projects.c) */
    size_t n;
    const check_rule *rules = check_rules(&n);
    for (size_t r = 0; r < n; r++) {
        bool seen = strncmp(rules[r].id, "PRJ-", 4) == 0;
        for (size_t i = 0; i < sizeof CASES / sizeof CASES[0] && !seen; i++) seen = strcmp(CASES[i].rule, rules[r].id) == 0;
        if (!seen) fail_msg("rule %s has no test case", rules[r].id);
    }
    for (size_t r = 0; r < specs.n_identities; r++) {
        bool seen = false;
        for (size_t i = 0; i < sizeof CASES / sizeof CASES[0] && !seen; i++)
            seen = strcmp(CASES[i].rule, specs.identities[r].id) == 0;
        if (!seen) fail_msg("identity %s has no test case", specs.identities[r].id);
    }
}

/* The message format diag_print gives: file:line:col: 错误 [RULE]: … — a
 * sum names the total and its parts, an identity both places, and neither
 * says which figure is right. */
static void test_message_format(void **state)
{
    (void)state;
    edit e[] = {{T06, 9, "128.71,7.09", "138.71,17.09"}};
    make_unit(e, 1);
    unit u;
    diag_list d = {0};
    load_u(&u, &d);
    check_unit(&u, &specs, &d);
    assert_diag_contains(&d, "u/" T06 ":7:21: 错误 [SUB-KUAN]: “20801 人力资源和社会保障管理事务”行“合计”列与其下各项"
                             "（2080101、2080104、2080105、2080108、2080199）之和不等（前者为 1784.53，后者为 1794.53，相差 10.00）");
    char want[1024];
    snprintf(want, sizeof want,
             "u/" T02 ":9:23: 错误 [X02-FISCAL]: 公开02表“2080104 综合业务管理”行“财政拨款收入”列为 128.71（%s/u/" T02
             ":9:23），公开06表“2080104 综合业务管理”行“合计”列为 138.71（%s/u/" T06
             ":9:16），相差 10.00；两处是同一个数字，应当一致",
             tmpdir, tmpdir);
    assert_diag_contains(&d, want);
    char *all = diags_text(&d);
    if (strstr(all, "应为")) fail_msg("a message takes sides (应为):\n%s", all);
    free(all);
    unit_free(&u);
    diag_list_free(&d);
}

/* ---- 尾差 ----------------------------------------------------------------- */

static void test_rounding(void **state)
{
    (void)state;
    /* 万元, 2 decimals: 0.01 off in a 项 is a 尾差 of its 款 (5 items, bound
     * 5 × 0.005): a warning naming them, no error (公开03表 is in no identity
     * while the unit has balances) */
    edit e[] = {{T03, 9, "128.71,7.09", "128.72,7.10"}};
    make_unit(e, 1);
    unit u;
    diag_list d = {0};
    load_u(&u, &d);
    assert_int_equal(check_unit(&u, &specs, &d), 0);
    expect_diag(&d, "SUB-KUAN", DIAG_WARNING, T03, 7,
                "尾差：“20801 人力资源和社会保障管理事务”行“本年支出合计”列与其下各项（2080101、2080104、2080105、2080108、"
                "2080199）之和不等（前者为 1784.97，后者为 1784.98，相差 0.01，在 5 项各 0.005 万元（半个末位）的尾差以内）");
    expect_diag(&d, "SUB-KUAN", DIAG_WARNING, T03, 7, "前者为 1345.15，后者为 1345.16");
    unit_free(&u);
    diag_list_free(&d);

    /* beyond n × 0.005 万元 it is an error: 0.03 over the 5 items of 20801 */
    edit e2[] = {{T03, 7, "1784.97,1345.15", "1784.94,1345.12"}};
    make_unit(e2, 1);
    load_u(&u, &d);
    assert_true(check_unit(&u, &specs, &d) > 0);
    expect_diag(&d, "SUB-KUAN", DIAG_ERROR, T03, 7, "前者为 1784.94，后者为 1784.97，相差 0.03");
    unit_free(&u);
    diag_list_free(&d);

    /* 0.02 over 5 items is still a 尾差 */
    edit e3[] = {{T03, 7, "1784.97,1345.15", "1784.95,1345.13"}};
    make_unit(e3, 1);
    load_u(&u, &d);
    check_unit(&u, &specs, &d);
    expect_diag(&d, "SUB-KUAN", DIAG_WARNING, T03, 7, "相差 0.02，在 5 项各 0.005 万元（半个末位）的尾差以内");
    unit_free(&u);
    diag_list_free(&d);

    /* 4 decimals (公开13表 carries 0.7305, i.e. whole 元): 3 × 0.00005 万元 */
    edit e4[] = {{T13, 2, "21.8712", "21.8713"}};
    make_unit(e4, 1);
    load_u(&u, &d);
    assert_int_equal(check_unit(&u, &specs, &d), 0);
    expect_diag(&d, "T13-TOTAL", DIAG_WARNING, T13, 2, "相差 0.0001，在 3 项各 0.00005 万元（半个末位）的尾差以内");
    unit_free(&u);
    diag_list_free(&d);
    edit e5[] = {{T13, 2, "20.8705", "20.88"}};
    make_unit(e5, 1);
    load_u(&u, &d);
    assert_true(check_unit(&u, &specs, &d) > 0);
    expect_diag(&d, "T13-TOTAL", DIAG_ERROR, T13, 2, "前者为 20.88，后者为 20.8705，相差 0.0095）");
    unit_free(&u);
    diag_list_free(&d);

    /* an identity is exact: 0.01 between 公开02表 and 公开06表 is an error */
    edit e6[] = {{T02, 30, "80.63,80.63", "80.64,80.64"}};
    make_unit(e6, 1);
    load_u(&u, &d);
    assert_true(check_unit(&u, &specs, &d) > 0);
    expect_diag(&d, "X02-FISCAL", DIAG_ERROR, T02, 30, "相差 0.01；两处是同一个数字");
    unit_free(&u);
    diag_list_free(&d);

    /* 元: any difference is an error (the same unit, read as if stated in 元) */
    make_unit(NULL, 0);
    load_u(&u, &d);
    u.money_unit = MONEY_YUAN;
    table *t6 = NULL;
    for (size_t i = 0; i < u.n_tables; i++)
        if (strcmp(u.tables[i].spec->id, "t06") == 0) t6 = &u.tables[i];
    assert_non_null(t6);
    for (size_t r = 0; r < t6->n_rows; r++)
        if (strcmp(t6->rows[r].key, "2080104") == 0) t6->rows[r].cells[2].amount += 1; /* 0.01 元 */
    assert_true(check_unit(&u, &specs, &d) > 0);
    expect_diag(&d, "SUB-KUAN", DIAG_ERROR, T06, 7, "相差 0.01");
    expect_diag(&d, "T06-ROW", DIAG_ERROR, T06, 9, "相差 0.01");
    unit_free(&u);
    diag_list_free(&d);
}

/* ---- subtotals (gen/input/subtotal.c) ---------------------------------------- */

static const table *table_of(const unit *u, const char *id)
{
    const table *t = unit_table(u, id);
    assert_non_null(t);
    return t;
}

static void test_subtotals_added(void **state)
{
    (void)state;
    /* the original order of the Leshan rows, for comparison */
    unit ref;
    diag_list d = {0};
    assert_int_equal(unit_load("input/leshan-2024", &specs, &ref, &d), 0);

    /* 公开06表 without 合计, 类 208 and 款 20801; 公开08表 without any 类 row;
     * 公开11表 with no data row at all */
    edit e[] = {{T06, 2, NULL, ""}, {T06, 6, NULL, ""}, {T06, 7, NULL, ""}};
    make_unit(e, 3);
    static const int t08_classes[] = {3, 14, 39, 47};
    for (size_t i = 0; i < 4; i++) {
        edit x = {T08, t08_classes[i], NULL, ""};
        apply_edit(&x);
    }
    edit x11 = {T11, 2, NULL, ""};
    apply_edit(&x11);

    unit u;
    load_u(&u, &d);
    assert_int_equal(check_unit(&u, &specs, &d), 0);
    if (d.count) fail_msg("%s", diags_text(&d));
    static const char *const ids[] = {"t06", "t08", "t11"};
    for (size_t k = 0; k < 3; k++) {
        const table *a = table_of(&ref, ids[k]), *b = table_of(&u, ids[k]);
        assert_int_equal(a->n_rows, b->n_rows);
        for (size_t r = 0; r < a->n_rows; r++) {
            /* same rows, same order, same amounts and blanks */
            assert_string_equal(a->rows[r].key, b->rows[r].key);
            assert_string_equal(a->rows[r].label, b->rows[r].label);
            for (size_t c = 0; c < a->spec->n_columns; c++) {
                assert_int_equal(a->rows[r].cells[c].present, b->rows[r].cells[c].present);
                assert_int_equal(a->rows[r].cells[c].amount, b->rows[r].cells[c].amount);
            }
        }
    }
    const table *t6 = table_of(&u, "t06");
    assert_true(t6->rows[0].computed);
    assert_string_equal(t6->rows[0].key, "total");
    assert_int_equal(t6->rows[0].pos.line, 0);
    assert_string_equal(t6->rows[0].pos.file, t6->path);
    const table_row *r208 = table_find_row(t6, "208"), *r20801 = table_find_row(t6, "20801"),
                    *r205 = table_find_row(t6, "205");
    assert_true(r208->computed && r20801->computed);
    assert_false(r205->computed);
    assert_int_equal(table_amount(t6, "208", "total"), INT64_C(2021770000));
    assert_int_equal(table_amount(t6, "total", "basic"), INT64_C(1647840000));
    assert_true(table_find_row(table_of(&u, "t08"), "302")->computed);
    const table *t11 = table_of(&u, "t11");
    assert_int_equal(t11->n_rows, 1);
    assert_true(t11->rows[0].computed);
    assert_false(table_has_data(t11));
    unit_free(&u);
    unit_free(&ref);
    diag_list_free(&d);
}

/* A given 类 row that disagrees with the 款 computed under it is reported. */
static void test_subtotals_verified(void **state)
{
    (void)state;
    edit e[] = {{T06, 7, NULL, ""}, {T06, 6, "2021.77", "2031.77"}};
    make_unit(e, 2);
    unit u;
    diag_list d = {0};
    load_u(&u, &d);
    assert_true(check_unit(&u, &specs, &d) > 0);
    expect_diag(&d, "SUB-CLASS", DIAG_ERROR, T06, 6, "前者为 2031.77，后者为 2021.77，相差 10.00");
    assert_true(table_find_row(table_of(&u, "t06"), "20801")->computed);
    unit_free(&u);
    diag_list_free(&d);
}

static int setup(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/juesuan-check-XXXXXX");
    if (!mkdtemp(tmpdir)) return -1;
    diag_list d = {0};
    int rc = specs_load("templates", &specs, &d);
    if (rc != 0) diag_print(&d, stderr);
    diag_list_free(&d);
    return rc;
}

static int teardown(void **state)
{
    (void)state;
    specs_free(&specs);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_examples_pass),   cmocka_unit_test(test_rule_table),
        cmocka_unit_test(test_each_rule_fires), cmocka_unit_test(test_message_format),
        cmocka_unit_test(test_rounding),        cmocka_unit_test(test_subtotals_added),
        cmocka_unit_test(test_subtotals_verified),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
