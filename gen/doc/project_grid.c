/* project_grid.c — the printed grid of one 项目支出绩效自评表 (the Sichuan
 * form of seed 003), from its entry in performance.projects. Every figure
 * is a fact (gen/facts computed the rates, the budget score and the 合计);
 * this file only places them. gen/layout/table.c sets the grid on pages
 * and gen/xlsx writes it as a sheet, as for the appendix tables.
 *
 * Eleven columns: the section label, then 一级 / 二级 / 三级指标, 指标性质,
 * 指标值, 度量单位, 完成值, 权重, 得分, 未完成原因分析; the other blocks span
 * them (预算执行情况 puts 年初预算 under 三级指标, 调整后预算数 under
 * 指标性质 + 指标值, 预算执行数 under 度量单位, 预算执行率 under 完成值, so
 * that 权重 and 得分 stand in one column all the way down). */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

enum { COLS = 11 };

static const int WIDTHS[COLS] = {4, 5, 5, 9, 3, 5, 4, 5, 3, 3, 7};

typedef struct pgrid {
    table_grid *g;
    size_t cap;
    int row;
} pgrid;

static const char *vt(const value *m, const char *key)
{
    const char *t = value_get_text(value_get(m, key));
    return t ? t : "";
}

static grid_cell *put(pgrid *p, int row, int col, int rows, int cols, const char *text, grid_align align)
{
    grid_cell *c = grid_add(p->g, &p->cap, row, col, rows, cols, text);
    c->align = align;
    return c;
}

static grid_cell *head(pgrid *p, int row, int col, int rows, int cols, const char *text)
{
    grid_cell *c = put(p, row, col, rows, cols, text, GRID_CENTER);
    c->header = true;
    return c;
}

/* An amount fact ("109.50", 万元) as a money cell (its text:
 * grid_apply_zero_rule); blank when null. */
static void amount(pgrid *p, int row, int col, int cols, const value *v, bool bold)
{
    grid_cell *c = put(p, row, col, 1, cols, value_get_text(v) ? value_get_text(v) : "", GRID_RIGHT);
    c->bold = bold;
    money_t m;
    if (value_get_text(v) && money_parse(value_get_text(v), MONEY_WANYUAN, &m) == MONEY_OK) {
        c->is_amount = true;
        c->amount = m;
    }
}

/* A rate ("100.00%") or a score ("8.5") fact: a number cell when it reads
 * as one, else text (a zero-budget rate the rules name as words); the
 * cell, centred. */
static grid_cell *number(pgrid *p, int row, int col, const char *text, grid_number kind, bool bold)
{
    grid_cell *c = put(p, row, col, 1, 1, text, GRID_CENTER);
    c->bold = bold;
    c->rate = kind == GRID_NUMBER_PERCENT;
    char tmp[32];
    size_t n = strlen(text);
    if (kind == GRID_NUMBER_PERCENT) {
        if (n < 2 || n >= sizeof tmp || text[n - 1] != '%') return c;
        n--;
    }
    if (n == 0 || n >= sizeof tmp) return c;
    memcpy(tmp, text, n);
    tmp[n] = '\0';
    money_t h; /* 元 counts hundredths: exactly the 2 decimals of a rate or a score */
    if (money_parse(tmp, MONEY_YUAN, &h) != MONEY_OK) return c;
    c->number = kind;
    c->hundredths = h;
    return c;
}

static void basics(pgrid *p, const value *pr)
{
    int r = p->row;
    head(p, r, 0, 3, 1, "项目基本情况");
    head(p, r, 1, 2, 1, "1. 项目年度目标完成情况");
    head(p, r, 2, 1, 5, "项目年度目标");
    head(p, r, 7, 1, 4, "年度目标完成情况");
    put(p, r + 1, 2, 1, 5, vt(pr, "target"), GRID_LEFT);
    put(p, r + 1, 7, 1, 4, vt(pr, "achieved"), GRID_LEFT);
    head(p, r + 2, 1, 1, 1, "2. 项目实施内容及过程概述");
    put(p, r + 2, 2, 1, 9, vt(pr, "process"), GRID_LEFT);
    p->row += 3;
}

