/* schema.c — the keys unit.yaml may have and the type of each value, as one
 * table (what gen/input and gen/facts read; README's unit.yaml section).
 * An unknown key is an error at the key, with the nearest known key when
 * one is within two edits ("previos" → previous); a wrong type is an error
 * at the value. The blocks after `unit:` belong to the disclosure: a unit
 * folder without tables/ needs only `unit:`, and any of them is then a
 * warning (Y-NO-TABLES). */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* Paths from the document root; "*" is any key of a mapping, "#" any item
 * of a sequence. A parent comes before its children. */
static const schema_key SCHEMA[] = {
    {"unit", Y_MAP, NULL},
    {"unit.name", Y_TEXT, NULL},
    {"unit.short_name", Y_TEXT, NULL},
    {"unit.kind", Y_SCALAR, NULL},
    {"unit.year", Y_SCALAR, NULL},
    {"unit.published", Y_SCALAR, NULL},
    {"unit.money_unit", Y_SCALAR, NULL},
    {"profile", Y_TEXT, "模板配置（profile）的名称或文件夹路径"},
    {"overview", Y_MAP, NULL},
    {"overview.duties", Y_LIST, "主要职责的列表（每条一项，不必写编号）"},
    {"overview.duties.#", Y_TEXT, NULL},
    {"overview.organization", Y_TEXT, "机构设置的文字"},
    {"overview.units", Y_LIST, "所属单位的列表（每项有 name，可有 note）"},
    {"overview.units.#", Y_MAP, NULL},
    {"overview.units.#.name", Y_TEXT, NULL},
    {"overview.units.#.note", Y_TEXT, NULL},
    {"previous", Y_MAP, NULL},
    {"previous.total", Y_MONEY, NULL},
    {"previous.fiscal_total", Y_MONEY, NULL},
    {"previous.general_budget", Y_MONEY, NULL},
    {"previous.government_fund", Y_MONEY, NULL},
    {"previous.state_capital", Y_MONEY, NULL},
    {"previous.admin_operating", Y_MONEY, NULL},
    {"previous.three_public", Y_MAP, NULL},
    {"previous.three_public.total", Y_MONEY, NULL},
    {"previous.three_public.abroad", Y_MONEY, NULL},
    {"previous.three_public.vehicle", Y_MONEY, NULL},
    {"previous.three_public.vehicle_purchase", Y_MONEY, NULL},
    {"previous.three_public.vehicle_operation", Y_MONEY, NULL},
    {"previous.three_public.reception", Y_MONEY, NULL},
    {"options", Y_MAP, "文字选项的映射（prior_zero_as_100 等，见 templates/facts.yaml）"},
    {"options.*", Y_SCALAR, NULL},
    {"budget_basis", Y_TEXT, "“年初预算”或“调整预算”"},
    {"adjusted_budget", Y_MAP, NULL},
    {"adjusted_budget.*", Y_MONEY, NULL},
    {"budget", Y_MAP, NULL},
    {"budget.*", Y_MONEY, NULL},
    {"reasons", Y_MAP, NULL},
    {"reasons.total", Y_TEXT, NULL},
    {"reasons.fiscal_total", Y_TEXT, NULL},
    {"reasons.general_budget", Y_TEXT, NULL},
    {"reasons.government_fund", Y_TEXT, NULL},
    {"reasons.state_capital", Y_TEXT, NULL},
    {"reasons.admin_operating", Y_TEXT, NULL},
    {"reasons.three_public", Y_TEXT, NULL},
    {"reasons.three_public_budget", Y_TEXT, NULL},
    {"reasons.three_public_abroad", Y_TEXT, NULL},
    {"reasons.three_public_vehicle", Y_TEXT, NULL},
    {"reasons.three_public_reception", Y_TEXT, NULL},
    {"reasons.subjects", Y_MAP, NULL},
    {"reasons.subjects.*", Y_TEXT, NULL},
    {"three_public", Y_MAP, NULL},
    {"three_public.abroad", Y_MAP, NULL},
    {"three_public.abroad.groups", Y_COUNT, NULL},
    {"three_public.abroad.persons", Y_COUNT, NULL},
    {"three_public.abroad.content", Y_TEXT, NULL},
    {"three_public.vehicles", Y_MAP, NULL},
    {"three_public.vehicles.purchased", Y_MAP, NULL},
    {"three_public.vehicles.purchased.total", Y_COUNT, NULL},
    {"three_public.vehicles.purchased.sedans", Y_COUNT, NULL},
    {"three_public.vehicles.purchased.suvs", Y_COUNT, NULL},
    {"three_public.vehicles.purchased.buses", Y_COUNT, NULL},
    {"three_public.vehicles.purchased.amount", Y_MONEY, NULL},
    {"three_public.vehicles.purchased.types", Y_LIST, "购置车辆按类型的列表（每项有 type、count、amount）"},
    {"three_public.vehicles.purchased.types.#", Y_MAP, NULL},
    {"three_public.vehicles.purchased.types.#.type", Y_TEXT, NULL},
    {"three_public.vehicles.purchased.types.#.count", Y_COUNT, NULL},
    {"three_public.vehicles.purchased.types.#.amount", Y_MONEY, NULL},
    {"three_public.vehicles.held", Y_MAP, NULL},
    {"three_public.vehicles.held.total", Y_COUNT, NULL},
    {"three_public.vehicles.held.sedans", Y_COUNT, NULL},
    {"three_public.vehicles.held.suvs", Y_COUNT, NULL},
    {"three_public.vehicles.held.buses", Y_COUNT, NULL},
    {"three_public.vehicles.operation_use", Y_TEXT, NULL},
    {"three_public.reception", Y_MAP, NULL},
    {"three_public.reception.domestic", Y_MAP, NULL},
    {"three_public.reception.domestic.batches", Y_COUNT, NULL},
    {"three_public.reception.domestic.persons", Y_COUNT, NULL},
    {"three_public.reception.domestic.amount", Y_MONEY, NULL},
    {"three_public.reception.domestic.use", Y_TEXT, NULL},
    {"three_public.reception.domestic.content", Y_TEXT, NULL},
    {"three_public.reception.foreign", Y_MAP, NULL},
    {"three_public.reception.foreign.batches", Y_COUNT, NULL},
    {"three_public.reception.foreign.persons", Y_COUNT, NULL},
    {"three_public.reception.foreign.amount", Y_MONEY, NULL},
    {"three_public.reception.foreign.use", Y_TEXT, NULL},
    {"three_public.reception.foreign.content", Y_TEXT, NULL},
    {"other", Y_MAP, NULL},
    {"other.admin_operating", Y_MONEY, NULL},
    {"other.procurement", Y_MAP, NULL},
    {"other.procurement.total", Y_MONEY, NULL},
    {"other.procurement.goods", Y_MONEY, NULL},
    {"other.procurement.works", Y_MONEY, NULL},
    {"other.procurement.services", Y_MONEY, NULL},
    {"other.procurement.sme", Y_MONEY, NULL},
    {"other.procurement.small_micro", Y_MONEY, NULL},
    {"other.procurement.use", Y_TEXT, NULL},
    {"other.assets", Y_MAP, NULL},
    {"other.assets.vehicles", Y_MAP, NULL},
    {"other.assets.vehicles.total", Y_COUNT, NULL},
    {"other.assets.vehicles.leaders", Y_COUNT, NULL},
    {"other.assets.vehicles.confidential", Y_COUNT, NULL},
    {"other.assets.vehicles.emergency", Y_COUNT, NULL},
    {"other.assets.vehicles.other", Y_COUNT, NULL},
    {"other.assets.vehicles.other_use", Y_TEXT, NULL},
    {"other.assets.equipment_over_1m", Y_MAP, NULL},
    {"other.assets.equipment_over_1m.count", Y_COUNT, NULL},
    {"other.assets.equipment_over_1m.names", Y_TEXT, NULL},
    {"other.performance", Y_MAP, NULL},
    {"other.performance.prior_assessment", Y_MAP, NULL},
    {"other.performance.prior_assessment.count", Y_COUNT, NULL},
    {"other.performance.prior_assessment.projects", Y_LIST, NULL},
    {"other.performance.prior_assessment.projects.#", Y_TEXT, NULL},
    {"other.performance.targets", Y_COUNT, NULL},
    {"other.performance.monitored", Y_COUNT, NULL},
    {"other.performance.self_evaluated", Y_COUNT, NULL},
    {"other.performance.evaluated_projects", Y_LIST, "开展绩效自评的项目名称列表"},
    {"other.performance.evaluated_projects.#", Y_TEXT, NULL},
    {"other.performance.department", Y_MAP, NULL},
    {"other.performance.department.score", Y_SCALAR, NULL},
    {"other.performance.department.summary", Y_TEXT, NULL},
    {"glossary_notes", Y_MAP, NULL},
    {"glossary_notes.*", Y_TEXT, NULL},
    {"glossary_texts", Y_MAP, "名词解释文字的映射（键是固定词条或 7 位科目编码）"},
    {"glossary_texts.*", Y_TEXT, NULL},
    {"glossary_extra", Y_LIST, "名词解释条目的列表（每项有 term 和 text）"},
    {"glossary_extra.#", Y_MAP, NULL},
    {"glossary_extra.#.term", Y_TEXT, NULL},
    {"glossary_extra.#.text", Y_TEXT, NULL},
    {"attachments", Y_LIST, "附件标题的列表"},
    {"attachments.#", Y_TEXT, NULL},
};
enum { N_SCHEMA = sizeof SCHEMA / sizeof SCHEMA[0] };

