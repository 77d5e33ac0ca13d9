/* cross.c — 表间: the same figure in two tables (公开01↔02↔03, 04↔06/10/11/12,
 * 05↔07/10/12, 06↔08/09, 07↔08/09, 11↔12). A difference is reported at
 * the cell of the first table named in the rule's description. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* a[akey][acol] = b[bkey][bcol], reported at a's cell. */
static void cmp_one(cctx *c, const char *rule, const table *a, const char *akey, int acol, const table *b,
                    const char *bkey, int bcol)
{
    if (!a || !b || acol < 0 || bcol < 0) return;
    money_t x = tval(a, akey, acol), y = tval(b, bkey, bcol);
    if (x == y) return;
    char *what = tdesc_str(c, a, akey, acol, true), *other = tdesc_str(c, b, bkey, bcol, true);
    check_equal(c, rule, tpos(a, akey, acol), x, y, what, other);
    free(what);
    free(other);
}

static bool has_key(const table *t, const char *key, size_t upto)
{
    for (size_t i = 0; i < upto && i < t->n_rows; i++)
        if (strcmp(t->rows[i].key, key) == 0) return true;
    return false;
}

/* Row by row over the union of two subject tables' rows: a.acol = b.bcol. */
static void cmp_rows(cctx *c, const char *rule, const table *a, const char *acol_key, const table *b,
                     const char *bcol_key)
{
    int acol = tcol(a, acol_key, 0), bcol = tcol(b, bcol_key, 0);
    if (acol < 0 || bcol < 0) return;
    for (size_t i = 0; i < a->n_rows; i++) cmp_one(c, rule, a, a->rows[i].key, acol, b, a->rows[i].key, bcol);
    for (size_t i = 0; i < b->n_rows; i++)
        if (!has_key(a, b->rows[i].key, a->n_rows)) cmp_one(c, rule, a, b->rows[i].key, acol, b, b->rows[i].key, bcol);
}

/* The class rows (exp_NNN) of a fixed table against the 3-digit rows of a
 * subject table: f.fcol = s.scol, reported at f's cell; a class the fixed
 * table has no row for is reported at the subject table's cell. */
static void cmp_classes(cctx *c, const char *rule, const table *f, int fcol, const table *s, const char *scol_key)
{
    int scol = tcol(s, scol_key, 0);
    if (!f || fcol < 0 || scol < 0) return;
    char key[32];
    for (size_t i = 0; i < f->spec->n_rows; i++) {
        const char *k = f->spec->rows[i].key;
        if (strncmp(k, "exp_", 4) != 0 || strlen(k) != 7 || k[4] < '0' || k[4] > '9') continue;
        cmp_one(c, rule, f, k, fcol, s, k + 4, scol);
    }
    for (size_t i = 0; i < s->n_rows; i++) {
        const char *code = s->rows[i].key;
        if (strlen(code) != 3) continue;
        snprintf(key, sizeof key, "exp_%s", code);
        if (table_spec_row(f->spec, key) >= 0 || tval(s, code, scol) == 0) continue;
        char x[48];
        char *what = tdesc_str(c, s, code, scol, true);
        check_report(c, rule, tpos(s, code, scol), "%s有金额 %s，但%s没有这一类支出的行（见 %s）", what,
                     check_money(c, tval(s, code, scol), x), f->spec->label, f->spec->path);
        free(what);
    }
}

static void check_01(cctx *c)
{
    const table *t1 = unit_table(c->u, "t01"), *t2 = unit_table(c->u, "t02"), *t3 = unit_table(c->u, "t03"),
                *t4 = unit_table(c->u, "t04");
    if (!t1) return;
    int in = tcol(t1, "amount", 0), out = tcol(t1, "amount", 1);
    if (t2) {
        /* 财政拨款收入 = the three kinds of appropriation income of 公开01表 */
        int fiscal = tcol(t2, "fiscal", 0);
        if (fiscal >= 0 && in >= 0) {
            static const char *const keys[] = {"income_general_budget", "income_government_fund",
                                               "income_state_capital"};
            sum s = {0};
            for (size_t k = 0; k < 3; k++) {
                int r = table_spec_row(t1->spec, keys[k]);
                sum_cell(&s, t1, keys[k], in, r >= 0 ? t1->spec->rows[r].label : keys[k]);
            }
            char *what = tdesc_str(c, t2, "total", fiscal, true);
            buf parts = {0};
            buf_printf(&parts, "%s三项财政拨款收入", t1->spec->label);
            check_sum(c, "X01-02-INCOME", tpos(t2, "total", fiscal), tval(t2, "total", fiscal), &s, what,
                      buf_cstr(&parts));
            buf_free(&parts);
            free(what);
            sum_free(&s);
        }
        static const char *const pairs[][2] = {{"income_superior_subsidy", "superior_subsidy"},
                                               {"income_business", "business"},
                                               {"income_operating", "operating"},
                                               {"income_affiliated", "affiliated"},
                                               {"income_other", "other"},
                                               {"income_total", "total"}};
        for (size_t k = 0; k < sizeof pairs / sizeof pairs[0]; k++)
            cmp_one(c, "X01-02-INCOME", t1, pairs[k][0], in, t2, "total", tcol(t2, pairs[k][1], 0));
    }
    if (t3) {
        cmp_one(c, "X01-03-TOTAL", t1, "exp_total", out, t3, "total", tcol(t3, "total", 0));
        cmp_classes(c, "X01-03-CLASS", t1, out, t3, "total");
    }
    if (t4) {
        static const char *const keys[] = {"income_general_budget", "income_government_fund", "income_state_capital"};
        for (size_t k = 0; k < 3; k++) cmp_one(c, "X01-04-INCOME", t1, keys[k], in, t4, keys[k], tcol(t4, "amount", 0));
    }
}

