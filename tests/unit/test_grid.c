/* test_grid.c — printed tables: the grid (gen/doc/grid.c: header tree,
 * two-sided forms with aligned totals, split_by_class, transpose, notes and
 * the empty-table note), the print: block of the real specs, and setting a
 * grid on pages (gen/layout/table.c: landscape pages, header repeated,
 * ruled lines, the heading on the table's first page). */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_util.h"

#include "../../gen/input/input.h"
#include "../../gen/layout/layout.h"

#define S(x) ((char *)(x))

static const grid_cell *at(const table_grid *g, int row, int col)
{
    for (size_t i = 0; i < g->n_cells; i++)
        if (g->cells[i].row == row && g->cells[i].col == col) return &g->cells[i];
    return NULL;
}

/* Every grid position is covered by exactly one cell. */
static void assert_tiled(const table_grid *g)
{
    int *n = calloc((size_t)(g->rows * g->cols), sizeof *n);
    for (size_t i = 0; i < g->n_cells; i++) {
        const grid_cell *c = &g->cells[i];
        for (int r = c->row; r < c->row + c->row_span; r++)
            for (int k = c->col; k < c->col + c->col_span; k++) {
                assert_true(r < g->rows && k < g->cols);
                n[r * g->cols + k]++;
            }
    }
    for (int i = 0; i < g->rows * g->cols; i++) assert_int_equal(n[i], 1);
    free(n);
}

static value *facts_kind(void)
{
    value *f = value_new_map();
    value_set_string(value_set(f, "unit", value_new_map()), "kind", "单位");
    return f;
}

static money_t wan(const char *s)
{
    money_t v = 0;
    assert_int_equal(money_parse(s, MONEY_WANYUAN, &v), MONEY_OK);
    return v;
}

/* ---- two-sided fixed form: the totals of both sides line up ---- */

