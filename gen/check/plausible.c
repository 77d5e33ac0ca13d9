/* plausible.c — rules that are not identities: negative amounts, the
 * human-written reasons against the figures they explain (a change without
 * a reason, a reason for nothing), budget completion, 机关运行经费 against
 * 公用经费, last year's totals, and the counts of section 十. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* The mapping at `path` of unit.yaml, or NULL (also when it is not a mapping:
 * the schema rules report that). */
static const value *ymap(const cctx *c, const char *path)
{
    const value *v = value_get_path(c->u->yaml, path);
    return v && value_get_type(v) == VALUE_MAP ? v : NULL;
}

/* ---- negative amounts ----------------------------------------------------- */

static void check_negative(cctx *c)
{
    char x[48];
    for (size_t i = 0; i < c->u->n_tables; i++) {
        const table *t = &c->u->tables[i];
        for (size_t r = 0; r < t->n_rows; r++) {
            const table_row *row = &t->rows[r];
            if (row->computed || strstr(row->key, "balance")) continue;
            for (size_t k = 0; k < t->spec->n_columns; k++) {
                const table_column *col = &t->spec->columns[k];
                if (col->role != COLUMN_AMOUNT || col->side != row->side || strstr(col->key, "balance")) continue;
                if (!row->cells[k].present || row->cells[k].amount >= 0) continue;
                char *what = tdesc_str(c, t, row->key, (int)k, false);
                check_report(c, "P-NEGATIVE", row->cells[k].pos, "%s为负数 %s；只有结转和结余可以为负", what,
                             check_money(c, row->cells[k].amount, x));
                free(what);
            }
        }
    }
    /* unit.yaml amounts of this year (previous.* may be negative: the wording rules handle it) */
    static const char *const paths[] = {
        "three_public.reception.domestic.amount", "three_public.reception.foreign.amount",
        "three_public.vehicles.purchased.amount", "other.admin_operating", "other.procurement.goods",
        "other.procurement.works", "other.procurement.services", "other.procurement.sme",
        "other.procurement.small_micro"};
    buf p = {0};
    const char *bkey = unit_budget_key(c->u);
    const value *budget = ymap(c, bkey);
    size_t n = sizeof paths / sizeof paths[0] + value_count(budget);
    for (size_t i = 0; i < n; i++) {
        p.len = 0;
        if (i < sizeof paths / sizeof paths[0]) buf_puts(&p, paths[i]);
        else buf_printf(&p, "%s.%s", bkey, value_key_at(budget, i - sizeof paths / sizeof paths[0]));
        money_t v;
        if (ymoney(c, buf_cstr(&p), &v) && v < 0)
            check_report(c, "P-NEGATIVE", unit_pos(c->u, buf_cstr(&p)), "%s 为负数 %s", buf_cstr(&p), check_money(c, v, x));
    }
    buf_free(&p);
}

/* ---- reasons -------------------------------------------------------------- */

/* Where a missing reason would go: reasons.KEY, else the figure it explains. */
static srcpos reason_pos(cctx *c, const char *reason, const char *figure)
{
    srcpos p = unit_pos(c->u, reason);
    return p.line ? p : unit_pos(c->u, figure);
}

/* A figure against last year: reason `reason` (reasons.KEY) should be there
 * when it changed, and is never printed when it did not. `printed` is false
 * for the 三公 reasons of a year without 三公 spending (part two then prints
 * none of them). */
static void change_reason(cctx *c, const char *reason, money_t current, const char *previous, const char *what,
                          bool printed)
{
    money_t prev;
    if (!ymoney(c, previous, &prev)) return;
    bool has = ytext(c, reason);
    char x[48], y[48];
    if (has && !printed)
        check_report(c, "P-REASON-UNUSED", posmap_get_key(c->u->yaml_pos, reason),
                     "本年没有“三公”经费支出，第二部分不写%s的变动原因，%s 不会印出", what, reason);
    else if (has && shown_equal(current, prev))
        check_report(c, "P-REASON-UNUSED", posmap_get_key(c->u->yaml_pos, reason),
                     "%s与上年持平（%s），%s 不会印出", what, check_money(c, current, x), reason);
    else if (!has && printed && !shown_equal(current, prev))
        check_report(c, "P-REASON-MISSING", reason_pos(c, reason, previous), "%s比上年有变动（上年 %s，本年 %s），但没有写 %s",
                     what, check_money(c, prev, x), check_money(c, current, y), reason);
}

