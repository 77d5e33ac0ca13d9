/* department.c — performance/department.yaml (部门整体支出绩效自评报告):
 * its keys and types, its layout, and every figure it states that can be
 * derived: totals of the listed items, the 自评总分 and group scores, the
 * `figures:` it quotes in its text. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* The keys department.yaml may have (README: performance/department.yaml).
 * "@section" is a section of a body (Y_BODY): paragraphs and sections. */
static const schema_key DEPARTMENT[] = {
    {"layout", Y_TEXT, "版式名称（templates/performance/department/ 下的 NAME.mustache）"},
    {"title", Y_TEXT, NULL},
    {"attachment", Y_TEXT, NULL},
    {"in_disclosure", Y_BOOL, NULL},
    {"scope", Y_TEXT, NULL},
    {"header", Y_LIST, "标题下各行的列表（每项有 label 和 text）"},
    {"header.#", Y_MAP, NULL},
    {"header.#.label", Y_TEXT, NULL},
    {"header.#.text", Y_TEXT, NULL},
    {"signature", Y_MAP, NULL},
    {"signature.name", Y_TEXT, NULL},
    {"signature.date", Y_TEXT, NULL},
    {"score_total", Y_NUMBER, "自评总分（数）"},
    {"figures", Y_MAP, NULL},
    {"figures.*", Y_MAP, "{amount: 金额}、{count: 个数} 或 {sum|difference|percent|per: [名称, …]}"},
    {"figures.*.amount", Y_MONEY, NULL},
    {"figures.*.count", Y_COUNT, NULL},
    {"figures.*.sum", Y_LIST, NULL},
    {"figures.*.sum.#", Y_TEXT, NULL},
    {"figures.*.difference", Y_LIST, NULL},
    {"figures.*.difference.#", Y_TEXT, NULL},
    {"figures.*.percent", Y_LIST, NULL},
    {"figures.*.percent.#", Y_TEXT, NULL},
    {"figures.*.per", Y_LIST, NULL},
    {"figures.*.per.#", Y_TEXT, NULL},
    {"figures.*.stated", Y_NUMBER, "原文中的数（至多两位小数）"},
    {"basics", Y_MAP, NULL},
    {"basics.organization", Y_BODY, NULL},
    {"basics.units", Y_LIST, "下属单位名称的列表"},
    {"basics.units.#", Y_TEXT, NULL},
    {"basics.functions", Y_BODY, NULL},
    {"basics.duties", Y_LIST, "主要职责的列表（每条一项，不必写编号）"},
    {"basics.duties.#", Y_TEXT, NULL},
    {"basics.staffing", Y_BODY, NULL},
    {"basics.staff", Y_MAP, NULL},
    {"basics.staff.actual", Y_COUNT, NULL},
    {"basics.staff.previous", Y_COUNT, NULL},
    {"basics.staff.reason", Y_TEXT, NULL},
    {"basics.staff.text", Y_BODY, NULL},
    {"basics.tasks", Y_BODY, NULL},
    {"basics.targets", Y_BODY, NULL},
    {"finance", Y_MAP, NULL},
    {"finance.income", Y_MAP, NULL},
    {"finance.income.label", Y_TEXT, NULL},
    {"finance.income.total", Y_MONEY, NULL},
    {"finance.income.items", Y_LIST, "收入各项的列表（每项有 name 和 amount）"},
    {"finance.income.items.#", Y_MAP, NULL},
    {"finance.income.items.#.name", Y_TEXT, NULL},
    {"finance.income.items.#.amount", Y_MONEY, NULL},
    {"finance.expenditure", Y_MAP, NULL},
    {"finance.expenditure.label", Y_TEXT, NULL},
    {"finance.expenditure.total", Y_MONEY, NULL},
    {"finance.expenditure.items", Y_LIST, "支出各项的列表（每项有 name 和 amount）"},
    {"finance.expenditure.items.#", Y_MAP, NULL},
    {"finance.expenditure.items.#.name", Y_TEXT, NULL},
    {"finance.expenditure.items.#.amount", Y_MONEY, NULL},
    {"finance.expenditure.basic", Y_MONEY, NULL},
    {"finance.expenditure.project", Y_MONEY, NULL},
    {"finance.expenditure.project_count", Y_COUNT, NULL},
    {"finance.expenditure.projects", Y_LIST, "项目的列表（每项有 name 和 amount）"},
    {"finance.expenditure.projects.#", Y_MAP, NULL},
    {"finance.expenditure.projects.#.name", Y_TEXT, NULL},
    {"finance.expenditure.projects.#.amount", Y_MONEY, NULL},
    {"finance.balance", Y_MAP, NULL},
    {"finance.balance.begin", Y_MONEY, NULL},
    {"finance.balance.end", Y_MONEY, NULL},
    {"finance.balance.basic", Y_MONEY, NULL},
    {"finance.balance.project", Y_MONEY, NULL},
    {"finance.balance.previous_end", Y_MONEY, NULL},
    {"finance.balance.reason", Y_TEXT, NULL},
    {"finance.budget", Y_MAP, NULL},
    {"finance.budget.current", Y_MONEY, NULL},
    {"finance.budget.previous", Y_MONEY, NULL},
    {"finance.budget.reason", Y_TEXT, NULL},
    {"finance.execution", Y_MAP, NULL},
    {"finance.execution.final", Y_MONEY, NULL},
    {"finance.execution.reason", Y_TEXT, NULL},
    {"finance.execution.previous_final", Y_MONEY, NULL},
    {"finance.execution.previous_reason", Y_TEXT, NULL},
    {"finance.by_function", Y_LIST, "按功能分类科目（类）的预决算列表（每项有 code、budget、final、reason）"},
    {"finance.by_function.#", Y_MAP, NULL},
    {"finance.by_function.#.code", Y_TEXT, NULL},
    {"finance.by_function.#.budget", Y_MONEY, NULL},
    {"finance.by_function.#.final", Y_MONEY, NULL},
    {"finance.by_function.#.reason", Y_TEXT, NULL},
    {"finance.text", Y_BODY, NULL},
    {"targets_table", Y_LIST, "绩效目标指标的列表（每项有 name 和 plans）"},
    {"targets_table.#", Y_MAP, NULL},
    {"targets_table.#.name", Y_TEXT, NULL},
    {"targets_table.#.plans", Y_LIST, "本年度计划完成水平的列表"},
    {"targets_table.#.plans.#", Y_TEXT, NULL},
    {"management", Y_MAP, NULL},
    {"management.duties", Y_BODY, NULL},
    {"management.projects", Y_BODY, NULL},
    {"management.analysis", Y_BODY, NULL},
    {"management.results", Y_BODY, NULL},
    {"evaluation", Y_MAP, NULL},
    {"evaluation.conclusion", Y_BODY, NULL},
    {"evaluation.problems", Y_BODY, NULL},
    {"evaluation.suggestions", Y_BODY, NULL},
    {"conclusion", Y_BODY, NULL},
    {"analysis", Y_BODY, NULL},
    {"achievements", Y_BODY, NULL},
    {"problems", Y_BODY, NULL},
    {"suggestions", Y_BODY, NULL},
    {"@section", Y_MAP, NULL},
    {"@section.title", Y_TEXT, NULL},
    {"@section.lead", Y_TEXT, NULL},
    {"@section.score", Y_NUMBER, "得分（数，至多两位小数）"},
    {"@section.max", Y_NUMBER, "分值（数，至多两位小数）"},
    {"@section.text", Y_BODY, NULL},
};

