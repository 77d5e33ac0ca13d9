/* department.c — facts of the 部门整体支出绩效自评报告
 * (performance/department.yaml): `performance.department`. Every figure the
 * report prints is here, computed: shares, changes against last year,
 * 执行率, differences, the 自评总分, the {name} figures its texts quote.
 * With tables/, the 收入 and 支出 are the disclosure's own facts. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

typedef struct dctx {
    fctx *c;
    const value *root; /* department.yaml */
} dctx;

/* Compare as shown (rounded to 0.01 万元). */
static int dshown_cmp(money_t a, money_t b)
{
    money_t x = money_round_wan(a), y = money_round_wan(b);
    return x < y ? -1 : x > y;
}

static const value *dget(const dctx *d, const char *path)
{
    return value_get_path(d->root, path);
}

static bool dmoney(const dctx *d, const char *path, money_t *out)
{
    const value *v = dget(d, path);
    *out = 0;
    return v && value_get_type(v) == VALUE_NUMBER &&
           money_parse(value_get_text(v), d->c->u->money_unit, out) == MONEY_OK;
}

/* A text with its {name} figures replaced by their computed values. */
static value *dtext(const dctx *d, const char *t)
{
    buf b = {0};
    for (const char *p = t; *p;) {
        if (*p == '{') {
            const char *end = p + 1;
            while ((*end >= 'a' && *end <= 'z') || (*end >= '0' && *end <= '9') || *end == '_') end++;
            if (*end == '}' && end > p + 1) {
                char name[128], out[32];
                snprintf(name, sizeof name, "%.*s", (int)(end - p - 1), p + 1);
                const text_figure *f = unit_figure(d->c->u, name);
                if (f && f->ok) {
                    buf_puts(&b, figure_format(f, false, out));
                    p = end + 1;
                    continue;
                }
            }
        }
        buf_putc(&b, *p++);
    }
    value *v = value_new_string(buf_cstr(&b));
    buf_free(&b);
    return v;
}

static value *dtext_at(const dctx *d, const char *path)
{
    const char *t = value_get_text(dget(d, path));
    return t ? dtext(d, t) : value_new_null();
}

/* A body: {items: [{paragraph: text, section: null} | {paragraph: null,
 * section: {…}}], has_items}, from item `start` of the list `v` (or the
 * text `v`). A section: {n, cn, title, lead, inline, has_score, score,
 * text: body}; a section without a title runs into its first paragraph
 * (`inline`: "（一）就业工作绩效指标：2024年…" with a lead, "1.本部门…"
 * without). */
static void paragraph_add(value *items, value *text)
{
    value *it = value_append(items, value_new_map());
    value_set(it, "paragraph", text);
    value_set(it, "section", value_new_null());
}

static value *body_from(const dctx *d, const value *v, size_t start)
{
    value *m = value_new_map();
    value *items = value_set(m, "items", value_new_list());
    if ((value_get_type(v) == VALUE_STRING || value_get_type(v) == VALUE_NUMBER) && start == 0)
        paragraph_add(items, dtext(d, value_get_text(v)));
    int n = 0;
    for (size_t i = start; value_get_type(v) == VALUE_LIST && i < value_count(v); i++) {
        const value *e = value_at(v, i);
        if (value_get_type(e) != VALUE_MAP) {
            if (value_get_text(e)) paragraph_add(items, dtext(d, value_get_text(e)));
            continue;
        }
        value *it = value_append(items, value_new_map());
        value_set(it, "paragraph", value_new_null()); /* present: a lookup must not reach an outer section */
        value *s = value_set(it, "section", value_new_map());
        char cn[16], sc[32];
        value_set_int(s, "n", ++n);
        value_set_string(s, "cn", facts_cn_number(n, cn));
        const char *title = value_get_text(value_get(e, "title")), *lead = value_get_text(value_get(e, "lead"));
        value_set(s, "title", title ? dtext(d, title) : value_new_null());
        value_set(s, "lead", lead ? dtext(d, lead) : value_new_null());
        int64_t h;
        bool scored = value_get(e, "score") && perf_score_parse(value_get(e, "score"), &h);
        value_set_bool(s, "has_score", scored);
        value_set(s, "score", scored ? value_new_string(perf_score_format(h, sc)) : value_new_null());
        /* a lead runs into its first paragraph: "（一）就业工作绩效指标：2024年…" */
        const value *text = value_get(e, "text");
        const value *first = value_get_type(text) == VALUE_LIST ? value_at(text, 0) : text;
        bool runs_in = !title && first && value_get_type(first) != VALUE_MAP && value_get_text(first);
        value_set(s, "inline", runs_in ? dtext(d, value_get_text(first)) : value_new_null());
        value_set(s, "text", value_get_type(text) == VALUE_LIST ? body_from(d, text, runs_in ? 1 : 0)
                             : body_from(d, runs_in ? NULL : text, 0));
    }
    value_set_bool(m, "has_items", value_count(items) > 0);
    return m;
}

