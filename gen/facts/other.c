/* other.c — facts of 第二部分 八、九 (政府性基金, 国有资本经营) and 十、其他重要
 * 事项 (机关运行经费, 政府采购, 国有资产, 预算绩效管理). */
#include "internal.h"

#include <string.h>

/* 八/九: spending of one fund from its table, its share of 本年支出合计 and
 * the change against last year. has_funds is false when there was neither
 * spending nor income this year nor spending last year (the "无…" sentence). */
value *facts_fund(fctx *c, const char *table_id, const char *column, const char *previous_path,
                  const char *reason_path)
{
    value *m = value_new_map();
    const table *t = fctx_table(c, table_id);
    const table *t1 = fctx_table(c, "t01");
    money_t amount = table_amount(t, "total", column);
    money_t prev = fctx_money(c, previous_path, false);
    value_set(m, "amount", facts_amount(amount));
    int64_t h;
    money_t year_exp = table_amount(t1, "exp_total", "amount");
    value_set(m, "share", money_percent(amount, year_exp, &h) ? facts_percent(h, c->o) : value_new_null());
    value_set(m, "change", facts_change(amount, prev, c->o));
    value_set_bool(m, "has_funds", table_has_data(t) || money_round_wan(prev) != 0);
    set_reason(c, m, "reason", reason_path);
    return m;
}

static value *share_of(fctx *c, money_t part, money_t whole)
{
    int64_t h;
    return money_percent(part, whole, &h) ? facts_percent(h, c->o) : facts_percent(0, c->o);
}

static void set_text(fctx *c, value *m, const char *key, const char *path)
{
    const char *t = fctx_text(c, path, false);
    value_set(m, key, t ? value_new_string(t) : value_new_null());
}

