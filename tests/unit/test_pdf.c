/* test_pdf.c — unit tests for gen/pdf: a document written as PDF, twice
 * byte-identical, with outline and metadata; characters no font has and
 * unsupported blocks refused with no file written. When poppler-utils and
 * mupdf-tools are installed (make deps), the file is also checked with
 * pdftotext, pdffonts and mutool. Run from the project root. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_util.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "../../gen/pdf/objects.h"
#include "../../gen/pdf/pdf.h"

#define STYLE "templates/style.yaml"
#define FONTS "fonts/fonts.yaml"

typedef struct fixture {
    layout_config *cfg;
    char dir[64];
} fixture;

static const pdf_meta meta = {"测试单位（机关）2024年度单位决算", "测试单位（机关）",
                              "2024年度单位决算公开", 2025, 9, 30, NULL, false};

static int setup(void **state)
{
    fixture *fx = calloc(1, sizeof *fx);
    diag_list dl = {0};
    fx->cfg = layout_config_load(STYLE, FONTS, ".", &dl);
    if (!fx->cfg) diag_print(&dl, stderr);
    diag_list_free(&dl);
    snprintf(fx->dir, sizeof fx->dir, "/tmp/juesuan-pdf-XXXXXX");
    if (!mkdtemp(fx->dir) || !fx->cfg) {
        layout_config_free(fx->cfg);
        free(fx);
        return -1;
    }
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    fixture *fx = *state;
    const char *names[] = {"a.pdf", "b.pdf", "missing.pdf", "table.pdf", "tool.txt"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char p[128];
        snprintf(p, sizeof p, "%s/%s", fx->dir, names[i]);
        unlink(p);
    }
    rmdir(fx->dir);
    layout_config_free(fx->cfg);
    free(fx);
    return 0;
}


static void add_cover(doc *d)
{
    block *b = add_block(d, BLOCK_COVER, 0, NULL);
    b->n_lines = 3;
    b->lines = calloc(3, sizeof *b->lines);
    b->lines[0] = (cover_line){COVER_TITLE, xstrdup("测试单位（机关）")};
    b->lines[1] = (cover_line){COVER_SUB, xstrdup("2024年度单位决算")};
    b->lines[2] = (cover_line){COVER_DATE, xstrdup("二〇二五年九月")};
}

/* A small disclosure: cover, 目录, two parts, headings of levels 1–3
 * (titles with 不, 名, 服), paragraphs long enough to break and justify. */
static void build_doc(doc *d)
{
    add_cover(d);
    add_block(d, BLOCK_TOC, 0, NULL);
    add_block(d, BLOCK_HEADING, 1, "第一部分 单位概况");
    add_block(d, BLOCK_HEADING, 2, "一、主要职责");
    add_block(d, BLOCK_PARAGRAPH, 0,
              "测试单位（机关）是市政府工作部门，主要职责是：贯彻执行国家、省人力资源和社会保障"
              "事业发展规划、政策，拟订全市人力资源和社会保障事业发展规划、政策并组织实施和监督检查。");
    add_block(d, BLOCK_HEADING, 2, "二、机构设置");
    add_block(d, BLOCK_PARAGRAPH, 0,
              "纳入本单位2024年度决算编制范围的为本级决算。2024年度收入总计3,313.32万元，"
              "与上年相比增加512.17万元，增长18.28%。");
    add_block(d, BLOCK_HEADING, 1, "第二部分 2024年度单位决算情况说明");
    add_block(d, BLOCK_HEADING, 2, "一、收入支出决算总体情况说明");
    add_block(d, BLOCK_HEADING, 3, "（一）不名服测试");
    add_block(d, BLOCK_PARAGRAPH, 0,
              "本年支出合计3,313.32万元，其中：基本支出2,716.81万元，占82.00%；"
              "项目支出596.51万元，占18.00%。");
    add_block(d, BLOCK_PAGEBREAK, 0, NULL);
    add_block(d, BLOCK_PARAGRAPH, 0, "此页无正文。")->noindent = true;
}

static char *path_in(const fixture *fx, const char *name)
{
    buf b = {0};
    buf_printf(&b, "%s/%s", fx->dir, name);
    return buf_detach(&b);
}