static value *body_at(const dctx *d, const char *path)
{
    return body_from(d, dget(d, path), 0);
}

/* {cn, body} for each present key of `parent`, numbered in order: the
 * （一）（二）… subsections a layout prints only when the unit wrote them. */
static value *numbered_parts(const dctx *d, const char *parent, const char *const *keys, size_t n)
{
    value *m = value_new_map();
    int k = 0;
    for (size_t i = 0; i < n; i++) {
        buf p = {0};
        buf_printf(&p, "%s.%s", parent, keys[i]);
        const value *v = dget(d, buf_cstr(&p));
        if (v && value_get_type(v) != VALUE_NULL) {
            char cn[16];
            value *e = value_set(m, keys[i], value_new_map());
            value_set_string(e, "cn", facts_cn_number(++k, cn));
            value_set(e, "body", body_from(d, v, 0));
        } else {
            value_set(m, keys[i], value_new_null());
        }
        buf_free(&p);
    }
    value_set_bool(m, "has_parts", k > 0);
    return m;
}

/* A change of a count against last year: {current, previous, amount,
 * direction 增加|减少|持平, percent (null when last year was 0)}. */
static value *count_change(const dctx *d, int64_t cur, int64_t prev)
{
    value *m = value_new_map();
    value_set_int(m, "current", cur);
    value_set_int(m, "previous", prev);
    value_set_int(m, "amount", cur > prev ? cur - prev : prev - cur);
    value_set_string(m, "direction", cur == prev ? "持平" : cur > prev ? "增加" : "减少");
    int64_t h;
    bool has = prev != 0 && money_percent(cur > prev ? cur - prev : prev - cur, prev, &h);
    value_set(m, "percent", has ? facts_percent(h, d->c->o) : value_new_null());
    return m;
}

static int64_t dcount(const dctx *d, const char *path, bool *present)
{
    const value *v = dget(d, path);
    *present = v && value_get_type(v) == VALUE_NUMBER;
    return *present ? strtoll(value_get_text(v), NULL, 10) : 0;
}

/* A list of texts as [{number, <key>: text, last}]. */
static value *numbered_texts(const dctx *d, const char *path, const char *key)
{
    value *list = value_new_list();
    const value *l = dget(d, path);
    for (size_t i = 0; i < value_count(l); i++) {
        const char *t = value_get_text(value_at(l, i));
        value *e = value_append(list, value_new_map());
        value_set_int(e, "number", (int64_t)i + 1);
        value_set(e, key, dtext(d, t ? t : ""));
        value_set_bool(e, "last", i + 1 == value_count(l));
    }
    return list;
}

static value *facts_basics(const dctx *d)
{
    value *m = value_new_map();
    value_set(m, "organization", body_at(d, "basics.organization"));
    value *units = value_set(m, "units", numbered_texts(d, "basics.units", "name"));
    value_set_bool(m, "has_units", value_count(units) > 0);
    value_set_int(m, "unit_count", (int64_t)value_count(units));
    value_set(m, "functions", body_at(d, "basics.functions"));
    value *duties = value_set(m, "duties", numbered_texts(d, "basics.duties", "text"));
    value_set_bool(m, "has_duties", value_count(duties) > 0);
    value_set(m, "staffing", body_at(d, "basics.staffing"));
    bool a, p;
    int64_t actual = dcount(d, "basics.staff.actual", &a), previous = dcount(d, "basics.staff.previous", &p);
    if (a || dget(d, "basics.staff")) {
        value *s = value_set(m, "staff", value_new_map());
        value_set(s, "actual", a ? value_new_int(actual) : value_new_null());
        value_set(s, "change", a && p ? count_change(d, actual, previous) : value_new_null());
        value_set(s, "reason", dtext_at(d, "basics.staff.reason"));
        value_set(s, "text", body_at(d, "basics.staff.text"));
    } else {
        value_set(m, "staff", value_new_null());
    }
    value_set(m, "tasks", body_at(d, "basics.tasks"));
    value_set(m, "targets", body_at(d, "basics.targets"));
    return m;
}

