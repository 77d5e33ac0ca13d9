/* facts.c — build the facts tree: unit metadata, part one (单位概况), and
 * the helpers the section builders share. */
#include "internal.h"

#include <stdlib.h>
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
    value_set(m, "published", u->pub_year ? value_new_stringf("%d年%d月%d日", u->pub_year, u->pub_month, u->pub_day)
                                          : value_new_null()); /* absent: check and facts go on, build refuses */
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
    /* the units a 部门决算 consolidates (部门决算单位构成) */
    const value *units = value_get_path(u->yaml, "overview.units");
    value *ul = value_set(m, "units", value_new_list());
    for (size_t i = 0; i < value_count(units); i++) {
        char path[48];
        snprintf(path, sizeof path, "overview.units.%zu", i);
        const value *e = value_at(units, i);
        const char *name = value_get_text(value_get(e, "name"));
        const char *note = value_get_text(value_get(e, "note"));
        if (!name) {
            diag_error(diags, unit_pos(u, path), "overview.units 的每一项应有 name（单位名称），可有 note（备注）");
            continue;
        }
        value *it = value_append(ul, value_new_map());
        value_set_int(it, "number", (int64_t)i + 1);
        value_set_string(it, "name", name);
        value_set(it, "note", note && note[0] ? value_new_string(note) : value_new_null());
        value_set_bool(it, "last", i + 1 == value_count(units));
    }
    value_set_bool(m, "has_units", value_count(ul) > 0);
    value_set_int(m, "unit_count", (int64_t)value_count(ul));
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
        value_set_string(t, "sheet", s->sheet);
    }
    return list;
}

/* 第四部分 附件: the titles unit.yaml lists under attachments. */
static value *facts_attachments(fctx *c)
{
    value *list = value_new_list();
    const value *a = value_get(c->u->yaml, "attachments");
    if (a && value_get_type(a) != VALUE_LIST) {
        diag_error(c->diags, unit_pos(c->u, "attachments"), "attachments 应是附件标题的列表");
        c->errors++;
        return list;
    }
    for (size_t i = 0; i < value_count(a); i++) {
        char path[48];
        snprintf(path, sizeof path, "attachments.%zu", i);
        const char *t = fctx_text(c, path, true);
        if (!t) continue;
        value *e = value_append(list, value_new_map());
        value_set_int(e, "number", (int64_t)i + 1);
        value_set_string(e, "title", t);
    }
    return list;
}

money_t fctx_money(fctx *c, const char *path, bool required)
{
    const value *v = value_get_path(c->u->yaml, path);
    if (!v || value_get_type(v) == VALUE_NULL) {
        if (required) {
            diag_error(c->diags, unit_pos(c->u, path), "unit.yaml 缺少 %s（金额）", path);
            c->errors++;
        }
        return 0;
    }
    money_t m = 0;
    money_status st = value_get_type(v) == VALUE_NUMBER ? money_parse(value_get_text(v), c->u->money_unit, &m)
                                                         : MONEY_SYNTAX;
    if (st != MONEY_OK) {
        const char *t = value_get_text(v);
        diag_error(c->diags, unit_pos(c->u, path), "%s 应是金额（%s），实为“%s”：%s", path,
                   money_unit_name(c->u->money_unit), t ? t : "（非文字）", money_status_text(st));
        c->errors++;
        return 0;
    }
    return m;
}

const char *fctx_text(fctx *c, const char *path, bool required)
{
    const value *v = value_get_path(c->u->yaml, path);
    if (!v || value_get_type(v) == VALUE_NULL) {
        if (required) {
            diag_error(c->diags, unit_pos(c->u, path), "unit.yaml 缺少 %s", path);
            c->errors++;
        }
        return NULL;
    }
    if (value_get_type(v) != VALUE_STRING && value_get_type(v) != VALUE_NUMBER) {
        diag_error(c->diags, unit_pos(c->u, path), "%s 应是文字", path);
        c->errors++;
        return NULL;
    }
    return value_get_text(v);
}

int64_t fctx_count(fctx *c, const char *path, bool required)
{
    const value *v = value_get_path(c->u->yaml, path);
    if (!v || value_get_type(v) == VALUE_NULL) {
        if (required) {
            diag_error(c->diags, unit_pos(c->u, path), "unit.yaml 缺少 %s（数量）", path);
            c->errors++;
        }
        return 0;
    }
    const char *t = value_get_type(v) == VALUE_NUMBER ? value_get_text(v) : NULL;
    char *end = NULL;
    long long n = t ? strtoll(t, &end, 10) : -1;
    if (!t || *end || n < 0 || n > 1000000000) {
        diag_error(c->diags, unit_pos(c->u, path), "%s 应是非负整数，实为“%s”", path,
                   value_get_text(v) ? value_get_text(v) : "（非文字）");
        c->errors++;
        return 0;
    }
    return (int64_t)n;
}

const table *fctx_table(fctx *c, const char *id)
{
    const table *t = unit_table(c->u, id);
    if (!t) {
        diag_error(c->diags, (srcpos){c->u->yaml_path, 0, 0}, "模板中没有表格规格 %s（templates/tables/）", id);
        c->errors++;
    }
    return t;
}

char *label_strip_number(const char *label)
{
    /* "一、" … "二十六、" or "（一）" */
    const char *p = label;
    if (strncmp(p, "（", 3) == 0) {
        const char *close = strstr(p, "）");
        if (close) return xstrdup(close + 3);
    }
    const char *dun = strstr(p, "、");
    if (dun && dun - p <= 12) {
        static const char *const numerals = "一二三四五六七八九十";
        bool all = true;
        for (const char *q = p; q < dun; q += 3)
            if (!strstr(numerals, (char[4]){q[0], q[1], q[2], 0})) all = false;
        if (all) return xstrdup(dun + 3);
    }
    return xstrdup(label);
}

