/* facts.c — build the facts tree: unit metadata and part one (单位概况). */
#include "facts.h"

#include <string.h>

char *facts_cn_number(int n, char *out)
{
    static const char *const d[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    out[0] = '\0';
    if (n <= 0 || n > 99) {
        snprintf(out, 16, "%d", n);
        return out;
    }
    if (n >= 10) {
        if (n >= 20) strcat(out, d[n / 10]);
        strcat(out, "十");
    }
    if (n % 10 || n < 10) strcat(out, d[n % 10]);
    return out;
}

static value *facts_unit(const unit *u)
{
    value *m = value_new_map();
    value_set_string(m, "name", u->name);
    value_set_string(m, "short_name", u->short_name);
    value_set_string(m, "kind", unit_kind_name(u->kind));
    value_set_int(m, "year", u->year);
    value_set_int(m, "previous_year", u->year - 1);
    value_set(m, "published", value_new_stringf("%d年%d月%d日", u->pub_year, u->pub_month, u->pub_day));
    value_set_string(m, "money_unit", money_unit_name(u->money_unit));
    value_set(m, "title", value_new_stringf("%s%d年度%s决算", u->name, u->year, unit_kind_name(u->kind)));
    return m;
}

/* 一、主要职责 as a numbered list, 二、机构设置 as text. */
static value *facts_overview(const unit *u, diag_list *diags)
{
    value *m = value_new_map();
    const value *duties = value_get_path(u->yaml, "overview.duties");
    value *list = value_set(m, "duties", value_new_list());
    if (!duties || value_get_type(duties) != VALUE_LIST || value_count(duties) == 0) {
        diag_error(diags, unit_pos(u, "overview.duties"), "overview.duties 应是主要职责的列表（每条一项，不必写编号）");
    } else {
        for (size_t i = 0; i < value_count(duties); i++) {
            const char *t = value_get_text(value_at(duties, i));
            char path[48], num[16];
            snprintf(path, sizeof path, "overview.duties.%zu", i);
            if (!t || value_get_type(value_at(duties, i)) != VALUE_STRING) {
                diag_error(diags, unit_pos(u, path), "主要职责的每一项应是文字");
                continue;
            }
            value *item = value_append(list, value_new_map());
            value_set(item, "number", value_new_stringf("（%s）", facts_cn_number((int)i + 1, num)));
            value_set_string(item, "text", t);
        }
    }
    const value *org = value_get_path(u->yaml, "overview.organization");
    if (!org || value_get_type(org) != VALUE_STRING)
        diag_error(diags, unit_pos(u, "overview.organization"), "overview.organization 应是机构设置的文字");
    else
        value_set_string(m, "organization", value_get_text(org));
    return m;
}

static value *facts_tables(const spec_set *specs)
{
    value *list = value_new_list();
    char num[16];
    for (size_t i = 0; i < specs->n_tables; i++) {
        const table_spec *s = &specs->tables[i];
        value *t = value_append(list, value_new_map());
        value_set_string(t, "id", s->id);
        value_set_string(t, "label", s->label);
        value_set_string(t, "title", s->title);
        value_set_string(t, "number", facts_cn_number((int)i + 1, num));
    }
    return list;
}

value *facts_build(const unit *u, const spec_set *specs, diag_list *diags)
{
    size_t before = diag_error_count(diags);
    value *root = value_new_map();
    value_set(root, "unit", facts_unit(u));
    value_set(root, "overview", facts_overview(u, diags));
    value_set(root, "tables", facts_tables(specs));
    if (diag_error_count(diags) > before) {
        value_free(root);
        return NULL;
    }
    return root;
}