/* name/amount items of a list into a structure list of `whole` (shares). */
static money_t list_items(const dctx *d, const char *path, value *items, money_t *whole_or_0)
{
    const value *l = dget(d, path);
    size_t n = value_count(l);
    char **names = xcalloc(n ? n : 1, sizeof *names);
    money_t *amounts = xcalloc(n ? n : 1, sizeof *amounts);
    money_t total = 0;
    for (size_t i = 0; i < n; i++) {
        buf p = {0};
        buf_printf(&p, "%s.%zu.amount", path, i);
        dmoney(d, buf_cstr(&p), &amounts[i]);
        buf_free(&p);
        const char *name = value_get_text(value_get(value_at(l, i), "name"));
        names[i] = xstrdup(name ? name : "");
        total += amounts[i];
    }
    money_t whole = *whole_or_0 ? *whole_or_0 : total;
    structure_list(d->c, items, (const char *const *)names, amounts, n, whole);
    for (size_t i = 0; i < n; i++) free(names[i]);
    free(names), free(amounts);
    *whole_or_0 = whole;
    return total;
}

static value *share_of(const dctx *d, money_t part, money_t whole)
{
    int64_t h;
    return whole != 0 && money_percent(part, whole, &h) ? facts_percent(h, d->c->o) : value_new_null();
}


/* ---- tables printed with @grid (gen/doc table_grid_from_facts) ----------- */

static value *gcell(value *row, const char *text, const char *align, int rows, bool bold)
{
    value *c = value_append(row, value_new_map());
    value_set_string(c, "text", text);
    if (align) value_set_string(c, "align", align);
    if (rows > 1) value_set_int(c, "rows", rows);
    if (bold) value_set_bool(c, "bold", true);
    return c;
}

static value *grid_new(const char *title, const char *unit_line, const int *widths, size_t n)
{
    value *g = value_new_map();
    if (title) value_set_string(g, "title", title);
    if (unit_line) value_set_string(g, "unit_line", unit_line);
    value *w = value_set(g, "widths", value_new_list());
    for (size_t i = 0; i < n; i++) value_append(w, value_new_int(widths[i]));
    value_set_int(g, "header_rows", 1);
    value_set(g, "rows", value_new_list());
    return g;
}

static void grid_header(value *g, const char *const *heads, size_t n)
{
    value *row = value_append(value_get(g, "rows"), value_new_list());
    for (size_t i = 0; i < n; i++) gcell(row, heads[i], "center", 1, false);
}

/* 预决算对比 by function class (Guangdong): rows with 差异 and 执行率
 * computed, a 合计 row, the reasons numbered 一是…, the structure list. */
/* One row of the 预决算 comparison: budget, final, difference and 执行率
 * ("-" without a budget) into the facts map `row`, and as a line of the
 * grid `g` (the 合计 line: bold, its label centred, no code). */
static void budget_row(const dctx *d, value *row, value *g, const char *code, const char *label, money_t bu,
                       money_t fi, bool total)
{
    value_set(row, "budget", facts_amount(bu));
    value_set(row, "final", facts_amount(fi));
    value_set(row, "difference", facts_amount(bu - fi));
    int64_t h;
    bool has = money_round_wan(bu) != 0 && money_percent(fi, bu, &h);
    value_set(row, "rate", has ? facts_percent(h, d->c->o) : value_new_null());
    char a[32], b2[32], df[32], rt[40];
    value *gr = value_append(value_get(g, "rows"), value_new_list());
    gcell(gr, code, total ? NULL : "center", 1, total);
    gcell(gr, label, total ? "center" : "left", 1, total);
    /* amounts and the rate marked as such: the grid prints them by the
     * blank-versus-zero rule (gen/doc/zero.c) */
    value_set_bool(gcell(gr, money_format_wan(bu, true, a), "right", 1, total), "amount", true);
    value_set_bool(gcell(gr, money_format_wan(fi, true, b2), "right", 1, total), "amount", true);
    value_set_bool(gcell(gr, money_format_wan(bu - fi, true, df), "right", 1, total), "amount", true);
    if (has) snprintf(rt, sizeof rt, "%s%%", value_get_text(value_get(row, "rate")));
    value_set_bool(gcell(gr, has ? rt : "-", "right", 1, total), "rate", true);
}