static char *slurp(const char *path, size_t *len)
{
    char *s = file_read_all(path, len);
    assert_non_null(s);
    return s;
}

/* Append the inflated bytes of `len` deflated bytes at `z` to `out`. */
static void inflate_into(const char *z, size_t len, buf *out)
{
    z_stream st;
    memset(&st, 0, sizeof st);
    assert_int_equal(inflateInit(&st), Z_OK);
    st.next_in = (Bytef *)(uintptr_t)z;
    st.avail_in = (uInt)len;
    int rc;
    do {
        char chunk[4096];
        st.next_out = (Bytef *)chunk;
        st.avail_out = sizeof chunk;
        rc = inflate(&st, Z_NO_FLUSH);
        assert_true(rc == Z_OK || rc == Z_STREAM_END);
        buf_append(out, chunk, sizeof chunk - st.avail_out);
    } while (rc != Z_STREAM_END);
    inflateEnd(&st);
}

/* The first `needle` in s[0 .. len - 1], or NULL. */
static const char *find_bytes(const char *s, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= len; i++)
        if (memcmp(s + i, needle, n) == 0) return s + i;
    return NULL;
}

/* The file at `path` followed by the inflated contents of its object
 * streams (where the dictionaries other than streams' are), so that a
 * search finds every object; *n_objstm the number of object streams. */
static char *slurp_objects(const char *path, size_t *len, int *n_objstm)
{
    size_t n;
    char *s = file_read_all(path, &n);
    assert_non_null(s);
    buf all = {0};
    buf_append(&all, s, n);
    *n_objstm = 0;
    for (const char *p = s; (p = find_bytes(p, n - (size_t)(p - s), "/Type /ObjStm\n")) != NULL; p++) {
        const char *l = find_bytes(p, n - (size_t)(p - s), "/Length ");
        const char *data = find_bytes(p, n - (size_t)(p - s), ">>\nstream\n");
        assert_non_null(l);
        assert_non_null(data);
        inflate_into(data + 10, strtoul(l + 8, NULL, 10), &all);
        (*n_objstm)++;
    }
    free(s);
    *len = all.len;
    return buf_detach(&all);
}

static bool has_bytes(const char *s, size_t len, const char *needle)
{
    return find_bytes(s, len, needle) != NULL;
}

static bool diags_contain(const diag_list *dl, const char *needle)
{
    for (size_t i = 0; i < dl->count; i++)
        if (strstr(dl->items[i].message, needle)) return true;
    return false;
}

static void write_ok(const fixture *fx, const doc *d, const char *path)
{
    diag_list dl = {0};
    int rc = pdf_write(d, fx->cfg, &meta, path, &dl);
    if (rc != 0) diag_print(&dl, stderr);
    assert_int_equal(rc, 0);
    assert_int_equal(diag_error_count(&dl), 0);
    diag_list_free(&dl);
}

