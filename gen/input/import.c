/* import.c — the 13 公开表 of a workbook (juesuan's own 附表, or one laid
 * out as the official forms) into the CSV layout of their specs, each cell
 * keeping its sheet!cell position, so that table_bind reads them exactly as
 * it reads a CSV and every problem names the cell it came from.
 *
 * A sheet: title rows (公开NN表 label, title, 编制单位 and 单位 lines), a
 * header block (one or more rows, merged cells), an optional 栏次 row, data
 * rows, notes. The header block is found as the first row holding two or
 * more header texts of the spec, extended down over its merged cells and
 * over further rows of header texts; each column is named by the texts
 * above it, top to bottom (its path), and matched to the spec's columns by
 * header and groups. */
#include "input.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* ---- text --------------------------------------------------------------- */

/* Header and title text compared without blanks, line breaks and quotation
 * marks, with ASCII parentheses and colons as their full-width forms. */
static char *norm(const char *s)
{
    buf b = {0};
    for (const char *p = s; *p;) {
        unsigned char c = (unsigned char)*p;
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '"' || c == '\'') {
            p++;
            continue;
        }
        if (strncmp(p, "\u3000", 3) == 0 || strncmp(p, "\u201c", 3) == 0 || strncmp(p, "\u201d", 3) == 0 ||
            strncmp(p, "\u2018", 3) == 0 || strncmp(p, "\u2019", 3) == 0) {
            p += 3;
            continue;
        }
        if (c == '(') buf_puts(&b, "（");
        else if (c == ')') buf_puts(&b, "）");
        else if (c == ':') buf_puts(&b, "：");
        else buf_putc(&b, (char)c);
        p++;
    }
    return buf_detach(&b);
}