static value *facts_by_function(const dctx *d, value *grids)
{
    fctx *c = d->c;
    const value *l = dget(d, "finance.by_function");
    value *m = value_new_map();
    value *rows = value_set(m, "rows", value_new_list());
    value *reasons = value_set(m, "reasons", value_new_list());
    static const int widths[] = {8, 14, 9, 9, 9, 9};
    static const char *const heads[] = {"功能科目编码", "项目", "预算数", "决算数", "预决算差异金额", "预算执行情况"};
    value *g = grid_new("收入支出与预算对比", "单位：万元", widths, 6);
    grid_header(g, heads, 6);
    money_t tb = 0, tf = 0;
    int nr = 0;
    const table_spec *t01 = specs_find(c->specs, "t01");
    for (size_t i = 0; i < value_count(l); i++) {
        const value *e = value_at(l, i);
        const char *code = value_get_text(value_get(e, "code"));
        if (!code) continue;
        money_t bu = 0, fi = 0;
        buf p = {0};
        buf_printf(&p, "finance.by_function.%zu.budget", i);
        dmoney(d, buf_cstr(&p), &bu);
        p.len = 0;
        buf_printf(&p, "finance.by_function.%zu.final", i);
        dmoney(d, buf_cstr(&p), &fi);
        /* the name as 公开01表 prints the class ("六、科学技术支出"), else the catalog's */
        p.len = 0;
        buf_printf(&p, "exp_%s", code);
        int r = t01 ? table_spec_row(t01, buf_cstr(&p)) : -1;
        const subject *sub = catalog_find(&c->specs->functions, code);
        const char *label = r >= 0 ? t01->rows[r].label : sub ? sub->name : code;
        char *plain = label_strip_number(label);
        buf_free(&p);
        tb += bu, tf += fi;
        value *row = value_append(rows, value_new_map());
        value_set_string(row, "code", code);
        value_set_string(row, "label", label);
        value_set_string(row, "name", plain);
        budget_row(d, row, g, code, label, bu, fi, false);
        value_set_bool(row, "last", false);
        const char *why = value_get_text(value_get(e, "reason"));
        if (why && dshown_cmp(fi, bu) != 0) {
            char cn[16];
            value *re = value_append(reasons, value_new_map());
            value_set_string(re, "ordinal", facts_cn_number(++nr, cn));
            value_set_string(re, "name", plain);
            value_set_string(re, "direction", dshown_cmp(fi, bu) > 0 ? "增加" : "减少");
            value_set(re, "reason", dtext(d, why));
        }
        free(plain);
    }
    if (value_count(rows)) value_set(value_at(rows, value_count(rows) - 1), "last", value_new_bool(true));
    budget_row(d, value_set(m, "total", value_new_map()), g, "", "合计", tb, tf, true);
    value_set_bool(m, "has_rows", value_count(rows) > 0);
    value_set_bool(m, "has_reasons", value_count(reasons) > 0);
    if (value_count(rows)) value_set(grids, "by_function", g);
    else value_free(g);
    return m;
}