static void test_two_sided_totals_aligned(void **state)
{
    (void)state;
    static char *g_in[] = {S("收入")}, *g_out[] = {S("支出")};
    table_column cols[] = {
        {S("项目"), COLUMN_LABEL, NULL, 0, g_in, 1, 20, NULL},
        {S("行次"), COLUMN_LINE, NULL, 0, g_in, 1, 4, NULL},
        {S("金额"), COLUMN_AMOUNT, S("amount"), 0, g_in, 1, 10, NULL},
        {S("项目"), COLUMN_LABEL, NULL, 1, g_out, 1, 20, NULL},
        {S("行次"), COLUMN_LINE, NULL, 1, g_out, 1, 4, NULL},
        {S("金额"), COLUMN_AMOUNT, S("amount"), 1, g_out, 1, 10, NULL},
    };
    table_fixed_row rows[] = {
        {S("a"), S("一、甲"), 1, 0, false, SRCPOS_NONE},
        {S("b"), S("二、乙"), 2, 0, false, SRCPOS_NONE},
        {S("in_total"), S("本年收入合计"), 3, 0, true, SRCPOS_NONE},
        {S("c"), S("年初结转和结余"), 4, 0, false, SRCPOS_NONE},
        {S("in_grand"), S("总计"), 5, 0, true, SRCPOS_NONE},
        {S("x"), S("一、子"), 6, 1, false, SRCPOS_NONE},
        {S("y"), S("二、丑"), 7, 1, false, SRCPOS_NONE},
        {S("z"), S("三、寅"), 8, 1, false, SRCPOS_NONE},
        {S("out_total"), S("本年支出合计"), 9, 1, true, SRCPOS_NONE},
        {S("out_grand"), S("总计"), 10, 1, true, SRCPOS_NONE},
    };
    table_spec spec = {0};
    spec.id = S("t01"), spec.label = S("公开01表"), spec.title = S("收入支出决算总表");
    spec.kind = TABLE_FIXED, spec.sides = 2;
    spec.columns = cols, spec.n_columns = 6, spec.rows = rows, spec.n_rows = 10;
    static char *notes[] = {S("注：本表反映{{unit.kind}}的收支。")};
    spec.notes = notes, spec.n_notes = 1, spec.path = S("01.yaml");
    cell ca[6] = {{0}}, cg[6] = {{0}}, cy[6] = {{0}};
    ca[2] = (cell){wan("3153.82"), true, SRCPOS_NONE};
    cg[2] = (cell){wan("3313.32"), true, SRCPOS_NONE};
    cy[5] = (cell){wan("-1234567.005"), true, SRCPOS_NONE};
    table_row data[] = {
        {S("a"), S("一、甲"), 0, ca, false, SRCPOS_NONE},
        {S("in_grand"), S("总计"), 0, cg, false, SRCPOS_NONE},
        {S("y"), S("二、丑"), 1, cy, false, SRCPOS_NONE},
    };
    table t = {.spec = &spec, .path = S("01.csv"), .rows = data, .n_rows = 3};
    unit u = {0};
    u.name = S("测试单位");
    value *facts = facts_kind();
    diag_list dl = {0};
    table_grid *g = table_grid_build(&t, &u, facts, &dl);
    assert_non_null(g);
    assert_int_equal(g->cols, 6);
    assert_int_equal(g->header_rows, 2);
    assert_int_equal(g->rows, 2 + 3 + 2 + 1); /* body, totals segment, 总计 */
    assert_tiled(g);
    assert_string_equal(g->org_line, "编制单位：测试单位");
    assert_string_equal(g->unit_line, "单位：万元");
    /* header: 收入 over three columns, 项目 | 行次 | 金额 under it */
    assert_int_equal(at(g, 0, 0)->col_span, 3);
    assert_string_equal(at(g, 0, 0)->text, "收入");
    assert_string_equal(at(g, 0, 3)->text, "支出");
    assert_string_equal(at(g, 1, 4)->text, "行次");
    assert_true(at(g, 1, 4)->header);
    /* body: the left side has a blank third row; the totals line up */
    assert_string_equal(at(g, 2, 0)->text, "一、甲");
    assert_true(at(g, 2, 2)->is_amount);
    assert_string_equal(at(g, 2, 2)->text, "3,153.82");
    assert_string_equal(at(g, 4, 0)->text, "");
    assert_false(at(g, 4, 2)->is_amount); /* blank, not 0.00 */
    assert_string_equal(at(g, 4, 2)->text, "");
    assert_string_equal(at(g, 3, 3)->text, "二、丑");
    assert_string_equal(at(g, 3, 5)->text, "-1,234,567.01"); /* half away from zero */
    assert_int_equal(at(g, 3, 5)->amount, wan("-1234567.005"));
    assert_string_equal(at(g, 5, 0)->text, "本年收入合计");
    assert_string_equal(at(g, 5, 3)->text, "本年支出合计");
    assert_true(at(g, 5, 0)->bold);
    assert_int_equal(at(g, 5, 0)->align, GRID_CENTER);
    assert_string_equal(at(g, 6, 0)->text, "年初结转和结余");
    assert_string_equal(at(g, 6, 3)->text, "");
    assert_string_equal(at(g, 7, 0)->text, "总计");
    assert_string_equal(at(g, 7, 3)->text, "总计");
    assert_string_equal(at(g, 7, 2)->text, "3,313.32");
    assert_true(at(g, 7, 4)->is_count);
    assert_string_equal(at(g, 7, 4)->text, "10");
    /* notes rendered over the facts */
    assert_int_equal(g->n_notes, 1);
    assert_string_equal(g->notes[0], "注：本表反映单位的收支。");
    assert_false(g->empty);
    table_grid_free(g);
    value_free(facts);
    diag_list_free(&dl);
}

/* ---- transpose: the 三公 form, a three-level header tree ---- */

