/* test_layout.c — unit tests for gen/layout: the configuration, the line
 * breaker (禁则, numbers kept whole, justification, indent, quotation
 * marks in Chinese text, 标点挤压 and pushing in), pagination (keep-with-
 * next, widows and orphans, new pages, page numbers, 目录) and charts
 * (bars, pies with inside and outside labels, empty pies, a chart at a
 * page's foot, missing data and glyphs).
 * Run from the project root (reads templates/style.yaml and fonts/). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../gen/layout/layout.h"
#include "../../gen/layout/internal.h" /* layout_document_passes */

#define STYLE "templates/style.yaml"
#define FONTS "fonts/fonts.yaml"
#define EPS 1e-6

static const char *const closing[] = {"，", "。", "、", "；", "：", "？", "！", "）", "》",
                                      "」", "』", "’", "”", "％", "%", ")", ",", "."};
static const char *const opening[] = {"（", "《", "「", "『", "‘", "“", "(", "【"};

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

static int setup(void **state)
{
    diag_list dl = {0};
    layout_config *cfg = layout_config_load(STYLE, FONTS, ".", &dl);
    if (!cfg) diag_print(&dl, stderr);
    diag_list_free(&dl);
    *state = cfg;
    return cfg ? 0 : -1;
}

static int teardown(void **state)
{
    layout_config_free(*state);
    return 0;
}

/* "中" repeated n times, then `tail`. */
static char *repeat(const char *piece, size_t n, const char *tail)
{
    buf b = {0};
    for (size_t i = 0; i < n; i++) buf_puts(&b, piece);
    buf_puts(&b, tail);
    return buf_detach(&b);
}

/* A style with the body's face, size and grid but no indent. */
static layout_text_style flat_style(const layout_config *cfg)
{
    layout_text_style st = layout_config_body_style(cfg);
    st.indent = 0;
    return st;
}

static bool starts_with(const char *s, size_t len, const char *p)
{
    size_t n = strlen(p);
    return len >= n && memcmp(s, p, n) == 0;
}

static bool ends_with(const char *s, size_t len, const char *p)
{
    size_t n = strlen(p);
    return len >= n && memcmp(s + len - n, p, n) == 0;
}

/* ---- configuration ---- */

