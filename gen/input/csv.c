/* csv.c — RFC 4180 CSV reader that keeps every cell's line:col. */
#include "input.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

/* Length of the valid UTF-8 sequence at s (1–4), or 0 if invalid. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
    if (s[0] < 0x80) return 1;
    size_t len;
    unsigned min;
    unsigned cp;
    if ((s[0] & 0xE0) == 0xC0) len = 2, cp = s[0] & 0x1F, min = 0x80;
    else if ((s[0] & 0xF0) == 0xE0) len = 3, cp = s[0] & 0x0F, min = 0x800;
    else if ((s[0] & 0xF8) == 0xF0) len = 4, cp = s[0] & 0x07, min = 0x10000;
    else return 0;
    if (len > n) return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

int utf8_width(const char *s, size_t n)
{
    int w = 0;
    const unsigned char *p = (const unsigned char *)s;
    while (n) {
        size_t k = utf8_seq(p, n);
        if (!k) k = 1;
        p += k;
        n -= k;
        w++;
    }
    return w;
}

/* Whether bytes look like GB18030/GBK: pairs of a lead byte 0x81–0xFE and
 * a trail byte 0x40–0xFE (not 0x7F), or four-byte sequences. */
static bool looks_gbk(const unsigned char *s, size_t n)
{
    size_t pairs = 0;
    for (size_t i = 0; i < n;) {
        if (s[i] < 0x80) { i++; continue; }
        if (s[i] == 0x80 || s[i] == 0xFF || i + 1 >= n) return false;
        if (s[i + 1] >= 0x30 && s[i + 1] <= 0x39) {
            if (i + 3 >= n) return false;
            i += 4;
        } else if (s[i + 1] >= 0x40 && s[i + 1] <= 0xFE && s[i + 1] != 0x7F) {
            i += 2;
        } else {
            return false;
        }
        pairs++;
    }
    return pairs > 0;
}

/* Skip ASCII blanks and U+3000 ideographic spaces. */
static const char *skip_blanks(const char *s)
{
    for (;;) {
        if (*s == ' ' || *s == '\t') s++;
        else if ((unsigned char)s[0] == 0xE3 && (unsigned char)s[1] == 0x80 && (unsigned char)s[2] == 0x80) s += 3;
        else return s;
    }
}

bool label_equal(const char *a, const char *b)
{
    for (;;) {
        a = skip_blanks(a);
        b = skip_blanks(b);
        if (*a != *b) return false;
        if (!*a) return true;
        a++, b++;
    }
}

static void row_add_cell(csv_row *r, buf *text, int line, int col)
{
    r->cells = xgrow(r->cells, r->n_cells, sizeof *r->cells);
    /* a copy of just the text; the buffer is kept for the next cell */
    r->cells[r->n_cells++] = (csv_cell){xstrndup(buf_cstr(text), text->len), line, col};
    text->len = 0;
}

static void file_add_row(csv_file *f, csv_row *r)
{
    /* skip rows that are entirely empty (blank lines, or ",,," padding) */
    bool empty = true;
    for (size_t i = 0; i < r->n_cells; i++)
        if (r->cells[i].text[0]) empty = false;
    if (empty) {
        for (size_t i = 0; i < r->n_cells; i++) free(r->cells[i].text);
        free(r->cells);
    } else {
        f->rows = xgrow(f->rows, f->n_rows, sizeof *f->rows);
        f->rows[f->n_rows++] = *r;
    }
    memset(r, 0, sizeof *r);
}

int text_check_utf8(const char *text, size_t len, const char *path, bool csv, diag_list *diags)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;
    if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) i = 3;
    int line = 1, col = 1;
    for (size_t k = i; k < len;) {
        if (s[k] == 0) {
            diag_error(diags, (srcpos){path, line, col}, "文件含有 NUL 字节，不是文本文件");
            return -1;
        }
        size_t n = utf8_seq(s + k, len - k);
        if (!n) {
            if (looks_gbk(s + i, len - i) && csv)
                diag_error(diags, (srcpos){path, line, col},
                           "文件不是 UTF-8 编码，看起来是 GBK/GB18030（中文版 Excel 的默认存法）；"
                           "请另存为“CSV UTF-8（逗号分隔）”，或用 iconv -f GB18030 -t UTF-8 转换");
            else if (looks_gbk(s + i, len - i))
                diag_error(diags, (srcpos){path, line, col},
                           "文件不是 UTF-8 编码，看起来是 GBK/GB18030；"
                           "请在编辑器中另存为 UTF-8，或用 iconv -f GB18030 -t UTF-8 转换");
            else
                diag_error(diags, (srcpos){path, line, col},
                           "文件不是合法的 UTF-8 编码（第 %d 行有无效字节 0x%02X）", line, s[k]);
            return -1;
        }
        if (s[k] == '\n') line++, col = 1;
        else col++;
        k += n;
    }
    return 0;
}