static void test_pdf_write(void **state)
{
    fixture *fx = *state;
    doc d = {0};
    build_doc(&d);
    char *a = path_in(fx, "a.pdf");
    write_ok(fx, &d, a);
    size_t len, file_len;
    free(slurp(a, &file_len));
    int n_objstm = 0;
    char *s = slurp_objects(a, &len, &n_objstm);
    assert_true(len > 1000);
    assert_memory_equal(s, "%PDF-1.7\n%", 10); /* PDF/A-2b: 1.7 and a binary comment */
    assert_true(has_bytes(s + file_len - 16, 16, "%%EOF\n"));
    /* Object streams and a cross-reference stream holding the trailer
     * (/Root, /Info, /ID), no classic table. */
    assert_true(n_objstm >= 1);
    assert_true(has_bytes(s, file_len, "/Type /XRef\n"));
    assert_false(has_bytes(s, file_len, "\nxref\n"));
    assert_false(has_bytes(s, file_len, "trailer"));
    assert_true(has_bytes(s, file_len, "/Root "));
    assert_true(has_bytes(s, file_len, "/Info "));
    assert_true(has_bytes(s, file_len, "/ID ["));
    /* Outline: UTF-16BE titles, (一)不名服测试 among them; shown on opening. */
    assert_true(has_bytes(s, len, "/Outlines"));
    assert_true(has_bytes(s, len, "/UseOutlines"));
    assert_true(has_bytes(s, len, "/Title <FEFFFF084E00FF094E0D540D670D6D4B8BD5>"));
    assert_true(has_bytes(s, len, "/Title <FEFF7B2C4E0090E85206002053554F4D698251B5>"));
    /* Document information from pdf_meta, at China time, and the same in
     * XMP; a file ID from the content, no current time; PDF/A-2b. (The
     * objects in object streams have no blank between a key and a value
     * that starts with a delimiter: save.c.) */
    assert_true(has_bytes(s, len, "/Creator<FEFF006A00750065007300750061006E>"));
    assert_true(has_bytes(s, len, "/CreationDate(D:20250930000000+08'00')"));
    assert_true(has_bytes(s, len, "/ModDate(D:20250930000000+08'00')"));
    assert_true(has_bytes(s, len, "<xmp:CreateDate>2025-09-30T00:00:00+08:00</xmp:CreateDate>"));
    assert_true(has_bytes(s, len, "<pdfaid:part>2</pdfaid:part>"));
    assert_true(has_bytes(s, len, "/S/GTS_PDFA1"));
    assert_true(has_bytes(s, len, "/ID ["));
    /* Tagged: language, marked content, a structure tree. */
    assert_true(has_bytes(s, len, "/Lang(zh-CN)"));
    assert_true(has_bytes(s, len, "/StructTreeRoot"));
    assert_true(has_bytes(s, len, "/DisplayDocTitle true"));
    /* Fonts embedded with a subset tag; the bold face keeps its name. */
    assert_true(has_bytes(s, len, "/BaseFont/HPDFAA+NotoSerifSC-Regular"));
    assert_true(has_bytes(s, len, "/FontFile2"));
    assert_false(has_bytes(s, len, ",Bold"));
    /* CIDs are the subset's glyph IDs: no CIDToGIDMap stream; ToUnicode
     * maps them back to the code points. */
    assert_true(has_bytes(s, len, "/CIDToGIDMap/Identity"));
    assert_true(has_bytes(s, len, "/ToUnicode"));
    free(s);
    free(a);
    doc_free(&d);
}

static void test_pdf_deterministic(void **state)
{
    fixture *fx = *state;
    doc d = {0};
    build_doc(&d);
    char *a = path_in(fx, "a.pdf"), *b = path_in(fx, "b.pdf");
    write_ok(fx, &d, a);
    write_ok(fx, &d, b);
    size_t la, lb;
    char *sa = slurp(a, &la), *sb = slurp(b, &lb);
    assert_int_equal(la, lb);
    assert_memory_equal(sa, sb, la);
    free(sa);
    free(sb);
    free(a);
    free(b);
    doc_free(&d);
}

static void expect_refused(fixture *fx, const doc *d, const char *name, const char *needle,
                           int line)
{
    char *p = path_in(fx, name);
    diag_list dl = {0};
    assert_int_equal(pdf_write(d, fx->cfg, &meta, p, &dl), 1);
    assert_true(diag_error_count(&dl) >= 1);
    if (!diags_contain(&dl, needle)) {
        diag_print(&dl, stderr);
        fail_msg("no diagnostic names %s", needle);
    }
    bool at_line = false;
    for (size_t i = 0; i < dl.count; i++)
        if (dl.items[i].line == line && dl.items[i].file &&
            strcmp(dl.items[i].file, "test.md") == 0)
            at_line = true;
    assert_true(at_line);
    struct stat st;
    assert_int_equal(stat(p, &st), -1); /* no file */
    diag_list_free(&dl);
    free(p);
}

static void test_pdf_missing_glyph(void **state)
{
    fixture *fx = *state;
    doc d = {0};
    build_doc(&d);
    /* U+20000 (CJK Extension B: beyond what libharu draws) in a paragraph. */
    block *b = add_block(&d, BLOCK_PARAGRAPH, 0, "扩展B区字符\xf0\xa0\x80\x80不在字体中。");
    expect_refused(fx, &d, "missing.pdf", "U+20000", b->pos.line);
    doc_free(&d);
    /* A private-use character in a heading. */
    build_doc(&d);
    b = add_block(&d, BLOCK_HEADING, 2, "三、私用区\xee\x80\x80");
    expect_refused(fx, &d, "missing.pdf", "U+E000", b->pos.line);
    doc_free(&d);
    /* On the cover. */
    add_cover(&d);
    free(d.blocks[0].lines[2].text);
    d.blocks[0].lines[2].text = xstrdup("\xef\xa3\xbf");
    expect_refused(fx, &d, "missing.pdf", "U+F8FF", d.blocks[0].pos.line);
    doc_free(&d);
}

