/* workbook.c — read the cells of an XLSX workbook: the ZIP container with
 * minizip, the XML parts with expat (Debian's libminizip and libexpat; no
 * hand-written reader of either). What is kept of each sheet is what a
 * person sees: the stored text of every cell (a number exactly as the file
 * writes it, a shared or inline string, a formula's cached result) and the
 * merged ranges. Styles, formulas themselves and drawings are ignored. */
#include "input.h"

#include <expat.h>
#include <stdlib.h>
#include <string.h>
#include <unzip.h>

/* Guards against a hostile file: the most a part may inflate to, and the
 * most cells a workbook may hold. Real 公开表 workbooks are far below. */
#define PART_LIMIT (64u << 20)
#define CELL_LIMIT 2000000u

/* Empty a buffer (its text too). */
static void buf_reset(buf *b)
{
    b->len = 0;
    if (b->data) b->data[0] = '\0';
}

/* ---- the container ------------------------------------------------------- */

typedef struct reader {
    unzFile zip;
    const char *path; /* the workbook, for messages */
    diag_list *diags;
    size_t cells;     /* cells read so far (all sheets) */
} reader;

/* An expat parser whose element and attribute names are "URI\1local"
 * when namespaced; callers look at the local part. */
static const char *local_name(const char *name)
{
    const char *sep = strrchr(name, '\1');
    return sep ? sep + 1 : name;
}

/* Feed part `name` of the ZIP to `parser`. Returns 1 when parsed, 0 when
 * the part is absent (not an error for optional parts), -1 on error. */
static int part_parse(reader *r, const char *name, XML_Parser parser)
{
    if (unzLocateFile(r->zip, name, 2) != UNZ_OK) return 0;
    if (unzOpenCurrentFile(r->zip) != UNZ_OK) {
        diag_error(r->diags, (srcpos){r->path, 0, 0}, "工作簿中的 %s 无法解压（文件损坏或加密）", name);
        return -1;
    }
    char chunk[65536];
    size_t total = 0;
    int rc = 1;
    for (;;) {
        int n = unzReadCurrentFile(r->zip, chunk, sizeof chunk);
        if (n < 0) {
            diag_error(r->diags, (srcpos){r->path, 0, 0}, "工作簿中的 %s 无法解压（文件损坏）", name);
            rc = -1;
            break;
        }
        total += (size_t)n;
        if (total > PART_LIMIT) {
            diag_error(r->diags, (srcpos){r->path, 0, 0}, "工作簿中的 %s 解压后超过 %u MB，不像是公开表", name,
                       PART_LIMIT >> 20);
            rc = -1;
            break;
        }
        if (XML_Parse(parser, chunk, n, n == 0) == XML_STATUS_ERROR) {
            diag_error(r->diags, (srcpos){r->path, 0, 0}, "工作簿中的 %s 不是合法的 XML（第 %lu 行第 %lu 列：%s）", name,
                       (unsigned long)XML_GetCurrentLineNumber(parser),
                       (unsigned long)XML_GetCurrentColumnNumber(parser) + 1,
                       XML_ErrorString(XML_GetErrorCode(parser)));
            rc = -1;
            break;
        }
        if (n == 0) break;
    }
    if (unzCloseCurrentFile(r->zip) != UNZ_OK && rc == 1) {
        diag_error(r->diags, (srcpos){r->path, 0, 0}, "工作簿中的 %s 校验失败（文件损坏）", name);
        rc = -1;
    }
    return rc;
}

static XML_Parser parser_new(void *ctx, XML_StartElementHandler start, XML_EndElementHandler end,
                             XML_CharacterDataHandler text)
{
    XML_Parser p = XML_ParserCreateNS("UTF-8", '\1');
    if (!p) {
        fputs("juesuan: out of memory\n", stderr);
        abort();
    }
    XML_SetUserData(p, ctx);
    XML_SetElementHandler(p, start, end);
    if (text) XML_SetCharacterDataHandler(p, text);
    return p;
}

static const char *attr(const char **attrs, const char *local, bool namespaced)
{
    for (size_t i = 0; attrs[i]; i += 2)
        if (strcmp(local_name(attrs[i]), local) == 0 && (strchr(attrs[i], '\1') != NULL) == namespaced)
            return attrs[i + 1];
    return NULL;
}

/* ---- xl/workbook.xml and its relationships ---------------------------------- */

typedef struct sheet_ref {
    char *name, *rid, *part;
} sheet_ref;

typedef struct book_ctx {
    sheet_ref *refs;
    size_t n;
    /* relationships: id → target */
    char **ids, **targets;
    size_t n_rels;
} book_ctx;

