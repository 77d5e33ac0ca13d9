/* xlsx.c — write the appendix tables with libxlsxwriter. */
#include "internal.h"

#include "../doc/doc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The cell formats, made once per workbook: border, alignment, weight,
 * number format. Grid cells pick theirs by what they are. */
typedef struct xlsx_formats {
    lxw_format *label, *title, *unit_line, *org_line, *head, *note;
    lxw_format *text[3][2];   /* [grid_align][bold] */
    lxw_format *number[2];    /* [bold] */
    lxw_format *zero_blank[2]; /* an amount the grid prints blank (a zero): [bold] */
    lxw_format *count;        /* 行次 */
    lxw_format *percent[2];   /* 预算执行率 0.00% [bold] */
    lxw_format *points[2];    /* 权重, 得分 [bold] */
} xlsx_formats;

lxw_format *xlsx_fmt_new(lxw_workbook *wb, bool bordered, uint8_t align, bool bold, uint16_t size)
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
    static const uint8_t aligns[3] = {LXW_ALIGN_LEFT, LXW_ALIGN_CENTER, LXW_ALIGN_RIGHT};
    f->label = xlsx_fmt_new(wb, false, LXW_ALIGN_RIGHT, false, 10);
    f->title = xlsx_fmt_new(wb, false, LXW_ALIGN_CENTER, true, 16);
    f->unit_line = xlsx_fmt_new(wb, false, LXW_ALIGN_RIGHT, false, 10);
    f->org_line = xlsx_fmt_new(wb, false, LXW_ALIGN_LEFT, false, 10);
    f->head = xlsx_fmt_new(wb, true, LXW_ALIGN_CENTER, true, 10);
    format_set_text_wrap(f->head);
    for (int a = 0; a < 3; a++)
        for (int b = 0; b < 2; b++) {
            f->text[a][b] = xlsx_fmt_new(wb, true, aligns[a], b, 10);
            format_set_text_wrap(f->text[a][b]);
        }
    for (int b = 0; b < 2; b++) {
        f->number[b] = xlsx_fmt_new(wb, true, LXW_ALIGN_RIGHT, b, 10);
        format_set_num_format(f->number[b], "#,##0.00");
        /* the number 0 stays in the cell (import reads it back) and shows
         * blank, as the grid prints it (gen/doc/zero.c) */
        f->zero_blank[b] = xlsx_fmt_new(wb, true, LXW_ALIGN_RIGHT, b, 10);
        format_set_num_format(f->zero_blank[b], "#,##0.00;-#,##0.00;;@");
    }
    f->count = xlsx_fmt_new(wb, true, LXW_ALIGN_CENTER, false, 10);
    for (int b = 0; b < 2; b++) {
        f->percent[b] = xlsx_fmt_new(wb, true, LXW_ALIGN_CENTER, b, 10);
        format_set_num_format(f->percent[b], "0.00%");
        f->points[b] = xlsx_fmt_new(wb, true, LXW_ALIGN_CENTER, b, 10); /* General: 10, 8.5 */
    }
    f->note = xlsx_fmt_new(wb, false, LXW_ALIGN_LEFT, false, 10);
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
double xlsx_cell_number(money_t v)
{
    money_t w = money_round_wan(v) / 10000; /* hundredths of 万元 */
    return (double)w / 100.0;
}

/* Money in 分 as a table cell stores it: the exact amount in 万元 (up to 6
 * decimals), shown by the #,##0.00 format with 2, so that the sheet holds
 * the figures of the tables (juesuan import reads them back unchanged).
 * The double is the one nearest the decimal, which Excel and libxlsxwriter
 * write back as that decimal (at most 15 significant digits). */
static double xlsx_cell_exact(money_t v)
{
    return (double)v / 1000000.0;
}

/* Display width of UTF-8 text in Excel units (CJK 2, ASCII 1). */
int xlsx_text_units(const char *s)
{
    int w = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p < 0x80) w += 1;
        else if ((*p & 0xC0) != 0x80) w += 2;
    return w;
}

/* Rows [0, rows) tall enough for their wrapped text in columns `cw` units
 * wide (Excel does not fit the height of wrapped or merged cells by
 * itself). */
