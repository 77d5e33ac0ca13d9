/* chart.c — chart data (图1–图7) taken from the facts tree, and freeing it.
 *
 * facts "charts.<id>" (gen/facts/charts.c) holds each chart as text: kind,
 * caption, unit, items [{label, value "3313.32", share "95.19"|null}] and
 * the line a pie with nothing to show prints instead. The amounts are parsed
 * here exactly (money_parse, 万元 → 分) so that the drawing code gets
 * integers; the texts are kept as the facts wrote them, so a chart prints
 * the same figures as the sentences. */
#include "doc.h"

#include <stdlib.h>
#include <string.h>

void chart_data_free(chart_data *c)
{
    if (!c) return;
    for (size_t i = 0; i < c->n_items; i++) {
        free(c->items[i].label);
        free(c->items[i].value_text);
        free(c->items[i].share_text);
    }
    free(c->items);
    free(c->caption);
    free(c->unit);
    free(c->empty_text);
    free(c);
}

/* A required string field of chart `id`; NULL after an error. */
static const char *field(const value *m, const char *key, const char *id, srcpos pos,
                         diag_list *diags)
{
    const value *v = value_get(m, key);
    if (!v || value_get_type(v) != VALUE_STRING) {
        diag_error(diags, pos, "图表 %s 的数据缺少文字字段 %s（facts charts.%s.%s）", id, key, id,
                   key);
        return NULL;
    }
    return value_get_text(v);
}

/* Build the chart data of facts node `m` (charts.<id>); NULL after errors. */
static chart_data *chart_from_facts(const value *m, const char *id, srcpos pos, diag_list *diags)
{
    size_t before = diag_error_count(diags);
    const char *kind = field(m, "kind", id, pos, diags);
    const char *caption = field(m, "caption", id, pos, diags);
    const char *unit_name = field(m, "unit", id, pos, diags);
    const value *items = value_get(m, "items");
    if (!items || value_get_type(items) != VALUE_LIST)
        diag_error(diags, pos, "图表 %s 的数据缺少 items 列表（facts charts.%s.items）", id, id);
    chart_kind k = 0;
    if (kind && strcmp(kind, "bar") == 0)
        k = CHART_BAR;
    else if (kind && strcmp(kind, "pie") == 0)
        k = CHART_PIE;
    else if (kind)
        diag_error(diags, pos, "图表 %s 的类型应为 bar 或 pie，实为“%s”", id, kind);
    if (diag_error_count(diags) > before) return NULL;

    chart_data *c = xcalloc(1, sizeof *c);
    c->kind = k;
    c->caption = xstrdup(caption);
    c->unit = xstrdup(unit_name);
    const value *empty = value_get(m, "empty");
    if (empty && value_get_type(empty) == VALUE_STRING) c->empty_text = xstrdup(value_get_text(empty));
    c->n_items = value_count(items);
    c->items = xcalloc(c->n_items ? c->n_items : 1, sizeof *c->items);
    for (size_t i = 0; i < c->n_items; i++) {
        const value *it = value_at(items, i);
        const char *label = value_get_text(value_get(it, "label"));
        const char *text = value_get_text(value_get(it, "value"));
        const char *share = value_get_text(value_get(it, "share"));
        money_t v = 0;
        money_status st = text ? money_parse(text, MONEY_WANYUAN, &v) : MONEY_EMPTY;
        if (!label || st != MONEY_OK) {
            diag_error(diags, pos, "图表 %s 第 %zu 项的数据不完整（label、value 应为文字和金额）：%s", id,
                       i + 1, st != MONEY_OK ? money_status_text(st) : "缺少 label");
            continue;
        }
        c->items[i].label = xstrdup(label);
        c->items[i].value = v;
        c->items[i].value_text = xstrdup(text);
        c->items[i].share_text = share ? xstrdup(share) : NULL;
    }
    if (diag_error_count(diags) > before) {
        chart_data_free(c);
        return NULL;
    }
    return c;
}

int doc_resolve_charts(doc *d, const value *facts, diag_list *diags)
{
    size_t before = diag_error_count(diags);
    const value *charts = value_get(facts, "charts");
    for (size_t i = 0; i < d->count; i++) {
        block *b = &d->blocks[i];
        if (b->type != BLOCK_CHART) continue;
        chart_data_free(b->chart);
        b->chart = NULL;
        const char *id = b->arg ? b->arg : "";
        const value *m = *id ? value_get(charts, id) : NULL;
        if (!m || value_get_type(m) != VALUE_MAP) {
            buf known = {0};
            for (size_t k = 0; k < value_count(charts); k++)
                buf_printf(&known, "%s%s", k ? "、" : "", value_key_at(charts, k));
            diag_error(diags, b->pos, "没有名为“%s”的图表（可用：%s）", id,
                       known.len ? buf_cstr(&known) : "无");
            buf_free(&known);
            continue;
        }
        b->chart = chart_from_facts(m, id, b->pos, diags);
    }
    return diag_error_count(diags) > before ? -1 : 0;
}