static void test_config_grid(void **state)
{
    const layout_config *cfg = *state;
    layout_text_style st = layout_config_body_style(cfg);
    double measure = layout_config_measure(cfg);
    assert_true(fabs(measure - 156 * 72 / 25.4) < 1e-9);
    assert_true(st.size == 16);
    /* 28 characters and 27 spaces fill 156 mm. */
    assert_true(fabs(28 * st.size + 27 * st.char_space - measure) < 1e-9);
    assert_true(fabs(st.indent - 2 * (st.size + st.char_space)) < 1e-9);
    double w, h;
    layout_config_page_size(cfg, &w, &h);
    assert_true(fabs(w - 595.2756) < 1e-3 && fabs(h - 841.8898) < 1e-3);
    assert_string_equal(layout_face_name(FACE_SANS_BOLD), "sans_bold");
    assert_non_null(strstr(layout_config_font_path(cfg, FACE_SERIF), "NotoSerifSC-Regular.ttf"));
    assert_int_equal(layout_config_font_index(cfg, FACE_SERIF), 0);
    assert_true(layout_has_glyph(cfg, FACE_SERIF, 0x4E2D)); /* 中 */
    assert_false(layout_has_glyph(cfg, FACE_SERIF, 0xE000));
    assert_false(layout_has_glyph(cfg, FACE_SERIF, 0x20000));
    assert_true(layout_advance(cfg, FACE_SERIF, 0x4E2D, 16) == 16);
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static bool diags_contain(const diag_list *dl, const char *needle)
{
    for (size_t i = 0; i < dl->count; i++)
        if (strstr(dl->items[i].message, needle)) return true;
    return false;
}

static void test_config_errors(void **state)
{
    (void)state;
    char dir[] = "/tmp/juesuan-layout-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char fonts[256], style[256];
    snprintf(fonts, sizeof fonts, "%s/fonts.yaml", dir);
    snprintf(style, sizeof style, "%s/style.yaml", dir);

    /* A font file that does not exist: named in the error. */
    write_file(fonts, "serif: fonts/NoSuchFont.ttf\nserif_bold: fonts/NotoSerifSC-Bold.ttf\n"
                      "sans: fonts/NotoSansSC-Regular.ttf\nsans_bold: fonts/NotoSansSC-Bold.ttf\n");
    diag_list dl = {0};
    assert_null(layout_config_load(STYLE, fonts, ".", &dl));
    assert_true(diags_contain(&dl, "NoSuchFont.ttf"));
    diag_list_free(&dl);

    /* A file that is not a TrueType font. */
    write_file(fonts, "serif: templates/style.yaml\nserif_bold: fonts/NotoSerifSC-Bold.ttf\n"
                      "sans: fonts/NotoSansSC-Regular.ttf\nsans_bold: fonts/NotoSansSC-Bold.ttf\n");
    assert_null(layout_config_load(STYLE, fonts, ".", &dl));
    assert_true(diags_contain(&dl, "TrueType"));
    diag_list_free(&dl);

    /* A face left out. */
    write_file(fonts, "serif: fonts/NotoSerifSC-Regular.ttf\n");
    assert_null(layout_config_load(STYLE, fonts, ".", &dl));
    assert_true(diags_contain(&dl, "sans_bold"));
    diag_list_free(&dl);

    /* A style with missing keys and a bad value. */
    write_file(style, "page:\n  width: 210\n  height: abc\n");
    assert_null(layout_config_load(style, FONTS, ".", &dl));
    assert_true(diags_contain(&dl, "page.height"));
    assert_true(diags_contain(&dl, "page.margin_top"));
    diag_list_free(&dl);

    /* YAML syntax error: reported with its line. */
    write_file(style, "page:\n  width: [210\n");
    assert_null(layout_config_load(style, FONTS, ".", &dl));
    assert_true(dl.count > 0 && dl.items[0].line == 3);
    assert_true(diags_contain(&dl, "YAML"));
    diag_list_free(&dl);

    /* Missing style file. */
    assert_null(layout_config_load("/nonexistent/style.yaml", FONTS, ".", &dl));
    assert_true(dl.count > 0);
    diag_list_free(&dl);

    unlink(fonts);
    unlink(style);
    rmdir(dir);
}

/* ---- line breaking ---- */

/* Break and check the invariants every result must meet: lines cover the
 * text in order (only spaces dropped), no line is wider than the measure
 * (unless a single unbreakable character), justified widths add up. */
static void check_lines(const layout_config *cfg, const layout_text_style *st,
                        const char *text, double measure, const layout_lines *l)
{
    size_t pos = 0;
    for (size_t i = 0; i < l->count; i++) {
        const layout_line *ln = &l->items[i];
        while (text[pos] == ' ') pos++;
        assert_int_equal(ln->start, pos);
        assert_true(ln->end > ln->start);
        pos = ln->end;
        double natural = layout_text_width(cfg, st, text, ln->start, ln->end);
        assert_true(fabs(natural - ln->natural) < EPS);
        assert_true(fabs(ln->width - (ln->natural - ln->squeeze + (double)ln->gaps * ln->extra)) < EPS);
        double avail = measure - (i == 0 ? st->indent : 0);
        assert_true(ln->natural - ln->squeeze <= avail + EPS);
        assert_true(ln->squeeze == 0 || ln->extra == 0); /* pushed in or spread, not both */
        if (st->align == LAYOUT_JUSTIFY && i + 1 < l->count && ln->gaps > 0)
            assert_true(fabs(ln->x + ln->width - measure) < EPS); /* fills the measure */
        if (i + 1 == l->count) assert_true(ln->extra == 0); /* last line not spread */
    }
    while (text[pos] == ' ') pos++;
    assert_int_equal(pos, strlen(text));
}

static void test_break_closing(void **state)
{
    const layout_config *cfg = *state;
    layout_text_style st = flat_style(cfg);
    double measure = layout_config_measure(cfg);
    for (size_t c = 0; c < N_OF(closing); c++) {
        for (size_t k = 24; k <= 30; k++) {
            char *tail = repeat("中", 40, "");
            char *mid = repeat("中", k, closing[c]);
            buf b = {0};
            buf_puts(&b, mid);
            buf_puts(&b, tail);
            char *text = buf_detach(&b);
            layout_lines l = {0};
            layout_break_text(cfg, &st, text, measure, &l);
            check_lines(cfg, &st, text, measure, &l);
            for (size_t i = 1; i < l.count; i++) {
                const layout_line *ln = &l.items[i];
                for (size_t p = 0; p < N_OF(closing); p++) {
                    if (starts_with(text + ln->start, ln->end - ln->start, closing[p])) {
                        print_error("line %zu starts with %s (k=%zu): %s\n", i, closing[p], k,
                                    text);
                        fail();
                    }
                }
            }
            layout_lines_free(&l);
            free(text);
            free(mid);
            free(tail);
        }
    }
}

static void test_break_closing_pulls_down(void **state)
{
    const layout_config *cfg = *state;
    layout_text_style st = flat_style(cfg);
    /* 28 characters fit a line: the 29th is "，", so "中，" goes down. */
    char *text = repeat("中", 28, "，中中中");
    layout_lines l = {0};
    layout_break_text(cfg, &st, text, layout_config_measure(cfg), &l);
    assert_int_equal(l.count, 2);
    assert_int_equal(l.items[0].end, 27 * 3);
    assert_true(starts_with(text + l.items[1].start, 6, "中，"));
    /* The short line is justified to the full measure. */
    assert_true(fabs(l.items[0].width - layout_config_measure(cfg)) < EPS);
    assert_true(l.items[0].extra > 0);
    layout_lines_free(&l);
    free(text);
}

static void test_break_opening(void **state)
{
    const layout_config *cfg = *state;
    layout_text_style st = flat_style(cfg);
    double measure = layout_config_measure(cfg);
    for (size_t c = 0; c < N_OF(opening); c++) {
        for (size_t k = 24; k <= 30; k++) {
            char *head = repeat("中", k, opening[c]);
            char *text = repeat(head, 1, "中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中");
            layout_lines l = {0};
            layout_break_text(cfg, &st, text, measure, &l);
            check_lines(cfg, &st, text, measure, &l);
            for (size_t i = 0; i + 1 < l.count; i++) {
                const layout_line *ln = &l.items[i];
                for (size_t p = 0; p < N_OF(opening); p++) {
                    if (ends_with(text + ln->start, ln->end - ln->start, opening[p])) {
                        print_error("line %zu ends with %s (k=%zu)\n", i, opening[p], k);
                        fail();
                    }
                }
            }
            layout_lines_free(&l);
            free(text);
            free(head);
        }
    }
}

/* `word` must sit whole on one line, wherever it falls. */
static void check_whole(const layout_config *cfg, const char *word)
{
    layout_text_style st = layout_config_body_style(cfg);
    double measure = layout_config_measure(cfg);
    for (size_t k = 10; k <= 40; k++) {
        char *head = repeat("中", k, word);
        char *text = repeat(head, 1, "中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中");
        layout_lines l = {0};
        layout_break_text(cfg, &st, text, measure, &l);
        check_lines(cfg, &st, text, measure, &l);
        size_t at = strstr(text, word) - text, end = at + strlen(word);
        bool whole = false;
        for (size_t i = 0; i < l.count; i++)
            if (l.items[i].start <= at && end <= l.items[i].end) whole = true;
        if (!whole) {
            print_error("\"%s\" split (k=%zu)\n", word, k);
            fail();
        }
        layout_lines_free(&l);
        free(text);
        free(head);
    }
}

static void test_break_numbers_whole(void **state)
{
    const layout_config *cfg = *state;
    check_whole(cfg, "3,313.32");
    check_whole(cfg, "17.39%");
    check_whole(cfg, "2024年");
    check_whole(cfg, "12月");
    check_whole(cfg, "-512.17");
    check_whole(cfg, "ABCdef123");
    check_whole(cfg, "www.example.gov.cn");
    check_whole(cfg, "——");
    check_whole(cfg, "……");
    check_whole(cfg, "（一）");
}

static void test_break_number_gaps(void **state)
{
    const layout_config *cfg = *state;
    layout_text_style st = flat_style(cfg);
    /* No justification space inside a number: "3,313.32" is one unit. */
    const char *text = "收入合计3,313.32万元。";
    layout_lines l = {0};
    layout_break_text(cfg, &st, text, 1000, &l);
    assert_int_equal(l.count, 1);
    /* 收入合计 3,313.32 万元。: boundaries 收|入|合|计|N|万|元|。 = 7 */
    assert_int_equal(l.items[0].gaps, 7);
    layout_lines_free(&l);
}

static void test_break_justify(void **state)
{
    const layout_config *cfg = *state;
    layout_text_style st = layout_config_body_style(cfg);
    double measure = layout_config_measure(cfg);
    const char *text =
        "2024年度收入、支出决算总计3,313.32万元。与2023年相比，收入、支出总计各增加512.17万元，"
        "增长18.28%。主要原因是人员变动及项目支出增加（详见附表《收入支出决算总表》）。"
        "“三公”经费财政拨款支出决算为12.35万元，完成预算的95.19%。其中：因公出国（境）费0.00万元，"
        "公务用车购置及运行维护费10.12万元，公务接待费2.23万元。";
    layout_lines l = {0};
    layout_break_text(cfg, &st, text, measure, &l);
    assert_true(l.count >= 5);
    check_lines(cfg, &st, text, measure, &l);
    for (size_t i = 0; i + 1 < l.count; i++) {
        assert_true(l.items[i].gaps > 0);
        assert_true(fabs(l.items[i].x + l.items[i].width - measure) < EPS);
    }
    layout_lines_free(&l);
}

static void test_break_indent(void **state)
{
    const layout_config *cfg = *state;
    layout_text_style st = layout_config_body_style(cfg);
    double measure = layout_config_measure(cfg);
    /* A full grid: 26 characters after the two-character indent, then 28. */
    char *text = repeat("中", 26 + 28 + 28, "");
    layout_lines l = {0};
    layout_break_text(cfg, &st, text, measure, &l);
    assert_int_equal(l.count, 3);
    assert_true(fabs(l.items[0].x - 2 * (st.size + st.char_space)) < EPS);
    assert_int_equal(l.items[0].end - l.items[0].start, 26 * 3);
    assert_int_equal(l.items[1].end - l.items[1].start, 28 * 3);
    assert_true(l.items[1].x == 0 && l.items[2].x == 0);
    assert_true(fabs(l.items[0].extra) < EPS && fabs(l.items[1].extra) < EPS);
    layout_lines_free(&l);
    /* No indent. */
    st.indent = 0;
    layout_break_text(cfg, &st, text, measure, &l);
    assert_int_equal(l.count, 3);
    assert_true(l.items[0].x == 0);
    assert_int_equal(l.items[0].end - l.items[0].start, 28 * 3);
    layout_lines_free(&l);
    free(text);
}

static void test_break_center_and_long_runs(void **state)
{
    const layout_config *cfg = *state;
    layout_text_style st = flat_style(cfg);
    st.align = LAYOUT_CENTER;
    layout_lines l = {0};
    layout_break_text(cfg, &st, "目录", 400, &l);
    assert_int_equal(l.count, 1);
    assert_true(fabs(l.items[0].x - (400 - l.items[0].natural) / 2) < EPS);
    layout_lines_free(&l);
    /* A run wider than the measure is split where it must. */
    st.align = LAYOUT_JUSTIFY;
    char *text = repeat("a", 300, "");
    layout_break_text(cfg, &st, text, 200, &l);
    check_lines(cfg, &st, text, 200, &l);
    assert_true(l.count > 1);
    layout_lines_free(&l);
    free(text);
    /* Spaces: dropped at line ends, break after them. */
    const char *words = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu";
    layout_break_text(cfg, &st, words, 120, &l);
    check_lines(cfg, &st, words, 120, &l);
    for (size_t i = 0; i < l.count; i++) {
        assert_true(words[l.items[i].start] != ' ');
        assert_true(words[l.items[i].end - 1] != ' ');
    }
    layout_lines_free(&l);
    /* Empty text: no lines. */
    layout_break_text(cfg, &st, "", 200, &l);
    assert_int_equal(l.count, 0);
    layout_lines_free(&l);
}

/* The text cache (textcache.c): a text broken or measured again — at the
 * same or another measure, size or style, in a configuration that has
 * seen it before — gives exactly what a fresh configuration gives. */
static void test_break_memo_same_as_fresh(void **state)
{
    const layout_config *cfg = *state;
    diag_list dl = {0};
    layout_text_style st = flat_style(cfg);
    const char *texts[] = {"2024年度，本单位“三公”经费支出合计3,313.32万元，比上年减少17.39%（主要是会议费减少）。",
                           "一般公共服务支出", "3153.82", ""};
    const double measures[] = {400, 120, 400, 61.5};
    for (int round = 0; round < 2; round++)
        for (size_t t = 0; t < N_OF(texts); t++)
            for (size_t m = 0; m < N_OF(measures); m++)
                for (int a = 0; a < 2; a++) {
                    layout_text_style s = st;
                    s.align = a ? LAYOUT_CENTER : LAYOUT_JUSTIFY;
                    s.size = st.size + round; /* another size: another setting */
                    layout_config *fresh = layout_config_load(STYLE, FONTS, ".", &dl);
                    assert_non_null(fresh);
                    for (int again = 0; again < 2; again++) { /* the second from the memo */
                        layout_lines l = {0}, f = {0};
                        layout_break_text(cfg, &s, texts[t], measures[m], &l);
                        layout_break_text(fresh, &s, texts[t], measures[m], &f);
                        assert_int_equal(l.count, f.count);
                        for (size_t i = 0; i < l.count; i++)
                            assert_memory_equal(&l.items[i], &f.items[i], sizeof l.items[i]);
                        size_t len = strlen(texts[t]);
                        assert_true(layout_text_width(cfg, &s, texts[t], 0, len) ==
                                    layout_text_width(fresh, &s, texts[t], 0, len));
                        assert_true(layout_text_width(cfg, &s, texts[t], 0, len / 2) ==
                                    layout_text_width(fresh, &s, texts[t], 0, len / 2));
                        layout_lines_free(&l);
                        layout_lines_free(&f);
                    }
                    layout_config_free(fresh);
                }
    /* a longer measure gives fewer lines: the memo is by measure */
    layout_lines a = {0}, b = {0};
    layout_break_text(cfg, &st, texts[0], 400, &a);
    layout_break_text(cfg, &st, texts[0], 120, &b);
    assert_true(a.count < b.count);
    layout_lines_free(&a);
    layout_lines_free(&b);
    diag_list_free(&dl);
}

/* ---- pagination ---- */


/* A paragraph of exactly n body lines of one repeated character. */
static void add_lines(doc *d, const char *ch, size_t n)
{
    char *t = repeat(ch, 26 + 28 * (n - 1), "");
    add_block(d, BLOCK_PARAGRAPH, 0, t);
    free(t);
}

/* Number of body lines on page p whose text contains `ch`. */
static int count_lines(const layout_result *r, size_t p, const char *ch)
{
    int n = 0;
    double last = -1;
    for (size_t k = 0; k < r->pages[p].n_spans; k++) {
        const layout_span *s = &r->pages[p].spans[k];
        if (strstr(s->text, ch) && s->y != last) {
            n++;
            last = s->y;
        }
    }
    return n;
}

static void run_layout(const layout_config *cfg, const doc *d, layout_result *r)
{
    diag_list dl = {0};
    memset(r, 0, sizeof *r);
    int rc = layout_document(d, cfg, r, &dl);
    if (rc != 0) diag_print(&dl, stderr);
    assert_int_equal(rc, 0);
    diag_list_free(&dl);
}

static void test_page_widow_orphan(void **state)
{
    const layout_config *cfg = *state;
    layout_result r;

    /* 20 lines, then 3: a 2 + 1 split would leave a widow, 1 + 2 an orphan. */
    doc d = {0};
    add_lines(&d, "甲", 20);
    add_lines(&d, "乙", 3);
    run_layout(cfg, &d, &r);
    assert_int_equal(r.n_pages, 2);
    assert_int_equal(count_lines(&r, 0, "甲"), 20);
    assert_int_equal(count_lines(&r, 0, "乙"), 0);
    assert_int_equal(count_lines(&r, 1, "乙"), 3);
    layout_result_free(&r);
    doc_free(&d);

    /* 18 lines, then 5: 4 would fit, but 3 go and 2 follow (no widow). */
    add_lines(&d, "甲", 18);
    add_lines(&d, "乙", 5);
    run_layout(cfg, &d, &r);
    assert_int_equal(count_lines(&r, 0, "乙"), 3);
    assert_int_equal(count_lines(&r, 1, "乙"), 2);
    layout_result_free(&r);
    doc_free(&d);

    /* 21 lines, then 5: one line would be an orphan. */
    add_lines(&d, "甲", 21);
    add_lines(&d, "乙", 5);
    run_layout(cfg, &d, &r);
    assert_int_equal(count_lines(&r, 0, "乙"), 0);
    assert_int_equal(count_lines(&r, 1, "乙"), 5);
    layout_result_free(&r);
    doc_free(&d);

    /* 22 lines fill a page exactly; 45 lines: 22 + 22 + 1 would leave a
     * widow, so the second page gives one line over. */
    add_lines(&d, "甲", 22);
    add_lines(&d, "乙", 45);
    run_layout(cfg, &d, &r);
    assert_int_equal(count_lines(&r, 0, "甲"), 22);
    assert_int_equal(count_lines(&r, 1, "乙"), 22);
    assert_int_equal(count_lines(&r, 2, "乙"), 21);
    assert_int_equal(count_lines(&r, 3, "乙"), 2);
    layout_result_free(&r);
    doc_free(&d);
}

static void test_page_heading_keeps(void **state)
{
    const layout_config *cfg = *state;
    layout_result r;
    doc d = {0};
    /* 20 lines leave 2: a heading and one body line would fit, but the
     * paragraph may not leave one line alone: the heading goes over. */
    add_lines(&d, "甲", 20);
    add_block(&d, BLOCK_HEADING, 2, "二、机构设置");
    add_lines(&d, "乙", 4);
    run_layout(cfg, &d, &r);
    assert_int_equal(r.n_headings, 1);
    assert_int_equal(r.headings[0].page, 1);
    assert_int_equal(count_lines(&r, 0, "乙"), 0);
    layout_result_free(&r);
    doc_free(&d);

    /* 19 lines leave 3: heading + 2 lines fit. */
    add_lines(&d, "甲", 19);
    add_block(&d, BLOCK_HEADING, 2, "二、机构设置");
    add_lines(&d, "乙", 4);
    run_layout(cfg, &d, &r);
    assert_int_equal(r.headings[0].page, 0);
    assert_int_equal(count_lines(&r, 0, "乙"), 2);
    layout_result_free(&r);
    doc_free(&d);

    /* Two headings in a row keep together with the text. */
    add_lines(&d, "甲", 19);
    add_block(&d, BLOCK_HEADING, 2, "二、机构设置");
    add_block(&d, BLOCK_HEADING, 3, "（一）内设机构");
    add_lines(&d, "乙", 4);
    run_layout(cfg, &d, &r);
    assert_int_equal(r.headings[0].page, 1);
    assert_int_equal(r.headings[1].page, 1);
    layout_result_free(&r);
    doc_free(&d);
}

static void test_page_breaks_and_numbers(void **state)
{
    const layout_config *cfg = *state;
    layout_result r;
    doc d = {0};
    block *cover = add_block(&d, BLOCK_COVER, 0, NULL);
    cover->lines = calloc(2, sizeof *cover->lines);
    cover->n_lines = 2;
    cover->lines[0] = (cover_line){COVER_TITLE, xstrdup("测试单位2024年度单位决算")};
    cover->lines[1] = (cover_line){COVER_DATE, xstrdup("二〇二五年九月")};
    add_block(&d, BLOCK_TOC, 0, NULL);
    add_block(&d, BLOCK_HEADING, 1, "第一部分 单位概况");
    add_block(&d, BLOCK_HEADING, 2, "一、主要职责");
    add_lines(&d, "甲", 3);
    add_block(&d, BLOCK_PAGEBREAK, 0, NULL);
    add_block(&d, BLOCK_PAGEBREAK, 0, NULL); /* no blank page */
    add_lines(&d, "乙", 30);
    add_block(&d, BLOCK_HEADING, 1, "第二部分 决算情况说明");
    add_lines(&d, "丙", 2);
    run_layout(cfg, &d, &r);
    /* cover, 目录, part 1, pagebreak page, its overflow, part 2 */
    assert_int_equal(r.n_pages, 6);
    assert_true(r.pages[0].cover && r.pages[0].number == 0);
    assert_true(r.pages[1].toc && r.pages[1].number == 0);
    for (size_t p = 2; p < 6; p++) assert_int_equal(r.pages[p].number, (int)p - 1);
    assert_int_equal(count_lines(&r, 2, "甲"), 3);
    assert_int_equal(count_lines(&r, 3, "乙"), 22);
    assert_int_equal(count_lines(&r, 4, "乙"), 8);
    assert_int_equal(count_lines(&r, 5, "丙"), 2);
    /* The footer "— N —" on numbered pages, nothing on the cover. */
    const layout_page *p2 = &r.pages[2];
    assert_string_equal(p2->spans[p2->n_spans - 1].text, "— 1 —");
    for (size_t k = 0; k < r.pages[0].n_spans; k++)
        assert_null(strstr(r.pages[0].spans[k].text, "—"));
    /* The 目录 lists levels 1 and 2 with the numbers they landed on. */
    assert_int_equal(r.n_headings, 3);
    assert_int_equal(r.pages[r.headings[2].page].number, 4);
    const layout_page *toc = &r.pages[1];
    int found = 0;
    for (size_t k = 0; k < toc->n_spans; k++) {
        const char *t = toc->spans[k].text;
        if (strcmp(t, "目录") == 0) found |= 1;
        if (strcmp(t, "4") == 0) found |= 2;
        if (strstr(t, "....")) found |= 4;
    }
    assert_int_equal(found, 7);
    /* Structure: cover lines and headings; the 目录 a TOC of TOCI › Link
     * entries, each a layout_link to its heading; footers are artifacts. */
    assert_int_equal(r.elems[r.pages[0].spans[0].elem - 1].role, ROLE_P);
    assert_int_equal(p2->spans[p2->n_spans - 1].elem, 0);
    assert_int_equal(r.n_links, 3);
    for (size_t i = 0; i < r.n_links; i++) {
        const layout_link *l = &r.links[i];
        assert_int_equal(l->page, 1);
        assert_true(l->x0 < l->x1 && l->y0 < l->y1);
        const layout_elem *link = &r.elems[l->elem - 1], *item = &r.elems[link->parent - 1];
        assert_int_equal(link->role, ROLE_LINK);
        assert_int_equal(item->role, ROLE_TOCI);
        assert_int_equal(r.elems[item->parent - 1].role, ROLE_TOC);
        assert_int_equal(d.blocks[l->block].type, BLOCK_HEADING);
    }
    assert_true(r.links[0].y0 > r.links[1].y1 - 0.01); /* one under the other */
    int levels[3] = {0};
    for (size_t k = 0; k < r.pages[2].n_spans; k++) {
        int e = r.pages[2].spans[k].elem;
        if (strstr(r.pages[2].spans[k].text, "第一部分")) levels[0] = r.elems[e - 1].role;
        if (strstr(r.pages[2].spans[k].text, "主要职责")) levels[1] = r.elems[e - 1].role;
        if (strncmp(r.pages[2].spans[k].text, "甲", 3) == 0) levels[2] = r.elems[e - 1].role;
    }
    assert_int_equal(levels[0], ROLE_H1);
    assert_int_equal(levels[1], ROLE_H2);
    assert_int_equal(levels[2], ROLE_P);
    layout_result_free(&r);
    doc_free(&d);
}

/* Two layout results are the same, field by field. */
static void assert_results_equal(const layout_result *a, const layout_result *b)
{
    assert_int_equal(a->n_pages, b->n_pages);
    for (size_t i = 0; i < a->n_pages; i++) {
        const layout_page *p = &a->pages[i], *q = &b->pages[i];
        assert_int_equal(p->number, q->number);
        assert_true(p->cover == q->cover && p->toc == q->toc && p->landscape == q->landscape);
        assert_int_equal(p->n_spans, q->n_spans);
        for (size_t k = 0; k < p->n_spans; k++) {
            const layout_span *s = &p->spans[k], *t = &q->spans[k];
            assert_string_equal(s->text, t->text);
            assert_true(s->face == t->face && s->size == t->size && s->x == t->x && s->y == t->y &&
                        s->char_space == t->char_space && s->elem == t->elem);
        }
        assert_int_equal(p->n_rules, q->n_rules);
        if (p->n_rules) assert_memory_equal(p->rules, q->rules, p->n_rules * sizeof *p->rules);
        assert_int_equal(p->n_shapes, q->n_shapes);
        if (p->n_shapes) assert_memory_equal(p->shapes, q->shapes, p->n_shapes * sizeof *p->shapes);
    }
    assert_int_equal(a->n_elems, b->n_elems);
    for (size_t i = 0; i < a->n_elems; i++) {
        const layout_elem *e = &a->elems[i], *f = &b->elems[i];
        assert_true(e->role == f->role && e->parent == f->parent && e->row_span == f->row_span &&
                    e->col_span == f->col_span && !e->alt == !f->alt);
        if (e->alt) assert_string_equal(e->alt, f->alt);
    }
    assert_int_equal(a->n_headings, b->n_headings);
    for (size_t i = 0; i < a->n_headings; i++) {
        const layout_heading *h = &a->headings[i], *g = &b->headings[i];
        assert_true(h->level == g->level && h->block == g->block && h->page == g->page && h->top == g->top);
        assert_string_equal(h->text, g->text);
    }
    assert_int_equal(a->n_links, b->n_links);
    if (a->n_links) assert_memory_equal(a->links, b->links, a->n_links * sizeof *a->links);
    assert_int_equal(a->n_places, b->n_places);
    if (a->n_places) assert_memory_equal(a->places, b->places, a->n_places * sizeof *a->places);
}

/* The second pass of a document with a 目录 sets only the pages up to the
 * 目录 again (document.c): the result is what setting the whole document
 * again gives, whether the 目录 keeps its size once the numbers are in or
 * grows (headings of every length around the one that wraps only beside a
 * number; many entries, so that the 目录 runs over a page). */
static void test_page_toc_second_pass(void **state)
{
    const layout_config *cfg = *state;
    int toc_pages_min = 99, toc_pages_max = 0;
    for (size_t round = 0; round < 34; round++) {
        size_t len = 14 + round / 2;
        bool all_long = round % 2; /* else one long heading: the 目录 keeps its pages */
        doc d = {0};
        block *cover = add_block(&d, BLOCK_COVER, 0, NULL);
        cover->lines = calloc(1, sizeof *cover->lines);
        cover->n_lines = 1;
        cover->lines[0] = (cover_line){COVER_TITLE, xstrdup("测试单位2024年度单位决算")};
        add_block(&d, BLOCK_TOC, 0, NULL);
        for (int h = 0; h < 12; h++) {
            add_block(&d, BLOCK_HEADING, 1, "第一部分 单位概况");
            for (int k = 0; k < 3; k++) {
                char *t = repeat("甲", all_long || (h == 5 && k == 1) ? len : 6, "");
                add_block(&d, BLOCK_HEADING, 2, t);
                free(t);
                add_lines(&d, "乙", 9);
            }
        }
        layout_result spliced = {0}, full = {0};
        diag_list dl = {0};
        assert_int_equal(layout_document_passes(&d, cfg, &spliced, &dl, false), 0);
        assert_int_equal(layout_document_passes(&d, cfg, &full, &dl, true), 0);
        assert_int_equal(dl.count, 0);
        assert_results_equal(&spliced, &full);
        int toc_pages = 0;
        for (size_t p = 0; p < spliced.n_pages; p++) toc_pages += spliced.pages[p].toc;
        if (all_long && toc_pages < toc_pages_min) toc_pages_min = toc_pages;
        if (all_long && toc_pages > toc_pages_max) toc_pages_max = toc_pages;
        /* the 目录 shows the number of the last heading's page */
        const layout_heading *last = &spliced.headings[spliced.n_headings - 1];
        char num[16];
        snprintf(num, sizeof num, "%d", spliced.pages[last->page].number);
        bool found = false;
        for (size_t p = 0; p < spliced.n_pages; p++)
            for (size_t k = 0; spliced.pages[p].toc && k < spliced.pages[p].n_spans; k++)
                found |= strcmp(spliced.pages[p].spans[k].text, num) == 0;
        assert_true(found);
        layout_result_free(&spliced);
        layout_result_free(&full);
        diag_list_free(&dl);
        doc_free(&d);
    }
    assert_true(toc_pages_max > toc_pages_min); /* some entries wrap: the 目录 grew */
}

static void test_page_missing_glyph(void **state)
{
    const layout_config *cfg = *state;
    doc d = {0};
    add_lines(&d, "甲", 1);
    block *b = add_block(&d, BLOCK_PARAGRAPH, 0, "私用区字符\xee\x80\x80与扩展B\xf0\xa0\x80\x80。");
    int line = b->pos.line;
    add_block(&d, BLOCK_TABLE, 0, NULL)->arg = xstrdup("t01");
    diag_list dl = {0};
    layout_result r = {0};
    assert_int_equal(layout_document(&d, cfg, &r, &dl), 1);
    assert_int_equal(r.n_pages, 0);
    assert_int_equal(diag_error_count(&dl), 3);
    assert_true(diags_contain(&dl, "U+E000"));
    assert_true(diags_contain(&dl, "U+20000"));
    assert_true(diags_contain(&dl, "没有表格数据")); /* a table block without its grid */
    assert_int_equal(dl.items[0].line, line);
    assert_string_equal(dl.items[0].file, "test.md");
    diag_list_free(&dl);
    layout_result_free(&r);
    doc_free(&d);
}

static void test_page_footer_outside(void **state)
{
    (void)state;
    /* The style with the GB/T 9704 placement: odd pages right, even left. */
    size_t len;
    char *style = file_read_all(STYLE, &len);
    assert_non_null(style);
    char *at = strstr(style, "position: center");
    assert_non_null(at);
    buf b = {0};
    buf_append(&b, style, (size_t)(at - style));
    buf_puts(&b, "position: outside");
    buf_puts(&b, at + strlen("position: center"));
    char path[] = "/tmp/juesuan-style-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, b.data, b.len), (ssize_t)b.len);
    close(fd);
    diag_list dl = {0};
    layout_config *cfg = layout_config_load(path, FONTS, ".", &dl);
    assert_non_null(cfg);
    doc d = {0};
    add_lines(&d, "甲", 30);
    layout_result r;
    run_layout(cfg, &d, &r);
    assert_int_equal(r.n_pages, 2);
    double left = 28 * 72 / 25.4, right = left + layout_config_measure(cfg);
    layout_text_style fs = {FACE_SERIF, 14, 0, 0, LAYOUT_LEFT};
    const layout_span *odd = &r.pages[0].spans[r.pages[0].n_spans - 1];
    const layout_span *even = &r.pages[1].spans[r.pages[1].n_spans - 1];
    assert_string_equal(odd->text, "— 1 —");
    assert_string_equal(even->text, "— 2 —");
    double w = layout_text_width(cfg, &fs, odd->text, 0, strlen(odd->text));
    assert_true(fabs(odd->x + w - (right - 14)) < EPS);
    assert_true(fabs(even->x - (left + 14)) < EPS);
    assert_true(odd->y < 99.3 - 7 * 72 / 25.4); /* under the text block */
    layout_result_free(&r);
    doc_free(&d);
    layout_config_free(cfg);
    diag_list_free(&dl);
    unlink(path);
    free(style);
    buf_free(&b);
}

static void test_page_bad_utf8(void **state)
{
    const layout_config *cfg = *state;
    doc d = {0};
    add_block(&d, BLOCK_PARAGRAPH, 0, "坏字节\xff\xfe在此");
    diag_list dl = {0};
    layout_result r = {0};
    assert_int_equal(layout_document(&d, cfg, &r, &dl), 1);
    assert_int_equal(diag_error_count(&dl), 1);
    assert_true(diags_contain(&dl, "UTF-8"));
    diag_list_free(&dl);
    layout_result_free(&r);
    doc_free(&d);
}


/* ---- UAX #14 tailoring, 标点挤压 ---- */

/* A configuration from the style with `from` replaced by `to` (NULL on
 * failure); the file is removed at once. */
static layout_config *config_with(const char *from, const char *to)
{
    size_t len;
    char *style = file_read_all(STYLE, &len);
    char *at = style ? strstr(style, from) : NULL;
    if (!at) {
        free(style);
        return NULL;
    }
    buf b = {0};
    buf_append(&b, style, (size_t)(at - style));
    buf_puts(&b, to);
    buf_puts(&b, at + strlen(from));
    char path[] = "/tmp/juesuan-style-XXXXXX";
    int fd = mkstemp(path);
    bool ok = fd >= 0 && write(fd, b.data, b.len) == (ssize_t)b.len;
    if (fd >= 0) close(fd);
    diag_list dl = {0};
    layout_config *cfg = ok ? layout_config_load(path, FONTS, ".", &dl) : NULL;
    if (!cfg) diag_print(&dl, stderr);
    diag_list_free(&dl);
    unlink(path);
    free(style);
    buf_free(&b);
    return cfg;
}

static void test_break_quotes(void **state)
{
    const layout_config *cfg = *state;
    layout_text_style st = flat_style(cfg);
    double measure = layout_config_measure(cfg);
    layout_lines l = {0};
    /* 28 characters end with 款: the line may end before “ (Unicode 15.1
     * LB19a; ICU 72 alone would keep 款“ together and pull 款 down) */
    char *text = repeat("中", 27, "款“三公”经费支出决算。");
    layout_break_text(cfg, &st, text, measure, &l);
    check_lines(cfg, &st, text, measure, &l);
    assert_int_equal(l.count, 2);
    assert_true(ends_with(text, l.items[0].end, "款"));
    assert_true(starts_with(text + l.items[1].start, 3, "“"));
    layout_lines_free(&l);
    free(text);
    /* and after ”, before an East Asian character */
    text = repeat("中", 24, "“三公”经费支出决算。");
    layout_break_text(cfg, &st, text, measure, &l);
    check_lines(cfg, &st, text, measure, &l);
    assert_int_equal(l.count, 2);
    assert_true(ends_with(text, l.items[0].end, "”"));
    assert_true(starts_with(text + l.items[1].start, 3, "经"));
    layout_lines_free(&l);
    free(text);
}

/* Line i of `text` set in the body style as a string (malloc'd). */
static char *line_text(const char *text, const layout_lines *l, size_t i)
{
    return xstrndup(text + l->items[i].start, l->items[i].end - l->items[i].start);
}

static void test_break_push_in(void **state)
{
    const layout_config *cfg = *state;
    layout_text_style st = layout_config_body_style(cfg);
    double measure = layout_config_measure(cfg);
    const char *text = "2024年度收、支总计均为3313.32万元。与2023年度4010.58万元相比，收、支总计各减少"
                       "697.26万元，下降17.39%。主要变动原因是本年度减少对社保基金的补助预算等项目。";
    layout_lines l = {0};
    layout_break_text(cfg, &st, text, measure, &l);
    check_lines(cfg, &st, text, measure, &l);
    /* "4010.58" does not fit after 年度 unless 、 and 。 give up their
     * blanks: the line takes it instead of being spread */
    char *first = line_text(text, &l, 0);
    assert_true(ends_with(first, strlen(first), "4010.58"));
    assert_true(l.items[0].squeeze > 0 && l.items[0].extra == 0);
    assert_true(l.items[0].squeeze <= 2 * 0.45 * st.size + EPS);
    assert_true(fabs(l.items[0].x + l.items[0].width - measure) < EPS);
    /* no line of it is spread by more than 0.1 em between characters */
    for (size_t i = 0; i + 1 < l.count; i++) assert_true(l.items[i].extra <= 0.1 * st.size);
    free(first);
    layout_lines_free(&l);

    /* Without pushing in, the line ends at 年度 and is spread wide. */
    layout_config *no_fit = config_with("  fit: true", "  fit: false");
    assert_non_null(no_fit);
    layout_break_text(no_fit, &st, text, measure, &l);
    check_lines(no_fit, &st, text, measure, &l);
    first = line_text(text, &l, 0);
    assert_true(ends_with(first, strlen(first), "2023年度"));
    assert_true(l.items[0].squeeze == 0 && l.items[0].extra > 0.15 * st.size);
    free(first);
    layout_lines_free(&l);
    layout_config_free(no_fit);
}

static void test_break_grid_kept(void **state)
{
    const layout_config *cfg = *state;
    layout_text_style st = layout_config_body_style(cfg);
    double measure = layout_config_measure(cfg);
    /* Chinese text without numbers: the lines keep the character grid,
     * nothing is squeezed (a closing mark pulls its character down) */
    char *text = repeat("加强预算管理，提高资金使用效益；", 12, "严格执行各项规定。");
    layout_lines l = {0};
    layout_break_text(cfg, &st, text, measure, &l);
    check_lines(cfg, &st, text, measure, &l);
    assert_true(l.count >= 6);
    for (size_t i = 0; i < l.count; i++) assert_true(l.items[i].squeeze == 0);
    layout_lines_free(&l);
    free(text);
}

static void test_squeeze_adjacent(void **state)
{
    const layout_config *cfg = *state;
    layout_text_style st = flat_style(cfg);
    double one = layout_text_width(cfg, &st, "）", 0, 3);
    double two = layout_text_width(cfg, &st, "）：", 0, 6);
    /* the blank between two adjacent marks goes (0.45 em of it) */
    assert_true(fabs(two - (2 * one + st.char_space - 0.45 * st.size)) < EPS);
    /* not between a mark and a character */
    double mixed = layout_text_width(cfg, &st, "）中", 0, 6);
    assert_true(fabs(mixed - (2 * one + st.char_space)) < EPS);
    layout_config *plain = config_with("  adjacent: true", "  adjacent: false");
    assert_non_null(plain);
    two = layout_text_width(plain, &st, "）：", 0, 6);
    assert_true(fabs(two - (2 * one + st.char_space)) < EPS);
    layout_config_free(plain);
}

/* ---- charts ---- */


static block *add_chart(doc *d, chart_data *c)
{
    block *b = add_block(d, BLOCK_CHART, 0, NULL);
    b->arg = xstrdup("fig");
    b->chart = c;
    return b;
}

static const layout_span *find_span(const layout_page *p, const char *text)
{
    for (size_t k = 0; k < p->n_spans; k++)
        if (strstr(p->spans[k].text, text)) return &p->spans[k];
    return NULL;
}

static size_t count_shapes(const layout_page *p, layout_shape_kind kind)
{
    size_t n = 0;
    for (size_t k = 0; k < p->n_shapes; k++) n += p->shapes[k].kind == kind;
    return n;
}

static void test_chart_bar_pie_empty(void **state)
{
    const layout_config *cfg = *state;
    doc d = {0};
    static const char *const years[] = {"2023年度", "2024年度"};
    static const char *const totals[] = {"4010.58", "3313.32"};
    add_chart(&d, make_chart(CHART_BAR, "图1：收、支决算总计变动情况", 2, years, totals, NULL));
    static const char *const names[] = {"一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "其他收入",
                                        "事业收入"};
    static const char *const amounts[] = {"3153.82", "159.06", "0.19", "0.00"};
    static const char *const shares[] = {"95.19", "4.80", "0.01", "0"};
    add_chart(&d, make_chart(CHART_PIE, "图2：收入决算结构", 4, names, amounts, shares));
    chart_data *empty = make_chart(CHART_PIE, "图7：“三公”经费财政拨款支出结构", 0, NULL, NULL, NULL);
    empty->empty_text = xstrdup("2024年度本单位无“三公”经费财政拨款支出。");
    add_chart(&d, empty);
    layout_result r;
    run_layout(cfg, &d, &r);
    /* 8 + 8 + 2 lines: one page */
    assert_int_equal(r.n_pages, 1);
    const layout_page *p = &r.pages[0];
    /* bars: one rectangle each, the values above and the years under */
    assert_non_null(find_span(p, "图1：收、支决算总计变动情况"));
    assert_non_null(find_span(p, "单位：万元"));
    const layout_span *v0 = find_span(p, "4010.58"), *v1 = find_span(p, "3313.32");
    assert_non_null(v0);
    assert_non_null(v1);
    assert_true(v0->y > v1->y); /* the taller bar's value stands higher */
    assert_non_null(find_span(p, "2023年度"));
    /* pie: three slices (the 0 item has none) from 12 o'clock round to
     * 360°, each next to the last */
    size_t sectors = 0;
    double a = 0, cx = 0, cy = 0, radius = 0;
    for (size_t k = 0; k < p->n_shapes; k++) {
        const layout_shape *s = &p->shapes[k];
        if (s->kind != SHAPE_SECTOR) continue;
        assert_true(fabs(s->a0 - a) < 1e-9);
        a = s->a1;
        cx = s->x, cy = s->y, radius = s->r;
        sectors++;
    }
    assert_int_equal(sectors, 3);
    assert_true(fabs(a - 360) < 1e-9);
    /* 95.19% inside the pie; 0.01% outside it, with a leader line */
    const layout_span *big = find_span(p, "95.19%"), *tiny = find_span(p, "0.01%");
    assert_non_null(big);
    assert_non_null(tiny);
    assert_true(hypot(tiny->x - cx, tiny->y - cy) > radius);
    assert_true(count_shapes(p, SHAPE_LINE) >= 3); /* the bar axis, leaders */
    /* the legend lists every item, the 0 one too */
    assert_non_null(find_span(p, "事业收入"));
    assert_non_null(find_span(p, "159.06万元"));
    /* bars 2 + legend boxes 4 */
    assert_int_equal(count_shapes(p, SHAPE_RECT), 6);
    /* the empty pie: its line and caption, no shape */
    assert_non_null(find_span(p, "2024年度本单位无“三公”经费财政拨款支出。"));
    assert_non_null(find_span(p, "图7："));
    /* each chart a Figure whose alternative text gives its figures */
    const layout_span *cap = find_span(p, "图2：收入决算结构");
    assert_true(cap && cap->elem > 0);
    const layout_elem *fig = &r.elems[cap->elem - 1];
    assert_int_equal(fig->role, ROLE_FIGURE);
    assert_non_null(strstr(fig->alt, "图2：收入决算结构"));
    assert_non_null(strstr(fig->alt, "政府性基金预算财政拨款收入 159.06（4.80%）"));
    assert_int_equal(find_span(p, "95.19%")->elem, cap->elem);
    for (size_t k = 0; k < p->n_shapes; k++) assert_true(p->shapes[k].elem > 0);
    layout_result_free(&r);
    doc_free(&d);
}

static void test_chart_outside_labels_apart(void **state)
{
    const layout_config *cfg = *state;
    doc d = {0};
    /* many small slices: their outside labels must not overlap */
    static const char *const names[] = {"甲", "乙", "丙", "丁", "戊", "己"};
    static const char *const amounts[] = {"900.00", "10.00", "9.00", "8.00", "7.00", "6.00"};
    static const char *const shares[] = {"95.84", "1.06", "0.96", "0.85", "0.75", "0.64"};
    add_chart(&d, make_chart(CHART_PIE, "图6：结构", 6, names, amounts, shares));
    layout_result r;
    run_layout(cfg, &d, &r);
    const layout_page *p = &r.pages[0];
    const layout_span *labels[5];
    for (size_t i = 1; i < 6; i++) {
        char pct[16];
        snprintf(pct, sizeof pct, "%s%%", shares[i]);
        labels[i - 1] = find_span(p, pct);
        assert_non_null(labels[i - 1]);
    }
    for (size_t i = 0; i < 5; i++)
        for (size_t j = i + 1; j < 5; j++)
            if ((labels[i]->x < 297) == (labels[j]->x < 297)) /* same side */
                assert_true(fabs(labels[i]->y - labels[j]->y) >= labels[i]->size);
    layout_result_free(&r);
    doc_free(&d);
}

/* The y of the highest shape on page p (the chart's top), or 0. */
static double shapes_top(const layout_page *p)
{
    double top = 0;
    for (size_t k = 0; k < p->n_shapes; k++) {
        const layout_shape *sh = &p->shapes[k];
        double t = sh->kind == SHAPE_SECTOR ? sh->y + sh->r : sh->y + (sh->h > 0 ? sh->h : 0);
        if (t > top) top = t;
    }
    return top;
}

static void test_chart_page_foot(void **state)
{
    const layout_config *cfg = *state;
    static const char *const years[] = {"2023年度", "2024年度"};
    static const char *const totals[] = {"10.00", "12.00"};
    layout_result r;
    double block_top = 842 - 37 * 72 / 25.4, pitch = 225 * 72 / 25.4 / 22;
    /* 14 lines leave 8: the chart (8 lines) fits, at its full height */
    doc d = {0};
    add_lines(&d, "甲", 14);
    add_chart(&d, make_chart(CHART_BAR, "图1：变动", 2, years, totals, NULL));
    run_layout(cfg, &d, &r);
    assert_int_equal(r.n_pages, 1);
    const layout_span *cap = find_span(&r.pages[0], "图1：");
    assert_non_null(cap);
    double h_fit = shapes_top(&r.pages[0]) - cap->y;
    layout_result_free(&r);
    doc_free(&d);
    /* 15 lines leave 7: never shrunk (aspect ratio kept); the 5 lines of
     * the paragraph after it (and a sub-heading) fill this page; the next
     * paragraph goes over and the chart follows it (never inside it) */
    add_lines(&d, "甲", 15);
    add_chart(&d, make_chart(CHART_BAR, "图1：变动", 2, years, totals, NULL));
    add_block(&d, BLOCK_HEADING, 3, "（二）小节");
    add_lines(&d, "乙", 5);
    add_lines(&d, "丙", 3);
    run_layout(cfg, &d, &r);
    assert_int_equal(r.n_pages, 2);
    assert_null(find_span(&r.pages[0], "图1："));
    assert_int_equal(count_lines(&r, 0, "乙"), 5);
    assert_non_null(find_span(&r.pages[0], "（二）小节"));
    cap = find_span(&r.pages[1], "图1：");
    assert_non_null(cap);
    assert_true(fabs((shapes_top(&r.pages[1]) - cap->y) - h_fit) < 0.01); /* same height */
    assert_true(shapes_top(&r.pages[1]) <= block_top + 0.01);
    const layout_span *c3 = find_span(&r.pages[1], "丙");
    assert_non_null(c3);
    assert_int_equal(count_lines(&r, 1, "丙"), 3);
    assert_true(c3->y > shapes_top(&r.pages[1])); /* the chart after the paragraph */
    layout_result_free(&r);
    doc_free(&d);
    /* a section heading (level 2) stops the float: the chart is set first,
     * on the next page, and the heading follows it */
    add_lines(&d, "甲", 15);
    add_chart(&d, make_chart(CHART_BAR, "图1：变动", 2, years, totals, NULL));
    add_block(&d, BLOCK_HEADING, 2, "二、下一节");
    add_lines(&d, "乙", 2);
    run_layout(cfg, &d, &r);
    assert_int_equal(r.n_pages, 2);
    assert_non_null(find_span(&r.pages[1], "图1："));
    const layout_span *h2 = find_span(&r.pages[1], "二、下一节");
    assert_non_null(h2);
    assert_true(h2->y < find_span(&r.pages[1], "图1：")->y);
    (void)pitch;
    layout_result_free(&r);
    doc_free(&d);
}

static void test_chart_refused(void **state)
{
    const layout_config *cfg = *state;
    doc d = {0};
    /* no data attached */
    block *b = add_block(&d, BLOCK_CHART, 0, NULL);
    b->arg = xstrdup("fig1");
    diag_list dl = {0};
    layout_result r = {0};
    assert_int_equal(layout_document(&d, cfg, &r, &dl), 1);
    assert_true(diags_contain(&dl, "没有图表数据"));
    diag_list_free(&dl);
    layout_result_free(&r);
    doc_free(&d);
    /* a label no font has: named with its code point at the block */
    static const char *const names[] = {"私用\xee\x80\x80"};
    static const char *const amounts[] = {"1.00"};
    static const char *const shares[] = {"100.00"};
    b = add_chart(&d, make_chart(CHART_PIE, "图2：结构", 1, names, amounts, shares));
    assert_int_equal(layout_document(&d, cfg, &r, &dl), 1);
    assert_true(diags_contain(&dl, "U+E000"));
    assert_int_equal(dl.items[0].line, b->pos.line);
    diag_list_free(&dl);
    layout_result_free(&r);
    doc_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_config_grid),
        cmocka_unit_test(test_config_errors),
        cmocka_unit_test(test_break_closing),
        cmocka_unit_test(test_break_closing_pulls_down),
        cmocka_unit_test(test_break_opening),
        cmocka_unit_test(test_break_numbers_whole),
        cmocka_unit_test(test_break_number_gaps),
        cmocka_unit_test(test_break_justify),
        cmocka_unit_test(test_break_indent),
        cmocka_unit_test(test_break_center_and_long_runs),
        cmocka_unit_test(test_page_widow_orphan),
        cmocka_unit_test(test_page_heading_keeps),
        cmocka_unit_test(test_page_breaks_and_numbers),
        cmocka_unit_test(test_page_toc_second_pass),
        cmocka_unit_test(test_page_missing_glyph),
        cmocka_unit_test(test_page_footer_outside),
        cmocka_unit_test(test_page_bad_utf8),
        cmocka_unit_test(test_break_quotes),
        cmocka_unit_test(test_break_push_in),
        cmocka_unit_test(test_break_grid_kept),
        cmocka_unit_test(test_squeeze_adjacent),
        cmocka_unit_test(test_chart_bar_pie_empty),
        cmocka_unit_test(test_chart_outside_labels_apart),
        cmocka_unit_test(test_chart_page_foot),
        cmocka_unit_test(test_break_memo_same_as_fresh),
        cmocka_unit_test(test_chart_refused),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