static void test_pdf_table_refused(void **state)
{
    fixture *fx = *state;
    doc d = {0};
    build_doc(&d);
    block *b = add_block(&d, BLOCK_TABLE, 0, NULL);
    b->arg = xstrdup("t01"); /* no grid attached (doc_resolve_tables not run) */
    expect_refused(fx, &d, "table.pdf", "没有表格数据", b->pos.line);
    doc_free(&d);
    build_doc(&d);
    b = add_block(&d, BLOCK_CHART, 0, NULL);
    b->arg = xstrdup("fig2"); /* no chart data attached (doc_resolve_charts not run) */
    expect_refused(fx, &d, "table.pdf", "没有图表数据", b->pos.line);
    doc_free(&d);
}

static void test_pdf_unwritable(void **state)
{
    fixture *fx = *state;
    doc d = {0};
    build_doc(&d);
    diag_list dl = {0};
    /* the environment's failure (4), said in words with the path */
    assert_int_equal(pdf_write(&d, fx->cfg, &meta, "/nonexistent-dir/x.pdf", &dl), ENV_FAILURE);
    assert_int_equal(dl.count, 1);
    assert_string_equal(dl.items[0].file, "/nonexistent-dir/x.pdf");
    assert_true(diags_contain(&dl, "无法写入 PDF 文件：文件夹不存在"));
    diag_list_free(&dl);
    /* An empty document still gives a valid one-page PDF; no meta is fine. */
    doc empty = {0};
    char *a = path_in(fx, "a.pdf");
    assert_int_equal(pdf_write(&empty, fx->cfg, NULL, a, &dl), 0);
    diag_list_free(&dl);
    free(a);
    doc_free(&d);
}

/* Run a shell command, return its output (stdout and stderr). */
static char *run(const char *cmd)
{
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    buf b = {0};
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, p)) > 0) buf_append(&b, chunk, n);
    pclose(p);
    return buf_detach(&b);
}

/* pdffonts lists at least three CID TrueType faces, each embedded, subset
 * and with a ToUnicode map ("yes yes yes"); with `libharu_tag`, each also
 * carries libharu's subset tag HPDFA…+. */
static void assert_fonts_embedded(const char *pdf, bool libharu_tag)
{
    buf cmd = {0};
    buf_printf(&cmd, "pdffonts '%s' 2>&1", pdf);
    char *fonts = run(buf_cstr(&cmd));
    buf_free(&cmd);
    int lines = 0;
    for (char *line = strtok(fonts, "\n"); line; line = strtok(NULL, "\n")) {
        if (!strstr(line, "CID TrueType")) continue;
        lines++;
        if (libharu_tag) assert_non_null(strstr(line, "HPDFA"));
        assert_non_null(strstr(line, " yes yes yes "));
    }
    assert_true(lines >= 3);
    free(fonts);
}

static bool have(const char *tool)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "command -v %s >/dev/null 2>&1", tool);
    return system(cmd) == 0;
}

/* Remove ASCII whitespace: extracted text differs in line breaks only. */
static char *squeeze(const char *s)
{
    buf b = {0};
    for (; *s; s++)
        if (*s != ' ' && *s != '\n' && *s != '\r' && *s != '\t' && *s != '\f') buf_putc(&b, *s);
    return buf_detach(&b);
}

