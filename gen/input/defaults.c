/* defaults.c — the stated rules for fields of unit.yaml a published report
 * often leaves out, and which budget 完成预算 compares with. */
#include "input.h"

#include <stdlib.h>
#include <string.h>

/* An amount of unit.yaml at `path`; false when absent or not an amount. */
static bool amount_at(const unit *u, const char *path, money_t *out)
{
    const value *v = value_get_path(u->yaml, path);
    *out = 0;
    if (!v || value_get_type(v) == VALUE_NULL) return true; /* absent counts as 0 here; a bad value stops the default */
    return value_get_type(v) == VALUE_NUMBER && money_parse(value_get_text(v), u->money_unit, out) == MONEY_OK;
}

/* `v` 分 as a number in the unit's money unit, exactly. */
static value *amount_value(const unit *u, money_t v)
{
    int64_t per = u->money_unit == MONEY_WANYUAN ? MONEY_FEN_PER_WANYUAN : MONEY_FEN_PER_YUAN;
    int places = u->money_unit == MONEY_WANYUAN ? 6 : 2;
    uint64_t a = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    char b[64];
    snprintf(b, sizeof b, "%s%llu.%0*llu", v < 0 ? "-" : "", (unsigned long long)(a / (uint64_t)per), places,
             (unsigned long long)(a % (uint64_t)per));
    return value_new_number(b);
}

bool unit_has(const unit *u, const char *path)
{
    const value *v = value_get_path(u->yaml, path);
    return v && value_get_type(v) != VALUE_NULL;
}

void unit_defaults(unit *u)
{
    /* previous.three_public: vehicle = purchase + operation, total = the three parts */
    value *tp = value_get_path(u->yaml, "previous.three_public");
    if (!tp || value_get_type(tp) != VALUE_MAP) return;
    money_t a, b, r;
    if (!unit_has(u, "previous.three_public.vehicle") &&
        (unit_has(u, "previous.three_public.vehicle_purchase") || unit_has(u, "previous.three_public.vehicle_operation")) &&
        amount_at(u, "previous.three_public.vehicle_purchase", &a) &&
        amount_at(u, "previous.three_public.vehicle_operation", &b))
        value_set(tp, "vehicle", amount_value(u, a + b));
    if (!unit_has(u, "previous.three_public.total") && amount_at(u, "previous.three_public.abroad", &a) &&
        amount_at(u, "previous.three_public.vehicle", &b) && amount_at(u, "previous.three_public.reception", &r))
        value_set(tp, "total", amount_value(u, a + b + r));
}

const char *unit_budget_key(const unit *u)
{
    const char *basis = value_get_text(value_get(u->yaml, "budget_basis"));
    if (basis && strcmp(basis, "调整预算") == 0) return "adjusted_budget";
    if (basis && strcmp(basis, "年初预算") == 0) return "budget";
    if (!unit_has(u, "budget") && unit_has(u, "adjusted_budget")) return "adjusted_budget";
    return "budget";
}

const char *unit_budget_name(const unit *u, bool always)
{
    bool named = unit_has(u, "budget_basis") || unit_has(u, "adjusted_budget");
    if (!named && !always) return "预算";
    return strcmp(unit_budget_key(u), "adjusted_budget") == 0 ? "调整预算" : "年初预算";
}
