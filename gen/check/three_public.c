/* three_public.c — “三公” figures that are not identities (those are in
 * templates/checks/identities.yaml: 公开13表 = 公开05表 and unit.yaml): the
 * 基本支出 of the economic items that book them (公开08表 30212 / 30217 /
 * 30231 / 31013) may not exceed them, and last year's figures in
 * previous.three_public add up. */
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
    const table *t13 = unit_table(c->u, "t13"), *t8 = unit_table(c->u, "t08");
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
        free(what);
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
    check_previous(c);
}
