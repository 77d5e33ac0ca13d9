/* xlsx.c — write the appendix tables with libxlsxwriter. */
#include "xlsx.h"

#include "../template/template.h"

#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

typedef struct xlsx_formats {
    lxw_format *label, *title, *unit_line, *org_line, *head, *text, *text_bold, *code, *number,
        *number_bold, *line_no, *note;
} xlsx_formats;

static lxw_format *fmt_new(lxw_workbook *wb, bool bordered, uint8_t align, bool bold, uint16_t size)
{
    lxw_format *f = workbook_add_format(wb);
    format_set_font_name(f, "宋体");
    format_set_font_size(f, size);
    format_set_align(f, align);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    if (bold) format_set_bold(f);
    if (bordered) format_set_border(f, LXW_BORDER_THIN);
    return f;
}

static void formats_init(lxw_workbook *wb, xlsx_formats *f)
{
    f->label = fmt_new(wb, false, LXW_ALIGN_RIGHT, false, 10);
    f->title = fmt_new(wb, false, LXW_ALIGN_CENTER, true, 16);
    f->unit_line = fmt_new(wb, false, LXW_ALIGN_RIGHT, false, 10);
    f->org_line = fmt_new(wb, false, LXW_ALIGN_LEFT, false, 10);
    f->head = fmt_new(wb, true, LXW_ALIGN_CENTER, true, 10);
    format_set_text_wrap(f->head);
    f->text = fmt_new(wb, true, LXW_ALIGN_LEFT, false, 10);
    f->text_bold = fmt_new(wb, true, LXW_ALIGN_CENTER, true, 10);
    f->code = fmt_new(wb, true, LXW_ALIGN_LEFT, false, 10);
    f->line_no = fmt_new(wb, true, LXW_ALIGN_CENTER, false, 10);
    f->number = fmt_new(wb, true, LXW_ALIGN_RIGHT, false, 10);
    format_set_num_format(f->number, "#,##0.00");
    f->number_bold = fmt_new(wb, true, LXW_ALIGN_RIGHT, true, 10);
    format_set_num_format(f->number_bold, "#,##0.00");
    f->note = fmt_new(wb, false, LXW_ALIGN_LEFT, false, 10);
    format_set_text_wrap(f->note);
}

/* Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm). */
static int64_t days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* Money in 分 as the number a cell shows: 万元 with 2 decimals. The value
 * is rounded exactly first; the double only carries the 2-decimal result. */
static double cell_number(money_t v)
{
    money_t w = money_round_wan(v) / 10000; /* hundredths of 万元 */
    return (double)w / 100.0;
}

/* The header block: one row per level, merged cells for shared groups. */
static int write_header(lxw_worksheet *ws, const table_spec *s, int top, const xlsx_formats *f)
{
    size_t depth = 1;
    for (size_t c = 0; c < s->n_columns; c++)
        if (s->columns[c].n_group + 1 > depth) depth = s->columns[c].n_group + 1;
    for (size_t lv = 0; lv < depth; lv++) {
        size_t c = 0;
        while (c < s->n_columns) {
            const table_column *col = &s->columns[c];
            if (lv > col->n_group) { /* covered by the leaf's vertical merge */
                c++;
                continue;
            }
            if (lv == col->n_group) { /* the leaf: spans the remaining levels */
                int r0 = top + (int)lv, r1 = top + (int)depth - 1;
                if (r1 > r0) worksheet_merge_range(ws, r0, c, r1, c, col->header, f->head);
                else worksheet_write_string(ws, r0, c, col->header, f->head);
                c++;
                continue;
            }
            /* a group cell: extend over neighbours sharing groups[0..lv] */
            size_t e = c + 1;
            while (e < s->n_columns && s->columns[e].n_group > lv) {
                bool same = true;
                for (size_t k = 0; k <= lv; k++)
                    if (strcmp(s->columns[e].group[k], col->group[k]) != 0) same = false;
                if (!same) break;
                e++;
            }
            if (e - c > 1) worksheet_merge_range(ws, top + lv, c, top + lv, e - 1, col->group[lv], f->head);
            else worksheet_write_string(ws, top + lv, c, col->group[lv], f->head);
            c = e;
        }
    }
    return (int)depth;
}

