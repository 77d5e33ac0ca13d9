/* rows.c — identities between the columns of one row, in every row of a
 * subject table (合计 included): 合计 = 基本 + 项目 and the like, and the
 * carry-over identity of the fund tables. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

typedef struct row_rule {
    const char *table; /* spec id */
    const char *rule;
    const char *target;   /* column that holds the total */
    const char *plus[7];  /* columns added (NULL-terminated) */
    const char *minus[2]; /* columns subtracted */
    const char *parts;    /* how the message names the parts */
    bool name_parts;      /* list the column headers in the message */
} row_rule;

static const row_rule ROW_RULES[] = {
    {"t02", "T02-ROW", "total", {"fiscal", "superior_subsidy", "business", "operating", "affiliated", "other", NULL},
     {NULL}, "同行各项收入", true},
    {"t03", "T03-ROW", "total", {"basic", "project", "to_superior", "operating", "to_affiliated", NULL}, {NULL},
     "同行各项支出", true},
    {"t05", "T05-ROW", "total", {"general_budget", "government_fund", "state_capital", NULL}, {NULL},
     "同行三种财政拨款", true},
    {"t06", "T06-ROW", "total", {"basic", "project", NULL}, {NULL}, "同行基本支出与项目支出", false},
    {"t07", "T07-ROW", "total", {"personnel", "public", "project", NULL}, {NULL}, "同行人员经费、公用经费与项目支出",
     false},
    {"t10", "T10-ROW", "expenditure", {"basic", "project", NULL}, {NULL}, "同行基本支出与项目支出", false},
    {"t10", "T10-BALANCE", "balance_end", {"balance_begin", "income", NULL}, {"expenditure", NULL},
     "年初结转和结余 + 本年收入 − 本年支出小计", false},
    {"t11", "T11-ROW", "expenditure", {"basic", "project", NULL}, {NULL}, "同行基本支出与项目支出", false},
    {"t11", "T11-BALANCE", "balance_end", {"balance_begin", "income", NULL}, {"expenditure", NULL},
     "年初结转和结余 + 本年收入 − 本年支出小计", false},
    {"t12", "T12-ROW", "total", {"basic", "project", NULL}, {NULL}, "同行基本支出与项目支出", false},
};

static void apply(cctx *c, const row_rule *rr)
{
    const table *t = unit_table(c->u, rr->table);
    if (!t) return;
    int target = tcol(t, rr->target, 0);
    int plus[7], minus[2];
    size_t np = 0, nm = 0;
    if (target < 0) return;
    for (; rr->plus[np]; np++)
        if ((plus[np] = tcol(t, rr->plus[np], 0)) < 0) return;
    for (; nm < 2 && rr->minus[nm]; nm++)
        if ((minus[nm] = tcol(t, rr->minus[nm], 0)) < 0) return;
    for (size_t i = 0; i < t->n_rows; i++) {
        const char *key = t->rows[i].key;
        sum s = {0};
        for (size_t k = 0; k < np; k++) {
            const cell *x = tcell(t, key, plus[k]);
            sum_add(&s, x->amount, x->present, rr->name_parts ? t->spec->columns[plus[k]].header : NULL);
        }
        for (size_t k = 0; k < nm; k++) {
            const cell *x = tcell(t, key, minus[k]);
            sum_sub(&s, x->amount, x->present, NULL);
        }
        check_sum_cell(c, rr->rule, t, key, target, &s, rr->parts);
        sum_free(&s);
    }
}

/* 公开07表: 人员经费 belongs to 301/303, 公用经费 to 302/310/399. */
static void check_t07_kind(cctx *c)
{
    const table *t = unit_table(c->u, "t07");
    int personnel = tcol(t, "personnel", 0), public_ = tcol(t, "public", 0);
    if (personnel < 0 || public_ < 0) return;
    for (size_t i = 0; i < t->n_rows; i++) {
        const char *key = t->rows[i].key;
        if (strcmp(key, "total") == 0) continue;
        bool is_personnel = strncmp(key, "301", 3) == 0 || strncmp(key, "303", 3) == 0;
        bool is_public = strncmp(key, "302", 3) == 0 || strncmp(key, "310", 3) == 0 || strncmp(key, "399", 3) == 0;
        char x[48];
        if (!is_personnel && tval(t, key, personnel) != 0) {
            char *what = tdesc_str(c, t, key, personnel, false);
            check_report(c, "T07-KIND", tpos(t, key, personnel), "%s有金额 %s，但人员经费只属于 301、303 类", what,
                         check_money(c, tval(t, key, personnel), x));
            free(what);
        }
        if (!is_public && tval(t, key, public_) != 0) {
            char *what = tdesc_str(c, t, key, public_, false);
            check_report(c, "T07-KIND", tpos(t, key, public_), "%s有金额 %s，但公用经费只属于 302、310、399 类", what,
                         check_money(c, tval(t, key, public_), x));
            free(what);
        }
    }
}

void check_rows(cctx *c)
{
    for (size_t i = 0; i < sizeof ROW_RULES / sizeof ROW_RULES[0]; i++) apply(c, &ROW_RULES[i]);
    check_t07_kind(c);
}
