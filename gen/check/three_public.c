/* three_public.c — “三公” figures against each other: 公开13表 against the
 * economic items that book them (公开05表 and 公开08表 30212 / 30217 /
 * 30231 / 31013), against the amounts unit.yaml three_public gives, and
 * last year's figures in previous.three_public. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

static const struct {
    const char *row;  /* 公开13表 row */
    const char *code; /* 经济分类 款 */
} ITEMS[] = {
    {"abroad", "30212"},
    {"reception", "30217"},
    {"vehicle_operation", "30231"},
    {"vehicle_purchase", "31013"},
};

static void check_economic(cctx *c)
{
    const table *t13 = unit_table(c->u, "t13"), *t5 = unit_table(c->u, "t05"), *t8 = unit_table(c->u, "t08");
    int final = tcol(t13, "final", 0);
    if (final < 0) return;
    char x[48], y[48];
    for (size_t i = 0; i < sizeof ITEMS / sizeof ITEMS[0]; i++) {
        money_t f = tval(t13, ITEMS[i].row, final);
        char *what = tdesc_str(c, t13, ITEMS[i].row, final, true);
        int a8 = tcol(t8, "amount", 0);
        if (a8 >= 0 && tval(t8, ITEMS[i].code, a8) > f) {
            char *econ = tdesc_str(c, t8, ITEMS[i].code, a8, true);
            check_report(c, "X13-08", tpos(t8, ITEMS[i].code, a8),
                         "%s（基本支出）为 %s，大于%s %s；“三公”经费应包含这一经济科目的全部财政拨款支出", econ,
                         check_money(c, tval(t8, ITEMS[i].code, a8), x), what, check_money(c, f, y));
            free(econ);
        }
        int a5 = tcol(t5, "total", 0);
        if (a5 >= 0 && tval(t5, ITEMS[i].code, a5) != f) {
            char *econ = tdesc_str(c, t5, ITEMS[i].code, a5, true);
            buf m = {0};
            buf_printf(&m, "%s（财政拨款支出的经济科目）", econ);
            check_equal(c, "X13-05", tpos(t13, ITEMS[i].row, final), f, tval(t5, ITEMS[i].code, a5), what,
                        buf_cstr(&m));
            buf_free(&m);
            free(econ);
        }
        free(what);
    }
}

/* 公开13表 against unit.yaml three_public (the amounts part two prints). */
static void check_yaml(cctx *c)
{
    const table *t13 = unit_table(c->u, "t13");
    int final = tcol(t13, "final", 0);
    if (final < 0) return;
    money_t dom, fgn;
    bool has_dom = ymoney(c, "three_public.reception.domestic.amount", &dom);
    bool has_fgn = ymoney(c, "three_public.reception.foreign.amount", &fgn);
    if (has_dom || has_fgn) {
        sum s = {0};
        sum_add(&s, dom, has_dom, "domestic.amount");
        sum_add(&s, fgn, has_fgn, "foreign.amount");
        char *what = tdesc_str(c, t13, "reception", final, true);
        check_sum(c, "X13-YAML",
                  unit_pos(c->u, has_dom ? "three_public.reception.domestic.amount"
                                         : "three_public.reception.foreign.amount"),
                  tval(t13, "reception", final), &s, what, "unit.yaml three_public.reception 的国内与外事接待金额");
        free(what);
        sum_free(&s);
    }
    money_t bought;
    if (ymoney(c, "three_public.vehicles.purchased.amount", &bought)) {
        char *other = tdesc_str(c, t13, "vehicle_purchase", final, true);
        check_equal(c, "X13-YAML", unit_pos(c->u, "three_public.vehicles.purchased.amount"), bought,
                    tval(t13, "vehicle_purchase", final), "three_public.vehicles.purchased.amount", other);
        free(other);
    }
}

/* previous.three_public: 合计 = 出国 + 用车 + 接待, 用车 = 购置 + 运行. */
static void check_previous(cctx *c)
{
    static const struct {
        const char *target;
        const char *parts[4];
    } SUMS[] = {
        {"total", {"abroad", "vehicle", "reception", NULL}},
        {"vehicle", {"vehicle_purchase", "vehicle_operation", NULL}},
    };
    for (size_t i = 0; i < 2; i++) {
        char path[96];
        snprintf(path, sizeof path, "previous.three_public.%s", SUMS[i].target);
        money_t total;
        if (!ymoney(c, path, &total)) continue;
        sum s = {0};
        bool any = false;
        for (size_t k = 0; SUMS[i].parts[k]; k++) {
            money_t v;
            snprintf(path, sizeof path, "previous.three_public.%s", SUMS[i].parts[k]);
            bool has = ymoney(c, path, &v);
            any = any || has;
            sum_add(&s, v, has, SUMS[i].parts[k]);
        }
        snprintf(path, sizeof path, "previous.three_public.%s", SUMS[i].target);
        if (any) check_sum(c, "Y-PREV-3P", unit_pos(c->u, path), total, &s, path, "其各项");
        sum_free(&s);
    }
}

void check_three_public(cctx *c)
{
    check_economic(c);
    check_yaml(c);
    check_previous(c);
}