static void book_start(void *ud, const char *name, const char **attrs)
{
    book_ctx *b = ud;
    if (strcmp(local_name(name), "sheet") == 0) {
        const char *n = attr(attrs, "name", false), *id = attr(attrs, "id", true);
        if (!n || !id) return;
        b->refs = xrealloc(b->refs, (b->n + 1) * sizeof *b->refs);
        b->refs[b->n++] = (sheet_ref){xstrdup(n), xstrdup(id), NULL};
    } else if (strcmp(local_name(name), "Relationship") == 0) {
        const char *id = attr(attrs, "Id", false), *target = attr(attrs, "Target", false);
        if (!id || !target) return;
        b->ids = xrealloc(b->ids, (b->n_rels + 1) * sizeof *b->ids);
        b->targets = xrealloc(b->targets, (b->n_rels + 1) * sizeof *b->targets);
        b->ids[b->n_rels] = xstrdup(id);
        b->targets[b->n_rels++] = xstrdup(target);
    }
}

static void ignore_end(void *ud, const char *name)
{
    (void)ud, (void)name;
}

/* ---- xl/sharedStrings.xml ---------------------------------------------------- */

typedef struct strings_ctx {
    char **items;
    size_t n;
    buf cur;
    int in_t;   /* inside <t> */
    int in_rph; /* inside <rPh> (phonetic guide: not part of the text) */
} strings_ctx;

static void strings_start(void *ud, const char *name, const char **attrs)
{
    (void)attrs;
    strings_ctx *s = ud;
    const char *n = local_name(name);
    if (strcmp(n, "si") == 0) buf_reset(&s->cur);
    else if (strcmp(n, "t") == 0) s->in_t++;
    else if (strcmp(n, "rPh") == 0) s->in_rph++;
}

static void strings_end(void *ud, const char *name)
{
    strings_ctx *s = ud;
    const char *n = local_name(name);
    if (strcmp(n, "si") == 0) {
        s->items = xrealloc(s->items, (s->n + 1) * sizeof *s->items);
        s->items[s->n++] = xstrdup(buf_cstr(&s->cur));
        buf_reset(&s->cur);
    } else if (strcmp(n, "t") == 0 && s->in_t) s->in_t--;
    else if (strcmp(n, "rPh") == 0 && s->in_rph) s->in_rph--;
}

static void strings_text(void *ud, const char *text, int len)
{
    strings_ctx *s = ud;
    if (s->in_t && !s->in_rph) buf_append(&s->cur, text, (size_t)len);
}

/* ---- a worksheet --------------------------------------------------------------- */

typedef struct sheet_ctx {
    reader *r;
    wb_sheet *sheet;
    const strings_ctx *strings;
    int row;          /* current <row r> */
    int col;          /* column of the last cell (cells without r follow it) */
    /* the cell being read */
    bool in_cell, in_v, in_is_t, has_formula;
    int in_rph;
    char type[16];
    int c_row, c_col;
    buf v, is;
    bool failed;
} sheet_ctx;

/* "C7" → column 3, row 7; false when it is not a cell reference. */
static bool parse_ref(const char *s, int *row, int *col)
{
    int c = 0, r = 0, nl = 0, nd = 0;
    for (; *s >= 'A' && *s <= 'Z'; s++, nl++)
        if (nl < 3) c = c * 26 + (*s - 'A' + 1);
    for (; *s >= '0' && *s <= '9'; s++, nd++)
        if (nd < 7) r = r * 10 + (*s - '0');
    if (*s || nl == 0 || nl > 3 || nd == 0 || nd > 7 || r < 1 || c < 1) return false;
    *row = r, *col = c;
    return true;
}