/* `s` without ASCII and ideographic blanks at either end (malloc'd). */
static char *trim(const char *s)
{
    const char *a = s, *e = s + strlen(s);
    for (;;) {
        if (*a == ' ' || *a == '\t' || *a == '\r' || *a == '\n') a++;
        else if (strncmp(a, "\u3000", 3) == 0) a += 3;
        else break;
    }
    for (;;) {
        if (e > a && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' || e[-1] == '\n')) e--;
        else if (e - a >= 3 && strncmp(e - 3, "\u3000", 3) == 0) e -= 3;
        else break;
    }
    return xstrndup(a, (size_t)(e - a));
}

static bool norm_equal(const char *a, const char *b)
{
    char *x = norm(a), *y = norm(b);
    bool eq = strcmp(x, y) == 0;
    free(x), free(y);
    return eq;
}

/* A number as a cell stores it ("1019.89", "-5", "1.5E-3",
 * "3313.3199999999997") as plain decimal text, exactly: only digits beyond
 * the 15 significant ones a spreadsheet keeps are rounded off (they are
 * the binary representation's, not the figure's). False if not a number. */
static bool number_text(const char *s, char *out, size_t size)
{
    bool neg = false;
    if (*s == '-' || *s == '+') neg = *s++ == '-';
    char dig[80];
    size_t n = 0, frac = 0;
    bool any = false, point = false;
    for (; (*s >= '0' && *s <= '9') || (*s == '.' && !point); s++) {
        if (*s == '.') {
            point = true;
            continue;
        }
        any = true;
        if (n == 0 && *s == '0') { /* leading zeros do not change the integer */
            if (point) frac++;
            continue;
        }
        if (n >= sizeof dig - 1) return false;
        dig[n++] = *s;
        if (point) frac++;
    }
    if (!any) return false;
    long x = -(long)frac; /* value = dig × 10^x */
    if (*s == 'E' || *s == 'e') {
        char *end;
        long e = strtol(s + 1, &end, 10);
        if (end == s + 1 || e > 400 || e < -400) return false;
        x += e;
        s = end;
    }
    if (*s) return false;
    if (n > 15) { /* round to 15 significant digits, half away from zero */
        bool up = dig[15] >= '5';
        x += (long)n - 15;
        n = 15;
        for (long i = 14; up && i >= 0; i--) {
            if (dig[i] == '9') dig[i] = '0';
            else dig[i]++, up = false;
        }
        if (up) { /* 999… became 000…: one more digit */
            memmove(dig + 1, dig, n);
            dig[0] = '1';
            n++;
        }
    }
    while (n > 0 && dig[n - 1] == '0') n--, x++;
    dig[n] = '\0';
    if (n == 0) {
        snprintf(out, size, "0");
        return true;
    }
    if (x > 30 || x < -30) return false;
    buf b = {0};
    if (neg) buf_putc(&b, '-');
    if (x >= 0) {
        buf_puts(&b, dig);
        for (long i = 0; i < x; i++) buf_putc(&b, '0');
    } else if ((long)n > -x) {
        buf_append(&b, dig, (size_t)((long)n + x));
        buf_putc(&b, '.');
        buf_puts(&b, dig + (long)n + x);
    } else {
        buf_puts(&b, "0.");
        for (long i = 0; i < -x - (long)n; i++) buf_putc(&b, '0');
        buf_puts(&b, dig);
    }
    bool fits = b.len < size;
    if (fits) memcpy(out, buf_cstr(&b), b.len + 1);
    buf_free(&b);
    return fits;
}

/* 分 as text in `mu`: 元 with 2 decimals, 万元 with 2 to 6. */
static void money_text(money_t v, money_unit mu, char *out, size_t size)
{
    uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    uint64_t per = mu == MONEY_YUAN ? 100 : 1000000;
    int decimals = mu == MONEY_YUAN ? 2 : 6;
    char frac[8];
    snprintf(frac, sizeof frac, "%0*llu", decimals, (unsigned long long)(m % per));
    for (int k = decimals; k > 2 && frac[k - 1] == '0'; k--) frac[k - 1] = '\0';
    snprintf(out, size, "%s%llu.%s", v < 0 ? "-" : "", (unsigned long long)(m / per), frac);
}

/* ---- a sheet ------------------------------------------------------------- */

static const char *raw(const wb_sheet *s, int r, int c)
{
    const wb_cell *x = wb_sheet_cell(s, r, c);
    return x ? x->text : "";
}

/* The text shown at r/c: a merged range shows its top-left cell's. */
static const char *shown(const wb_sheet *s, int r, int c)
{
    const wb_range *m = wb_sheet_merge(s, r, c);
    return m ? raw(s, m->r0, m->c0) : raw(s, r, c);
}

/* A cell's text for a label, code or name: numbers as plain decimals. */
static char *cell_text(const wb_sheet *s, int r, int c)
{
    const wb_cell *x = wb_sheet_cell(s, r, c);
    if (!x) return xstrdup("");
    char num[80];
    if (x->type == WB_NUMBER && number_text(x->text, num, sizeof num)) return xstrdup(num);
    return trim(x->text);
}

/* The 公开NN表 number in `text` (normalized), or 0. */
static int label_number(const char *text)
{
    const char *p = strstr(text, "公开");
    if (!p) return 0;
    p += strlen("公开");
    int n = 0, k = 0;
    for (; *p >= '0' && *p <= '9' && k < 3; p++, k++) n = n * 10 + (*p - '0');
    return k && strncmp(p, "表", strlen("表")) == 0 ? n : 0;
}

/* Which spec a sheet holds: its 公开NN表 label, else the longest spec
 * title ending a cell of its top rows, else its sheet name. -1: none. */
static int sheet_spec(const wb_sheet *s, const spec_set *specs, int *title_row)
{
    int by_label = -1, by_title = -1, label_row = 0, t_row = 0;
    size_t best = 0;
    for (int r = 1; r <= s->rows && r <= 8; r++)
        for (int c = 1; c <= s->cols; c++) {
            const wb_cell *x = wb_sheet_cell(s, r, c);
            if (!x || x->type != WB_TEXT) continue;
            char *t = norm(x->text);
            int n = label_number(t);
            for (size_t i = 0; i < specs->n_tables && by_label < 0 && n; i++)
                if (label_number(specs->tables[i].label) == n) by_label = (int)i, label_row = r;
            size_t tl = strlen(t);
            for (size_t i = 0; i < specs->n_tables; i++) {
                char *title = norm(specs->tables[i].title);
                size_t l = strlen(title);
                if (l > best && tl >= l && strcmp(t + tl - l, title) == 0) best = l, by_title = (int)i, t_row = r;
                free(title);
            }
            free(t);
        }
    if (by_label >= 0) {
        *title_row = t_row > label_row ? t_row : label_row;
        return by_label;
    }
    if (by_title >= 0) {
        *title_row = t_row;
        return by_title;
    }
    *title_row = 0;
    for (size_t i = 0; i < specs->n_tables; i++)
        if (norm_equal(s->name, specs->tables[i].sheet)) return (int)i;
    return -1;
}

/* The money unit a sheet's 单位 line states above `below` (0: none). */
static money_unit sheet_unit(const wb_sheet *s, int below, int *row, int *col)
{
    for (int r = 1; r < below; r++)
        for (int c = 1; c <= s->cols; c++) {
            char *t = norm(raw(s, r, c));
            money_unit found = 0;
            for (const char *p = strstr(t, "单位："); p && !found; p = strstr(p + 1, "单位：")) {
                const char *v = p + strlen("单位：");
                if (strncmp(v, "万元", strlen("万元")) == 0 && !v[strlen("万元")]) found = MONEY_WANYUAN;
                else if (strncmp(v, "元", strlen("元")) == 0 && !v[strlen("元")]) found = MONEY_YUAN;
                else if (strncmp(v, "万元", strlen("万元")) == 0) found = MONEY_WANYUAN;
                else if (strncmp(v, "元", strlen("元")) == 0) found = MONEY_YUAN;
            }
            free(t);
            if (found) {
                *row = r, *col = c;
                return found;
            }
        }
    return 0;
}

/* ---- the columns a layout wants ----------------------------------------- */

typedef struct want {
    const char *header;
    char *const *groups;
    size_t n_groups;
    const char *extra_group; /* split_by_class: the side's group */
    column_role role;
    const char *key;  /* amount column key */
    const char *row;  /* transpose: the fixed row */
    int side;
    int csv;          /* the CSV column it fills */
    int col;          /* matched sheet column (0 = none) */
    int code_cols[3]; /* a code split over 类 | 款 | 项 columns */
} want;

typedef struct header_block {
    int top, bottom;  /* rows */
    char ***paths;    /* per column (1-based): the texts above it, top to bottom, normalized */
    size_t *n_paths;
    int cols;
} header_block;

static bool path_has(const header_block *h, int col, const char *t)
{
    for (size_t i = 0; i < h->n_paths[col]; i++)
        if (strcmp(h->paths[col][i], t) == 0) return true;
    return false;
}

static bool header_has(const header_block *h, const char *t)
{
    for (int c = 1; c <= h->cols; c++)
        if (path_has(h, c, t)) return true;
    return false;
}

/* Does header text `t` (normalized) name want `w`'s own column? */
static bool names_column(const want *w, const char *t, const char *header)
{
    if (strcmp(t, header) == 0) return true;
    if (w->role == COLUMN_CODE) return strstr(t, "编码") || strstr(t, "代码");
    if (w->role == COLUMN_NAME) return strstr(t, "名称") || strcmp(t, "项目") == 0;
    return false;
}

/* How well sheet column `c` fits `w` (< 0: not at all). */
static int fit(const want *w, const header_block *h, int c)
{
    if (h->n_paths[c] == 0) return -1;
    char *header = norm(w->header);
    const char *leaf = h->paths[c][h->n_paths[c] - 1];
    int score = 0;
    bool own = false, leaf_ok = false;
    for (size_t i = 0; i < h->n_paths[c]; i++)
        if (names_column(w, h->paths[c][i], header)) own = true;
    if (names_column(w, leaf, header)) leaf_ok = true;
    /* groups: each present counts; one the header has elsewhere but not
     * here rules the column out (收入 vs 支出, 合计 vs 公务接待费) */
    size_t ng = w->n_groups + (w->extra_group ? 1 : 0);
    for (size_t i = 0; i < ng && own; i++) {
        char *g = norm(i < w->n_groups ? w->groups[i] : w->extra_group);
        if (path_has(h, c, g)) {
            score += 2;
            if (strcmp(leaf, g) == 0) leaf_ok = true; /* grouped order: 预算数 above the item */
        } else if (header_has(h, g)) {
            own = false;
        }
        free(g);
    }
    /* texts of the column the layout does not name count against it */
    for (size_t i = 0; i < h->n_paths[c] && own; i++) {
        const char *t = h->paths[c][i];
        bool known = names_column(w, t, header);
        for (size_t k = 0; k < ng && !known; k++) {
            char *g = norm(k < w->n_groups ? w->groups[k] : w->extra_group);
            known = strcmp(g, t) == 0;
            free(g);
        }
        if (!known) score--;
    }
    free(header);
    return own && leaf_ok ? score + 100 : -1;
}

/* Match every want to a sheet column; returns how many could not be. */
static int match(want *w, size_t n, const header_block *h, bool subject_table)
{
    bool *used = xcalloc((size_t)h->cols + 1, sizeof *used);
    int missing = 0;
    for (size_t i = 0; i < n; i++) {
        int best = 0, best_score = -1;
        for (int c = 1; c <= h->cols; c++) {
            if (used[c]) continue;
            int s = fit(&w[i], h, c);
            if (s > best_score) best = c, best_score = s;
        }
        w[i].col = best;
        if (best) used[best] = true;
        /* a code over 类 | 款 | 项 columns under 科目编码 */
        if (w[i].role == COLUMN_CODE && !best) {
            int k = 0;
            for (int c = 1; c <= h->cols && k < 3; c++) {
                const char *leaf = h->n_paths[c] ? h->paths[c][h->n_paths[c] - 1] : "";
                static const char *const parts[3] = {"类", "款", "项"};
                if (!used[c] && strcmp(leaf, parts[k]) == 0) w[i].code_cols[k++] = c, used[c] = true;
            }
            if (k >= 2) w[i].col = w[i].code_cols[0];
            else memset(w[i].code_cols, 0, sizeof w[i].code_cols);
        }
    }
    for (size_t i = 0; i < n; i++) {
        if (w[i].col) continue;
        if (w[i].role == COLUMN_LINE) continue; /* 行次 may be left out */
        if (subject_table && (w[i].role == COLUMN_CODE || w[i].role == COLUMN_NAME)) {
            /* code and name may share one cell: one of them suffices */
            bool other = false;
            for (size_t k = 0; k < n; k++)
                if (k != i && (w[k].role == COLUMN_CODE || w[k].role == COLUMN_NAME) && w[k].col) other = true;
            if (other) continue;
        }
        missing++;
    }
    free(used);
    return missing;
}

/* ---- one sheet into one CSV ---------------------------------------------- */

typedef struct ictx {
    const wb_sheet *s;
    const table_spec *spec;
    money_unit from, to;
    csv_file *out;
    diag_list *diags;
    int errors;
} ictx;

static srcpos at(const ictx *c, int r, int col)
{
    return (srcpos){c->s->where, r, col};
}

static csv_row *row_add(ictx *c, int line)
{
    csv_file *f = c->out;
    f->rows = xrealloc(f->rows, (f->n_rows + 1) * sizeof *f->rows);
    csv_row *r = &f->rows[f->n_rows++];
    r->n_cells = c->spec->n_columns;
    r->cells = xcalloc(r->n_cells, sizeof *r->cells);
    r->line = line;
    for (size_t i = 0; i < r->n_cells; i++) r->cells[i] = (csv_cell){xstrdup(""), line, 1};
    return r;
}

static void cell_set(csv_row *r, int i, char *text, int line, int col)
{
    if (i < 0 || (size_t)i >= r->n_cells) {
        free(text);
        return;
    }
    free(r->cells[i].text);
    r->cells[i] = (csv_cell){text, line, col > 0 ? col : 1};
}

/* The amount at r/col as text in the target unit ("" blank); NULL after an
 * error at the cell. */
static char *amount_at(ictx *c, int r, int col, const char *header)
{
    const wb_cell *x = col > 0 ? wb_sheet_cell(c->s, r, col) : NULL;
    if (!x) return xstrdup("");
    char num[80];
    const char *text = x->text;
    char *owned = NULL;
    switch (x->type) {
    case WB_NUMBER:
        if (!number_text(x->text, num, sizeof num)) {
            diag_error(c->diags, at(c, r, col), "“%s”列的数值“%s”无法读取", header, x->text);
            c->errors++;
            return NULL;
        }
        text = num;
        break;
    case WB_TEXT:
        owned = trim(x->text);
        text = owned;
        /* a dash is how the forms write “nothing” */
        if (strcmp(text, "-") == 0 || strcmp(text, "—") == 0 || strcmp(text, "－") == 0 || strcmp(text, "--") == 0 ||
            strcmp(text, "——") == 0)
            text = "";
        break;
    case WB_BOOL:
    case WB_ERROR:
    case WB_NO_VALUE:
        diag_error(c->diags, at(c, r, col), "“%s”列应是金额，实为%s", header,
                   x->type == WB_NO_VALUE ? "没有计算结果的公式（请在 Excel 中打开并保存后再导入）"
                   : x->type == WB_BOOL   ? "逻辑值"
                                          : x->text);
        c->errors++;
        return NULL;
    }
    money_t v;
    money_status st = money_parse(text, c->from, &v);
    if (st == MONEY_EMPTY) {
        free(owned);
        return xstrdup("");
    }
    if (st != MONEY_OK) {
        if (st == MONEY_PRECISION)
            diag_error(c->diags, at(c, r, col), "“%s”列的金额“%s”小数位太多：按工作表的单位（%s）%s，换算会丢掉数字",
                       header, text, money_unit_name(c->from),
                       c->from == MONEY_YUAN ? "只能精确到分" : "最多 6 位小数");
        else
            diag_error(c->diags, at(c, r, col), "“%s”列的金额“%s”%s", header, text, money_status_text(st));
        c->errors++;
        free(owned);
        return NULL;
    }
    free(owned);
    char out[64];
    money_text(v, c->to, out, sizeof out);
    return xstrdup(out);
}

/* A cell of a subject row "2080101 行政运行" → code and name. */
static bool split_code(const char *text, char **code, char **name)
{
    size_t n = 0;
    while (text[n] >= '0' && text[n] <= '9') n++;
    if (n != 3 && n != 5 && n != 7) return false;
    const char *rest = text + n;
    char *name_t = trim(rest);
    if (rest == text + n && !name_t[0]) {
        free(name_t);
        if (*rest) return false;
        *code = xstrndup(text, n);
        *name = xstrdup("");
        return true;
    }
    if (!(*rest == ' ' || *rest == '\t' || strncmp(rest, "\u3000", 3) == 0)) {
        free(name_t);
        return false;
    }
    *code = xstrndup(text, n);
    *name = name_t;
    return true;
}

static bool all_digits(const char *s)
{
    if (!*s) return false;
    for (; *s; s++)
        if (*s < '0' || *s > '9') return false;
    return true;
}

/* Code and name of a subject row read through wants `code` and `name`
 * (either may be unmatched); "" and "合计" for the total row. */
static void subject_cells(const ictx *c, int r, const want *code, const want *name, char **code_t, char **name_t)
{
    char *a = xstrdup(""), *b = name && name->col ? cell_text(c->s, r, name->col) : xstrdup("");
    if (code && code->code_cols[0]) {
        buf joined = {0};
        for (int k = 0; k < 3 && code->code_cols[k]; k++) {
            char *t = cell_text(c->s, r, code->code_cols[k]);
            buf_puts(&joined, t);
            free(t);
        }
        free(a);
        a = buf_detach(&joined);
    } else if (code && code->col) {
        free(a);
        a = cell_text(c->s, r, code->col);
    }
    char *sc, *sn;
    if (strcmp(a, "合计") == 0 || (!a[0] && strcmp(b, "合计") == 0)) {
        free(a), free(b);
        a = xstrdup(""), b = xstrdup("合计");
    } else if (!all_digits(a) && split_code(a, &sc, &sn)) {
        free(a);
        a = sc;
        if (!b[0]) free(b), b = sn;
        else free(sn);
    } else if (!a[0] && split_code(b, &sc, &sn)) {
        free(a), free(b);
        a = sc, b = sn;
    }
    *code_t = a, *name_t = b;
}

/* Is row r a note under the table (注：…, or one text across the table)? */
static bool note_row(const wb_sheet *s, int r, int cols)
{
    int filled = 0, first = 0;
    for (int c = 1; c <= s->cols; c++)
        if (raw(s, r, c)[0]) {
            if (!filled) first = c;
            filled++;
        }
    if (!filled) return false;
    char *t = norm(raw(s, r, first));
    bool note = strncmp(t, "注", strlen("注")) == 0 || strncmp(t, "说明", strlen("说明")) == 0 ||
                strncmp(t, "备注", strlen("备注")) == 0;
    free(t);
    if (note) return true;
    const wb_range *m = wb_sheet_merge(s, r, first);
    return filled == 1 && m && (m->c1 - m->c0 + 1) * 2 > cols && m->c1 - m->c0 >= 2;
}

static bool blank_row(const wb_sheet *s, int r)
{
    for (int c = 1; c <= s->cols; c++) {
        char *t = trim(raw(s, r, c));
        bool empty = !t[0];
        free(t);
        if (!empty) return false;
    }
    return true;
}

static bool lanci_row(const wb_sheet *s, int r)
{
    for (int c = 1; c <= s->cols; c++) {
        char *t = norm(raw(s, r, c));
        bool yes = strcmp(t, "栏次") == 0;
        free(t);
        if (yes) return true;
    }
    return false;
}

static const want *want_role(const want *w, size_t n, column_role role, int side)
{
    for (size_t i = 0; i < n; i++)
        if (w[i].role == role && w[i].side == side) return &w[i];
    return NULL;
}

/* Data rows in the CSV layout (as juesuan's CSV has them). */
static void read_csv_layout(ictx *c, want *w, size_t n, int first, int last)
{
    const table_spec *s = c->spec;
    for (int r = first; r <= last; r++) {
        csv_row *row = row_add(c, r);
        if (s->kind == TABLE_SUBJECT) {
            const want *code = want_role(w, n, COLUMN_CODE, 0), *name = want_role(w, n, COLUMN_NAME, 0);
            char *ct, *nt;
            subject_cells(c, r, code, name, &ct, &nt);
            int code_col = code && code->col ? code->col : name ? name->col : 1;
            for (size_t i = 0; i < s->n_columns; i++) {
                if (s->columns[i].role == COLUMN_CODE) cell_set(row, (int)i, xstrdup(ct), r, code_col);
                else if (s->columns[i].role == COLUMN_NAME)
                    cell_set(row, (int)i, xstrdup(nt), r, name && name->col ? name->col : code_col);
            }
            free(ct), free(nt);
        }
        for (size_t i = 0; i < n; i++) {
            if (!w[i].col) continue;
            if (w[i].role == COLUMN_AMOUNT) {
                char *t = amount_at(c, r, w[i].col, w[i].header);
                cell_set(row, w[i].csv, t ? t : xstrdup(""), r, w[i].col);
            } else if (s->kind == TABLE_FIXED) {
                cell_set(row, w[i].csv, cell_text(c->s, r, w[i].col), r, w[i].col);
            }
        }
    }
}

typedef struct split_row {
    char *code, *name, *amount;
    int line, col;
} split_row;

static int split_cmp(const void *a, const void *b)
{
    const split_row *x = a, *y = b;
    int d = strcmp(x->code, y->code);
    return d ? d : (x->line > y->line) - (x->line < y->line);
}

/* Data rows of a form printed two-sided by 类 (公开08表): both sides' rows
 * in code order, 合计 = the sides' totals. */
static void read_split_layout(ictx *c, want *w, size_t n, int first, int last)
{
    const table_spec *s = c->spec;
    split_row *rows = NULL;
    size_t nr = 0;
    money_t total = 0;
    bool any_total = false;
    int total_line = first, total_col = 1;
    for (int r = first; r <= last; r++)
        for (size_t side = 0; side < s->n_print_sides; side++) {
            const want *code = want_role(w, n, COLUMN_CODE, (int)side), *name = want_role(w, n, COLUMN_NAME, (int)side);
            const want *amount = want_role(w, n, COLUMN_AMOUNT, (int)side);
            char *ct, *nt;
            subject_cells(c, r, code, name, &ct, &nt);
            char *at_text = amount ? amount_at(c, r, amount->col, amount->header) : xstrdup("");
            const char *label = ct[0] ? ct : nt;
            if (s->print_sides[side].total && label[0] && norm_equal(label, s->print_sides[side].total)) {
                money_t v;
                if (at_text && money_parse(at_text, c->to, &v) == MONEY_OK) {
                    total += v;
                    any_total = true;
                }
                total_line = r, total_col = code && code->col ? code->col : 1;
                free(ct), free(nt), free(at_text);
                continue;
            }
            if (!ct[0] && !nt[0] && at_text && !at_text[0]) {
                free(ct), free(nt), free(at_text);
                continue;
            }
            rows = xrealloc(rows, (nr + 1) * sizeof *rows);
            rows[nr++] = (split_row){ct, nt, at_text ? at_text : xstrdup(""), r,
                                     code && code->col ? code->col : name && name->col ? name->col : 1};
        }
    if (nr) qsort(rows, nr, sizeof *rows, split_cmp);
    int cc = -1, nc = -1, ac = -1;
    for (size_t i = 0; i < s->n_columns; i++) {
        if (s->columns[i].role == COLUMN_CODE) cc = (int)i;
        else if (s->columns[i].role == COLUMN_NAME) nc = (int)i;
        else if (s->columns[i].role == COLUMN_AMOUNT && ac < 0) ac = (int)i;
    }
    if (any_total) {
        char t[64];
        money_text(total, c->to, t, sizeof t);
        csv_row *row = row_add(c, total_line);
        cell_set(row, nc, xstrdup("合计"), total_line, total_col);
        cell_set(row, ac, xstrdup(t), total_line, total_col);
    }
    for (size_t i = 0; i < nr; i++) {
        csv_row *row = row_add(c, rows[i].line);
        cell_set(row, cc, rows[i].code, rows[i].line, rows[i].col);
        cell_set(row, nc, rows[i].name, rows[i].line, rows[i].col);
        cell_set(row, ac, rows[i].amount, rows[i].line, rows[i].col);
    }
    free(rows);
}

/* The one data row of a transposed form (公开13表): the spec's rows. */
static void read_transposed(ictx *c, want *w, size_t n, int first, int last)
{
    const table_spec *s = c->spec;
    int r = first;
    while (r <= last && blank_row(c->s, r)) r++;
    if (r > last) r = first;
    int lc = -1;
    for (size_t i = 0; i < s->n_columns; i++)
        if (s->columns[i].role == COLUMN_LABEL) lc = (int)i;
    for (size_t k = 0; k < s->n_rows; k++) {
        csv_row *row = NULL;
        for (size_t i = 0; i < n; i++) {
            if (!w[i].row || strcmp(w[i].row, s->rows[k].key) != 0 || !w[i].col) continue;
            if (!row) {
                row = row_add(c, r);
                cell_set(row, lc, xstrdup(s->rows[k].label), r, w[i].col);
            }
            char *t = amount_at(c, r, w[i].col, w[i].header);
            cell_set(row, table_spec_column(s, w[i].key, 0), t ? t : xstrdup(""), r, w[i].col);
        }
    }
    for (int x = r + 1; x <= last; x++)
        if (!blank_row(c->s, x)) {
            diag_error(c->diags, at(c, x, 1), "%s只应有一行数据（表头下第一行），这一行多余", s->title);
            c->errors++;
            break;
        }
}

/* The header block: the first row below the title with two or more of
 * the spec's header texts, down over merged cells and further header rows. */
static bool find_header(const wb_sheet *s, const table_spec *spec, int from, header_block *h)
{
    /* every text a header of this spec may hold */
    buf known = {0};
    buf_putc(&known, '\n');
#define KNOW(t)                                  \
    do {                                         \
        char *k_ = norm(t);                      \
        buf_printf(&known, "%s\n", k_);          \
        free(k_);                                \
    } while (0)
    for (size_t i = 0; i < spec->n_columns; i++) {
        KNOW(spec->columns[i].header);
        for (size_t g = 0; g < spec->columns[i].n_group; g++) KNOW(spec->columns[i].group[g]);
    }
    for (size_t i = 0; i < spec->n_print_columns; i++) {
        KNOW(spec->print_columns[i].header);
        for (size_t g = 0; g < spec->print_columns[i].n_group; g++) KNOW(spec->print_columns[i].group[g]);
    }
    for (size_t i = 0; i < spec->n_print_sides; i++)
        if (spec->print_sides[i].group) KNOW(spec->print_sides[i].group);
    static const char *const generic[] = {"项目", "科目编码", "科目名称", "类", "款", "项", "栏次", "行次", "金额"};
    for (size_t i = 0; i < sizeof generic / sizeof *generic; i++) KNOW(generic[i]);
#undef KNOW
    int top = 0, bottom = 0;
    for (int r = from; r <= s->rows && !top; r++) {
        int hits = 0;
        for (int c = 1; c <= s->cols; c++) {
            const wb_range *m = wb_sheet_merge(s, r, c);
            if (m && m->c0 != c) continue; /* a merged cell counts once */
            char *t = norm(shown(s, r, c));
            buf probe = {0};
            buf_printf(&probe, "\n%s\n", t);
            if (t[0] && strstr(buf_cstr(&known), buf_cstr(&probe))) hits++;
            buf_free(&probe);
            free(t);
        }
        if (hits >= 2) top = r;
    }
    if (!top) {
        buf_free(&known);
        return false;
    }
    bottom = top;
    for (bool grew = true; grew;) {
        grew = false;
        for (size_t i = 0; i < s->n_merges; i++) {
            const wb_range *m = &s->merges[i];
            if (m->r0 >= top && m->r0 <= bottom && m->r1 > bottom) bottom = m->r1, grew = true;
        }
        if (bottom + 1 > s->rows) break;
        int texts = 0, headers = 0;
        for (int c = 1; c <= s->cols; c++) {
            const wb_range *m = wb_sheet_merge(s, bottom + 1, c);
            if (m && m->c0 != c) continue; /* a merged cell counts once */
            char *t = norm(shown(s, bottom + 1, c));
            if (t[0]) {
                texts++;
                buf probe = {0};
                buf_printf(&probe, "\n%s\n", t);
                if (strstr(buf_cstr(&known), buf_cstr(&probe))) headers++;
                buf_free(&probe);
            }
            free(t);
        }
        if (texts >= 2 && headers == texts && !lanci_row(s, bottom + 1)) bottom++, grew = true;
    }
    buf_free(&known);
    h->top = top, h->bottom = bottom, h->cols = s->cols;
    h->paths = xcalloc((size_t)s->cols + 1, sizeof *h->paths);
    h->n_paths = xcalloc((size_t)s->cols + 1, sizeof *h->n_paths);
    for (int c = 1; c <= s->cols; c++) {
        h->paths[c] = xcalloc((size_t)(bottom - top + 1), sizeof **h->paths);
        for (int r = top; r <= bottom; r++) {
            char *t = norm(shown(s, r, c));
            if (!t[0] || (h->n_paths[c] && strcmp(h->paths[c][h->n_paths[c] - 1], t) == 0)) free(t);
            else h->paths[c][h->n_paths[c]++] = t;
        }
    }
    return true;
}

static void header_free(header_block *h)
{
    for (int c = 1; h->paths && c <= h->cols; c++) {
        for (size_t i = 0; i < h->n_paths[c]; i++) free(h->paths[c][i]);
        free(h->paths[c]);
    }
    free(h->paths);
    free(h->n_paths);
}

/* The wants of a layout: the CSV columns, or the printed form's. */
static size_t wants_csv(const table_spec *s, want *w)
{
    for (size_t i = 0; i < s->n_columns; i++) {
        const table_column *c = &s->columns[i];
        w[i] = (want){c->header, c->group, c->n_group, NULL, c->role, c->key, NULL, c->side, (int)i, 0, {0}};
    }
    return s->n_columns;
}

static size_t wants_print(const table_spec *s, want *w)
{
    size_t n = 0;
    if (s->print == PRINT_SPLIT_BY_CLASS) {
        for (size_t side = 0; side < s->n_print_sides; side++)
            for (size_t i = 0; i < s->n_print_columns; i++) {
                const table_column *c = &s->print_columns[i];
                w[n++] = (want){c->header, c->group, c->n_group, s->print_sides[side].group, c->role, c->key,
                                NULL, (int)side, -1, 0, {0}};
            }
    } else if (s->print == PRINT_TRANSPOSE) {
        for (size_t i = 0; i < s->n_print_columns; i++) {
            const table_column *c = &s->print_columns[i];
            w[n++] = (want){c->header, c->group, c->n_group, NULL, COLUMN_AMOUNT, c->key, c->row, 0, -1, 0, {0}};
        }
    }
    return n;
}

/* Read sheet `s` as table `spec` into `out`. */
static int import_sheet(const wb_sheet *s, const table_spec *spec, int title_row, money_unit to, csv_file *out,
                        diag_list *diags)
{
    ictx c = {s, spec, 0, to, out, diags, 0};
    out->path = xstrdup(s->where);
    /* a 公开表 has tens of rows and a dozen columns: far larger is not one */
    if (s->rows > 20000 || s->cols > 256 || s->n_merges > 20000) {
        diag_error(diags, at(&c, 1, 1), "工作表有 %d 行、%d 列、%zu 个合并单元格，不像是%s", s->rows, s->cols, s->n_merges,
                   spec->title);
        return -1;
    }
    header_block h = {0};
    if (!find_header(s, spec, title_row + 1, &h)) {
        diag_error(diags, at(&c, title_row + 1, 1), "找不到%s的表头（应有“%s”等列名）", spec->title,
                   spec->columns[0].header);
        return -1;
    }
    int ur = 0, uc = 0;
    c.from = sheet_unit(s, h.top, &ur, &uc);
    if (!c.from) {
        diag_error(diags, at(&c, h.top, 1), "表头上方没有金额单位（应有“单位：万元”或“单位：元”）");
        header_free(&h);
        return -1;
    }
    size_t cap = spec->n_columns + spec->n_print_columns * (spec->n_print_sides ? spec->n_print_sides : 1) + 1;
    want *csv = xcalloc(cap, sizeof *csv), *print = xcalloc(cap, sizeof *print);
    size_t n_csv = wants_csv(spec, csv), n_print = wants_print(spec, print);
    bool is_subject = spec->kind == TABLE_SUBJECT;
    int miss_csv = match(csv, n_csv, &h, is_subject);
    int miss_print = n_print ? match(print, n_print, &h, is_subject) : -1;
    want *w = NULL;
    size_t n = 0;
    /* the printed form when the sheet has it all (it uses more columns) */
    if (miss_print == 0) w = print, n = n_print;
    else if (miss_csv == 0) w = csv, n = n_csv;

    /* the CSV's header row, positioned at the header block */
    csv_row *head = row_add(&c, h.top);
    for (size_t i = 0; i < spec->n_columns; i++) cell_set(head, (int)i, xstrdup(spec->columns[i].header), h.top, 1);

    if (!w) {
        bool use_print = miss_print >= 0 && miss_print < miss_csv;
        want *m = use_print ? print : csv;
        size_t mn = use_print ? n_print : n_csv;
        for (size_t i = 0; i < mn; i++) {
            if (m[i].col || m[i].role == COLUMN_LINE) continue;
            if (is_subject && (m[i].role == COLUMN_CODE || m[i].role == COLUMN_NAME)) {
                bool other = false;
                for (size_t k = 0; k < mn; k++)
                    if (k != i && (m[k].role == COLUMN_CODE || m[k].role == COLUMN_NAME) && m[k].col &&
                        m[k].side == m[i].side)
                        other = true;
                if (other) continue;
            }
            buf where = {0};
            for (size_t g = 0; g < m[i].n_groups; g++) buf_printf(&where, "%s／", m[i].groups[g]);
            if (m[i].extra_group) buf_printf(&where, "%s／", m[i].extra_group);
            diag_error(diags, at(&c, h.top, 1), "%s的表头（第 %d–%d 行）缺少“%s%s”列", spec->title, h.top, h.bottom,
                       buf_cstr(&where), m[i].header);
            buf_free(&where);
            c.errors++;
        }
    } else {
        int last = h.bottom;
        for (int r = h.bottom + 1; r <= s->rows && !note_row(s, r, h.cols); r++) last = r;
        int first = h.bottom + 1;
        if (first <= last && lanci_row(s, first)) first++;
        /* blank rows and 栏次 rows are not data */
        if (w == print && spec->print == PRINT_TRANSPOSE) {
            read_transposed(&c, w, n, first, last);
        } else if (w == print) {
            read_split_layout(&c, w, n, first, last);
        } else {
            for (int r = first; r <= last; r++) {
                if (blank_row(s, r) || lanci_row(s, r)) continue;
                read_csv_layout(&c, w, n, r, r);
            }
        }
    }
    free(csv), free(print);
    header_free(&h);
    return c.errors ? -1 : 0;
}

int workbook_import(const workbook *wb, const spec_set *specs, money_unit *target, csv_file *out, bool *found,
                    diag_list *diags)
{
    int rc = 0;
    int *sheet_of = xcalloc(specs->n_tables ? specs->n_tables : 1, sizeof *sheet_of);
    int *title_rows = xcalloc(specs->n_tables ? specs->n_tables : 1, sizeof *title_rows);
    for (size_t i = 0; i < specs->n_tables; i++) {
        sheet_of[i] = -1;
        found[i] = false;
        memset(&out[i], 0, sizeof out[i]);
    }
    for (size_t k = 0; k < wb->n_sheets; k++) {
        int tr = 0;
        int i = sheet_spec(&wb->sheets[k], specs, &tr);
        if (i < 0) continue;
        if (sheet_of[i] >= 0) {
            diag_error(diags, (srcpos){wb->sheets[k].where, tr ? tr : 1, 1}, "与工作表“%s”同为%s %s，只能有一张",
                       wb->sheets[sheet_of[i]].name, specs->tables[i].label, specs->tables[i].title);
            rc = -1;
            continue;
        }
        sheet_of[i] = (int)k;
        title_rows[i] = tr;
    }
    /* the unit to write in: as asked, else the one every sheet states */
    if (!*target) {
        money_unit common = 0;
        bool mixed = false;
        for (size_t i = 0; i < specs->n_tables; i++) {
            if (sheet_of[i] < 0) continue;
            int r, c;
            money_unit u = sheet_unit(&wb->sheets[sheet_of[i]], wb->sheets[sheet_of[i]].rows + 1, &r, &c);
            if (!u) continue;
            if (common && u != common) mixed = true;
            common = u;
        }
        *target = common && !mixed ? common : MONEY_WANYUAN;
    }
    for (size_t i = 0; i < specs->n_tables; i++) {
        const table_spec *spec = &specs->tables[i];
        if (sheet_of[i] < 0) {
            diag_add(diags, DIAG_WARNING, NULL, (srcpos){wb->path, 0, 0},
                     "工作簿中没有%s %s（按表号、表题和工作表名“%s”查找）：tables/%s 只有表头", spec->label, spec->title,
                     spec->sheet, spec->file);
            continue;
        }
        found[i] = true;
        if (import_sheet(&wb->sheets[sheet_of[i]], spec, title_rows[i], *target, &out[i], diags) != 0) rc = -1;
    }
    free(sheet_of);
    free(title_rows);
    return rc;
}