static void test_transpose_header_tree(void **state)
{
    (void)state;
    table_column cols[] = {
        {S("项目"), COLUMN_LABEL, NULL, 0, NULL, 0, 20, NULL},
        {S("预算数"), COLUMN_AMOUNT, S("budget"), 0, NULL, 0, 10, NULL},
        {S("决算数"), COLUMN_AMOUNT, S("final"), 0, NULL, 0, 10, NULL},
    };
    table_fixed_row rows[] = {
        {S("total"), S("合计"), 0, 0, true, SRCPOS_NONE},
        {S("car"), S("公务用车"), 0, 0, false, SRCPOS_NONE},
        {S("buy"), S("购置费"), 0, 0, false, SRCPOS_NONE},
    };
    static char *gt[] = {S("三公"), S("合计")}, *gc[] = {S("三公"), S("公务用车"), S("小计")},
                *gb[] = {S("三公"), S("公务用车"), S("购置费")};
    table_column pcols[] = {
        {S("预算数"), COLUMN_AMOUNT, S("budget"), 0, gt, 2, 9, S("total")},
        {S("决算数"), COLUMN_AMOUNT, S("final"), 0, gt, 2, 9, S("total")},
        {S("预算数"), COLUMN_AMOUNT, S("budget"), 0, gc, 3, 9, S("car")},
        {S("决算数"), COLUMN_AMOUNT, S("final"), 0, gc, 3, 9, S("car")},
        {S("预算数"), COLUMN_AMOUNT, S("budget"), 0, gb, 3, 9, S("buy")},
        {S("决算数"), COLUMN_AMOUNT, S("final"), 0, gb, 3, 9, S("buy")},
    };
    table_spec spec = {0};
    spec.id = S("t13"), spec.label = S("公开13表"), spec.title = S("三公表"), spec.path = S("13.yaml");
    spec.kind = TABLE_FIXED, spec.sides = 1, spec.landscape = true;
    spec.columns = cols, spec.n_columns = 3, spec.rows = rows, spec.n_rows = 3;
    spec.print = PRINT_TRANSPOSE, spec.print_columns = pcols, spec.n_print_columns = 6;
    cell c0[3] = {{0}}, c1[3] = {{0}};
    c0[1] = (cell){wan("21.8712"), true, SRCPOS_NONE};
    c0[2] = (cell){wan("20.8705"), true, SRCPOS_NONE};
    c1[2] = (cell){0, true, SRCPOS_NONE};
    table_row data[] = {{S("total"), S("合计"), 0, c0, false, SRCPOS_NONE},
                        {S("car"), S("公务用车"), 0, c1, false, SRCPOS_NONE}};
    table t = {.spec = &spec, .path = S("13.csv"), .rows = data, .n_rows = 2};
    unit u = {0};
    u.name = S("测试单位");
    value *facts = facts_kind();
    diag_list dl = {0};
    table_grid *g = table_grid_build(&t, &u, facts, &dl);
    assert_non_null(g);
    assert_true(g->landscape);
    assert_int_equal(g->cols, 6);
    assert_int_equal(g->header_rows, 4);
    assert_int_equal(g->rows, 5); /* one data row */
    assert_tiled(g);
    /* 三公 over everything; 合计 stretches down to the row above 预算数/决算数 */
    assert_int_equal(at(g, 0, 0)->col_span, 6);
    assert_string_equal(at(g, 1, 0)->text, "合计");
    assert_int_equal(at(g, 1, 0)->row_span, 2);
    assert_int_equal(at(g, 1, 0)->col_span, 2);
    assert_string_equal(at(g, 1, 2)->text, "公务用车");
    assert_int_equal(at(g, 1, 2)->row_span, 1);
    assert_int_equal(at(g, 1, 2)->col_span, 4);
    assert_string_equal(at(g, 2, 2)->text, "小计");
    assert_string_equal(at(g, 2, 4)->text, "购置费");
    assert_string_equal(at(g, 3, 0)->text, "预算数");
    assert_string_equal(at(g, 3, 5)->text, "决算数");
    /* the data row: the total in bold; a 0 the CSV gives prints blank like a
     * blank cell (the blank-versus-zero rule: no rate in this row), but
     * stays an amount of 0 (the workbook stores it) */
    assert_string_equal(at(g, 4, 0)->text, "21.87");
    assert_string_equal(at(g, 4, 1)->text, "20.87");
    assert_true(at(g, 4, 0)->bold);
    assert_string_equal(at(g, 4, 2)->text, "");
    assert_string_equal(at(g, 4, 3)->text, "");
    assert_true(at(g, 4, 3)->is_amount);
    assert_true(at(g, 4, 3)->amount == 0);
    assert_string_equal(at(g, 4, 4)->text, ""); /* no CSV row */
    table_grid_free(g);
    value_free(facts);
    diag_list_free(&dl);
}