static void sheet_start(void *ud, const char *name, const char **attrs)
{
    sheet_ctx *c = ud;
    const char *n = local_name(name);
    if (strcmp(n, "row") == 0) {
        const char *r = attr(attrs, "r", false);
        char *end = NULL;
        long rn = r ? strtol(r, &end, 10) : 0;
        c->row = r && *r && !*end && rn >= 1 && rn <= 1048576 ? (int)rn : c->row + 1;
        c->col = 0;
    } else if (strcmp(n, "c") == 0) {
        const char *ref = attr(attrs, "r", false), *t = attr(attrs, "t", false);
        c->in_cell = true;
        c->has_formula = false;
        buf_reset(&c->v);
        buf_reset(&c->is);
        snprintf(c->type, sizeof c->type, "%s", t ? t : "n");
        if (!ref || !parse_ref(ref, &c->c_row, &c->c_col)) c->c_row = c->row, c->c_col = c->col + 1;
        c->col = c->c_col;
    } else if (c->in_cell && strcmp(n, "v") == 0) {
        c->in_v = true;
    } else if (c->in_cell && strcmp(n, "f") == 0) {
        c->has_formula = true;
    } else if (c->in_cell && strcmp(n, "rPh") == 0) {
        c->in_rph++;
    } else if (c->in_cell && strcmp(n, "t") == 0) {
        c->in_is_t = true;
    } else if (strcmp(n, "mergeCell") == 0) {
        const char *ref = attr(attrs, "ref", false);
        char a[16], b[16];
        const char *colon = ref ? strchr(ref, ':') : NULL;
        wb_range m;
        if (!colon || (size_t)(colon - ref) >= sizeof a || strlen(colon + 1) >= sizeof b) return;
        snprintf(a, sizeof a, "%.*s", (int)(colon - ref), ref);
        snprintf(b, sizeof b, "%s", colon + 1);
        if (!parse_ref(a, &m.r0, &m.c0) || !parse_ref(b, &m.r1, &m.c1) || m.r1 < m.r0 || m.c1 < m.c0) return;
        wb_sheet *s = c->sheet;
        s->merges = xrealloc(s->merges, (s->n_merges + 1) * sizeof *s->merges);
        s->merges[s->n_merges++] = m;
    }
}

static void cell_add(sheet_ctx *c, wb_type type, const char *text)
{
    wb_sheet *s = c->sheet;
    /* a cell outside Excel's grid (no row, or a damaged reference) is not one */
    if (c->c_row < 1 || c->c_row > 1048576 || c->c_col < 1 || c->c_col > 16384) return;
    if (++c->r->cells > CELL_LIMIT) {
        if (!c->failed)
            diag_error(c->r->diags, (srcpos){c->r->path, 0, 0}, "工作簿的单元格超过 %u 个，不像是公开表", CELL_LIMIT);
        c->failed = true;
        return;
    }
    s->cells = xrealloc(s->cells, (s->n_cells + 1) * sizeof *s->cells);
    s->cells[s->n_cells++] = (wb_cell){c->c_row, c->c_col, type, xstrdup(text)};
    if (c->c_row > s->rows) s->rows = c->c_row;
    if (c->c_col > s->cols) s->cols = c->c_col;
}

static void sheet_end(void *ud, const char *name)
{
    sheet_ctx *c = ud;
    const char *n = local_name(name);
    if (strcmp(n, "v") == 0) c->in_v = false;
    else if (strcmp(n, "t") == 0) c->in_is_t = false;
    else if (strcmp(n, "rPh") == 0 && c->in_rph) c->in_rph--;
    else if (strcmp(n, "c") == 0 && c->in_cell) {
        c->in_cell = false;
        const char *v = buf_cstr(&c->v);
        if (strcmp(c->type, "s") == 0) {
            char *end = NULL;
            unsigned long i = strtoul(v, &end, 10);
            if (!v[0] || *end || i >= c->strings->n) cell_add(c, WB_ERROR, "（共享字符串编号无效）");
            else cell_add(c, WB_TEXT, c->strings->items[i]);
        } else if (strcmp(c->type, "inlineStr") == 0) {
            cell_add(c, WB_TEXT, buf_cstr(&c->is));
        } else if (strcmp(c->type, "str") == 0) {
            cell_add(c, WB_TEXT, v);
        } else if (strcmp(c->type, "b") == 0) {
            cell_add(c, WB_BOOL, v);
        } else if (strcmp(c->type, "e") == 0) {
            cell_add(c, WB_ERROR, v);
        } else if (v[0]) {
            cell_add(c, WB_NUMBER, v);
        } else if (c->has_formula) {
            cell_add(c, WB_NO_VALUE, "");
        } /* else: a formatted empty cell */
    }
}

static void sheet_text(void *ud, const char *text, int len)
{
    sheet_ctx *c = ud;
    if (c->in_v) buf_append(&c->v, text, (size_t)len);
    else if (c->in_is_t && !c->in_rph) buf_append(&c->is, text, (size_t)len);
}

static int cell_cmp(const void *a, const void *b)
{
    const wb_cell *x = a, *y = b;
    if (x->row != y->row) return x->row < y->row ? -1 : 1;
    return (x->col > y->col) - (x->col < y->col);
}

/* ---- the workbook ------------------------------------------------------------- */

/* The ZIP path of a relationship target of xl/workbook.xml. */
static char *part_path(const char *target)
{
    buf b = {0};
    if (target[0] == '/') buf_puts(&b, target + 1);
    else buf_printf(&b, "xl/%s", target);
    return buf_detach(&b);
}

