/* three_public.c — facts of 第二部分 七、财政拨款“三公”经费支出决算情况:
 * budget against final, change against last year, each part's share, and
 * the quantities unit.yaml gives (trips, vehicles, receptions). */
#include "internal.h"

#include <string.h>

typedef struct part {
    const char *key;    /* row key of 公开13表 and key under previous.three_public */
    const char *reason; /* reasons.* key */
} part;

static const part PARTS[] = {
    {"abroad", "reasons.three_public_abroad"},
    {"vehicle", "reasons.three_public_vehicle"},
    {"reception", "reasons.three_public_reception"},
};
enum { N_PARTS = sizeof PARTS / sizeof PARTS[0] };

static value *counts(fctx *c, const char *path, const char *const *keys, size_t n)
{
    value *m = value_new_map();
    char p[128];
    for (size_t i = 0; i < n; i++) {
        snprintf(p, sizeof p, "%s.%s", path, keys[i]);
        value_set_int(m, keys[i], fctx_count(c, p, false));
    }
    return m;
}

static void set_text(fctx *c, value *m, const char *key, const char *path)
{
    const char *t = fctx_text(c, path, false);
    value_set(m, key, t ? value_new_string(t) : value_new_null());
}

/* The vehicles bought, by type with 数量 and 金额, when the unit gives them
 * (three_public.vehicles.purchased.types): their counts add up to
 * purchased.total and their amounts to purchased.amount, where given. */
static void purchased_types(fctx *c, value *bought)
{
    const value *types = value_get_path(c->u->yaml, "three_public.vehicles.purchased.types");
    value *list = value_set(bought, "types", value_new_list());
    int64_t n = 0;
    money_t sum = 0;
    for (size_t i = 0; i < value_count(types); i++) {
        char path[96];
        snprintf(path, sizeof path, "three_public.vehicles.purchased.types.%zu.type", i);
        const char *type = fctx_text(c, path, true);
        snprintf(path, sizeof path, "three_public.vehicles.purchased.types.%zu.count", i);
        int64_t k = fctx_count(c, path, true);
        snprintf(path, sizeof path, "three_public.vehicles.purchased.types.%zu.amount", i);
        money_t a = fctx_money(c, path, true);
        n += k, sum += a;
        value *it = value_append(list, value_new_map());
        value_set_string(it, "type", type ? type : "");
        value_set_int(it, "count", k);
        value_set(it, "amount", facts_amount(a));
        value_set_bool(it, "last", i + 1 == value_count(types));
    }
    value_set_bool(bought, "has_types", value_count(list) > 0);
    if (!value_count(list)) return;
    if (unit_has(c->u, "three_public.vehicles.purchased.total") &&
        n != fctx_count(c, "three_public.vehicles.purchased.total", false)) {
        diag_error(c->diags, unit_pos(c->u, "three_public.vehicles.purchased.total"),
                   "购置车辆总数应等于 types 中各类车辆数之和（应为 %lld）", (long long)n);
        c->errors++;
    }
    if (unit_has(c->u, "three_public.vehicles.purchased.amount") &&
        sum != fctx_money(c, "three_public.vehicles.purchased.amount", false)) {
        char b[32];
        diag_error(c->diags, unit_pos(c->u, "three_public.vehicles.purchased.amount"),
                   "购置金额应等于 types 中各类车辆金额之和（应为 %s 万元）", money_format_wan(sum, false, b));
        c->errors++;
    }
}

value *facts_three_public(fctx *c)
{
    value *m = value_new_map();
    const table *t13 = fctx_table(c, "t13");
    money_t final = table_amount(t13, "total", "final");
    money_t budget = table_amount(t13, "total", "budget");
    money_t prev = fctx_money(c, "previous.three_public.total", true);
    value_set_bool(m, "has_spending", money_round_wan(final) != 0);
    value *total = value_set(m, "total", facts_completion(final, budget, c->o));
    value_set(total, "change", facts_change(final, prev, c->o));
    set_reason(c, m, "reason", "reasons.three_public");
    set_reason(c, m, "budget_reason", "reasons.three_public_budget");

    money_t finals[N_PARTS];
    int64_t shares[N_PARTS];
    for (size_t i = 0; i < N_PARTS; i++) finals[i] = table_amount(t13, PARTS[i].key, "final");
    bool ok = facts_shares(finals, N_PARTS, final, c->o, shares);
    for (size_t i = 0; i < N_PARTS; i++) {
        int r = t13 ? table_spec_row(t13->spec, PARTS[i].key) : -1;
        value *it = value_set(m, PARTS[i].key,
                              facts_completion(finals[i], table_amount(t13, PARTS[i].key, "budget"), c->o));
        value_set_string(it, "name", r >= 0 ? t13->spec->rows[r].label : PARTS[i].key);
        value_set(it, "share", ok ? facts_percent(shares[i], c->o) : value_new_null());
        char path[64];
        snprintf(path, sizeof path, "previous.three_public.%s", PARTS[i].key);
        value_set(it, "change", facts_change(finals[i], fctx_money(c, path, true), c->o));
        set_reason(c, it, "reason", PARTS[i].reason);
    }

    /* 因公出国（境）: groups and persons */
    value *abroad = value_get(m, "abroad");
    value_set_int(abroad, "groups", fctx_count(c, "three_public.abroad.groups", false));
    value_set_int(abroad, "persons", fctx_count(c, "three_public.abroad.persons", false));
    set_text(c, abroad, "content", "three_public.abroad.content");

    /* 公务用车: purchase and operation, vehicles bought and held */
    static const char *const kinds[] = {"total", "sedans", "suvs", "buses"};
    value *veh = value_get(m, "vehicle");
    value_set(veh, "purchase", facts_amount(table_amount(t13, "vehicle_purchase", "final")));
    value_set(veh, "operation", facts_amount(table_amount(t13, "vehicle_operation", "final")));
    value *bought = value_set(veh, "purchased", counts(c, "three_public.vehicles.purchased", kinds, 4));
    purchased_types(c, bought);
    value_set(veh, "held", counts(c, "three_public.vehicles.held", kinds, 4));
    set_text(c, veh, "operation_use", "three_public.vehicles.operation_use");

    /* 公务接待: domestic and foreign */
    value *rec = value_get(m, "reception");
    static const char *const who[] = {"domestic", "foreign"};
    for (size_t i = 0; i < 2; i++) {
        char path[96];
        snprintf(path, sizeof path, "three_public.reception.%s", who[i]);
        value *w = value_set(rec, who[i], value_new_map());
        snprintf(path, sizeof path, "three_public.reception.%s.amount", who[i]);
        value_set(w, "amount", facts_amount(fctx_money(c, path, false)));
        snprintf(path, sizeof path, "three_public.reception.%s.batches", who[i]);
        value_set_int(w, "batches", fctx_count(c, path, false));
        snprintf(path, sizeof path, "three_public.reception.%s.persons", who[i]);
        value_set_int(w, "persons", fctx_count(c, path, false));
        snprintf(path, sizeof path, "three_public.reception.%s.use", who[i]);
        set_text(c, w, "use", path);
        snprintf(path, sizeof path, "three_public.reception.%s.content", who[i]);
        set_text(c, w, "content", path);
    }
    return m;
}