static void check_change_reasons(cctx *c)
{
    const table *t1 = unit_table(c->u, "t01"), *t4 = unit_table(c->u, "t04"), *t6 = unit_table(c->u, "t06"),
                *t10 = unit_table(c->u, "t10"), *t12 = unit_table(c->u, "t12"), *t13 = unit_table(c->u, "t13");
    if (t1) change_reason(c, "reasons.total", tval(t1, "income_grand_total", tcol(t1, "amount", 0)), "previous.total",
                          "收、支总计", true);
    if (t4)
        change_reason(c, "reasons.fiscal_total", tval(t4, "income_grand_total", tcol(t4, "amount", 0)),
                      "previous.fiscal_total", "财政拨款收、支总计", true);
    if (t6)
        change_reason(c, "reasons.general_budget", tval(t6, "total", tcol(t6, "total", 0)), "previous.general_budget",
                      "一般公共预算财政拨款支出", true);
    if (t10)
        change_reason(c, "reasons.government_fund", tval(t10, "total", tcol(t10, "expenditure", 0)),
                      "previous.government_fund", "政府性基金预算财政拨款支出", true);
    if (t12)
        change_reason(c, "reasons.state_capital", tval(t12, "total", tcol(t12, "total", 0)), "previous.state_capital",
                      "国有资本经营预算财政拨款支出", true);
    money_t ao;
    if (ymoney(c, "other.admin_operating", &ao))
        change_reason(c, "reasons.admin_operating", ao, "previous.admin_operating", "机关运行经费", true);
    if (!t13) return;
    int final = tcol(t13, "final", 0), budget = tcol(t13, "budget", 0);
    money_t f = tval(t13, "total", final);
    bool spending = money_round_wan(f) != 0; /* part two prints 三公 reasons only then */
    change_reason(c, "reasons.three_public", f, "previous.three_public.total", "“三公”经费", spending);
    static const char *const parts[][3] = {{"abroad", "reasons.three_public_abroad", "因公出国（境）费"},
                                           {"vehicle", "reasons.three_public_vehicle", "公务用车购置及运行维护费"},
                                           {"reception", "reasons.three_public_reception", "公务接待费"}};
    for (size_t i = 0; i < 3; i++) {
        char prev[64];
        snprintf(prev, sizeof prev, "previous.three_public.%s", parts[i][0]);
        change_reason(c, parts[i][1], tval(t13, parts[i][0], final), prev, parts[i][2], spending);
    }
    /* 决算 against 预算 of the whole 三公 */
    money_t b = tval(t13, "total", budget);
    bool has = ytext(c, "reasons.three_public_budget");
    char x[48], y[48], z[48];
    int64_t h = 0;
    srcpos at = tpos(t13, "total", final);
    if (has && !spending)
        check_report(c, "P-REASON-UNUSED", posmap_get_key(c->u->yaml_pos, "reasons.three_public_budget"),
                     "本年没有“三公”经费支出，reasons.three_public_budget 不会印出");
    else if (has && shown_equal(f, b))
        check_report(c, "P-REASON-UNUSED", posmap_get_key(c->u->yaml_pos, "reasons.three_public_budget"),
                     "“三公”经费决算数等于预算数（%s），reasons.three_public_budget 不会印出", check_money(c, f, x));
    else if (!has && spending && money_round_wan(b) != 0 && f > b && money_percent(f, b, &h))
        check_report(c, "P-COMPLETION", at, "“三公”经费决算数 %s 大于预算数 %s（完成预算 %s%%），但没有写 reasons.three_public_budget",
                     check_money(c, f, x), check_money(c, b, y), percent_format(h, z));
    else if (!has && spending && !shown_equal(f, b) && f < b)
        check_report(c, "P-REASON-MISSING", at, "“三公”经费决算数 %s 小于预算数 %s，但没有写 reasons.three_public_budget",
                     check_money(c, f, x), check_money(c, b, y));
}