int workbook_read(const char *path, workbook *out, diag_list *diags)
{
    memset(out, 0, sizeof *out);
    out->path = xstrdup(path);
    reader r = {unzOpen64(path), out->path, diags, 0};
    if (!r.zip) {
        diag_error(diags, (srcpos){out->path, 0, 0}, "无法打开工作簿：不存在、不可读，或不是 XLSX 文件（.xls 和加密的工作簿请先在 Excel 中另存为 .xlsx）");
        return -1;
    }
    int rc = 0;
    book_ctx b = {0};
    XML_Parser p = parser_new(&b, book_start, ignore_end, NULL);
    int got = part_parse(&r, "xl/workbook.xml", p);
    XML_ParserFree(p);
    if (got == 0) diag_error(diags, (srcpos){out->path, 0, 0}, "不是 XLSX 工作簿：缺少 xl/workbook.xml");
    if (got == 1) {
        p = parser_new(&b, book_start, ignore_end, NULL);
        got = part_parse(&r, "xl/_rels/workbook.xml.rels", p);
        XML_ParserFree(p);
        if (got == 0) diag_error(diags, (srcpos){out->path, 0, 0}, "不是 XLSX 工作簿：缺少 xl/_rels/workbook.xml.rels");
    }
    strings_ctx strings = {0};
    if (got == 1) {
        p = parser_new(&strings, strings_start, strings_end, strings_text);
        if (part_parse(&r, "xl/sharedStrings.xml", p) < 0) got = -1;
        XML_ParserFree(p);
    }
    if (got != 1) rc = -1;

    for (size_t i = 0; rc == 0 && i < b.n; i++) {
        for (size_t k = 0; k < b.n_rels; k++)
            if (strcmp(b.ids[k], b.refs[i].rid) == 0) b.refs[i].part = part_path(b.targets[k]);
        if (!b.refs[i].part) continue; /* not a worksheet we can find: a chart sheet, say */
        out->sheets = xrealloc(out->sheets, (out->n_sheets + 1) * sizeof *out->sheets);
        wb_sheet *s = &out->sheets[out->n_sheets++];
        memset(s, 0, sizeof *s);
        s->name = xstrdup(b.refs[i].name);
        buf where = {0};
        /* Excel's own spelling of a reference to another sheet */
        bool quote = strpbrk(s->name, " !'-+()[],;") != NULL;
        buf_printf(&where, "%s:%s%s%s!", out->path, quote ? "'" : "", s->name, quote ? "'" : "");
        s->where = buf_detach(&where);
        sheet_ctx c = {0};
        c.r = &r, c.sheet = s, c.strings = &strings;
        p = parser_new(&c, sheet_start, sheet_end, sheet_text);
        got = part_parse(&r, b.refs[i].part, p);
        XML_ParserFree(p);
        buf_free(&c.v);
        buf_free(&c.is);
        if (got == 0) diag_error(diags, (srcpos){out->path, 0, 0}, "工作簿中缺少工作表“%s”的 %s", s->name, b.refs[i].part);
        if (got != 1 || c.failed) rc = -1;
        if (s->n_cells) qsort(s->cells, s->n_cells, sizeof *s->cells, cell_cmp);
    }
    for (size_t i = 0; i < b.n; i++) free(b.refs[i].name), free(b.refs[i].rid), free(b.refs[i].part);
    for (size_t k = 0; k < b.n_rels; k++) free(b.ids[k]), free(b.targets[k]);
    free(b.refs), free(b.ids), free(b.targets);
    for (size_t i = 0; i < strings.n; i++) free(strings.items[i]);
    free(strings.items);
    buf_free(&strings.cur);
    unzClose(r.zip);
    return rc;
}

const wb_cell *wb_sheet_cell(const wb_sheet *s, int row, int col)
{
    wb_cell key = {row, col, WB_TEXT, NULL};
    return s->n_cells ? bsearch(&key, s->cells, s->n_cells, sizeof *s->cells, cell_cmp) : NULL;
}

const wb_range *wb_sheet_merge(const wb_sheet *s, int row, int col)
{
    for (size_t i = 0; i < s->n_merges; i++) {
        const wb_range *m = &s->merges[i];
        if (row >= m->r0 && row <= m->r1 && col >= m->c0 && col <= m->c1) return m;
    }
    return NULL;
}

void workbook_free(workbook *wb)
{
    for (size_t i = 0; i < wb->n_sheets; i++) {
        wb_sheet *s = &wb->sheets[i];
        for (size_t k = 0; k < s->n_cells; k++) free(s->cells[k].text);
        free(s->cells), free(s->merges), free(s->name), free(s->where);
    }
    free(wb->sheets);
    free(wb->path);
    memset(wb, 0, sizeof *wb);
}