value *facts_other(fctx *c)
{
    value *m = value_new_map();
    /* (一) 机关运行经费 */
    value *ao = value_set(m, "admin_operating", value_new_map());
    money_t cur = fctx_money(c, "other.admin_operating", true);
    value_set(ao, "amount", facts_amount(cur));
    value_set(ao, "change", facts_change(cur, fctx_money(c, "previous.admin_operating", true), c->o));
    set_reason(c, ao, "reason", "reasons.admin_operating");

    /* (二) 政府采购 */
    value *pr = value_set(m, "procurement", value_new_map());
    money_t goods = fctx_money(c, "other.procurement.goods", false);
    money_t works = fctx_money(c, "other.procurement.works", false);
    money_t services = fctx_money(c, "other.procurement.services", false);
    money_t sme = fctx_money(c, "other.procurement.sme", false);
    money_t small = fctx_money(c, "other.procurement.small_micro", false);
    money_t total = goods + works + services;
    /* by type (货物/工程/服务) when the unit gives it; a total alone is fine */
    bool typed = unit_has(c->u, "other.procurement.goods") || unit_has(c->u, "other.procurement.works") ||
                 unit_has(c->u, "other.procurement.services");
    if (unit_has(c->u, "other.procurement.total")) {
        money_t given = fctx_money(c, "other.procurement.total", false);
        if (typed && given != total) {
            char b[32];
            diag_error(c->diags, unit_pos(c->u, "other.procurement.total"),
                       "政府采购支出总额应等于货物、工程、服务之和（应为 %s 万元）", money_format_wan(total, false, b));
            c->errors++;
        }
        total = given;
    }
    value_set_bool(pr, "has_types", typed);
    value_set(pr, "total", facts_amount(total));
    value_set_bool(pr, "has_procurement", money_round_wan(total) != 0);
    value_set(pr, "goods", facts_amount(goods));
    value_set(pr, "works", facts_amount(works));
    value_set(pr, "services", facts_amount(services));
    value_set(pr, "sme", facts_amount(sme));
    value_set(pr, "sme_share", share_of(c, sme, total));
    value_set(pr, "small_micro", facts_amount(small));
    value_set(pr, "small_micro_share", share_of(c, small, total));
    set_text(c, pr, "use", "other.procurement.use");
    if (sme > total || small > sme) {
        diag_error(c->diags, unit_pos(c->u, sme > total ? "other.procurement.sme" : "other.procurement.small_micro"),
                   "政府采购：授予小微企业金额不应大于授予中小企业金额，授予中小企业金额不应大于采购总额");
        c->errors++;
    }

    /* (三) 国有资产占有使用 */
    value *as = value_set(m, "assets", value_new_map());
    value *veh = value_set(as, "vehicles", value_new_map());
    static const char *const kinds[] = {"total", "leaders", "confidential", "emergency", "other"};
    int64_t sum = 0, tot = 0;
    for (size_t i = 0; i < 5; i++) {
        char path[64];
        snprintf(path, sizeof path, "other.assets.vehicles.%s", kinds[i]);
        int64_t n = fctx_count(c, path, false);
        value_set_int(veh, kinds[i], n);
        if (i == 0) tot = n;
        else sum += n;
    }
    if (sum != tot) {
        diag_error(c->diags, unit_pos(c->u, "other.assets.vehicles.total"),
                   "车辆总数应等于各类车辆之和（应为 %lld，实为 %lld）", (long long)sum, (long long)tot);
        c->errors++;
    }
    set_text(c, veh, "other_use", "other.assets.vehicles.other_use");
    value *eq = value_set(as, "equipment", value_new_map());
    value_set_int(eq, "count", fctx_count(c, "other.assets.equipment_over_1m.count", false));
    set_text(c, eq, "names", "other.assets.equipment_over_1m.names");

    /* (四) 预算绩效管理: a step for each figure the unit gives, in the order
     * of the budget year; the template prints only those */
    value *pf = value_set(m, "performance", value_new_map());
    value *steps = value_set(pf, "steps", value_new_list());
    static const struct {
        const char *flag, *count, *projects;
    } STEPS[] = {
        {"is_prior", "other.performance.prior_assessment.count", "other.performance.prior_assessment.projects"},
        {"is_targets", "other.performance.targets", NULL},
        {"is_monitored", "other.performance.monitored", NULL},
        {"is_self", "other.performance.self_evaluated", "other.performance.evaluated_projects"},
    };
    for (size_t s = 0; s < sizeof STEPS / sizeof STEPS[0]; s++) {
        if (!unit_has(c->u, STEPS[s].count)) continue;
        int64_t n = fctx_count(c, STEPS[s].count, false);
        const value *projects = STEPS[s].projects ? value_get_path(c->u->yaml, STEPS[s].projects) : NULL;
        if (s == 0 && n == 0 && !value_count(projects)) continue; /* no 事前绩效评估: no "组织对0个项目" */
        value *st = value_append(steps, value_new_map());
        value_set_bool(st, STEPS[s].flag, true);
        value_set_bool(st, "planning", value_count(steps) == 1 && s < 2); /* "在…年度预算编制阶段，" */
        value_set_int(st, "count", n);
        buf b = {0};
        for (size_t i = 0; i < value_count(projects); i++) {
            const char *t = value_get_text(value_at(projects, i));
            if (!t) continue;
            if (b.len) buf_puts(&b, "、");
            buf_puts(&b, t);
        }
        value_set(st, "projects", b.len ? value_new_string(buf_cstr(&b)) : value_new_null());
        buf_free(&b);
        if (value_count(projects) && (int64_t)value_count(projects) != n) {
            diag_error(c->diags, unit_pos(c->u, STEPS[s].count), "%s项目数应等于所列项目个数（应为 %zu）",
                       s == 0 ? "事前绩效评估" : "绩效自评", value_count(projects));
            c->errors++;
        }
    }
    for (size_t i = 0; i < value_count(steps); i++) value_set_bool(value_at(steps, i), "last", i + 1 == value_count(steps));
    value_set_bool(pf, "has_steps", value_count(steps) > 0);
    /* 部门整体支出绩效自评: the self-score (0–100, up to 2 decimals) and its summary */
    value *dep = value_set(pf, "department", value_new_null());
    const value *score = value_get_path(c->u->yaml, "other.performance.department.score");
    if (unit_has(c->u, "other.performance.department.score")) {
        money_t h = 0; /* hundredths of a point, parsed exactly as 元 are */
        const char *t = value_get_type(score) == VALUE_NUMBER ? value_get_text(score) : NULL;
        if (!t || money_parse(t, MONEY_YUAN, &h) != MONEY_OK || h < 0 || h > 10000) {
            diag_error(c->diags, unit_pos(c->u, "other.performance.department.score"),
                       "部门整体支出绩效自评得分应是 0 至 100 之间的数（最多 2 位小数）");
            c->errors++;
        } else {
            dep = value_set(pf, "department", value_new_map());
            value_set_string(dep, "score", t);
            set_text(c, dep, "summary", "other.performance.department.summary");
        }
    } else if (unit_has(c->u, "other.performance.department")) {
        diag_error(c->diags, unit_pos(c->u, "other.performance.department"),
                   "other.performance.department 应有 score（部门整体支出绩效自评得分）");
        c->errors++;
    }
    return m;
}