/* The file being walked: its schema, its tree's positions. */
typedef struct walker {
    cctx *c;
    const schema_key *schema;
    size_t n;
    const posmap *pos;
} walker;

static int schema_find(const walker *w, const char *path)
{
    for (size_t i = 0; i < w->n; i++)
        if (strcmp(w->schema[i].path, path) == 0) return (int)i;
    return -1;
}

/* ---- suggestions: edit distance over code points ------------------------- */

static size_t code_points(const char *s, uint32_t *out, size_t max)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p && n < max; n++) {
        uint32_t c = *p++;
        int more = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
        for (; more && (*p & 0xC0) == 0x80; more--) c = (c << 6) | (*p++ & 0x3F);
        out[n] = c;
    }
    return n;
}

/* Levenshtein distance of two short keys (longer ones count as far apart). */
static size_t edit_distance(const char *a, const char *b)
{
    enum { MAX = 64 };
    uint32_t x[MAX], y[MAX];
    size_t n = code_points(a, x, MAX), m = code_points(b, y, MAX);
    if (strlen(a) > 4 * MAX || strlen(b) > 4 * MAX) return (size_t)-1;
    size_t row[MAX + 1];
    for (size_t j = 0; j <= m; j++) row[j] = j;
    for (size_t i = 1; i <= n; i++) {
        size_t corner = row[0];
        row[0] = i;
        for (size_t j = 1; j <= m; j++) {
            size_t up = row[j];
            size_t best = corner + (x[i - 1] != y[j - 1]);
            if (up + 1 < best) best = up + 1;
            if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
            row[j] = best;
            corner = up;
        }
    }
    return row[m];
}