int csv_parse(const char *text, size_t len, const char *path, csv_file *out, diag_list *diags)
{
    memset(out, 0, sizeof *out);
    out->path = xstrdup(path);
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;
    if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) i = 3;

    /* validate the encoding first, so the message is about the file */
    if (text_check_utf8(text, len, out->path, true, diags) != 0) return -1;
    int line, col;
    if (i >= len) {
        diag_error(diags, (srcpos){out->path, 1, 1}, "文件为空（应至少有表头行）");
        return -1;
    }

    csv_row row = {0};
    buf text_buf = {0};
    line = 1, col = 1;
    int cell_line = 1, cell_col = 1;
    bool quoted = false, after_quote = false, at_cell_start = true;
    row.line = 1;
    while (i < len) {
        unsigned char c = s[i];
        size_t n = utf8_seq(s + i, len - i);
        if (quoted) {
            if (c == '"') {
                if (i + 1 < len && s[i + 1] == '"') {
                    buf_putc(&text_buf, '"');
                    i += 2, col += 2;
                    continue;
                }
                quoted = false;
                after_quote = true;
                i++, col++;
                continue;
            }
            buf_append(&text_buf, (const char *)s + i, n);
            if (c == '\n') line++, col = 1;
            else col++;
            i += n;
            continue;
        }
        if (c == ',' || c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < len && s[i + 1] == '\n') i++;
            row_add_cell(&row, &text_buf, cell_line, cell_col);
            i++;
            if (c == ',') {
                col++;
            } else {
                file_add_row(out, &row);
                line++, col = 1;
                row.line = line;
            }
            cell_line = line, cell_col = col;
            at_cell_start = true, after_quote = false;
            continue;
        }
        if (after_quote) {
            diag_error(diags, (srcpos){out->path, line, col},
                       "引号结束后应是逗号或换行，实为“%.*s”", (int)n, (const char *)s + i);
            goto fail;
        }
        if (c == '"') {
            if (!at_cell_start) {
                diag_error(diags, (srcpos){out->path, line, col},
                           "未加引号的单元格中出现引号（含引号的单元格应整体用双引号括起，内部引号写两次）");
                goto fail;
            }
            quoted = true;
            at_cell_start = false;
            i++, col++;
            continue;
        }
        at_cell_start = false;
        buf_append(&text_buf, (const char *)s + i, n);
        i += n, col++;
    }
    if (quoted) {
        diag_error(diags, (srcpos){out->path, cell_line, cell_col}, "引号没有闭合");
        goto fail;
    }
    if (!at_cell_start || row.n_cells) {
        row_add_cell(&row, &text_buf, cell_line, cell_col);
        file_add_row(out, &row);
    }
    buf_free(&text_buf);
    return 0;
fail:
    buf_free(&text_buf);
    for (size_t k = 0; k < row.n_cells; k++) free(row.cells[k].text);
    free(row.cells);
    return -1;
}

/* Whether [s, s+n) is valid UTF-8 throughout. */
static bool utf8_valid(const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t k = utf8_seq(s + i, n - i);
        if (!k) return false;
        i += k;
    }
    return true;
}

/* GB18030 (a superset of GBK) → UTF-8 with iconv; NULL when the bytes do
 * not convert cleanly. */
static char *gb18030_to_utf8(const char *text, size_t len, size_t *out_len)
{
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    if (cd == (iconv_t)-1) return NULL;
    size_t cap = len * 2 + 16; /* a 2-byte GBK character is 3 bytes of UTF-8 */
    char *out = xmalloc(cap + 1);
    char *in = (char *)text, *o = out;
    size_t in_left = len, out_left = cap;
    size_t r = iconv(cd, &in, &in_left, &o, &out_left);
    iconv_close(cd);
    if (r == (size_t)-1 || in_left) {
        free(out);
        return NULL;
    }
    *o = '\0';
    *out_len = (size_t)(o - out);
    return out;
}

int csv_read(const char *path, csv_file *out, diag_list *diags)
{
    size_t len;
    char *text = file_read_all(path, &len);
    if (!text) {
        memset(out, 0, sizeof *out);
        out->path = xstrdup(path);
        diag_error(diags, (srcpos){out->path, 0, 0}, "无法读取文件：%s",
                   errno == ENOENT ? "文件不存在" : strerror(errno));
        return -1;
    }
    /* Chinese Excel saves "CSV (逗号分隔)" as GBK. Convert it and say so:
     * every label, code and name is checked against the specs and catalogs
     * afterwards, so a wrong guess cannot pass unnoticed. */
    const unsigned char *u = (const unsigned char *)text;
    if (!utf8_valid(u, len) && memchr(text, 0, len) == NULL && looks_gbk(u, len)) {
        size_t ulen;
        char *utf8 = gb18030_to_utf8(text, len, &ulen);
        if (utf8) {
            free(text);
            text = utf8;
            len = ulen;
            diag_add(diags, DIAG_WARNING, "CSV-GBK", (srcpos){path, 0, 0},
                     "文件是 GBK/GB18030 编码（中文版 Excel 的默认存法），已按 GB18030 转换为 UTF-8 读取；"
                     "建议另存为“CSV UTF-8（逗号分隔）”");
        }
    }
    int rc = csv_parse(text, len, path, out, diags);
    free(text);
    return rc;
}

void csv_free(csv_file *f)
{
    for (size_t r = 0; r < f->n_rows; r++) {
        for (size_t c = 0; c < f->rows[r].n_cells; c++) free(f->rows[r].cells[c].text);
        free(f->rows[r].cells);
    }
    free(f->rows);
    free(f->path);
    memset(f, 0, sizeof *f);
}