void structure_list(fctx *c, value *list, const char *const *names, const money_t *amounts, size_t n,
                    money_t whole)
{
    int64_t *shares = xcalloc(n ? n : 1, sizeof *shares);
    bool ok = facts_shares(amounts, n, whole, c->o, shares);
    value *last = NULL;
    for (size_t i = 0; i < n; i++) {
        if (money_round_wan(amounts[i]) == 0 && !c->o->list_zero_items) continue;
        value *item = value_append(list, value_new_map());
        value_set_string(item, "name", names[i]);
        value_set(item, "amount", facts_amount(amounts[i]));
        value_set(item, "share", ok ? facts_percent(shares[i], c->o) : value_new_null());
        last = value_set_bool(item, "last", false);
    }
    if (last) value_set(value_at(list, value_count(list) - 1), "last", value_new_bool(true));
    free(shares);
}

/* "社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）" */
char *subject_path(fctx *c, const char *code)
{
    buf b = {0};
    static const char *const level[] = {"类", "款", "项"};
    for (int i = 0; i < 3; i++) {
        size_t n = (size_t)(3 + 2 * i);
        if (strlen(code) < n) break;
        char part[8];
        memcpy(part, code, n);
        part[n] = '\0';
        const subject *s = unit_subject(c->u, c->specs, SCHEME_FUNCTION, part);
        buf_printf(&b, "%s（%s）", s ? s->name : part, level[i]);
    }
    return buf_detach(&b);
}

void set_reason(fctx *c, value *m, const char *key, const char *path)
{
    const char *t = fctx_text(c, path, false);
    value_set(m, key, t ? value_new_string(t) : value_new_null());
}

static void facts_disclosure(fctx *c, value *root);

/* The 部门整体 report printed inside the disclosure is itself one of the
 * unit's attachments: the `attachments` entry with its title is marked
 * embedded (第四部分 does not list it a second time) and the report gets
 * that entry's label “附件N” over its title (disclosure_label); a report
 * no entry names keeps department.yaml's own `attachment` label. */
static void facts_attachments_embed(value *root)
{
    value *dep = value_get_path(root, "performance.department");
    if (!dep || !value_get_bool(value_get(dep, "in_disclosure"))) return;
    const char *title = value_get_text(value_get(dep, "title"));
    const char *label = value_get_text(value_get(dep, "attachment"));
    char own[32];
    value *att = value_get(root, "attachments");
    for (size_t i = 0; i < value_count(att); i++) {
        value *e = value_at(att, i);
        const char *t = value_get_text(value_get(e, "title"));
        if (!title || !t || strcmp(t, title) != 0) continue;
        value_set_bool(e, "embedded", true);
        snprintf(own, sizeof own, "附件%zu", i + 1);
        label = own;
        break;
    }
    if (label) value_set_string(dep, "disclosure_label", label);
}

value *facts_build(const unit *u, const spec_set *specs, const facts_options *o, diag_list *diags)
{
    facts_options own = *o; /* the unit's options: templates' facts.yaml, then unit.yaml options: */
    const value *uo = value_get(u->yaml, "options");
    if (uo && facts_options_apply(&own, uo, u->yaml_pos, "options.", diags) != 0) return NULL;
    o = &own;
    fctx c = {u, specs, o, diags, 0};
    size_t before = diag_error_count(diags);
    value *root = value_new_map();
    value_set(root, "unit", facts_unit(u));
    if (u->has_tables) facts_disclosure(&c, root);
    if (u->department.root) {
        value *perf = value_set(root, "performance", value_new_map());
        value_set(perf, "department", facts_department(&c));
        facts_attachments_embed(root);
    }
    /* performance.projects: the 项目支出绩效自评表 (第四部分) and their reports */
    value *perf = value_get(root, "performance");
    if (!perf) perf = value_set(root, "performance", value_new_map());
    facts_performance_projects(&c, perf);
    if (diag_error_count(diags) > before) {
        value_free(root);
        return NULL;
    }
    return root;
}

/* The disclosure (决算公开): parts one to five, from the tables and the
 * unit.yaml blocks that explain them; `tables` marks that it exists. */
static void facts_disclosure(fctx *c, value *root)
{
    value_set(root, "overview", facts_overview(c->u, c->diags));
    value_set(root, "totals", facts_totals(c));
    value_set(root, "income", facts_income(c));
    value_set(root, "expenditure", facts_expenditure(c));
    value_set(root, "fiscal", facts_fiscal(c));
    value_set(root, "general_budget", facts_general_budget(c));
    value_set(root, "basic", facts_basic(c));
    value_set(root, "three_public", facts_three_public(c));
    value_set(root, "government_fund",
              facts_fund(c, "t10", "expenditure", "previous.government_fund", "reasons.government_fund"));
    value_set(root, "state_capital",
              facts_fund(c, "t12", "total", "previous.state_capital", "reasons.state_capital"));
    value_set(root, "other", facts_other(c));
    value_set(root, "charts", facts_charts(root));
    value_set(root, "glossary", facts_glossary(c));
    value *att = value_set(root, "attachments", facts_attachments(c));
    value_set_bool(root, "has_attachments", value_count(att) > 0);
    value_set(root, "tables", facts_tables(c->specs));
}