static void test_pdf_tools(void **state)
{
    fixture *fx = *state;
    if (!have("pdftotext") || !have("pdffonts") || !have("mutool")) skip();
    doc d = {0};
    build_doc(&d);
    char *a = path_in(fx, "a.pdf");
    write_ok(fx, &d, a);
    buf cmd = {0};

    buf_printf(&cmd, "pdftotext '%s' - 2>&1", a);
    char *text = run(buf_cstr(&cmd));
    assert_null(strstr(text, "Syntax Warning"));
    assert_null(strstr(text, "Syntax Error"));
    char *t1 = squeeze(text);
    buf_free(&cmd);

    buf_printf(&cmd, "mutool draw -F txt '%s' 2>/dev/null", a);
    char *text2 = run(buf_cstr(&cmd));
    char *t2 = squeeze(text2);
    buf_free(&cmd);
    const char *phrases[] = {"第一部分单位概况", "（一）不名服测试", "增长18.28%。",
                             "2024年度收入总计3,313.32万元", "本年支出合计3,313.32万元",
                             "—1—", "目录", "此页无正文。"};
    for (size_t i = 0; i < sizeof phrases / sizeof phrases[0]; i++) {
        if (!strstr(t1, phrases[i])) fail_msg("pdftotext lacks %s", phrases[i]);
        if (!strstr(t2, phrases[i])) fail_msg("mutool lacks %s", phrases[i]);
    }

    assert_fonts_embedded(a, true);

    buf_printf(&cmd, "mutool show '%s' outline 2>&1", a);
    char *outline = run(buf_cstr(&cmd));
    buf_free(&cmd);
    assert_non_null(strstr(outline, "\"（一）不名服测试\""));
    assert_non_null(strstr(outline, "\"二、机构设置\""));

    free(outline);
    free(text);
    free(text2);
    free(t1);
    free(t2);
    free(a);
    doc_free(&d);
}



/* build_doc with a bar chart, a pie and an empty pie. */
static void build_chart_doc(doc *d)
{
    build_doc(d);
    static const char *const years[] = {"2023年度", "2024年度"};
    static const char *const totals[] = {"4010.58", "3313.32"};
    block *b = add_block(d, BLOCK_CHART, 0, NULL);
    b->arg = xstrdup("fig1");
    b->chart = make_chart(CHART_BAR, "图1：收、支决算总计变动情况", 2, years, totals, NULL);
    static const char *const names[] = {"基本支出", "项目支出"};
    static const char *const amounts[] = {"1648.28", "1665.04"};
    static const char *const shares[] = {"49.75", "50.25"};
    b = add_block(d, BLOCK_CHART, 0, NULL);
    b->arg = xstrdup("fig3");
    b->chart = make_chart(CHART_PIE, "图3：支出决算结构", 2, names, amounts, shares);
    b = add_block(d, BLOCK_CHART, 0, NULL);
    b->arg = xstrdup("fig7");
    b->chart = make_chart(CHART_PIE, "图7：“三公”经费财政拨款支出结构", 0, NULL, NULL, NULL);
    b->chart->empty_text = xstrdup("2024年度本单位无“三公”经费财政拨款支出。");
}

/* Charts are drawn (their text extracts), and the fonts subset by HarfBuzz
 * in memory (no temporary file: TMPDIR names a folder that does not exist)
 * give the same text with glyph IDs of their own as with the font file's
 * glyph IDs (JUESUAN_SUBSET=0), in a smaller, still valid file. */