static void write_amounts(lxw_worksheet *ws, int r, const table_spec *s, const table_row *row, int side,
                          bool bold, const xlsx_formats *f)
{
    for (size_t c = 0; c < s->n_columns; c++) {
        const table_column *col = &s->columns[c];
        if (col->role != COLUMN_AMOUNT || col->side != side) continue;
        lxw_format *fmt = bold ? f->number_bold : f->number;
        if (row && row->cells[c].present) worksheet_write_number(ws, r, c, cell_number(row->cells[c].amount), fmt);
        else worksheet_write_blank(ws, r, c, fmt);
    }
}

/* Fixed rows of one side, in spec order, split into body and tail (from the
 * first total row on), so that the two sides' totals line up. */
typedef struct side_rows {
    const table_fixed_row *rows[128];
    size_t n, body;
} side_rows;

static void side_collect(const table_spec *s, int side, side_rows *out)
{
    out->n = 0;
    out->body = (size_t)-1;
    for (size_t i = 0; i < s->n_rows && out->n < 128; i++) {
        if (s->rows[i].side != side) continue;
        if (s->rows[i].total && out->body == (size_t)-1) out->body = out->n;
        out->rows[out->n++] = &s->rows[i];
    }
    if (out->body == (size_t)-1) out->body = out->n;
}

static int write_fixed_rows(lxw_worksheet *ws, const table *t, int top, const xlsx_formats *f)
{
    const table_spec *s = t->spec;
    side_rows sides[2];
    size_t body = 0, tail = 0;
    for (int sd = 0; sd < s->sides; sd++) {
        side_collect(s, sd, &sides[sd]);
        if (sides[sd].body > body) body = sides[sd].body;
        if (sides[sd].n - sides[sd].body > tail) tail = sides[sd].n - sides[sd].body;
    }
    for (size_t i = 0; i < body + tail; i++) {
        int r = top + (int)i;
        for (int sd = 0; sd < s->sides; sd++) {
            const side_rows *sr = &sides[sd];
            const table_fixed_row *fr = NULL;
            if (i < body) fr = i < sr->body ? sr->rows[i] : NULL;
            else if (i - body < sr->n - sr->body) fr = sr->rows[sr->body + (i - body)];
            const table_row *row = fr ? table_find_row(t, fr->key) : NULL;
            for (size_t c = 0; c < s->n_columns; c++) {
                const table_column *col = &s->columns[c];
                if (col->side != sd) continue;
                if (col->role == COLUMN_LABEL) {
                    lxw_format *fmt = fr && fr->total ? f->text_bold : f->text;
                    if (fr) worksheet_write_string(ws, r, c, fr->label, fmt);
                    else worksheet_write_blank(ws, r, c, fmt);
                } else if (col->role == COLUMN_LINE) {
                    if (fr && fr->line) worksheet_write_number(ws, r, c, fr->line, f->line_no);
                    else worksheet_write_blank(ws, r, c, f->line_no);
                }
            }
            if (fr) write_amounts(ws, r, s, row, sd, fr->total, f);
            else write_amounts(ws, r, s, NULL, sd, false, f);
        }
    }
    return (int)(body + tail);
}

static int write_subject_rows(lxw_worksheet *ws, const table *t, int top, const xlsx_formats *f)
{
    const table_spec *s = t->spec;
    for (size_t i = 0; i < t->n_rows; i++) {
        const table_row *row = &t->rows[i];
        bool total = strcmp(row->key, "total") == 0;
        int r = top + (int)i;
        for (size_t c = 0; c < s->n_columns; c++) {
            const table_column *col = &s->columns[c];
            if (col->role == COLUMN_CODE)
                worksheet_write_string(ws, r, c, total ? "" : row->key, f->code);
            else if (col->role == COLUMN_NAME)
                worksheet_write_string(ws, r, c, row->label, total ? f->text_bold : f->text);
        }
        write_amounts(ws, r, s, row, 0, total, f);
    }
    return (int)t->n_rows;
}