/* ---- the blank-versus-zero rule on a grid from the facts ---- */

static value *fact_cell(value *row, const char *text, const char *flag)
{
    value *c = value_append(row, value_new_map());
    value_set_string(c, "text", text);
    if (flag) value_set_bool(c, flag, true);
    return c;
}

static void test_zero_rule_facts_grid(void **state)
{
    (void)state;
    value *g = value_new_map();
    value *w = value_set(g, "widths", value_new_list());
    for (int i = 0; i < 3; i++) value_append(w, value_new_int(8));
    value *rows = value_set(g, "rows", value_new_list());
    value *h = value_append(rows, value_new_list());
    fact_cell(h, "项目", NULL), fact_cell(h, "决算数", NULL), fact_cell(h, "执行率", NULL);
    value *a = value_append(rows, value_new_list()); /* a row with a rate: its zero printed */
    fact_cell(a, "甲", NULL), fact_cell(a, "0.00", "amount"), fact_cell(a, "-", "rate");
    value *b = value_append(rows, value_new_list()); /* no rate: its zero blank */
    fact_cell(b, "乙", NULL), fact_cell(b, "0.00", "amount"), fact_cell(b, "", NULL);
    value *c = value_append(rows, value_new_list());
    fact_cell(c, "丙", NULL), fact_cell(c, "1234.5", "amount"), fact_cell(c, "", NULL);
    diag_list dl = {0};
    table_grid *t = table_grid_from_facts(g, SRCPOS_NONE, &dl);
    assert_non_null(t);
    assert_true(at(t, 1, 1)->is_amount && at(t, 1, 1)->amount == 0);
    assert_string_equal(at(t, 1, 1)->text, "0.00");
    assert_true(at(t, 1, 2)->rate);
    assert_true(at(t, 2, 1)->is_amount && at(t, 2, 1)->amount == 0);
    assert_string_equal(at(t, 2, 1)->text, "");
    assert_string_equal(at(t, 3, 1)->text, "1,234.50");
    table_grid_free(t);
    value_free(g);
    diag_list_free(&dl);
}

/* ---- split_by_class: the 基本支出 form ---- */

static table_column split_csv[] = {
    {S("科目编码"), COLUMN_CODE, NULL, 0, NULL, 0, 10, NULL},
    {S("科目名称"), COLUMN_NAME, NULL, 0, NULL, 0, 30, NULL},
    {S("决算数"), COLUMN_AMOUNT, S("amount"), 0, NULL, 0, 14, NULL},
};
static char *cl_left[] = {S("301"), S("303")}, *cl_right[] = {S("302"), S("310")};
static print_side split_sides[] = {
    {S("人员经费"), cl_left, 2, S("人员经费合计")},
    {S("公用经费"), cl_right, 2, S("公用经费合计")},
};

static void split_spec(table_spec *spec)
{
    memset(spec, 0, sizeof *spec);
    spec->id = S("t08"), spec->label = S("公开08表"), spec->title = S("基本支出表"), spec->path = S("08.yaml");
    spec->kind = TABLE_SUBJECT, spec->scheme = SCHEME_ECONOMIC, spec->sides = 1;
    spec->columns = split_csv, spec->n_columns = 3;
    spec->print = PRINT_SPLIT_BY_CLASS;
    spec->print_columns = split_csv, spec->n_print_columns = 3;
    spec->print_sides = split_sides, spec->n_print_sides = 2;
}

