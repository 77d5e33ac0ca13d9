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

    /* (四) 预算绩效管理 */
    value *pf = value_set(m, "performance", value_new_map());
    value *pa = value_set(pf, "prior_assessment", value_new_map());
    value_set_int(pa, "count", fctx_count(c, "other.performance.prior_assessment.count", false));
    const value *projects = value_get_path(c->u->yaml, "other.performance.prior_assessment.projects");
    buf b = {0};
    for (size_t i = 0; i < value_count(projects); i++) {
        const char *t = value_get_text(value_at(projects, i));
        if (!t) continue;
        if (b.len) buf_puts(&b, "、");
        buf_puts(&b, t);
    }
    value_set_string(pa, "projects", buf_cstr(&b));
    if (value_count(projects) && (int64_t)value_count(projects) != fctx_count(c, "other.performance.prior_assessment.count", false)) {
        diag_error(c->diags, unit_pos(c->u, "other.performance.prior_assessment.count"),
                   "事前绩效评估项目数应等于所列项目个数（应为 %zu）", value_count(projects));
        c->errors++;
    }
    buf_free(&b);
    value_set_int(pf, "targets", fctx_count(c, "other.performance.targets", false));
    value_set_int(pf, "monitored", fctx_count(c, "other.performance.monitored", false));
    value_set_int(pf, "self_evaluated", fctx_count(c, "other.performance.self_evaluated", false));
    return m;
}