static void row_heights(lxw_worksheet *ws, const table_grid *g, const double *cw, int top, int rows)
{
    for (int r = 0; r < rows; r++) {
        int lines = 1;
        for (size_t i = 0; i < g->n_cells; i++) {
            const grid_cell *c = &g->cells[i];
            if (c->row + c->row_span - 1 != r) continue; /* a cell's last row takes its height */
            double w = 0;
            for (int k = c->col; k < c->col + c->col_span && k < g->cols; k++) w += cw[k];
            int need = (int)((xlsx_text_units(c->text) + w - 3) / (w - 2 > 1 ? w - 2 : 1)) + 1 - c->row_span;
            if (need > lines) lines = need;
        }
        worksheet_set_row(ws, (lxw_row_t)(top + r), 14.0 * lines + 4, NULL);
    }
}

static void write_cell(lxw_worksheet *ws, const grid_cell *c, int top, const xlsx_formats *f)
{
    lxw_row_t r0 = (lxw_row_t)(top + c->row), r1 = (lxw_row_t)(top + c->row + c->row_span - 1);
    lxw_col_t c0 = (lxw_col_t)c->col, c1 = (lxw_col_t)(c->col + c->col_span - 1);
    int align = c->align < 0 || c->align > 2 ? 0 : (int)c->align;
    lxw_format *fmt = c->header                          ? f->head
                      : c->is_amount && !c->text[0]      ? f->zero_blank[c->bold]
                      : c->is_amount                     ? f->number[c->bold]
                      : c->number == GRID_NUMBER_PERCENT ? f->percent[c->bold]
                      : c->number == GRID_NUMBER_POINTS  ? f->points[c->bold]
                      : c->is_count                      ? f->count
                      : !c->text[0] && align == GRID_RIGHT ? f->number[c->bold] /* a blank amount cell */
                                                         : f->text[align][c->bold];
    if (r1 > r0 || c1 > c0) {
        /* merge_range writes the text as a string; a number that spans (the
         * 自评表's 调整后预算数) is written over its first cell afterwards,
         * as libxlsxwriter's documentation shows */
        bool num = c->is_amount || c->number;
        worksheet_merge_range(ws, r0, c0, r1, c1, num ? "" : c->text, fmt);
        if (!num) return;
    }
    if (c->is_amount) {
        worksheet_write_number(ws, r0, c0, xlsx_cell_exact(c->amount), fmt);
    } else if (c->is_count) {
        worksheet_write_number(ws, r0, c0, atof(c->text), fmt);
    } else if (c->number) {
        /* exact hundredths; the double only carries the 2- or 4-decimal value */
        worksheet_write_number(ws, r0, c0,
                               (double)c->hundredths / (c->number == GRID_NUMBER_PERCENT ? 10000.0 : 100.0), fmt);
    } else if (!c->text[0]) {
        worksheet_write_blank(ws, r0, c0, fmt);
    } else {
        /* write_string: never a formula, even for text starting with = + - @ */
        worksheet_write_string(ws, r0, c0, c->text, fmt);
    }
}