static srcpos dpos(const cctx *c, const char *path)
{
    return posmap_get(c->u->department.pos, path);
}

/* An amount of department.yaml; false when absent or not an amount (the
 * schema reports that). */
static bool dmoney(const cctx *c, const char *path, money_t *out)
{
    const value *v = value_get_path(c->u->department.root, path);
    return v && value_get_type(v) == VALUE_NUMBER &&
           money_parse(value_get_text(v), c->u->money_unit, out) == MONEY_OK;
}

static void check_layout(cctx *c)
{
    const value *v = value_get(c->u->department.root, "layout");
    const char *name = value_get_type(v) == VALUE_STRING ? value_get_text(v) : NULL;
    buf known = {0};
    for (size_t i = 0; i < c->specs->n_department_layouts; i++) {
        if (name && strcmp(name, c->specs->department_layouts[i]) == 0) {
            buf_free(&known);
            return;
        }
        buf_printf(&known, "%s%s", i ? "、" : "", c->specs->department_layouts[i]);
    }
    if (!v)
        check_report(c, "D-LAYOUT", dpos(c, ""), "department.yaml 缺少 layout（版式：%s）", buf_cstr(&known));
    else
        check_report(c, "D-LAYOUT", dpos(c, "layout"), "layout 应是 %s 之一（templates/performance/department/ 下的版式），实为“%s”",
                     buf_cstr(&known), name ? name : "");
    buf_free(&known);
}