static void test_split_by_class(void **state)
{
    (void)state;
    table_spec spec;
    split_spec(&spec);
    cell c[6][3] = {{{0}}};
    /* 301 is broken down (30101 counts), 303 is not (303 counts); 302 too */
    const char *amounts[6] = {"90.50", "80.25", "80.25", "10", "0.25", NULL};
    for (int i = 0; i < 6; i++)
        if (amounts[i]) c[i][2] = (cell){wan(amounts[i]), true, SRCPOS_NONE};
    table_row data[] = {
        {S("total"), S("合计"), 0, c[0], false, SRCPOS_NONE},
        {S("301"), S("工资福利支出"), 0, c[1], false, SRCPOS_NONE},
        {S("30101"), S("基本工资"), 0, c[2], false, SRCPOS_NONE},
        {S("302"), S("商品和服务支出"), 0, c[3], false, SRCPOS_NONE},
        {S("303"), S("对个人和家庭的补助"), 0, c[4], false, SRCPOS_NONE},
        {S("30201"), S("办公费"), 0, c[5], false, SRCPOS_NONE},
    };
    table t = {.spec = &spec, .path = S("08.csv"), .rows = data, .n_rows = 6};
    unit u = {0};
    u.name = S("测试单位");
    value *facts = facts_kind();
    diag_list dl = {0};
    table_grid *g = table_grid_build(&t, &u, facts, &dl);
    assert_non_null(g);
    assert_int_equal(g->cols, 6);
    assert_int_equal(g->rows, 2 + 3 + 1);
    assert_tiled(g);
    assert_string_equal(at(g, 0, 0)->text, "人员经费");
    assert_int_equal(at(g, 0, 0)->col_span, 3);
    assert_string_equal(at(g, 0, 3)->text, "公用经费");
    assert_string_equal(at(g, 1, 3)->text, "科目编码");
    /* left: 301, 30101, 303; right: 302, 30201 (blank amount), blank row */
    assert_string_equal(at(g, 2, 0)->text, "301");
    assert_string_equal(at(g, 4, 0)->text, "303");
    assert_string_equal(at(g, 2, 3)->text, "302");
    assert_string_equal(at(g, 3, 4)->text, "办公费");
    assert_string_equal(at(g, 3, 5)->text, "");
    assert_string_equal(at(g, 4, 3)->text, "");
    /* totals: the leaves of each side, label over code and name */
    assert_string_equal(at(g, 5, 0)->text, "人员经费合计");
    assert_int_equal(at(g, 5, 0)->col_span, 2);
    assert_int_equal(at(g, 5, 2)->amount, wan("80.50"));
    assert_string_equal(at(g, 5, 3)->text, "公用经费合计");
    assert_string_equal(at(g, 5, 5)->text, ""); /* 302 is broken down and 30201 is blank */
    table_grid_free(g);

    /* a row of a class on neither side is an error at the row */
    data[5].key = S("30501");
    data[5].pos = (srcpos){"08.csv", 7, 1};
    assert_null(table_grid_build(&t, &u, facts, &dl));
    assert_diag_contains(&dl, "08.csv:7:1");
    assert_diag_contains(&dl, "30501");
    value_free(facts);
    diag_list_free(&dl);
}

/* ---- a table without data: header, a blank 合计 row, the empty-table note ---- */