static char *render_note(const char *note, const value *facts, const table_spec *s, diag_list *diags)
{
    template_options opt = {0};
    opt.strict = true;
    return template_render(note, facts, &opt, s->path, diags);
}

static int write_sheet(lxw_workbook *wb, const unit *u, const table *t, const value *facts,
                       const xlsx_formats *f, diag_list *diags)
{
    const table_spec *s = t->spec;
    lxw_worksheet *ws = workbook_add_worksheet(wb, s->sheet);
    if (!ws) return 3;
    lxw_col_t last = (lxw_col_t)(s->n_columns - 1);
    for (size_t c = 0; c < s->n_columns; c++)
        worksheet_set_column(ws, c, c, s->columns[c].width ? s->columns[c].width * 1.8 : 14, NULL);

    worksheet_write_string(ws, 0, last, s->label, f->label);
    worksheet_set_row(ws, 1, 30, NULL);
    worksheet_merge_range(ws, 1, 0, 1, last, s->title, f->title);
    buf org = {0};
    buf_printf(&org, "编制单位：%s", u->name);
    if (last >= 2) worksheet_merge_range(ws, 2, 0, 2, last - 1, buf_cstr(&org), f->org_line);
    else worksheet_write_string(ws, 2, 0, buf_cstr(&org), f->org_line);
    buf_free(&org);
    worksheet_write_string(ws, 2, last, "单位：万元", f->unit_line);

    int top = 3;
    int depth = write_header(ws, s, top, f);
    int body = top + depth;
    int n = s->kind == TABLE_FIXED ? write_fixed_rows(ws, t, body, f) : write_subject_rows(ws, t, body, f);
    int r = body + n;

    /* notes, or the empty-table note */
    int rc = 0;
    bool empty = !table_has_data(t);
    size_t n_notes = empty && s->empty_note ? 1 : s->n_notes;
    for (size_t i = 0; i < n_notes; i++) {
        const char *src = empty && s->empty_note ? s->empty_note : s->notes[i];
        char *text = render_note(src, facts, s, diags);
        if (!text) {
            rc = 1;
            continue;
        }
        worksheet_set_row(ws, r, 30, NULL);
        worksheet_merge_range(ws, r, 0, r, last, text, f->note);
        r++;
        free(text);
    }

    worksheet_freeze_panes(ws, body, 0);
    worksheet_set_paper(ws, 9); /* A4 */
    if (s->landscape) worksheet_set_landscape(ws);
    else worksheet_set_portrait(ws);
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_repeat_rows(ws, top, body - 1);
    worksheet_center_horizontally(ws);
    return rc;
}

int xlsx_write(const unit *u, const value *facts, const char *path, diag_list *diags)
{
    lxw_workbook_options wopt = {.constant_memory = LXW_FALSE, .tmpdir = NULL, .use_zip64 = LXW_FALSE};
    lxw_workbook *wb = workbook_new_opt(path, &wopt);
    if (!wb) {
        diag_error(diags, (srcpos){path, 0, 0}, "无法创建 XLSX 文件");
        return 3;
    }
    xlsx_formats f;
    formats_init(wb, &f);

    buf title = {0};
    buf_printf(&title, "%s%d年度%s决算附表", u->name, u->year, unit_kind_name(u->kind));
    lxw_doc_properties props = {0};
    props.title = (char *)buf_cstr(&title);
    props.author = u->name;
    props.company = u->name;
    props.subject = "决算公开附表";
    props.created = (time_t)(days_from_civil(u->pub_year, u->pub_month, u->pub_day) * 86400);
    workbook_set_properties(wb, &props);

    int rc = 0;
    for (size_t i = 0; i < u->n_tables; i++) {
        int r = write_sheet(wb, u, &u->tables[i], facts, &f, diags);
        if (r > rc) rc = r;
    }
    lxw_error err = workbook_close(wb);
    buf_free(&title);
    if (err != LXW_NO_ERROR) {
        diag_error(diags, (srcpos){path, 0, 0}, "写 XLSX 失败：%s", lxw_strerror(err));
        return 3;
    }
    return rc;
}