/* 部门整体支出目标及任务 (Guangdong): 指标类型 | 指标名称 | 本年度计划完成水平. */
static void facts_targets_table(const dctx *d, value *grids)
{
    const value *l = dget(d, "targets_table");
    size_t total = 0;
    for (size_t i = 0; i < value_count(l); i++) {
        size_t k = value_count(value_get(value_at(l, i), "plans"));
        total += k ? k : 1;
    }
    if (!total) return;
    static const int widths[] = {5, 9, 28};
    static const char *const heads[] = {"指标类型", "指标名称", "本年度计划完成水平"};
    value *g = grid_new(NULL, NULL, widths, 3);
    grid_header(g, heads, 3);
    value *rows = value_get(g, "rows");
    for (size_t i = 0; i < value_count(l); i++) {
        const value *e = value_at(l, i);
        const value *plans = value_get(e, "plans");
        size_t k = value_count(plans);
        const char *name = value_get_text(value_get(e, "name"));
        for (size_t j = 0; j < (k ? k : 1); j++) {
            value *row = value_append(rows, value_new_list());
            if (i == 0 && j == 0) gcell(row, "绩效目标指标计划", "center", (int)total, false);
            if (j == 0) gcell(row, name ? name : "", "center", k ? (int)k : 1, false);
            char num[32];
            snprintf(num, sizeof num, "%zu. ", j + 1);
            buf t = {0};
            const char *pt = k ? value_get_text(value_at(plans, j)) : "";
            if (k) buf_puts(&t, num);
            buf_puts(&t, pt ? pt : "");
            value *tv = dtext(d, buf_cstr(&t));
            gcell(row, value_get_text(tv), "left", 1, false);
            value_free(tv);
            buf_free(&t);
        }
    }
    value_set(grids, "targets", g);
}