/* ---- listed items against their totals ----------------------------------- */

/* Σ list[].key into `s`; false when the list is absent. */
static bool sum_list(const cctx *c, const char *list, const char *key, sum *s)
{
    const value *l = value_get_path(c->u->department.root, list);
    if (value_get_type(l) != VALUE_LIST) return false;
    for (size_t i = 0; i < value_count(l); i++) {
        buf p = {0};
        buf_printf(&p, "%s.%zu.%s", list, i, key);
        money_t m;
        const char *name = value_get_text(value_get(value_at(l, i), "name"));
        if (!name) name = value_get_text(value_get(value_at(l, i), "code"));
        if (dmoney(c, buf_cstr(&p), &m)) sum_add(s, m, true, name);
        buf_free(&p);
    }
    return true;
}

/* A typed total at `total` against Σ list[].key (nothing when either is absent). */
static void total_of_list(cctx *c, const char *total, const char *list, const char *key, const char *what,
                          const char *parts)
{
    money_t t;
    sum s = {0};
    if (dmoney(c, total, &t) && sum_list(c, list, key, &s)) check_sum(c, "D-SUM", dpos(c, total), t, &s, what, parts);
    sum_free(&s);
}

static void check_finance(cctx *c)
{
    /* with tables/ these are the disclosure's figures (公开01表, 公开03表);
     * labels, the list of projects and the 结转结余 split stay the report's */
    static const char *const from_tables[] = {"finance.income.total",     "finance.income.items",
                                              "finance.expenditure.total", "finance.expenditure.items",
                                              "finance.expenditure.basic", "finance.expenditure.project",
                                              "finance.balance.begin",    "finance.balance.end"};
    for (size_t i = 0; c->u->has_tables && i < sizeof from_tables / sizeof *from_tables; i++)
        if (value_get_path(c->u->department.root, from_tables[i]))
            check_report(c, "D-FROM-TABLES", posmap_get_key(c->u->department.pos, from_tables[i]),
                         "单位有 tables/，%s的数字取自公开01表和公开03表（与决算公开同一数字），不应在 department.yaml 中另写 %s",
                         strstr(from_tables[i], "income") ? "收入" : strstr(from_tables[i], "balance") ? "结转结余" : "支出",
                         from_tables[i]);
    if (c->u->has_tables) { /* the report's own parts against the tables' wholes */
        const table *t1 = unit_table(c->u, "t01"), *t3 = unit_table(c->u, "t03");
        sum s = {0};
        if (sum_list(c, "finance.expenditure.projects", "amount", &s))
            check_sum(c, "D-SUM", posmap_get_key(c->u->department.pos, "finance.expenditure.projects"),
                      table_amount(t3, "total", "project"), &s, "项目支出（公开03表合计行）", "所列各项目");
        sum_free(&s);
        money_t b, p;
        if (dmoney(c, "finance.balance.basic", &b) && dmoney(c, "finance.balance.project", &p)) {
            sum_add(&s, b, true, "基本支出结转");
            sum_add(&s, p, true, "项目支出结转");
            check_sum(c, "D-SUM", dpos(c, "finance.balance.basic"), table_amount(t1, "exp_balance_end", "amount"), &s,
                      "年末结转和结余（公开01表）", "");
            sum_free(&s);
        }
    }
    total_of_list(c, "finance.income.total", "finance.income.items", "amount", "收入合计", "所列各项收入");
    total_of_list(c, "finance.expenditure.total", "finance.expenditure.items", "amount", "支出合计", "所列各项支出");
    total_of_list(c, "finance.expenditure.project", "finance.expenditure.projects", "amount", "项目支出",
                  "所列各项目");
    total_of_list(c, "finance.budget.current", "finance.by_function", "budget", "年初预算总数",
                  "按功能分类所列各科目的预算数");
    total_of_list(c, "finance.execution.final", "finance.by_function", "final", "决算（执行）总数",
                  "按功能分类所列各科目的决算数");
    money_t t, b, p, e;
    if (dmoney(c, "finance.expenditure.total", &t) && dmoney(c, "finance.expenditure.basic", &b) &&
        dmoney(c, "finance.expenditure.project", &p)) {
        sum s = {0};
        sum_add(&s, b, true, "基本支出");
        sum_add(&s, p, true, "项目支出");
        check_sum(c, "D-SUM", dpos(c, "finance.expenditure.total"), t, &s, "支出合计", "");
        sum_free(&s);
    }
    if (dmoney(c, "finance.balance.end", &e) && dmoney(c, "finance.balance.basic", &b) &&
        dmoney(c, "finance.balance.project", &p)) {
        sum s = {0};
        sum_add(&s, b, true, "基本支出结转");
        sum_add(&s, p, true, "项目支出结转");
        check_sum(c, "D-SUM", dpos(c, "finance.balance.end"), e, &s, "年末结转结余", "");
        sum_free(&s);
    }
    /* 年初 + 收入 − 支出 = 年末, with the income and expenditure the report states */
    money_t begin, in = 0, out = 0;
    sum si = {0}, so = {0};
    bool have_in = dmoney(c, "finance.income.total", &in) || (sum_list(c, "finance.income.items", "amount", &si) && (in = si.value, true));
    bool have_out = dmoney(c, "finance.expenditure.total", &out) ||
                    (sum_list(c, "finance.expenditure.items", "amount", &so) && (out = so.value, true));
    sum_free(&si), sum_free(&so);
    if (!c->u->has_tables && have_in && have_out && dmoney(c, "finance.balance.begin", &begin) &&
        dmoney(c, "finance.balance.end", &e) && begin + in - out != e) {
        char x[48], y[48], z[48], a[48], i2[48], o2[48];
        check_report(c, "D-BALANCE", dpos(c, "finance.balance.end"),
                     "年初结转结余 %s + 收入 %s − 支出 %s 与年末结转结余不等（前者为 %s，后者为 %s，相差 %s）",
                     check_money(c, begin, a), check_money(c, in, i2), check_money(c, out, o2),
                     check_money(c, begin + in - out, x), check_money(c, e, y), check_diff(c, begin + in - out, e, z));
    }
    /* a typed number of projects against the list */
    const value *n = value_get_path(c->u->department.root, "finance.expenditure.project_count");
    const value *l = value_get_path(c->u->department.root, "finance.expenditure.projects");
    long long typed = value_get_type(n) == VALUE_NUMBER ? strtoll(value_get_text(n), NULL, 10) : 0;
    if (value_get_type(n) == VALUE_NUMBER && value_get_type(l) == VALUE_LIST && typed != (long long)value_count(l)) {
        srcpos np = dpos(c, "finance.expenditure.project_count");
        srcpos lp = posmap_get_key(c->u->department.pos, "finance.expenditure.projects");
        long long listed = (long long)value_count(l);
        check_report(c, "D-COUNT", np,
                     "项目个数为 %lld（%s:%d:%d），finance.expenditure.projects 所列项目为 %lld 个（%s:%d:%d），相差 %lld；"
                     "两处应当一致",
                     typed, np.file, np.line, np.col, listed, lp.file, lp.line, lp.col,
                     typed > listed ? typed - listed : listed - typed);
    }
}