/* The last segment of `path` if its parent is `parent` (NULL otherwise). */
static const char *child_of(const char *path, const char *parent)
{
    size_t n = strlen(parent);
    if (n == 0) return strchr(path, '.') ? NULL : path;
    if (strncmp(path, parent, n) != 0 || path[n] != '.' || strchr(path + n + 1, '.')) return NULL;
    return path + n + 1;
}

static void report_unknown(const walker *w, const char *real, const char *pattern, const char *key)
{
    cctx *c = w->c;
    const char *best = NULL;
    size_t best_d = 3;
    buf known = {0};
    for (size_t i = 0; i < w->n; i++) {
        const char *k = child_of(w->schema[i].path, pattern);
        if (!k || strcmp(k, "*") == 0 || strcmp(k, "#") == 0) continue;
        if (known.len) buf_puts(&known, "、");
        buf_puts(&known, k);
        size_t d = edit_distance(key, k);
        if (d < best_d && d < strlen(k)) best = k, best_d = d;
    }
    srcpos pos = posmap_get_key(w->pos, real);
    if (best)
        check_report(c, "Y-UNKNOWN-KEY", pos, "未知的键 %s，是否应为 %s？", key, best);
    else if (known.len)
        check_report(c, "Y-UNKNOWN-KEY", pos, "未知的键 %s（%s处可用的键：%s）", key,
                     pattern[0] == '@' ? "小节" : pattern[0] ? pattern : "顶层", buf_cstr(&known));
    else
        check_report(c, "Y-UNKNOWN-KEY", pos, "未知的键 %s（%s 下不应有键）", key, pattern);
    buf_free(&known);
}

