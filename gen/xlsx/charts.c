/* charts.c — the sheet 图表 of the workbook: 图1–图7 as native Excel charts.
 *
 * The charts are the PDF's: one @chart block per facts "charts.<id>",
 * resolved by doc_resolve_charts (gen/doc/chart.c) exactly as the document's
 * are, so the sheet shows the items, amounts and shares the text prints.
 *
 * Each chart is a block of rows: its caption "图N：…", under it a small
 * table 项目 | 金额（万元） [| 占比] (amounts as numbers in #,##0.00, shares
 * as numbers in 0.00%), and under that table the chart, as wide as the
 * printable page, whose series refers to those cells: columns for the bars
 * (last year against this year) over the amount cells, a pie with its
 * legend for a structure over the share cells, in the PDF's colours
 * (style.yaml charts.colours, in turn). The data labels are the cells'
 * values: a column shows its amount ("3313.32"), a slice its share
 * ("95.19%" in 0.00%, the share the text prints, not one worked out again
 * from the rounded amounts) — plain values, which Excel and LibreOffice
 * both show (LibreOffice 7.4 ignores a label's reference to a cell and
 * shows the value instead). A block
 * that would cross the foot of a printed page starts the next one (a
 * manual page break), so no chart is cut. A pie with nothing to show gets
 * its caption and the line the PDF prints instead ("2024年度本单位无“三公”
 * 经费财政拨款支出。"), and no chart. */
#include "internal.h"

#include "../doc/doc.h"

#include <stdlib.h>
#include <string.h>

#define SHEET "图表"
#define CHART_H 288      /* px: a chart's height (libxlsxwriter's default) */
#define CHART_W 480      /* px: its default width, scaled to the printable width */
#define CHART_ROWS 15    /* rows (20 px) a chart 288 px high covers, and a spare */
#define ROW_PT 15.0      /* the default row height */

typedef struct chart_formats {
    lxw_format *caption, *head, *label, *amount, *share, *note;
} chart_formats;

/* A share as the facts write it ("95.19", "0", "-3.5") in hundredths of a
 * percent; false when the text is not such a number. */
static bool share_hundredths(const char *s, int64_t *out)
{
    bool neg = *s == '-';
    int64_t v = 0;
    int digits = 0, decimals = -1;
    for (s += neg; *s; s++) {
        if (*s == '.' && decimals < 0) {
            decimals = 0;
            continue;
        }
        if (*s < '0' || *s > '9' || decimals == 2 || ++digits > 15) return false;
        v = v * 10 + (*s - '0');
        if (decimals >= 0) decimals++;
    }
    if (!digits) return false;
    for (decimals = decimals < 0 ? 0 : decimals; decimals < 2; decimals++) v *= 10;
    *out = neg ? -v : v;
    return true;
}

/* Rows chart `c`'s block takes, from its caption to the next chart's. */
static lxw_row_t chart_block_rows(const chart_data *c)
{
    if (c->empty_text || c->n_items == 0) return 3;
    /* the caption, the table's head and items, the chart under them, a spare */
    return (lxw_row_t)(1 + 1 + c->n_items + CHART_ROWS + 1);
}

/* One chart's block from `row` on; `*next` is where the next one starts.
 * Returns 0, or 3 when libxlsxwriter fails. */