/* ---- scores -------------------------------------------------------------- */

/* Check the sections of a body: score <= max, a scored section's scored
 * subsections add up to it. Returns the sum of the outermost scores. */
static int64_t check_scores(cctx *c, const value *body, const char *path, bool *any)
{
    int64_t total = 0;
    for (size_t i = 0; value_get_type(body) == VALUE_LIST && i < value_count(body); i++) {
        const value *s = value_at(body, i);
        if (value_get_type(s) != VALUE_MAP) continue;
        buf p = {0};
        buf_printf(&p, "%s.%zu", path, i);
        size_t base = p.len;
        buf_puts(&p, ".text");
        bool inner = false;
        int64_t below = check_scores(c, value_get(s, "text"), buf_cstr(&p), &inner);
        p.len = base;
        p.data[base] = '\0';
        int64_t score, max;
        const value *sv = value_get(s, "score");
        const char *title = value_get_text(value_get(s, "title"));
        if (!title) title = value_get_text(value_get(s, "lead"));
        if (!title) title = buf_cstr(&p);
        char x[32], y[32];
        if (sv && perf_score_parse(sv, &score)) {
            *any = true;
            total += score;
            buf_puts(&p, ".score");
            if (value_get(s, "max") && perf_score_parse(value_get(s, "max"), &max) && score > max)
                check_report(c, "D-SCORE-MAX", dpos(c, buf_cstr(&p)), "“%s”的得分 %s 超过其分值 %s", title,
                             perf_score_format(score, x), perf_score_format(max, y));
            if (inner && below != score)
                check_report(c, "D-SCORE-GROUP", dpos(c, buf_cstr(&p)),
                             "“%s”的得分与其下各评分项之和不等（前者为 %s，后者为 %s，相差 %s）", title,
                             perf_score_format(score, x), perf_score_format(below, y),
                             perf_score_format(score > below ? score - below : below - score, (char[32]){0}));
        } else if (inner) {
            *any = true;
            total += below;
        }
        buf_free(&p);
    }
    return total;
}