static int write_sheet(lxw_workbook *wb, const table_grid *g, const xlsx_formats *f,
                       const layout_config *layout)
{
    lxw_worksheet *ws = workbook_add_worksheet(wb, g->sheet);
    if (!ws) return 3;
    lxw_col_t last = (lxw_col_t)(g->cols - 1);
    double *cw = xcalloc((size_t)(g->cols > 0 ? g->cols : 1), sizeof *cw);
    xlsx_fit_columns(g, xlsx_printable_px(layout, g->landscape), cw);
    for (int c = 0; c < g->cols; c++) worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, cw[c], NULL);

    worksheet_write_string(ws, 0, last, g->label, f->label);
    worksheet_set_row(ws, 1, 30, NULL);
    if (last > 0) worksheet_merge_range(ws, 1, 0, 1, last, g->title, f->title);
    else worksheet_write_string(ws, 1, 0, g->title, f->title);
    bool lines = g->org_line[0] || g->unit_line[0]; /* a 自评表 has neither */
    if (lines && last >= 2) worksheet_merge_range(ws, 2, 0, 2, last - 1, g->org_line, f->org_line);
    else if (lines && last >= 1) worksheet_write_string(ws, 2, 0, g->org_line, f->org_line);
    if (lines) worksheet_write_string(ws, last >= 1 ? 2 : 3, last, g->unit_line, f->unit_line);

    int top = xlsx_grid_top(g);
    for (size_t i = 0; i < g->n_cells; i++) write_cell(ws, &g->cells[i], top, f);
    row_heights(ws, g, cw, top, g->rows);
    free(cw);
    int body = top + g->header_rows;

    /* notes, or the empty-table note, under the table */
    int r = top + g->rows;
    for (size_t i = 0; i < g->n_notes; i++, r++) {
        worksheet_set_row(ws, (lxw_row_t)r, 30, NULL);
        if (last > 0) worksheet_merge_range(ws, (lxw_row_t)r, 0, (lxw_row_t)r, last, g->notes[i], f->note);
        else worksheet_write_string(ws, (lxw_row_t)r, 0, g->notes[i], f->note);
    }

    worksheet_freeze_panes(ws, (lxw_row_t)body, 0);
    /* repeated on every printed page: the 编制单位 / 单位 line (a 自评表 has
     * none) and the header rows */
    xlsx_print_setup(ws, layout, g->landscape, lines ? top - 1 : top, body - 1, r - 1, (int)last);
    return 0;
}

/* workbook_close failed: a file or temporary-file error with a known
 * errno is the environment's (4), told in words; anything else is 3. */
static int close_failed(lxw_error err, int sys_err, const char *path, diag_list *diags)
{
    bool file_error = err == LXW_ERROR_CREATING_XLSX_FILE || err == LXW_ERROR_CREATING_TMPFILE ||
                      err == LXW_ERROR_READING_TMPFILE || err == LXW_ERROR_ZIP_FILE_OPERATION ||
                      err == LXW_ERROR_ZIP_FILE_ADD || err == LXW_ERROR_ZIP_CLOSE ||
                      err == LXW_ERROR_MEMORY_MALLOC_FAILED;
    if (file_error && sys_err) return diag_env_error(diags, path, sys_err, "无法写入 XLSX 文件");
    diag_error(diags, (srcpos){path, 0, 0}, "写 XLSX 失败：%s", lxw_strerror(err));
    return file_error ? ENV_FAILURE : 3;
}

int xlsx_write(const unit *u, const value *facts, const layout_config *layout, const char *path,
               diag_list *diags)
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
        table_grid *g = table_grid_build(&u->tables[i], u, facts, diags);
        int r = g ? write_sheet(wb, g, &f, layout) : 1;
        table_grid_free(g);
        if (r > rc) rc = r;
    }
    /* the 项目支出绩效自评表 of 第四部分, one sheet each, before the charts */
    const value *projects = value_get_path(facts, "performance.projects");
    const char *ptitle = value_get_text(value_get_path(facts, "performance.table_title"));
    for (size_t i = 0; i < value_count(projects); i++) {
        table_grid *g = project_grid_build(value_at(projects, i), ptitle);
        int r = write_sheet(wb, g, &f, layout);
        table_grid_free(g);
        if (r > rc) rc = r;
    }
    int r = xlsx_write_charts(wb, facts, layout, diags);
    if (r > rc) rc = r;
    /* libxlsxwriter prints its own English "[ERROR] …" lines on stderr;
     * the diagnostic below says it in the users' words */
    fflush(stderr);
    int saved_stderr = dup(STDERR_FILENO);
    int devnull = open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (saved_stderr >= 0 && devnull >= 0) dup2(devnull, STDERR_FILENO);
    errno = 0; /* what the file operations inside workbook_close leave */
    lxw_error err = workbook_close(wb);
    int sys_err = errno;
    fflush(stderr);
    if (saved_stderr >= 0 && devnull >= 0) dup2(saved_stderr, STDERR_FILENO);
    if (saved_stderr >= 0) close(saved_stderr);
    if (devnull >= 0) close(devnull);
    buf_free(&title);
    if (err != LXW_NO_ERROR) return close_failed(err, sys_err, path, diags);
    return rc;
}