/* ---- types -------------------------------------------------------------- */

static const char *kind_text(const value *v)
{
    switch (value_get_type(v)) {
    case VALUE_MAP: return "映射";
    case VALUE_LIST: return "列表";
    case VALUE_BOOL: return value_get_bool(v) ? "true" : "false";
    case VALUE_NUMBER: return value_get_text(v);
    case VALUE_STRING: return value_get_text(v);
    case VALUE_NULL: break;
    }
    return "空值";
}

/* The messages follow those gen/facts gives for the same mistakes. */
static void check_type(const walker *w, const char *real, ykind kind, const char *what, const value *v)
{
    cctx *c = w->c;
    value_type t = value_get_type(v);
    srcpos pos = posmap_get(w->pos, real);
    if (t == VALUE_NULL) return; /* an empty value counts as absent */
    switch (kind) {
    case Y_MAP:
        if (t != VALUE_MAP)
            check_report(c, "Y-TYPE", pos, "%s 应是%s，实为“%s”", real, what ? what : "映射（“键: 值”的块）", kind_text(v));
        break;
    case Y_LIST:
        if (t != VALUE_LIST)
            check_report(c, "Y-TYPE", pos, "%s 应是%s，实为“%s”", real, what ? what : "列表（每项以“- ”开头）", kind_text(v));
        break;
    case Y_TEXT:
        if (t != VALUE_STRING && t != VALUE_NUMBER)
            check_report(c, "Y-TYPE", pos, "%s 应是%s，实为“%s”", real, what ? what : "文字", kind_text(v));
        break;
    case Y_SCALAR:
        if (t == VALUE_MAP || t == VALUE_LIST)
            check_report(c, "Y-TYPE", pos, "%s 应是单个值，实为%s", real, kind_text(v));
        break;
    case Y_MONEY: {
        money_t m;
        money_status st = t == VALUE_NUMBER ? money_parse(value_get_text(v), c->u->money_unit, &m) : MONEY_SYNTAX;
        bool quoted = t == VALUE_STRING && money_parse(value_get_text(v), c->u->money_unit, &m) == MONEY_OK;
        if (st != MONEY_OK)
            check_report(c, "Y-TYPE", pos, "%s 应是金额（%s），实为“%s”：%s", real, money_unit_name(c->u->money_unit),
                         kind_text(v), quoted ? "金额不应加引号" : money_status_text(st));
        break;
    }
    case Y_COUNT: {
        const char *s = t == VALUE_NUMBER ? value_get_text(v) : NULL;
        bool ok = s && *s && strlen(s) <= 10;
        for (const char *p = s; ok && *p; p++) ok = *p >= '0' && *p <= '9';
        if (!ok) check_report(c, "Y-TYPE", pos, "%s 应是非负整数，实为“%s”", real, kind_text(v));
        break;
    }
    case Y_BODY: /* walk_body() checks it */
        break;
    case Y_BOOL:
        if (t != VALUE_BOOL) check_report(c, "Y-TYPE", pos, "%s 应是 true 或 false，实为“%s”", real, kind_text(v));
        break;
    case Y_NUMBER: {
        money_t m;
        if (t != VALUE_NUMBER || money_parse(value_get_text(v), MONEY_YUAN, &m) != MONEY_OK)
            check_report(c, "Y-TYPE", pos, "%s 应是%s，实为“%s”", real, what ? what : "数（至多两位小数）", kind_text(v));
        break;
    }
    }
}

/* ---- the walk ------------------------------------------------------------ */

static void walk(const walker *w, const value *v, const char *real, const char *pattern);

/* A body of text (Y_BODY): a text, or a list whose items are texts
 * (paragraphs) or sections {title | lead, score, max, text: body}, checked
 * against the schema's "@section" entries. */