static void test_pdf_charts_and_subset(void **state)
{
    fixture *fx = *state;
    doc d = {0};
    build_chart_doc(&d);
    char *a = path_in(fx, "a.pdf"), *b = path_in(fx, "b.pdf");
    const char *tmpdir = getenv("TMPDIR");
    char *saved = tmpdir ? xstrdup(tmpdir) : NULL;
    setenv("TMPDIR", "/nonexistent/juesuan-tmp", 1); /* no temporary files */
    write_ok(fx, &d, a);
    setenv("JUESUAN_SUBSET", "0", 1);
    write_ok(fx, &d, b);
    unsetenv("JUESUAN_SUBSET");
    size_t la, lb;
    char *sa = slurp(a, &la), *sb = slurp(b, &lb);
    assert_true(la < lb); /* no empty glyph slots */
    free(sa);
    int n_objstm;
    sa = slurp_objects(a, &la, &n_objstm);
    assert_true(has_bytes(sa, la, "/FontFile2"));
    free(sa);
    free(sb);
    if (have("pdftotext") && have("qpdf") && have("pdffonts")) {
        buf cmd = {0};
        buf_printf(&cmd, "pdftotext '%s' - 2>&1", a);
        char *ta = run(buf_cstr(&cmd));
        buf_free(&cmd);
        buf_printf(&cmd, "pdftotext '%s' - 2>&1", b);
        char *tb = run(buf_cstr(&cmd));
        buf_free(&cmd);
        assert_string_equal(ta, tb); /* the same text either way */
        char *flat = squeeze(ta);
        const char *want[] = {"图1：收、支决算总计变动情况", "4010.58", "2024年度", "单位：万元",
                              "图3：支出决算结构", "49.75%", "1665.04万元",
                              "2024年度本单位无“三公”经费财政拨款支出。"};
        for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
            if (!strstr(flat, want[i])) fail_msg("pdftotext lacks %s", want[i]);
        assert_null(strstr(ta, "Syntax"));
        buf_printf(&cmd, "qpdf --check '%s' >/dev/null 2>&1 && echo clean", a);
        char *q = run(buf_cstr(&cmd));
        buf_free(&cmd);
        assert_non_null(strstr(q, "clean"));
        assert_fonts_embedded(a, false);
        free(q);
        free(flat);
        free(ta);
        free(tb);
    }
    if (saved)
        setenv("TMPDIR", saved, 1);
    else
        unsetenv("TMPDIR");
    free(saved);
    free(a);
    free(b);
    doc_free(&d);
}

/* Code points that share one glyph in Noto Serif SC (hyphen-minus and
 * U+2011 non-breaking hyphen, ① U+2460 and ➀ U+2780) each extract as
 * themselves: the second gets a CID of its own and the font a small
 * CIDToGIDMap. */
static void test_pdf_shared_glyphs(void **state)
{
    fixture *fx = *state;
    if (!have("pdftotext")) skip();
    doc d = {0};
    add_block(&d, BLOCK_PARAGRAPH, 0, "甲-乙\u2011丙，①与\u2780，…与\u22EF。")->noindent = true;
    char *a = path_in(fx, "a.pdf");
    write_ok(fx, &d, a);
    size_t len;
    int n_objstm;
    char *s = slurp_objects(a, &len, &n_objstm);
    assert_false(has_bytes(s, len, "/CIDToGIDMap/Identity"));
    assert_true(has_bytes(s, len, "/CIDToGIDMap ")); /* a reference to the map's stream */
    free(s);
    buf cmd = {0};
    buf_printf(&cmd, "pdftotext '%s' - 2>&1", a);
    char *text = run(buf_cstr(&cmd));
    buf_free(&cmd);
    char *flat = squeeze(text);
    assert_non_null(strstr(flat, "甲-乙\u2011丙，①与\u2780，…与\u22EF。"));
    free(flat);
    free(text);
    free(a);
    doc_free(&d);
}

/* libharu's memory: a document in the arena, a second one opened while
 * it is open gets libharu's allocator, each freed (in either order) with
 * nothing left behind (ASan and valgrind say so); then the arena serves a
 * new document again. */
static void test_pdf_arena(void **state)
{
    (void)state;
    for (int order = 0; order < 2; order++) {
        HPDF_Doc a = pdf_obj_doc_new(NULL, NULL), b = pdf_obj_doc_new(NULL, NULL);
        assert_non_null(a);
        assert_non_null(b);
        assert_non_null(HPDF_AddPage(a));
        assert_non_null(HPDF_AddPage(b));
        pdf_obj_doc_free(order ? b : a);
        pdf_obj_doc_free(order ? a : b);
    }
    HPDF_Doc c = pdf_obj_doc_new(NULL, NULL);
    assert_non_null(c);
    for (int i = 0; i < 2000; i++) assert_non_null(HPDF_AddPage(c)); /* more than one arena block */
    pdf_obj_doc_free(c);
    pdf_obj_doc_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pdf_write),
        cmocka_unit_test(test_pdf_deterministic),
        cmocka_unit_test(test_pdf_missing_glyph),
        cmocka_unit_test(test_pdf_table_refused),
        cmocka_unit_test(test_pdf_unwritable),
        cmocka_unit_test(test_pdf_tools),
        cmocka_unit_test(test_pdf_charts_and_subset),
        cmocka_unit_test(test_pdf_shared_glyphs),
        cmocka_unit_test(test_pdf_arena),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