/* Each 项 of 公开06表 against its 年初预算 (budget:) and reasons.subjects. */
static void check_subjects(cctx *c)
{
    const table *t6 = unit_table(c->u, "t06");
    int col = tcol(t6, "total", 0);
    if (col < 0) return;
    char path[96], x[48], y[48], z[48];
    const char *bkey = unit_budget_key(c->u), *bname = unit_budget_name(c->u, true);
    for (size_t i = 0; i < t6->n_rows; i++) {
        const char *code = t6->rows[i].key;
        if (strlen(code) != 7) continue;
        money_t final = tval(t6, code, col), budget;
        snprintf(path, sizeof path, "%s.%s", bkey, code);
        const value *bv = value_get_path(c->u->yaml, path);
        if (bv && value_get_type(bv) != VALUE_NULL && !ymoney(c, path, &budget)) continue; /* Y-TYPE said why */
        bool has_budget = ymoney(c, path, &budget) && money_round_wan(budget) != 0;
        if (!has_budget) budget = 0;
        snprintf(path, sizeof path, "reasons.subjects.%s", code);
        bool has_reason = ytext(c, path);
        buf wb = {0};
        buf_printf(&wb, " %s %s 的", code, t6->rows[i].label);
        char *what = buf_detach(&wb);
        if (shown_equal(final, budget)) {
            if (has_reason)
                check_report(c, "P-REASON-UNUSED", posmap_get_key(c->u->yaml_pos, path),
                             "科目%s决算数等于预算数（%s），reasons.subjects 中的原因不会印出", what, check_money(c, final, x));
        } else if (!has_reason) {
            int64_t h;
            if (has_budget && final > budget && money_percent(final, budget, &h))
                check_report(c, "P-COMPLETION", tpos(t6, code, col),
                             "科目%s决算数 %s 大于%s数 %s（完成预算 %s%%），但 reasons.subjects 中没有写原因", what,
                             check_money(c, final, x), bname, check_money(c, budget, y), percent_format(h, z));
            else if (has_budget)
                check_report(c, "P-SUBJECT-REASON", tpos(t6, code, col),
                             "科目%s决算数 %s 小于%s数 %s，但 reasons.subjects 中没有写原因", what,
                             check_money(c, final, x), bname, check_money(c, budget, y));
            else
                check_report(c, "P-SUBJECT-REASON", tpos(t6, code, col),
                             "科目%s决算数为 %s，%s，但 reasons.subjects 中没有写原因", what,
                             check_money(c, final, x), strcmp(bkey, "budget") ? "未安排调整预算" : "年初未安排预算");
        }
        free(what);
    }
    /* budget entries and reasons for subjects the table does not have */
    for (int k = 0; k < 2; k++) {
        const char *block = k ? "adjusted_budget" : "budget";
        const value *budget = ymap(c, block);
        for (size_t i = 0; i < value_count(budget); i++) {
            const char *code = value_key_at(budget, i);
            if (strlen(code) == 7 && table_find_row(t6, code)) continue;
            snprintf(path, sizeof path, "%s.%s", block, code);
            if (!table_find_row(t6, code))
                check_report(c, "P-BUDGET-CODE", posmap_get_key(c->u->yaml_pos, path), "%s 中的科目 %s 不在%s（%s）中",
                             block, code, t6->spec->title, t6->spec->file);
            else
                check_report(c, "P-BUDGET-CODE", posmap_get_key(c->u->yaml_pos, path),
                             "%s 中的科目 %s 不是项级科目：%s按项级（7 位）科目填写", block, code, k ? "调整预算" : "年初预算");
        }
    }
    const value *subjects = ymap(c, "reasons.subjects");
    for (size_t i = 0; i < value_count(subjects); i++) {
        const char *code = value_key_at(subjects, i);
        if (strlen(code) == 7 && table_find_row(t6, code)) continue;
        snprintf(path, sizeof path, "reasons.subjects.%s", code);
        check_report(c, "P-REASON-UNUSED", posmap_get_key(c->u->yaml_pos, path),
                     "reasons.subjects 中的科目 %s 不是%s中的项级科目，这条原因不会印出", code, t6->spec->label);
    }
}

/* ---- other figures of unit.yaml ------------------------------------------- */

static void check_admin_operating(cctx *c)
{
    money_t ao;
    if (!ymoney(c, "other.admin_operating", &ao)) return;
    const table *t7 = unit_table(c->u, "t07"), *t8 = unit_table(c->u, "t08");
    money_t public_ = 0;
    const char *from = NULL;
    if (tcol(t7, "public", 0) >= 0 && table_find_row(t7, "total")) {
        public_ = tval(t7, "total", tcol(t7, "public", 0));
        from = t7->spec->label;
    } else if (tcol(t8, "amount", 0) >= 0) {
        static const char *const classes[] = {"302", "310", "399"};
        for (size_t i = 0; i < 3; i++) public_ += tval(t8, classes[i], tcol(t8, "amount", 0));
        from = t8->spec->label;
    }
    char x[48], y[48];
    if (from && ao > public_)
        check_report(c, "P-ADMIN-OP", unit_pos(c->u, "other.admin_operating"),
                     "机关运行经费 %s 大于%s的公用经费 %s（机关运行经费是公用经费的一部分）", check_money(c, ao, x), from,
                     check_money(c, public_, y));
}