static value *facts_finance(const dctx *d, value *grids)
{
    fctx *c = d->c;
    value *m = value_new_map();
    value_set_bool(m, "from_tables", c->u->has_tables);
    /* 收入 */
    value *in;
    if (c->u->has_tables) {
        in = value_set(m, "income", facts_income(c));
    } else {
        in = value_set(m, "income", value_new_map());
        money_t total = 0;
        dmoney(d, "finance.income.total", &total);
        value *items = value_new_list();
        money_t sum = list_items(d, "finance.income.items", items, &total);
        if (!dget(d, "finance.income.total")) total = sum;
        value_set(in, "total", facts_amount(total));
        value_set(in, "items", items);
        value_set_bool(in, "has_items", value_count(items) > 0);
        value_set_bool(in, "present", dget(d, "finance.income") != NULL);
    }
    value_set(in, "label", dtext_at(d, "finance.income.label"));
    /* 支出 */
    value *ex;
    money_t total = 0, basic = 0, project = 0;
    if (c->u->has_tables) {
        ex = value_set(m, "expenditure", facts_expenditure(c));
        const table *t3 = unit_table(c->u, "t03");
        total = table_amount(t3, "total", "total");
        basic = table_amount(t3, "total", "basic");
        project = table_amount(t3, "total", "project");
        value_set_bool(ex, "has_split", false); /* its items are 基本支出 and 项目支出 already */
    } else {
        ex = value_set(m, "expenditure", value_new_map());
        bool hb = dmoney(d, "finance.expenditure.basic", &basic), hp = dmoney(d, "finance.expenditure.project", &project);
        bool ht = dmoney(d, "finance.expenditure.total", &total);
        value *items = value_new_list();
        money_t whole = ht ? total : 0;
        money_t sum = list_items(d, "finance.expenditure.items", items, &whole);
        if (!ht) total = value_count(items) ? sum : basic + project;
        if (!ht && !value_count(items)) { /* shares of the split */
            value_free(items);
            items = value_new_list();
        }
        value_set(ex, "total", facts_amount(total));
        value_set(ex, "items", items);
        value_set_bool(ex, "has_items", value_count(items) > 0);
        value_set_bool(ex, "has_split", hb && hp);
        value_set_bool(ex, "present", dget(d, "finance.expenditure") != NULL);
    }
    value_set(ex, "label", dtext_at(d, "finance.expenditure.label"));
    value_set(ex, "basic", facts_amount(basic));
    value_set(ex, "project", facts_amount(project));
    value_set(ex, "basic_share", share_of(d, basic, total));
    value_set(ex, "project_share", share_of(d, project, total));
    value *projects = value_set(ex, "projects", value_new_list());
    const value *pl = dget(d, "finance.expenditure.projects");
    for (size_t i = 0; i < value_count(pl); i++) {
        value *e = value_append(projects, value_new_map());
        buf p = {0};
        buf_printf(&p, "finance.expenditure.projects.%zu.amount", i);
        money_t a;
        dmoney(d, buf_cstr(&p), &a);
        buf_free(&p);
        const char *name = value_get_text(value_get(value_at(pl, i), "name"));
        value_set_int(e, "number", (int64_t)i + 1);
        value_set(e, "name", dtext(d, name ? name : ""));
        value_set(e, "amount", facts_amount(a));
        value_set_bool(e, "last", i + 1 == value_count(pl));
    }
    value_set_bool(ex, "has_projects", value_count(projects) > 0);
    value_set_int(ex, "project_count", (int64_t)value_count(projects));
    /* 结转结余 */
    money_t begin = 0, end = 0, b = 0, p = 0, prev = 0;
    bool has_begin = dmoney(d, "finance.balance.begin", &begin), has_end = dmoney(d, "finance.balance.end", &end);
    if (c->u->has_tables) {
        const table *t1 = unit_table(c->u, "t01");
        begin = table_amount(t1, "income_balance_begin", "amount");
        end = table_amount(t1, "exp_balance_end", "amount");
        has_begin = has_end = true;
    }
    bool hb = dmoney(d, "finance.balance.basic", &b), hp = dmoney(d, "finance.balance.project", &p);
    bool hprev = dmoney(d, "finance.balance.previous_end", &prev);
    if ((has_begin || has_end) && (money_round_wan(begin) != 0 || money_round_wan(end) != 0)) {
        value *bal = value_set(m, "balance", value_new_map());
        value_set(bal, "begin", has_begin ? facts_amount(begin) : value_new_null());
        value_set(bal, "end", facts_amount(end));
        value_set_bool(bal, "has_split", hb && hp);
        value_set(bal, "basic", facts_amount(b));
        value_set(bal, "project", facts_amount(p));
        value_set(bal, "change", hprev ? facts_change(end, prev, c->o) : value_new_null());
        value_set(bal, "reason", dtext_at(d, "finance.balance.reason"));
    } else {
        value_set(m, "balance", value_new_null());
    }
    /* 年初预算 against last year's, and its execution (Guangdong) */
    money_t cur = 0, last = 0, fin = 0, pfin = 0;
    if (dmoney(d, "finance.budget.current", &cur)) {
        value *bu = value_set(m, "budget", value_new_map());
        value_set(bu, "current", facts_amount(cur));
        value_set(bu, "change", dmoney(d, "finance.budget.previous", &last) ? facts_change(cur, last, c->o)
                                                                          : value_new_null());
        value_set(bu, "reason", dtext_at(d, "finance.budget.reason"));
    } else {
        value_set(m, "budget", value_new_null());
    }
    if (dmoney(d, "finance.execution.final", &fin)) {
        value *e = value_set(m, "execution", value_new_map());
        value_set(e, "budget", facts_amount(cur));
        value_set(e, "final", facts_amount(fin));
        value_set(e, "completion", facts_completion(fin, cur, c->o));
        value_set(e, "reason", dtext_at(d, "finance.execution.reason"));
        value_set(e, "change", dmoney(d, "finance.execution.previous_final", &pfin) ? facts_change(fin, pfin, c->o)
                                                                                  : value_new_null());
        value_set(e, "previous_reason", dtext_at(d, "finance.execution.previous_reason"));
    } else {
        value_set(m, "execution", value_new_null());
    }
    value_set(m, "by_function", facts_by_function(d, grids));
    value_set(m, "text", body_at(d, "finance.text"));
    return m;
}

/* "2025-03-21" → "2025年3月21日"; any other text as typed. */
static value *date_text(const dctx *d, const char *path)
{
    const char *t = value_get_text(dget(d, path));
    if (!t) return value_new_null();
    int y, mo, da;
    char tail;
    if (strlen(t) == 10 && sscanf(t, "%4d-%2d-%2d%c", &y, &mo, &da, &tail) == 3 && mo >= 1 && mo <= 12 && da >= 1 &&
        da <= 31)
        return value_new_stringf("%d年%d月%d日", y, mo, da);
    return dtext(d, t);
}

