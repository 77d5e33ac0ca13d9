/* part2.c — facts of 第二部分 sections 一 to 六: totals, income, expenditure,
 * 财政拨款 totals, 一般公共预算 spending (overall, by class, per 项), and
 * 基本支出 (人员经费 / 公用经费). */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* A 收支总计 paragraph's facts: income and expenditure 总计 of `table_id`,
 * whether they are equal, and both changes against last year. */
static value *grand_totals(fctx *c, const char *table_id, const char *exp_column, const char *previous_path,
                           const char *reason_path)
{
    value *m = value_new_map();
    const table *t = fctx_table(c, table_id);
    money_t income = table_amount(t, "income_grand_total", "amount");
    money_t exp = table_amount(t, "exp_grand_total", exp_column);
    money_t prev = fctx_money(c, previous_path, true);
    value_set(m, "income", facts_amount(income));
    value_set(m, "expenditure", facts_amount(exp));
    value_set_bool(m, "equal", money_round_wan(income) == money_round_wan(exp));
    value_set(m, "change", facts_change(income, prev, c->o));
    value_set(m, "expenditure_change", facts_change(exp, prev, c->o));
    set_reason(c, m, "reason", reason_path);
    return m;
}

/* 一、收入支出决算总体情况 (公开01表 总计 against last year). */
value *facts_totals(fctx *c)
{
    return grand_totals(c, "t01", "amount", "previous.total", "reasons.total");
}

/* 二、收入决算情况 (公开01表 left side: each source and its share). */
value *facts_income(fctx *c)
{
    static const char *const keys[] = {"income_general_budget", "income_government_fund", "income_state_capital",
                                       "income_superior_subsidy", "income_business", "income_operating",
                                       "income_affiliated", "income_other"};
    enum { N = sizeof keys / sizeof keys[0] };
    value *m = value_new_map();
    const table *t1 = fctx_table(c, "t01");
    money_t total = table_amount(t1, "income_total", "amount");
    value_set(m, "total", facts_amount(total));
    char *names[N];
    money_t amounts[N];
    for (size_t i = 0; i < N; i++) {
        int r = t1 ? table_spec_row(t1->spec, keys[i]) : -1;
        names[i] = label_strip_number(r >= 0 ? t1->spec->rows[r].label : keys[i]);
        amounts[i] = table_amount(t1, keys[i], "amount");
    }
    value *items = value_set(m, "items", value_new_list());
    structure_list(c, items, (const char *const *)names, amounts, N, total);
    value_set_bool(m, "has_items", value_count(items) > 0);
    for (size_t i = 0; i < N; i++) free(names[i]);
    return m;
}

/* 三、支出决算情况 (公开03表 合计 row: 基本/项目/… and shares). */
value *facts_expenditure(fctx *c)
{
    static const char *const keys[] = {"basic", "project", "to_superior", "operating", "to_affiliated"};
    enum { N = sizeof keys / sizeof keys[0] };
    value *m = value_new_map();
    const table *t3 = fctx_table(c, "t03");
    money_t total = table_amount(t3, "total", "total");
    value_set(m, "total", facts_amount(total));
    const char *names[N];
    money_t amounts[N];
    for (size_t i = 0; i < N; i++) {
        int col = t3 ? table_spec_column(t3->spec, keys[i], 0) : -1;
        names[i] = col >= 0 ? t3->spec->columns[col].header : keys[i];
        amounts[i] = table_amount(t3, "total", keys[i]);
    }
    value *items = value_set(m, "items", value_new_list());
    structure_list(c, items, names, amounts, N, total);
    value_set_bool(m, "has_items", value_count(items) > 0);
    value_set(m, "basic", facts_amount(amounts[0]));
    value_set(m, "project", facts_amount(amounts[1]));
    return m;
}

/* 四、财政拨款收入支出决算总体情况 (公开04表 总计 against last year). */
value *facts_fiscal(fctx *c)
{
    return grand_totals(c, "t04", "total", "previous.fiscal_total", "reasons.fiscal_total");
}

/* 五、一般公共预算财政拨款支出决算情况: (一) overall, (二) by class,
 * (三) per 项 against the 年初预算 in unit.yaml budget. */