static void check_04(cctx *c)
{
    const table *t4 = unit_table(c->u, "t04");
    if (!t4) return;
    const table *t6 = unit_table(c->u, "t06"), *t10 = unit_table(c->u, "t10"), *t11 = unit_table(c->u, "t11"),
                *t12 = unit_table(c->u, "t12");
    int in = tcol(t4, "amount", 0), gb = tcol(t4, "general_budget", 1), gf = tcol(t4, "government_fund", 1),
        sc = tcol(t4, "state_capital", 1);
    if (t6) {
        cmp_classes(c, "X04-06", t4, gb, t6, "total");
        cmp_one(c, "X04-06", t4, "exp_total", gb, t6, "total", tcol(t6, "total", 0));
    }
    if (t10) {
        cmp_classes(c, "X04-10", t4, gf, t10, "expenditure");
        cmp_one(c, "X04-10", t4, "exp_total", gf, t10, "total", tcol(t10, "expenditure", 0));
        cmp_one(c, "X04-10", t4, "income_government_fund", in, t10, "total", tcol(t10, "income", 0));
        cmp_one(c, "X04-10", t4, "balance_begin_government_fund", in, t10, "total", tcol(t10, "balance_begin", 0));
        cmp_one(c, "X04-10", t4, "balance_end", gf, t10, "total", tcol(t10, "balance_end", 0));
    }
    if (t11) {
        cmp_one(c, "X04-11", t4, "exp_total", sc, t11, "total", tcol(t11, "expenditure", 0));
        cmp_one(c, "X04-11", t4, "income_state_capital", in, t11, "total", tcol(t11, "income", 0));
        cmp_one(c, "X04-11", t4, "balance_begin_state_capital", in, t11, "total", tcol(t11, "balance_begin", 0));
        cmp_one(c, "X04-11", t4, "balance_end", sc, t11, "total", tcol(t11, "balance_end", 0));
    }
    if (t12) {
        cmp_classes(c, "X04-12", t4, sc, t12, "total");
        cmp_one(c, "X04-12", t4, "exp_total", sc, t12, "total", tcol(t12, "total", 0));
    }
    if (t11 && t12) {
        cmp_rows(c, "X11-12", t12, "total", t11, "expenditure");
        cmp_rows(c, "X11-12", t12, "basic", t11, "basic");
        cmp_rows(c, "X11-12", t12, "project", t11, "project");
    }
}

static void check_05_to_09(cctx *c)
{
    const table *t5 = unit_table(c->u, "t05"), *t6 = unit_table(c->u, "t06"), *t7 = unit_table(c->u, "t07"),
                *t8 = unit_table(c->u, "t08"), *t9 = unit_table(c->u, "t09"), *t10 = unit_table(c->u, "t10"),
                *t12 = unit_table(c->u, "t12");
    if (t5 && t7) cmp_rows(c, "X05-07", t5, "general_budget", t7, "total");
    if (t5 && t10)
        cmp_one(c, "X05-10", t5, "total", tcol(t5, "government_fund", 0), t10, "total", tcol(t10, "expenditure", 0));
    if (t5 && t12) cmp_one(c, "X05-12", t5, "total", tcol(t5, "state_capital", 0), t12, "total", tcol(t12, "total", 0));
    if (t6 && t8) cmp_one(c, "X06-08", t6, "total", tcol(t6, "basic", 0), t8, "total", tcol(t8, "amount", 0));
    if (t6 && t9) cmp_one(c, "X06-09", t6, "total", tcol(t6, "project", 0), t9, "total", tcol(t9, "amount", 0));
    if (t7 && t8) {
        /* 公开08表 row = 人员经费 + 公用经费 of the same 公开07表 row */
        int amount = tcol(t8, "amount", 0), personnel = tcol(t7, "personnel", 0), public_ = tcol(t7, "public", 0);
        if (amount >= 0 && personnel >= 0 && public_ >= 0) {
            size_t n = t8->n_rows + t7->n_rows;
            for (size_t i = 0; i < n; i++) {
                const char *key = i < t8->n_rows ? t8->rows[i].key : t7->rows[i - t8->n_rows].key;
                if (i >= t8->n_rows && has_key(t8, key, t8->n_rows)) continue;
                sum s = {0};
                sum_cell(&s, t7, key, personnel, "人员经费");
                sum_cell(&s, t7, key, public_, "公用经费");
                char *what = tdesc_str(c, t8, key, amount, true);
                buf parts = {0};
                buf_printf(&parts, "%s同一科目的人员经费与公用经费", t7->spec->label);
                check_sum(c, "X07-08", tpos(t8, key, amount), tval(t8, key, amount), &s, what, buf_cstr(&parts));
                buf_free(&parts);
                free(what);
                sum_free(&s);
            }
        }
    }
    if (t7 && t9) cmp_rows(c, "X07-09", t9, "amount", t7, "project");
}

void check_cross(cctx *c)
{
    check_01(c);
    check_04(c);
    check_05_to_09(c);
}