static void check_score_total(cctx *c)
{
    const value *root = c->u->department.root;
    bool any = false;
    for (size_t i = 0; i < value_count(root); i++) {
        const value *v = value_at(root, i);
        const char *key = value_key_at(root, i);
        if (value_get_type(v) == VALUE_LIST) check_scores(c, v, key, &any);
        for (size_t j = 0; value_get_type(v) == VALUE_MAP && j < value_count(v); j++)
            if (value_get_type(value_at(v, j)) == VALUE_LIST) {
                buf p = {0};
                buf_printf(&p, "%s.%s", key, value_key_at(v, j));
                check_scores(c, value_at(v, j), buf_cstr(&p), &any);
                buf_free(&p);
            }
    }
    int64_t typed;
    const value *t = value_get(root, "score_total");
    char x[32], y[32];
    if (t && perf_score_parse(t, &typed) && typed != c->u->score_total)
        check_report(c, "D-SCORE-TOTAL", dpos(c, "score_total"),
                     "所写自评总分与各评分项之和不等（前者为 %s，后者为 %s，相差 %s）", perf_score_format(typed, x),
                     perf_score_format(c->u->score_total, y),
                     perf_score_format(typed > c->u->score_total ? typed - c->u->score_total : c->u->score_total - typed,
                                       (char[32]){0}));
    /* part two of the disclosure quotes the 部门整体 self-score
     * (unit.yaml other.performance.department.score): when the report's
     * sections are scored, it is their 自评总分 */
    const char *stated = "other.performance.department.score";
    const value *sv = value_get_path(c->u->yaml, stated);
    if (c->u->has_tables && c->u->has_scores && sv && perf_score_parse(sv, &typed) && typed != c->u->score_total)
        check_report(c, "D-SCORE-STATED", unit_pos(c->u, stated),
                     "第二部分所写部门整体支出绩效自评得分与 department.yaml 各评分项之和（自评总分）不等"
                     "（前者为 %s，后者为 %s，相差 %s）",
                     perf_score_format(typed, x), perf_score_format(c->u->score_total, y),
                     perf_score_format(typed > c->u->score_total ? typed - c->u->score_total : c->u->score_total - typed,
                                       (char[32]){0}));
}