value *facts_general_budget(fctx *c)
{
    value *m = value_new_map();
    const table *t6 = fctx_table(c, "t06");
    const table *t1 = fctx_table(c, "t01");
    money_t total = table_amount(t6, "total", "total");
    money_t year_exp = table_amount(t1, "exp_total", "amount");
    value_set(m, "amount", facts_amount(total));
    int64_t h;
    value_set(m, "share_of_expenditure", money_percent(total, year_exp, &h) ? facts_percent(h, c->o) : value_new_null());
    value_set(m, "change", facts_change(total, fctx_money(c, "previous.general_budget", true), c->o));
    set_reason(c, m, "reason", "reasons.general_budget");

    /* (二) classes: the 3-digit rows */
    size_t n = 0;
    const char **names = xcalloc(t6 ? t6->n_rows + 1 : 1, sizeof *names);
    money_t *amounts = xcalloc(t6 ? t6->n_rows + 1 : 1, sizeof *amounts);
    for (size_t i = 0; t6 && i < t6->n_rows; i++) {
        const table_row *r = &t6->rows[i];
        if (strlen(r->key) != 3) continue;
        const subject *s = unit_subject(c->u, c->specs, SCHEME_FUNCTION, r->key);
        names[n] = s ? s->name : r->label;
        amounts[n++] = table_amount(t6, r->key, "total");
    }
    value *classes = value_set(m, "classes", value_new_list());
    structure_list(c, classes, names, amounts, n, total);
    value_set_bool(m, "has_classes", value_count(classes) > 0);
    free(names);
    free(amounts);

    /* (三) each 项 with its budget: 年初预算 (budget:) or 调整预算 (adjusted_budget:) */
    const char *bkey = unit_budget_key(c->u);
    const char *basis = unit_budget_name(c->u, false);
    const char *no_budget = strcmp(bkey, "adjusted_budget") == 0 ? "未安排调整预算" : "年初未安排预算";
    const char *bb = value_get_text(value_get(c->u->yaml, "budget_basis"));
    if (unit_has(c->u, "budget_basis") && (!bb || (strcmp(bb, "年初预算") && strcmp(bb, "调整预算")))) {
        diag_error(c->diags, unit_pos(c->u, "budget_basis"), "budget_basis 应为“年初预算”或“调整预算”");
        c->errors++;
    } else if (!unit_has(c->u, bkey) && unit_has(c->u, "budget_basis")) {
        diag_error(c->diags, unit_pos(c->u, "budget_basis"), "budget_basis 是“%s”，但 unit.yaml 没有 %s 块", bb, bkey);
        c->errors++;
    }
    value *items = value_set(m, "items", value_new_list());
    money_t budget_total = 0;
    int number = 0;
    for (size_t i = 0; t6 && i < t6->n_rows; i++) {
        const table_row *r = &t6->rows[i];
        if (strlen(r->key) != 7) continue;
        money_t final = table_amount(t6, r->key, "total");
        char path[64];
        snprintf(path, sizeof path, "%s.%s", bkey, r->key);
        money_t budget = fctx_money(c, path, false);
        budget_total += budget;
        if (money_round_wan(final) == 0 && money_round_wan(budget) == 0 && !c->o->list_zero_items) continue;
        value *it = value_append(items, facts_completion(final, budget, c->o));
        value_set_string(it, "basis", basis);
        value_set_string(it, "no_budget", no_budget);
        value_set_int(it, "number", ++number);
        value_set_string(it, "code", r->key);
        char *sp = subject_path(c, r->key);
        value_set_string(it, "path", sp);
        free(sp);
        snprintf(path, sizeof path, "reasons.subjects.%s", r->key);
        set_reason(c, it, "reason", path);
    }
    /* budget entries for subjects the table does not have are a mistake */
    for (int k = 0; k < 2; k++) {
        const char *block = k ? "adjusted_budget" : "budget";
        const value *bud = value_get(c->u->yaml, block);
        for (size_t i = 0; i < value_count(bud); i++)
            if (!table_find_row(t6, value_key_at(bud, i))) {
                char path[64];
                snprintf(path, sizeof path, "%s.%s", block, value_key_at(bud, i));
                diag_error(c->diags, posmap_get_key(c->u->yaml_pos, path),
                           "%s 中的科目 %s 不在一般公共预算财政拨款支出决算表（%s）中", block, value_key_at(bud, i),
                           t6 ? t6->spec->file : "t06");
                c->errors++;
            }
    }
    value *bt = value_set(m, "budget", facts_completion(total, budget_total, c->o));
    value_set_string(bt, "basis", basis);
    value_set_string(bt, "no_budget", no_budget);
    value_set_bool(m, "has_items", value_count(items) > 0);
    return m;
}

/* The names of the non-zero 款 rows of `t` whose class is one of `classes`,
 * in code order, joined with 、; *sum receives their total. */
static value *economic_items(const table *t, const char *const *classes, size_t n_classes, money_t *sum)
{
    buf b = {0};
    money_t class_sum = 0, kuan_sum = 0;
    bool any_kuan = false;
    for (size_t i = 0; t && i < t->n_rows; i++) {
        const table_row *r = &t->rows[i];
        bool in = false;
        for (size_t k = 0; k < n_classes; k++)
            if (strncmp(r->key, classes[k], 3) == 0) in = true;
        if (!in) continue;
        money_t v = table_amount(t, r->key, "amount");
        if (strlen(r->key) == 3) class_sum += v;
        if (strlen(r->key) != 5) continue;
        kuan_sum += v, any_kuan = true;
        if (money_round_wan(v) == 0) continue;
        if (b.len) buf_puts(&b, "、");
        buf_puts(&b, r->label);
    }
    *sum = any_kuan ? kuan_sum : class_sum; /* the 款 rows when given: the leaves */
    value *s = value_new_string(buf_cstr(&b));
    buf_free(&b);
    return s;
}

/* 六、一般公共预算财政拨款基本支出决算情况 (公开08表). 人员经费 and 公用经费
 * are the classes of the two sides of the printed form (08.yaml print.sides),
 * else the national ones. */
value *facts_basic(fctx *c)
{
    static const char *const personnel[] = {"301", "303"};
    static const char *const public_[] = {"302", "310", "399"};
    value *m = value_new_map();
    const table *t8 = fctx_table(c, "t08");
    const table_spec *s8 = t8 ? t8->spec : NULL;
    bool split = s8 && s8->print == PRINT_SPLIT_BY_CLASS && s8->n_print_sides == 2;
    value_set(m, "total", facts_amount(table_amount(t8, "total", "amount")));
    money_t sum;
    value *p = value_set(m, "personnel", value_new_map());
    value *items = split ? economic_items(t8, (const char *const *)s8->print_sides[0].classes,
                                          s8->print_sides[0].n_classes, &sum)
                         : economic_items(t8, personnel, 2, &sum);
    value_set(p, "amount", facts_amount(sum));
    value_set(p, "items", items);
    value *q = value_set(m, "public", value_new_map());
    items = split ? economic_items(t8, (const char *const *)s8->print_sides[1].classes,
                                   s8->print_sides[1].n_classes, &sum)
                  : economic_items(t8, public_, 3, &sum);
    value_set(q, "amount", facts_amount(sum));
    value_set(q, "items", items);
    return m;
}
