/* fixed.c — the identities of the fixed-row tables: 公开01表 收入支出决算总表,
 * 公开04表 财政拨款收入支出决算总表 and 公开13表 “三公” (templates/tables/
 * 01.yaml, 04.yaml, 13.yaml name the row keys used here). */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

static const char *row_label(const table *t, const char *key)
{
    int k = table_spec_row(t->spec, key);
    return k >= 0 ? t->spec->rows[k].label : key;
}

/* `target` in column `col` = Σ `keys` (NULL-terminated) in the same column. */
static void fixed_sum(cctx *c, const table *t, const char *rule, const char *target, int col,
                      const char *const *keys, const char *parts)
{
    if (col < 0) return;
    sum s = {0};
    for (size_t i = 0; keys[i]; i++) sum_cell(&s, t, keys[i], col, row_label(t, keys[i]));
    check_sum_cell(c, rule, t, target, col, &s, parts);
    sum_free(&s);
}

/* The keys of the class rows (exp_NNN) on side 1, NULL-terminated (caller frees). */
static const char **class_rows(const table *t)
{
    const char **keys = xcalloc(t->spec->n_rows + 1, sizeof *keys);
    size_t n = 0;
    for (size_t i = 0; i < t->spec->n_rows; i++) {
        const char *k = t->spec->rows[i].key;
        if (strncmp(k, "exp_", 4) == 0 && k[4] >= '0' && k[4] <= '9') keys[n++] = k;
    }
    return keys;
}

static void check_t01(cctx *c)
{
    const table *t = unit_table(c->u, "t01");
    if (!t) return;
    int in = tcol(t, "amount", 0), out = tcol(t, "amount", 1);
    static const char *const income[] = {"income_general_budget", "income_government_fund", "income_state_capital",
                                         "income_superior_subsidy", "income_business", "income_operating",
                                         "income_affiliated", "income_other", NULL};
    fixed_sum(c, t, "T01-IN-TOTAL", "income_total", in, income, "各项收入");
    static const char *const in_grand[] = {"income_total", "income_nonfiscal_balance_used", "income_balance_begin",
                                           NULL};
    fixed_sum(c, t, "T01-IN-GRAND", "income_grand_total", in, in_grand, "");
    const char **classes = class_rows(t);
    fixed_sum(c, t, "T01-EXP-TOTAL", "exp_total", out, classes, "各类支出");
    free(classes);
    static const char *const out_grand[] = {"exp_total", "exp_balance_distribution", "exp_balance_end", NULL};
    fixed_sum(c, t, "T01-EXP-GRAND", "exp_grand_total", out, out_grand, "");
    if (in >= 0 && out >= 0)
        check_equal(c, "T01-BALANCE", tpos(t, "exp_grand_total", out), tval(t, "exp_grand_total", out),
                    tval(t, "income_grand_total", in), "支出“总计”", tpos(t, "income_grand_total", in), "收入“总计”");
}

static void check_t04(cctx *c)
{
    const table *t = unit_table(c->u, "t04");
    if (!t) return;
    int in = tcol(t, "amount", 0);
    static const char *const funds[] = {"general_budget", "government_fund", "state_capital"};
    int cols[4] = {tcol(t, "total", 1), tcol(t, "general_budget", 1), tcol(t, "government_fund", 1),
                   tcol(t, "state_capital", 1)};

    static const char *const income[] = {"income_general_budget", "income_government_fund", "income_state_capital",
                                         NULL};
    fixed_sum(c, t, "T04-IN-TOTAL", "income_total", in, income, "三项财政拨款收入");
    static const char *const begin[] = {"balance_begin_general_budget", "balance_begin_government_fund",
                                        "balance_begin_state_capital", NULL};
    fixed_sum(c, t, "T04-BEGIN", "balance_begin", in, begin, "其下三项");
    static const char *const grand[] = {"income_total", "balance_begin", NULL};
    fixed_sum(c, t, "T04-IN-GRAND", "income_grand_total", in, grand, "");

    /* every right-hand row: 合计 = the three kinds of appropriation */
    if (cols[0] >= 0 && cols[1] >= 0 && cols[2] >= 0 && cols[3] >= 0)
        for (size_t i = 0; i < t->n_rows; i++) {
            const table_row *r = &t->rows[i];
            if (r->side != 1) continue;
            sum s = {0};
            for (int k = 1; k < 4; k++) sum_cell(&s, t, r->key, cols[k], t->spec->columns[cols[k]].header);
            check_sum_cell(c, "T04-ROW", t, r->key, cols[0], &s, "同行三种财政拨款");
            sum_free(&s);
        }
    const char **classes = class_rows(t);
    static const char *const exp_grand[] = {"exp_total", "balance_end", NULL};
    for (int k = 0; k < 4; k++) {
        fixed_sum(c, t, "T04-EXP-TOTAL", "exp_total", cols[k], classes, "各类支出");
        fixed_sum(c, t, "T04-EXP-GRAND", "exp_grand_total", cols[k], exp_grand, "");
    }
    free(classes);
    if (in >= 0 && cols[0] >= 0)
        check_equal(c, "T04-BALANCE", tpos(t, "exp_grand_total", cols[0]), tval(t, "exp_grand_total", cols[0]),
                    tval(t, "income_grand_total", in), "支出“总计”", tpos(t, "income_grand_total", in), "收入“总计”");

    /* each kind of appropriation: 年末 = 年初 + 本年收入 − 本年支出 */
    for (int k = 0; k < 3 && in >= 0; k++) {
        int col = cols[k + 1];
        if (col < 0) continue;
        char begin_key[64], income_key[64];
        snprintf(begin_key, sizeof begin_key, "balance_begin_%s", funds[k]);
        snprintf(income_key, sizeof income_key, "income_%s", funds[k]);
        sum s = {0};
        sum_cell(&s, t, begin_key, in, NULL);
        sum_cell(&s, t, income_key, in, NULL);
        const cell *x = tcell(t, "exp_total", col);
        if (x) sum_sub(&s, x->amount, x->present, NULL);
        buf parts = {0};
        buf_printf(&parts, "%s的年初结转和结余 + 本年收入 − 本年支出合计", t->spec->columns[col].header);
        check_sum_cell(c, "T04-FUND", t, "balance_end", col, &s, buf_cstr(&parts));
        buf_free(&parts);
        sum_free(&s);
    }
}

static void check_t13(cctx *c)
{
    const table *t = unit_table(c->u, "t13");
    if (!t) return;
    static const char *const total[] = {"abroad", "vehicle", "reception", NULL};
    static const char *const vehicle[] = {"vehicle_purchase", "vehicle_operation", NULL};
    static const char *const cols[] = {"budget", "final"};
    for (int k = 0; k < 2; k++) {
        int col = tcol(t, cols[k], 0);
        fixed_sum(c, t, "T13-TOTAL", "total", col, total, "三项经费");
        fixed_sum(c, t, "T13-VEHICLE", "vehicle", col, vehicle, "购置费与运行维护费");
    }
}

void check_fixed(cctx *c)
{
    check_t01(c);
    check_t04(c);
    check_t13(c);
}