static void budget(pgrid *p, const value *pr)
{
    const value *funds = value_get(pr, "funds"), *b = value_get(pr, "budget");
    int r = p->row, n = (int)value_count(funds);
    buf label = {0};
    buf_printf(&label, "预算执行情况（%s分）", vt(b, "weight"));
    head(p, r, 0, n + 1, 1, buf_cstr(&label));
    buf_free(&label);
    head(p, r, 1, 1, 2, "年度预算数（万元）");
    head(p, r, 3, 1, 1, "年初预算");
    head(p, r, 4, 1, 2, "调整后预算数");
    head(p, r, 6, 1, 1, "预算执行数");
    head(p, r, 7, 1, 1, "预算执行率");
    head(p, r, 8, 1, 1, "权重");
    head(p, r, 9, 1, 1, "得分");
    head(p, r, 10, 1, 1, "原因");
    for (int k = 0; k < n; k++) {
        const value *f = value_at(funds, (size_t)k);
        int row = r + 1 + k;
        bool total = k == 0;
        put(p, row, 1, 1, 2, vt(f, "label"), GRID_LEFT)->bold = total;
        amount(p, row, 3, 1, value_get(f, "initial"), total);
        amount(p, row, 4, 2, value_get(f, "adjusted"), total);
        amount(p, row, 6, 1, value_get(f, "spent"), total);
        number(p, row, 7, vt(f, "rate"), GRID_NUMBER_PERCENT, total);
        if (total) {
            number(p, row, 8, vt(b, "weight"), GRID_NUMBER_POINTS, true);
            number(p, row, 9, vt(b, "score"), GRID_NUMBER_POINTS, true);
            put(p, row, 10, 1, 1, vt(b, "reason"), GRID_LEFT);
        } else {
            put(p, row, 8, 1, 1, "/", GRID_CENTER);
            put(p, row, 9, 1, 1, "/", GRID_CENTER);
            put(p, row, 10, 1, 1, "", GRID_LEFT);
        }
    }
    p->row += n + 1;
}

/* Rows [i, end) whose `key` (and level1, for level2) equal row i's. */
static size_t run_end(const value *list, size_t i, const char *key)
{
    const value *a = value_at(list, i);
    size_t e = i + 1;
    for (; e < value_count(list); e++) {
        const value *b = value_at(list, e);
        if (strcmp(vt(a, "level1"), vt(b, "level1")) != 0) break;
        if (strcmp(key, "level2") == 0 && strcmp(vt(a, "level2"), vt(b, "level2")) != 0) break;
    }
    return e;
}

static void indicators(pgrid *p, const value *pr)
{
    const value *list = value_get(pr, "indicators");
    int r = p->row, n = (int)value_count(list);
    buf label = {0};
    buf_printf(&label, "绩效指标（%s分）", vt(pr, "indicator_weight"));
    head(p, r, 0, n + 1, 1, buf_cstr(&label));
    buf_free(&label);
    static const char *const heads[] = {"一级指标", "二级指标", "三级指标", "指标性质", "指标值",
                                        "度量单位", "完成值",   "权重",     "得分",     "未完成原因分析"};
    for (int c = 0; c < 10; c++) head(p, r, c + 1, 1, 1, heads[c]);
    for (size_t i = 0; i < (size_t)n;) { /* 一级指标: merged down its rows */
        size_t e = run_end(list, i, "level1");
        put(p, r + 1 + (int)i, 1, (int)(e - i), 1, vt(value_at(list, i), "level1"), GRID_CENTER);
        i = e;
    }
    for (size_t i = 0; i < (size_t)n;) { /* 二级指标: merged within its 一级指标 */
        size_t e = run_end(list, i, "level2");
        put(p, r + 1 + (int)i, 2, (int)(e - i), 1, vt(value_at(list, i), "level2"), GRID_CENTER);
        i = e;
    }
    for (int i = 0; i < n; i++) {
        const value *in = value_at(list, (size_t)i);
        int row = r + 1 + i;
        put(p, row, 3, 1, 1, vt(in, "name"), GRID_LEFT);
        put(p, row, 4, 1, 1, vt(in, "sense"), GRID_CENTER);
        put(p, row, 5, 1, 1, vt(in, "target"), GRID_CENTER);
        put(p, row, 6, 1, 1, vt(in, "unit"), GRID_CENTER);
        put(p, row, 7, 1, 1, vt(in, "actual"), GRID_CENTER);
        number(p, row, 8, vt(in, "weight"), GRID_NUMBER_POINTS, false);
        number(p, row, 9, vt(in, "score"), GRID_NUMBER_POINTS, false);
        put(p, row, 10, 1, 1, vt(in, "reason"), GRID_LEFT);
    }
    p->row += n + 1;
}