static void test_empty_note(void **state)
{
    (void)state;
    static char *grp[] = {S("项目")};
    table_column cols[] = {
        {S("科目编码"), COLUMN_CODE, NULL, 0, grp, 1, 10, NULL},
        {S("科目名称"), COLUMN_NAME, NULL, 0, grp, 1, 30, NULL},
        {S("合计"), COLUMN_AMOUNT, S("total"), 0, NULL, 0, 0, NULL},
    };
    table_spec spec = {0};
    spec.id = S("t12"), spec.label = S("公开12表"), spec.title = S("国有资本表"), spec.path = S("12.yaml");
    spec.kind = TABLE_SUBJECT, spec.scheme = SCHEME_FUNCTION, spec.sides = 1;
    spec.columns = cols, spec.n_columns = 3;
    static char *notes[] = {S("注：本表反映。")};
    spec.notes = notes, spec.n_notes = 1;
    spec.empty_note = S("说明：本{{unit.kind}}无国有资本经营预算财政拨款支出，故本表无数据。");
    cell c[3] = {{0}};
    table_row data[] = {{S("total"), S("合计"), 0, c, false, SRCPOS_NONE}};
    table t = {.spec = &spec, .path = S("12.csv"), .rows = data, .n_rows = 1};
    unit u = {0};
    u.name = S("测试单位");
    value *facts = facts_kind();
    diag_list dl = {0};
    table_grid *g = table_grid_build(&t, &u, facts, &dl);
    assert_non_null(g);
    assert_true(g->empty);
    assert_int_equal(g->n_notes, 1);
    assert_string_equal(g->notes[0], "说明：本单位无国有资本经营预算财政拨款支出，故本表无数据。");
    assert_int_equal(g->rows, 3);
    assert_string_equal(at(g, 2, 0)->text, "合计");
    assert_int_equal(at(g, 2, 0)->col_span, 2);
    assert_int_equal(g->widths[2], 8); /* no width: the default */
    table_grid_free(g);
    /* a note that does not render is an error */
    spec.empty_note = S("{{unit.nosuch}}");
    assert_null(table_grid_build(&t, &u, facts, &dl));
    assert_true(diag_error_count(&dl) > 0);
    value_free(facts);
    diag_list_free(&dl);
}

/* ---- the real specs: print blocks of 公开08表 and 公开13表 ---- */

static void test_real_specs(void **state)
{
    (void)state;
    spec_set s;
    diag_list dl = {0};
    int rc = specs_load("templates", &s, &dl);
    if (rc != 0) diag_print(&dl, stderr);
    assert_int_equal(rc, 0);
    const table_spec *t8 = specs_find(&s, "t08"), *t13 = specs_find(&s, "t13"), *t1 = specs_find(&s, "t01");
    assert_int_equal(t1->print, PRINT_AS_CSV);
    assert_int_equal(t8->print, PRINT_SPLIT_BY_CLASS);
    assert_int_equal(t8->n_print_sides, 2);
    assert_string_equal(t8->print_sides[0].classes[0], "301");
    assert_string_equal(t8->print_sides[1].total, "公用经费合计");
    assert_int_equal(t13->print, PRINT_TRANSPOSE);
    assert_int_equal(t13->n_print_columns, 12);
    assert_string_equal(t13->print_columns[5].row, "vehicle");
    assert_true(t13->landscape);
    for (size_t i = 0; i < s.n_tables; i++) assert_true(utf8_width(s.tables[i].sheet, strlen(s.tables[i].sheet)) <= 31);
    specs_free(&s);
    diag_list_free(&dl);
}

/* ---- layout: continuation pages (续表, ≥ 5 rows, one cell size) ---- */

/* Lay out a portrait 支出决算表 of n rows (every 7th name long enough to
 * wrap) and check its pages. */