value *facts_department(fctx *c)
{
    dctx dd = {c, c->u->department.root}, *d = &dd;
    value *m = value_new_map();
    /* the layout names a template file: a plain name, never a path */
    const char *layout = value_get_text(dget(d, "layout"));
    for (const char *p = layout ? layout : ""; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_' || *p == '-')) {
            diag_error(c->diags, posmap_get(c->u->department.pos, "layout"),
                       "layout 应是版式名称（小写字母、数字、_ 或 -），实为“%s”", layout);
            c->errors++;
            break;
        }
    value_set(m, "layout", dtext_at(d, "layout"));
    /* {NAME: true} for the layout: a template that includes a layout's body
     * (第四部分 of the disclosure) picks it by a section, no C per layout */
    value *is = value_set(m, "layout_is", value_new_map());
    if (layout) value_set_bool(is, layout, true);
    /* in_disclosure: the report is also printed in the disclosure's 第四部分 */
    const value *in = dget(d, "in_disclosure");
    value_set_bool(m, "in_disclosure",
                   c->u->has_tables && value_get_type(in) == VALUE_BOOL && value_get_bool(in));
    const value *title = dget(d, "title");
    value_set(m, "title", title ? dtext_at(d, "title") : value_new_string("部门整体支出绩效自评报告"));
    value_set(m, "attachment", dtext_at(d, "attachment"));
    value_set(m, "scope", dtext_at(d, "scope"));
    value *header = value_set(m, "header", value_new_list());
    const value *hl = dget(d, "header");
    for (size_t i = 0; i < value_count(hl); i++) {
        value *e = value_append(header, value_new_map());
        const char *lb = value_get_text(value_get(value_at(hl, i), "label"));
        const char *tx = value_get_text(value_get(value_at(hl, i), "text"));
        value_set(e, "label", dtext(d, lb ? lb : ""));
        value_set(e, "text", dtext(d, tx ? tx : ""));
    }
    value_set_bool(m, "has_header", value_count(header) > 0);
    if (dget(d, "signature")) {
        value *s = value_set(m, "signature", value_new_map());
        value_set(s, "name", dtext_at(d, "signature.name"));
        value_set(s, "date", date_text(d, "signature.date"));
    } else {
        value_set(m, "signature", value_new_null());
    }
    value *grids = value_new_map();
    value_set(m, "basics", facts_basics(d));
    value_set(m, "finance", facts_finance(d, grids));
    facts_targets_table(d, grids);
    value_set_bool(m, "has_targets_table", value_get(grids, "targets") != NULL);
    static const char *const mkeys[] = {"duties", "projects", "analysis", "results"};
    value_set(m, "management", numbered_parts(d, "management", mkeys, 4));
    static const char *const ekeys[] = {"conclusion", "problems", "suggestions"};
    value_set(m, "evaluation", numbered_parts(d, "evaluation", ekeys, 3));
    value_set(m, "conclusion", body_at(d, "conclusion"));
    value_set(m, "analysis", body_at(d, "analysis"));
    value_set(m, "achievements", body_at(d, "achievements"));
    value_set(m, "problems", body_at(d, "problems"));
    value_set(m, "suggestions", body_at(d, "suggestions"));
    /* the chapters after 三 that a layout prints only when the report has
     * them (四、主要绩效 五、存在问题 六、相关建议): numbered in order, counting
     * only those present, so an omitted one leaves no gap */
    static const char *const closing[] = {"achievements", "problems", "suggestions"};
    value *chapters = value_set(m, "chapters", value_new_map());
    for (int i = 0, k = 3; i < 3; i++) {
        if (!value_get_bool(value_get(value_get(m, closing[i]), "has_items"))) {
            value_set(chapters, closing[i], value_new_null());
            continue;
        }
        char cn[16];
        value *e = value_set(chapters, closing[i], value_new_map());
        value_set_string(e, "cn", facts_cn_number(++k, cn));
    }
    value *score = value_set(m, "score", value_new_map());
    char sc[32];
    value_set_bool(score, "has_scores", c->u->has_scores);
    value_set_string(score, "total", perf_score_format(c->u->score_total, sc));
    value *figs = value_set(m, "figures", value_new_map());
    for (size_t i = 0; i < c->u->n_figures; i++) {
        char out[32];
        if (c->u->figures[i].ok) value_set_string(figs, c->u->figures[i].name, figure_format(&c->u->figures[i], false, out));
    }
    value_set(m, "grids", grids);
    return m;
}