static int write_chart(lxw_workbook *wb, lxw_worksheet *ws, const chart_data *c, lxw_row_t row,
                       const chart_formats *f, const layout_config *layout, double x_scale,
                       lxw_row_t *next)
{
    worksheet_write_string(ws, row, 0, c->caption, f->caption);
    if (c->empty_text || c->n_items == 0) {
        if (c->empty_text) worksheet_write_string(ws, row + 1, 0, c->empty_text, f->note);
        *next = row + chart_block_rows(c);
        return 0;
    }
    bool pie = c->kind == CHART_PIE;
    size_t n = c->n_items;
    lxw_row_t head = row + 1, first = row + 2, last = (lxw_row_t)(first + n - 1);
    buf amount_head = {0};
    buf_printf(&amount_head, "金额（%s）", c->unit);
    worksheet_write_string(ws, head, 0, "项目", f->head);
    worksheet_write_string(ws, head, 1, buf_cstr(&amount_head), f->head);
    if (pie) worksheet_write_string(ws, head, 2, "占比", f->head);
    buf_free(&amount_head);

    /* the cells; each point in the style's colour; a 0 item has no slice
     * and no label */
    size_t n_colours = 0;
    const uint32_t *colours = layout_config_chart_colours(layout, &n_colours);
    bool hidden = false;
    lxw_chart_data_label *labels = xcalloc(n, sizeof *labels);
    lxw_chart_data_label **label_list = xcalloc(n + 1, sizeof *label_list);
    lxw_chart_fill *fills = xcalloc(n, sizeof *fills);
    lxw_chart_point *points = xcalloc(n, sizeof *points);
    lxw_chart_point **point_list = xcalloc(n + 1, sizeof *point_list);
    for (size_t i = 0; i < n; i++) {
        const chart_item *it = &c->items[i];
        lxw_row_t r = (lxw_row_t)(first + i);
        int64_t h = 0;
        worksheet_write_string(ws, r, 0, it->label, f->label);
        worksheet_write_number(ws, r, 1, xlsx_cell_number(it->value), f->amount);
        bool share = pie && it->share_text && share_hundredths(it->share_text, &h);
        if (share) worksheet_write_number(ws, r, 2, (double)h / 10000.0, f->share);
        else if (pie) worksheet_write_blank(ws, r, 2, f->share);
        labels[i].hide = pie && (!share || h == 0 || it->value == 0);
        hidden = hidden || labels[i].hide;
        label_list[i] = &labels[i];
        fills[i].color = n_colours ? colours[i % n_colours] : 0x5B9BD5;
        points[i].fill = &fills[i];
        point_list[i] = &points[i];
    }

    int rc = 0;
    char song[] = "宋体";
    lxw_chart_font font = {.name = song, .size = 10};
    lxw_chart *ch = workbook_add_chart(wb, pie ? LXW_CHART_PIE : LXW_CHART_COLUMN);
    lxw_chart_series *s = ch ? chart_add_series(ch, NULL, NULL) : NULL;
    if (s) {
        /* a pie over the shares, columns over the amounts */
        lxw_col_t vcol = pie ? 2 : 1;
        chart_series_set_categories(s, SHEET, first, 0, last, 0);
        chart_series_set_values(s, SHEET, first, vcol, last, vcol);
        chart_series_set_name_range(s, SHEET, head, vcol);
        if (chart_series_set_points(s, point_list) != LXW_NO_ERROR) rc = 3;
        chart_series_set_labels(s); /* the values of the cells */
        if (hidden && chart_series_set_labels_custom(s, label_list) != LXW_NO_ERROR) rc = 3;
        chart_series_set_labels_num_format(s, pie ? "0.00%" : "0.00");
        chart_series_set_labels_font(s, &font);
        chart_title_off(ch);
        if (pie) {
            chart_series_set_labels_position(s, LXW_CHART_LABEL_POSITION_BEST_FIT);
            chart_series_set_labels_leader_line(s);
            chart_legend_set_position(ch, LXW_CHART_LEGEND_RIGHT);
            chart_legend_set_font(ch, &font);
        } else {
            chart_series_set_labels_position(s, LXW_CHART_LABEL_POSITION_OUTSIDE_END);
            chart_legend_set_position(ch, LXW_CHART_LEGEND_NONE);
            lxw_chart_axis *x = chart_axis_get(ch, LXW_CHART_AXIS_TYPE_X);
            lxw_chart_axis *y = chart_axis_get(ch, LXW_CHART_AXIS_TYPE_Y);
            chart_axis_set_num_font(x, &font);
            chart_axis_set_num_font(y, &font);
            chart_axis_set_num_format(y, "#,##0");
            chart_axis_set_name(y, c->unit);
            chart_axis_set_name_font(y, &font);
        }
        lxw_chart_options o = {.x_scale = x_scale, .y_scale = 1.0, .description = c->caption};
        if (worksheet_insert_chart_opt(ws, last + 1, 0, ch, &o) != LXW_NO_ERROR) rc = 3;
    } else {
        rc = 3;
    }
    free(labels);
    free(label_list);
    free(fills);
    free(points);
    free(point_list);
    *next = row + chart_block_rows(c);
    return rc;
}

/* One @chart block per chart of facts "charts", resolved as the document's
 * are; 0, or -1 after errors (`d` then freed). */
static int charts_resolve(const value *charts, const value *facts, doc *d, diag_list *diags)
{
    size_t n = value_count(charts);
    d->blocks = xcalloc(n ? n : 1, sizeof *d->blocks);
    d->count = d->cap = n;
    for (size_t i = 0; i < n; i++) {
        d->blocks[i].type = BLOCK_CHART;
        d->blocks[i].arg = xstrdup(value_key_at(charts, i));
        d->blocks[i].pos = SRCPOS_NONE;
    }
    if (doc_resolve_charts(d, facts, diags) == 0) return 0;
    doc_free(d);
    return -1;
}