static void check_continued(const layout_config *cfg, int n)
{
    diag_list dl = {0};
    static char *grp[] = {S("项目")};
    table_column cols[] = {
        {S("科目编码"), COLUMN_CODE, NULL, 0, grp, 1, 10, NULL},
        {S("科目名称"), COLUMN_NAME, NULL, 0, grp, 1, 20, NULL},
        {S("本年支出合计"), COLUMN_AMOUNT, S("total"), 0, NULL, 0, 12, NULL},
    };
    table_spec spec = {0};
    spec.id = S("t03"), spec.label = S("公开03表"), spec.title = S("支出决算表"), spec.path = S("03.yaml");
    spec.kind = TABLE_SUBJECT, spec.scheme = SCHEME_FUNCTION, spec.sides = 1;
    spec.columns = cols, spec.n_columns = 3;
    table_row *data = xcalloc((size_t)n, sizeof *data);
    cell(*cells)[3] = xcalloc((size_t)n, sizeof *cells);
    char(*keys)[24] = xcalloc((size_t)n, sizeof *keys);
    for (int i = 0; i < n; i++) {
        snprintf(keys[i], sizeof keys[i], "20801%02d", i);
        cells[i][2] = (cell){wan("12.5"), true, SRCPOS_NONE};
        data[i] = (table_row){keys[i],
                              i % 7 == 3 ? S("其他人力资源和社会保障管理事务支出（含机关事业单位离退休人员）")
                                         : S("行政运行"),
                              0, cells[i], false, SRCPOS_NONE};
    }
    table t = {.spec = &spec, .path = S("03.csv"), .rows = data, .n_rows = (size_t)n};
    unit u = {0};
    u.name = S("测试单位");
    value *facts = facts_kind();
    doc d = {0};
    add_block(&d, BLOCK_HEADING, 2, "三、支出决算表");
    block *b = add_block(&d, BLOCK_TABLE, 0, NULL);
    b->arg = xstrdup("t03");
    b->grid = table_grid_build(&t, &u, facts, &dl);
    assert_non_null(b->grid);
    layout_result r = {0};
    assert_int_equal(layout_document(&d, cfg, &r, &dl), 0);
    int total = 0, prev = -1;
    double size = 0;
    for (size_t p = 0; p < r.n_pages; p++) {
        const layout_page *pg = &r.pages[p];
        int rows = 0;
        bool cont = false;
        for (size_t k = 0; k < pg->n_spans; k++) {
            const layout_span *s = &pg->spans[k];
            if (strcmp(s->text, "12.50") == 0) rows++;
            if (strcmp(s->text, "续表：支出决算表") == 0) cont = true;
            if (strcmp(s->text, "12.50") == 0 || strstr(s->text, "行政运行") || strstr(s->text, "科目")) {
                if (size == 0) size = s->size;
                assert_true(fabs(s->size - size) < 1e-9); /* one size in the table */
            }
        }
        total += rows;
        assert_true(cont == (p > 0)); /* 续表 on every page but the first */
        if (p > 0 && n >= 10) {
            assert_true(rows >= 5);
            (void)prev;
        }
        prev = rows;
    }
    assert_int_equal(total, n);
    layout_result_free(&r);
    doc_free(&d);
    value_free(facts);
    free(data);
    free(cells);
    free(keys);
    diag_list_free(&dl);
}

static void test_layout_continued(void **state)
{
    (void)state;
    diag_list dl = {0};
    layout_config *cfg = layout_config_load("templates/style.yaml", "fonts/fonts.yaml", ".", &dl);
    assert_non_null(cfg);
    for (int n = 20; n <= 80; n += 3) check_continued(cfg, n);
    layout_config_free(cfg);
    diag_list_free(&dl);
}

/* ---- layout: a long landscape table over several pages ---- */