/* ---- figures quoted in the text ---------------------------------------- */

static void check_figures(cctx *c)
{
    for (size_t i = 0; i < c->u->n_figures; i++) {
        const text_figure *f = &c->u->figures[i];
        if (!f->ok || !f->has_stated) continue;
        int64_t shown = f->kind == FIGURE_AMOUNT ? money_round_wan(f->value) : f->value;
        int64_t lo = f->kind == FIGURE_AMOUNT ? money_round_wan(f->lo) : f->lo;
        int64_t hi = f->kind == FIGURE_AMOUNT ? money_round_wan(f->hi) : f->hi;
        if (f->stated == shown) continue;
        char x[32], y[32], l[32], h[32];
        text_figure a = *f, b = *f;
        a.value = lo, b.value = hi;
        if (f->stated >= lo && f->stated <= hi && f->kind != FIGURE_COUNT)
            diag_add(c->d, DIAG_WARNING, "D-FIGURE", f->stated_pos,
                     "尾差：figures.%s 原文为 %s，由数据算出 %s（%s）；所依据的万元金额各有 0.005 万元的舍入，其值可在 %s 至 %s 之间",
                     f->name, figure_format(f, true, y), figure_format(f, false, x), f->op, figure_format(&a, false, l),
                     figure_format(&b, false, h));
        else
            check_report(c, "D-FIGURE", f->stated_pos, "figures.%s 原文为 %s，由数据算出为 %s（%s）", f->name,
                         figure_format(f, true, y), figure_format(f, false, x), f->op);
    }
}

/* Every {name} in the texts names a figure. */
static void check_refs(cctx *c, const value *v, buf *path)
{
    size_t base = path->len;
    if (value_get_type(v) == VALUE_STRING) {
        const char *t = value_get_text(v);
        for (const char *p = strchr(t, '{'); p; p = strchr(p + 1, '{')) {
            const char *end = p + 1;
            while ((*end >= 'a' && *end <= 'z') || (*end >= '0' && *end <= '9') || *end == '_') end++;
            if (*end != '}' || end == p + 1) continue;
            char name[128];
            snprintf(name, sizeof name, "%.*s", (int)(end - p - 1), p + 1);
            if (!unit_figure(c->u, name))
                check_report(c, "D-FIGURE-REF", dpos(c, buf_cstr(path)), "文字中的 {%s} 不是 figures 中的数字", name);
        }
        return;
    }
    for (size_t i = 0; i < value_count(v); i++) {
        path->len = base;
        if (value_get_type(v) == VALUE_MAP) {
            if (base == 0 && strcmp(value_key_at(v, i), "figures") == 0) continue;
            buf_printf(path, "%s%s", base ? "." : "", value_key_at(v, i));
        } else {
            buf_printf(path, "%s%zu", base ? "." : "", i);
        }
        check_refs(c, value_at(v, i), path);
    }
    path->len = base;
    if (path->data) path->data[base] = '\0';
}

void check_department(cctx *c)
{
    if (!c->u->department.root) return;
    int before = c->errors;
    check_yaml_schema(c, DEPARTMENT, sizeof DEPARTMENT / sizeof *DEPARTMENT, c->u->department.root,
                      c->u->department.pos);
    if (value_get_type(c->u->department.root) != VALUE_MAP) {
        check_report(c, "Y-TYPE", dpos(c, ""), "department.yaml 应是“键: 值”的映射");
        return;
    }
    check_layout(c);
    const value *in = value_get(c->u->department.root, "in_disclosure");
    if (!c->u->has_tables && value_get_type(in) == VALUE_BOOL && value_get_bool(in))
        check_report(c, "D-IN-DISCLOSURE", dpos(c, "in_disclosure"),
                     "in_disclosure: true 要把本报告也印在决算公开第四部分附件中，但单位没有 tables/（没有决算公开）：本报告只单独生成");
    if (c->errors > before) return; /* the figures below assume the types are right */
    check_finance(c);
    check_score_total(c);
    check_figures(c);
    buf path = {0};
    check_refs(c, c->u->department.root, &path);
    buf_free(&path);
}