char *xlsx_chart_address(const value *facts, const char *id, const char *label, bool share)
{
    const value *charts = value_get(facts, "charts");
    doc d = {0};
    diag_list quiet = {0};
    char *out = NULL;
    if (value_count(charts) && charts_resolve(charts, facts, &d, &quiet) == 0) {
        lxw_row_t row = 0;
        for (size_t i = 0; i < d.count && !out; i++) {
            const chart_data *c = d.blocks[i].chart;
            if (strcmp(d.blocks[i].arg, id) == 0 && !c->empty_text)
                for (size_t k = 0; k < c->n_items && !out; k++)
                    if (strcmp(c->items[k].label, label) == 0) {
                        buf b = {0};
                        buf_printf(&b, "%s!%c%u", SHEET, share ? 'C' : 'B', (unsigned)(row + 2 + k + 1));
                        out = buf_detach(&b);
                    }
            row += chart_block_rows(c);
        }
        doc_free(&d);
    }
    diag_list_free(&quiet);
    return out;
}

int xlsx_write_charts(lxw_workbook *wb, const value *facts, const layout_config *layout,
                      diag_list *diags)
{
    const value *charts = value_get(facts, "charts");
    size_t n = value_count(charts);
    if (n == 0) return 0;

    doc d = {0};
    if (charts_resolve(charts, facts, &d, diags) != 0) return 1;

    int rc = 0;
    lxw_worksheet *ws = workbook_add_worksheet(wb, SHEET);
    if (!ws) rc = 3;
    chart_formats f = {0};
    if (ws) {
        f.caption = xlsx_fmt_new(wb, false, LXW_ALIGN_LEFT, true, 12);
        f.head = xlsx_fmt_new(wb, true, LXW_ALIGN_CENTER, true, 10);
        f.label = xlsx_fmt_new(wb, true, LXW_ALIGN_LEFT, false, 10);
        f.amount = xlsx_fmt_new(wb, true, LXW_ALIGN_RIGHT, false, 10);
        format_set_num_format(f.amount, "#,##0.00");
        f.share = xlsx_fmt_new(wb, true, LXW_ALIGN_RIGHT, false, 10);
        format_set_num_format(f.share, "0.00%");
        f.note = xlsx_fmt_new(wb, false, LXW_ALIGN_LEFT, false, 10);
    }
    /* columns A–C hold the tables, the charts span the printable width */
    int label_units = 8;
    for (size_t i = 0; i < d.count; i++)
        for (size_t k = 0; k < d.blocks[i].chart->n_items; k++) {
            int w = xlsx_text_units(d.blocks[i].chart->items[k].label);
            if (w > label_units) label_units = w;
        }
    double printable = xlsx_printable_px(layout, false);
    double widths[4] = {label_units + 2, 14, 10, 1};
    double table_px = xlsx_col_px(widths[0]) + xlsx_col_px(widths[1]) + xlsx_col_px(widths[2]);
    if (table_px + xlsx_col_px(1) > printable) { /* long labels wrap */
        widths[0] -= (table_px + xlsx_col_px(1) - printable) / 7 + 1;
        if (widths[0] < 10) widths[0] = 10;
        table_px = xlsx_col_px(widths[0]) + xlsx_col_px(widths[1]) + xlsx_col_px(widths[2]);
    }
    /* column D fills the rest, so that A–D (the print area) is as wide as
     * the charts */
    widths[3] = (double)(int)((printable - table_px - 5) / 7);
    if (widths[3] < 1) widths[3] = 1;
    double area_px = table_px + xlsx_col_px(widths[3]);
    double x_scale = (area_px - 4) / CHART_W;
    /* a page holds this many rows (at 100%: the columns fit the width) */
    double mm[4], pw, ph;
    layout_config_margins(layout, false, mm);
    layout_config_page_size(layout, &pw, &ph);
    lxw_row_t page_rows = (lxw_row_t)((ph - (mm[0] + mm[2]) * 72.0 / 25.4) / ROW_PT);
    lxw_row_t *breaks = xcalloc(d.count + 1, sizeof *breaks);
    size_t n_breaks = 0;
    lxw_row_t row = 0, page_top = 0;
    for (size_t i = 0; ws && rc == 0 && i < d.count; i++) {
        const chart_data *c = d.blocks[i].chart;
        if (row > page_top && row + chart_block_rows(c) - page_top > page_rows) {
            breaks[n_breaks++] = row; /* this block starts a printed page */
            page_top = row;
        }
        rc = write_chart(wb, ws, c, row, &f, layout, x_scale, &row);
    }
    if (ws) {
        for (lxw_col_t k = 0; k < 4; k++) worksheet_set_column(ws, k, k, widths[k], NULL);
        if (n_breaks && worksheet_set_h_pagebreaks(ws, breaks) != LXW_NO_ERROR) rc = 3;
        xlsx_print_setup(ws, layout, false, -1, -1, row > 0 ? (int)row - 1 : 0, 3);
    }
    free(breaks);
    doc_free(&d);
    return rc;
}