static void test_layout_long_table(void **state)
{
    (void)state;
    diag_list dl = {0};
    layout_config *cfg = layout_config_load("templates/style.yaml", "fonts/fonts.yaml", ".", &dl);
    if (!cfg) diag_print(&dl, stderr);
    assert_non_null(cfg);
    static char *grp[] = {S("项目")};
    table_column cols[] = {
        {S("科目编码"), COLUMN_CODE, NULL, 0, grp, 1, 10, NULL},
        {S("科目名称"), COLUMN_NAME, NULL, 0, grp, 1, 30, NULL},
        {S("本年支出合计"), COLUMN_AMOUNT, S("total"), 0, NULL, 0, 12, NULL},
    };
    table_spec spec = {0};
    spec.id = S("t03"), spec.label = S("公开03表"), spec.title = S("支出决算表"), spec.path = S("03.yaml");
    spec.kind = TABLE_SUBJECT, spec.scheme = SCHEME_FUNCTION, spec.sides = 1, spec.landscape = true;
    spec.columns = cols, spec.n_columns = 3;
    static char *notes[] = {S("注：本表反映单位本年度各项支出情况。")};
    spec.notes = notes, spec.n_notes = 1;
    enum { N = 60 };
    table_row data[N];
    cell cells[N][3];
    char keys[N][24];
    memset(cells, 0, sizeof cells);
    for (int i = 0; i < N; i++) {
        snprintf(keys[i], sizeof keys[i], "20801%02d", i);
        cells[i][2] = (cell){wan("1234567.89"), true, SRCPOS_NONE};
        data[i] = (table_row){keys[i], S("其他人力资源和社会保障管理事务支出"), 0, cells[i], false, SRCPOS_NONE};
    }
    table t = {.spec = &spec, .path = S("03.csv"), .rows = data, .n_rows = N};
    unit u = {0};
    u.name = S("测试单位");
    value *facts = facts_kind();
    doc d = {0};
    add_block(&d, BLOCK_PARAGRAPH, 0, "正文。");
    add_block(&d, BLOCK_HEADING, 2, "三、支出决算表");
    block *b = add_block(&d, BLOCK_TABLE, 0, NULL);
    b->arg = xstrdup("t03");
    b->grid = table_grid_build(&t, &u, facts, &dl);
    assert_non_null(b->grid);
    add_block(&d, BLOCK_PARAGRAPH, 0, "表后的正文。");
    layout_result r = {0};
    int rc = layout_document(&d, cfg, &r, &dl);
    if (rc != 0) diag_print(&dl, stderr);
    assert_int_equal(rc, 0);
    /* page 1: the paragraph; then the table's pages (landscape); then the text again */
    assert_true(r.pages[0].n_spans > 0 && r.pages[0].spans[0].elem > 0);
    assert_int_equal(r.elems[r.pages[0].spans[0].elem - 1].role, ROLE_P);
    assert_true(r.n_pages >= 4);
    assert_false(r.pages[0].landscape);
    assert_false(r.pages[r.n_pages - 1].landscape);
    int table_pages = 0, head_pages = 0, rows_seen = 0;
    for (size_t p = 1; p + 1 < r.n_pages; p++) {
        const layout_page *pg = &r.pages[p];
        assert_true(pg->landscape);
        assert_true(pg->n_rules > 0);
        table_pages++;
        bool head = false, footer = false;
        for (size_t k = 0; k < pg->n_spans; k++) {
            const layout_span *s = &pg->spans[k];
            const layout_elem *e = s->elem > 0 ? &r.elems[s->elem - 1] : NULL;
            if (strcmp(s->text, "科目编码") == 0) {
                head = true;
                /* structure: a header cell on the first page, an artifact when repeated */
                if (p == 1) assert_true(e && e->role == ROLE_TH);
                else assert_null(e);
            }
            if (strstr(s->text, "1,234,567.89")) {
                rows_seen++;
                assert_true(e && e->role == ROLE_TD && e->parent > 0); /* TD in a TR in the Table */
                const layout_elem *tr = &r.elems[e->parent - 1];
                assert_int_equal(tr->role, ROLE_TR);
                assert_int_equal(r.elems[tr->parent - 1].role, ROLE_TABLE);
            }
            if (strstr(s->text, "三、支出决算表")) assert_true(e && e->role == ROLE_H2);
            if (strstr(s->text, "—")) {
                footer = true;
                assert_null(e); /* the page number: an artifact */
            }
            assert_true(s->x >= 0 && s->x < r.page_height); /* inside the turned page */
            assert_true(s->y > 0 && s->y < r.page_width);
        }
        head_pages += head;
        assert_true(footer);
    }
    assert_true(table_pages >= 2);
    assert_int_equal(head_pages, table_pages); /* the header on every page */
    assert_int_equal(rows_seen, N);
    /* the heading is on the first table page, in the outline */
    bool found = false;
    for (size_t h = 0; h < r.n_headings; h++)
        if (strcmp(r.headings[h].text, "三、支出决算表") == 0) found = r.headings[h].page == 1;
    assert_true(found);
    layout_result_free(&r);
    doc_free(&d);
    value_free(facts);
    layout_config_free(cfg);
    diag_list_free(&dl);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_two_sided_totals_aligned),
        cmocka_unit_test(test_transpose_header_tree),
        cmocka_unit_test(test_zero_rule_facts_grid),
        cmocka_unit_test(test_split_by_class),
        cmocka_unit_test(test_empty_note),
        cmocka_unit_test(test_real_specs),
        cmocka_unit_test(test_layout_long_table),
        cmocka_unit_test(test_layout_continued),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