static void check_previous(cctx *c)
{
    money_t total, fiscal, parts = 0, v;
    bool any = false;
    static const char *const funds[] = {"previous.general_budget", "previous.government_fund", "previous.state_capital"};
    for (size_t i = 0; i < 3; i++)
        if (ymoney(c, funds[i], &v) && !__builtin_add_overflow(parts, v, &parts)) any = true;
    char x[48], y[48];
    bool has_fiscal = ymoney(c, "previous.fiscal_total", &fiscal);
    if (has_fiscal && any && fiscal < parts)
        check_report(c, "P-PREV-ORDER", unit_pos(c->u, "previous.fiscal_total"),
                     "上年财政拨款收、支总计 %s 小于上年三种财政拨款支出之和 %s", check_money(c, fiscal, x),
                     check_money(c, parts, y));
    if (has_fiscal && ymoney(c, "previous.total", &total) && total < fiscal)
        check_report(c, "P-PREV-ORDER", unit_pos(c->u, "previous.total"), "上年收、支总计 %s 小于上年财政拨款收、支总计 %s",
                     check_money(c, total, x), check_money(c, fiscal, y));
}

/* A whole count at `path`; false when absent or not a count. */
static bool ycount(const cctx *c, const char *path, long long *out)
{
    const value *v = value_get_path(c->u->yaml, path);
    const char *t = v && value_get_type(v) == VALUE_NUMBER ? value_get_text(v) : NULL;
    if (!t || !*t || strlen(t) > 10 || strspn(t, "0123456789") != strlen(t)) return false;
    *out = strtoll(t, NULL, 10);
    return true;
}

static void check_other(cctx *c)
{
    /* 政府采购: small_micro <= sme <= goods + works + services */
    money_t goods = 0, works = 0, services = 0, sme, small, total = 0;
    ymoney(c, "other.procurement.goods", &goods);
    ymoney(c, "other.procurement.works", &works);
    ymoney(c, "other.procurement.services", &services);
    char x[48], y[48];
    bool ok = !__builtin_add_overflow(goods, works, &total) && !__builtin_add_overflow(total, services, &total);
    money_t given;
    if (ymoney(c, "other.procurement.total", &given)) total = given; /* a total without the types */
    bool has_sme = ymoney(c, "other.procurement.sme", &sme);
    if (ok && has_sme && sme > total)
        check_report(c, "O-PROCUREMENT", unit_pos(c->u, "other.procurement.sme"),
                     "授予中小企业合同金额 %s 大于政府采购总额 %s", check_money(c, sme, x),
                     check_money(c, total, y));
    if (has_sme && ymoney(c, "other.procurement.small_micro", &small) && small > sme)
        check_report(c, "O-PROCUREMENT", unit_pos(c->u, "other.procurement.small_micro"),
                     "授予小微企业合同金额 %s 大于授予中小企业合同金额 %s", check_money(c, small, x), check_money(c, sme, y));

    /* vehicles: total = the kinds */
    long long tot, n, counted = 0;
    if (ycount(c, "other.assets.vehicles.total", &tot)) {
        static const char *const kinds[] = {"leaders", "confidential", "emergency", "other"};
        char path[64];
        for (size_t i = 0; i < 4; i++) {
            snprintf(path, sizeof path, "other.assets.vehicles.%s", kinds[i]);
            if (ycount(c, path, &n)) counted += n;
        }
        if (counted != tot)
            check_report(c, "O-VEHICLES", unit_pos(c->u, "other.assets.vehicles.total"),
                         "车辆总数应等于各类车辆之和（应为 %lld，实为 %lld，相差 %lld）", counted, tot,
                         counted > tot ? counted - tot : tot - counted);
    }

    /* 事前绩效评估: the count and the projects listed */
    const value *projects = value_get_path(c->u->yaml, "other.performance.prior_assessment.projects");
    long long count;
    if (value_get_type(projects) == VALUE_LIST && value_count(projects) && ycount(c, "other.performance.prior_assessment.count", &count) &&
        count != (long long)value_count(projects))
        check_report(c, "O-PRIOR-ASSESS", unit_pos(c->u, "other.performance.prior_assessment.count"),
                     "事前绩效评估项目数应等于所列项目个数（应为 %zu，实为 %lld）", value_count(projects), count);
}

void check_plausible(cctx *c)
{
    check_negative(c);
    if (!c->yaml_ok) return; /* a mistyped budget: or reasons: would only add noise */
    check_subjects(c);
    check_change_reasons(c);
    check_admin_operating(c);
    check_previous(c);
    check_other(c);
}
