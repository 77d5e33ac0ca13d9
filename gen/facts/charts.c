/* charts.c — the charts of 第二部分 (图1–图7) as a facts subtree.
 *
 * Every chart is made from figures the sections already put in the tree
 * (totals, income, expenditure, fiscal, general_budget, three_public), so a
 * chart can never show a number the text does not: values and shares are
 * copies of the very strings the sentences print.
 *
 *   charts.figN = {kind "bar"|"pie", caption "图N：…", unit "万元",
 *                  items [{label, value "3313.32", share "95.19"|null}],
 *                  empty: null, or for a pie with nothing to show the line
 *                  printed instead ("2024年度本单位无“三公”经费财政拨款支出。")}
 */
#include "internal.h"

#include <string.h>

/* A copy of the string at `path` under `from` ("" when absent). */
static value *copy_text(const value *from, const char *path)
{
    const char *t = value_get_text(value_get_path(from, path));
    return value_new_string(t ? t : "");
}

/* A copy of the share at `path` (null when absent or null). */
static value *copy_share(const value *from, const char *path)
{
    const char *t = value_get_text(value_get_path(from, path));
    return t ? value_new_string(t) : value_new_null();
}

static value *chart_new(value *charts, const char *id, const char *kind, int number,
                        const char *title)
{
    value *c = value_set(charts, id, value_new_map());
    value_set_string(c, "kind", kind);
    value_set(c, "caption", value_new_stringf("图%d：%s", number, title));
    value_set_string(c, "unit", "万元");
    value_set(c, "items", value_new_list());
    value_set(c, "empty", value_new_null());
    return c;
}

static void item_add(value *chart, value *label, value *amount, value *share)
{
    value *it = value_append(value_get(chart, "items"), value_new_map());
    value_set(it, "label", label);
    value_set(it, "value", amount);
    value_set(it, "share", share);
}

/* The text of the number or string at `path` ("" when absent). */
static const char *text_at(const value *root, const char *path)
{
    const char *t = value_get_text(value_get_path(root, path));
    return t ? t : "";
}

/* A bar chart of last year against this year, from a section with
 * income / expenditure / equal / change (一 and 四): two bars when the
 * income and expenditure totals are equal, else last year's total and this
 * year's income and expenditure. */
static void bar_totals(value *charts, const value *root, const char *id, int number,
                       const char *title, const char *section)
{
    value *c = chart_new(charts, id, "bar", number, title);
    const value *s = value_get(root, section);
    const char *year = text_at(root, "unit.year"), *prev = text_at(root, "unit.previous_year");
    item_add(c, value_new_stringf("%s年度", prev), copy_text(s, "change.previous"), value_new_null());
    if (value_get_bool(value_get(s, "equal"))) {
        item_add(c, value_new_stringf("%s年度", year), copy_text(s, "income"), value_new_null());
    } else {
        item_add(c, value_new_stringf("%s年度收入", year), copy_text(s, "income"), value_new_null());
        item_add(c, value_new_stringf("%s年度支出", year), copy_text(s, "expenditure"),
                 value_new_null());
    }
}

/* Whether some item of a chart has an amount other than 0. */
static bool any_amount(const value *chart)
{
    const value *items = value_get(chart, "items");
    for (size_t i = 0; i < value_count(items); i++) {
        money_t m = 0;
        const char *t = value_get_text(value_get(value_at(items, i), "value"));
        if (t && money_parse(t, MONEY_WANYUAN, &m) == MONEY_OK && m != 0) return true;
    }
    return false;
}

/* The line a pie with nothing to show prints instead. */
static void set_empty(value *chart, const value *root, const char *nothing)
{
    if (any_amount(chart)) return;
    value_set(chart, "empty", value_new_stringf("%s年度本%s无%s。", text_at(root, "unit.year"),
                                                text_at(root, "unit.kind"), nothing));
}

/* A pie chart of a structure list [{name, amount, share}] at `list_path`;
 * `nothing` names what there is none of when no item has an amount. */
static void pie_list(value *charts, const value *root, const char *id, int number,
                     const char *title, const char *list_path, const char *nothing)
{
    value *c = chart_new(charts, id, "pie", number, title);
    const value *list = value_get_path(root, list_path);
    for (size_t i = 0; i < value_count(list); i++) {
        const value *e = value_at(list, i);
        item_add(c, copy_text(e, "name"), copy_text(e, "amount"), copy_share(e, "share"));
    }
    set_empty(c, root, nothing);
}

value *facts_charts(const value *root)
{
    value *charts = value_new_map();
    bar_totals(charts, root, "fig1", 1, "收、支决算总计变动情况", "totals");
    pie_list(charts, root, "fig2", 2, "收入决算结构", "income.items", "收入");
    pie_list(charts, root, "fig3", 3, "支出决算结构", "expenditure.items", "支出");
    bar_totals(charts, root, "fig4", 4, "财政拨款收、支决算总计变动情况", "fiscal");

    /* 图5: 一般公共预算财政拨款支出, last year against this year */
    value *c = chart_new(charts, "fig5", "bar", 5, "一般公共预算财政拨款支出决算变动情况");
    const value *gb = value_get(root, "general_budget");
    item_add(c, value_new_stringf("%s年度", text_at(root, "unit.previous_year")),
             copy_text(gb, "change.previous"), value_new_null());
    item_add(c, value_new_stringf("%s年度", text_at(root, "unit.year")), copy_text(gb, "amount"),
             value_new_null());

    pie_list(charts, root, "fig6", 6, "一般公共预算财政拨款支出决算结构", "general_budget.classes",
             "一般公共预算财政拨款支出");

    /* 图7: the three parts of “三公” spending, as 七（二）lists them */
    c = chart_new(charts, "fig7", "pie", 7, "“三公”经费财政拨款支出结构");
    const value *tp = value_get(root, "three_public");
    static const char *const parts[] = {"abroad", "vehicle", "reception"};
    if (value_get_bool(value_get(tp, "has_spending")))
        for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
            const value *p = value_get(tp, parts[i]);
            item_add(c, copy_text(p, "name"), copy_text(p, "final"), copy_share(p, "share"));
        }
    set_empty(c, root, "“三公”经费财政拨款支出");
    return charts;
}