/* A label over the first two columns and the text across the rest. */
static void text_row(pgrid *p, const char *label, const char *text)
{
    head(p, p->row, 0, 1, 2, label);
    put(p, p->row, 2, 1, 9, text, GRID_LEFT);
    p->row++;
}

table_grid *project_grid_build(const value *pr, const char *title)
{
    table_grid *g = xcalloc(1, sizeof *g);
    pgrid p = {g, 0, 0};
    buf sheet = {0};
    /* sheet names: at most 31 characters, none of []:*?/\ — the number and
     * as much of the name as fits */
    buf_printf(&sheet, "自评表%02d ", (int)strtol(vt(pr, "number"), NULL, 10));
    int chars = 6;
    for (const char *c = vt(pr, "name"); *c && chars < 31;) {
        int len = 1;
        while ((c[len] & 0xC0) == 0x80) len++;
        if (!strchr("[]:*?/\\", *c)) buf_append(&sheet, c, (size_t)len), chars++;
        c += len;
    }
    g->sheet = buf_detach(&sheet);
    g->label = xstrdup("");
    g->title = xstrdup(title ? title : "");
    g->org_line = xstrdup("");
    g->unit_line = xstrdup("");
    g->cols = COLS;
    g->widths = xcalloc(COLS, sizeof *g->widths);
    memcpy(g->widths, WIDTHS, sizeof WIDTHS);
    g->notes = xcalloc(1, sizeof *g->notes);

    head(&p, 0, 0, 1, 2, "项目名称");
    put(&p, 0, 2, 1, 9, vt(pr, "title"), GRID_LEFT);
    g->header_rows = 1; /* repeated on every page the table runs over */
    head(&p, 1, 0, 1, 2, "主管部门");
    put(&p, 1, 2, 1, 4, vt(pr, "department"), GRID_LEFT);
    head(&p, 1, 6, 1, 2, "实施单位（盖章）");
    put(&p, 1, 8, 1, 3, vt(pr, "implementer"), GRID_LEFT);
    p.row = 2;
    basics(&p, pr);
    budget(&p, pr);
    indicators(&p, pr);
    const value *t = value_get(pr, "total");
    /* 合计 stands right next to its figures, so that it reads (and copies)
     * as one line with them: right-aligned, and its figures at their
     * cells' left edges, 合计 and the first less than a character apart
     * (pdftotext joins words closer than their size; a centred figure is
     * further) */
    grid_cell *sum = head(&p, p.row, 0, 1, 8, "合计");
    sum->align = GRID_RIGHT;
    number(&p, p.row, 8, vt(t, "weight"), GRID_NUMBER_POINTS, true)->align = GRID_LEFT;
    number(&p, p.row, 9, vt(t, "score"), GRID_NUMBER_POINTS, true)->align = GRID_LEFT;
    put(&p, p.row, 10, 1, 1, "", GRID_LEFT);
    p.row++;
    text_row(&p, "评价结论", vt(pr, "conclusion"));
    text_row(&p, "存在问题", vt(pr, "problems"));
    text_row(&p, "改进措施", vt(pr, "measures"));
    buf sig = {0};
    buf_printf(&sig, "项目负责人：%s", vt(pr, "manager"));
    put(&p, p.row, 0, 1, 6, buf_cstr(&sig), GRID_LEFT);
    sig.len = 0;
    buf_printf(&sig, "财务负责人：%s", vt(pr, "finance_manager"));
    put(&p, p.row, 6, 1, 5, buf_cstr(&sig), GRID_LEFT);
    buf_free(&sig);
    p.row++;
    grid_apply_zero_rule(g);
    return g;
}