static void walk_body(const walker *w, const value *v, const char *real)
{
    value_type t = value_get_type(v);
    if (t == VALUE_STRING || t == VALUE_NUMBER || t == VALUE_NULL) return;
    if (t != VALUE_LIST) {
        check_report(w->c, "Y-TYPE", posmap_get(w->pos, real), "%s 应是文字，或段落和小节（title、text 等）的列表，实为“%s”",
                     real, kind_text(v));
        return;
    }
    for (size_t i = 0; i < value_count(v); i++) {
        const value *item = value_at(v, i);
        buf r = {0};
        buf_printf(&r, "%s.%zu", real, i);
        value_type it = value_get_type(item);
        if (it == VALUE_MAP)
            walk(w, item, buf_cstr(&r), "@section");
        else if (it != VALUE_STRING && it != VALUE_NUMBER)
            check_report(w->c, "Y-TYPE", posmap_get(w->pos, buf_cstr(&r)), "%s 应是一段文字或一个小节（title、text 等），实为“%s”",
                         buf_cstr(&r), kind_text(item));
        buf_free(&r);
    }
}

static void walk(const walker *w, const value *v, const char *real, const char *pattern)
{
    bool list = value_get_type(v) == VALUE_LIST;
    if (!list && value_get_type(v) != VALUE_MAP) return;
    for (size_t i = 0; i < value_count(v); i++) {
        buf r = {0}, p = {0};
        char index[24];
        snprintf(index, sizeof index, "%zu", i);
        const char *key = list ? index : value_key_at(v, i);
        buf_printf(&r, "%s%s%s", real, real[0] ? "." : "", key);
        int found = -1;
        if (list) {
            buf_printf(&p, "%s.#", pattern);
            found = schema_find(w, buf_cstr(&p));
        } else {
            buf_printf(&p, "%s%s%s", pattern, pattern[0] ? "." : "", key);
            found = schema_find(w, buf_cstr(&p));
            if (found < 0) {
                p.len = 0;
                buf_printf(&p, "%s%s*", pattern, pattern[0] ? "." : "");
                found = schema_find(w, buf_cstr(&p));
            }
        }
        const schema_key *e = found < 0 ? NULL : &w->schema[found];
        const value *child = value_at(v, i);
        if (!e) {
            report_unknown(w, buf_cstr(&r), pattern, key);
        } else if (e->kind == Y_BODY) {
            walk_body(w, child, buf_cstr(&r));
        } else {
            check_type(w, buf_cstr(&r), e->kind, e->what, child);
            if ((e->kind == Y_MAP && value_get_type(child) == VALUE_MAP) ||
                (e->kind == Y_LIST && value_get_type(child) == VALUE_LIST))
                walk(w, child, buf_cstr(&r), e->path);
        }
        buf_free(&r);
        buf_free(&p);
    }
}

/* The blocks only the disclosure (决算公开) reads: required when the unit
 * folder has tables/, unused (a warning) when it has none. */
static const char *const DISCLOSURE_BLOCKS[] = {"overview", "previous", "budget", "reasons", "three_public",
                                                "other", "glossary_notes", "glossary_extra", "attachments"};

void check_yaml_schema(cctx *c, const schema_key *schema, size_t n, const value *root, const posmap *pos)
{
    walker w = {c, schema, n, pos};
    walk(&w, root, "", "");
}

void check_schema(cctx *c)
{
    check_yaml_schema(c, SCHEMA, N_SCHEMA, c->u->yaml, c->u->yaml_pos);
    if (c->u->has_tables) return;
    for (size_t i = 0; i < sizeof DISCLOSURE_BLOCKS / sizeof *DISCLOSURE_BLOCKS; i++)
        if (value_get(c->u->yaml, DISCLOSURE_BLOCKS[i]))
            check_report(c, "Y-NO-TABLES", posmap_get_key(c->u->yaml_pos, DISCLOSURE_BLOCKS[i]),
                         "单位文件夹没有 tables/（不生成决算公开），%s 不会用到", DISCLOSURE_BLOCKS[i]);
}

const schema_key *schema_keys(size_t *n)
{
    *n = N_SCHEMA;
    return SCHEMA;
}
