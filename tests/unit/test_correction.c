/* test_correction.c — what `juesuan diff` and the 更正说明 rest on: the
 * facts of a notice (gen/facts/correction.c: grouping by document and page,
 * numbering, wording choices), where each line of a laid-out document
 * landed (gen/layout layout_place_page), and the workbook address of a grid
 * cell (gen/xlsx xlsx_cell_address). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_util.h"

#include "../../gen/layout/layout.h"
#include "../../gen/xlsx/xlsx.h"

#define S(x) ((char *)(x))

static const char *text_at(const value *root, const char *path)
{
    const char *t = value_get_text(value_get_path(root, path));
    return t ? t : "(none)";
}

static void test_facts_grouped(void **state)
{
    (void)state;
    const correction_item items[] = {
        {"乙单位决算", 45, "公开03表“合计”行“项目支出”栏", "1,665.04", "1,666.04"},
        {"甲报告", 7, NULL, "旧句。", "新句。"},
        {"乙单位决算", 4, "", "收、支总计均为3313.32万元。", "收、支总计均为3314.32万元。"},
        {"乙单位决算", 45, "公开03表“合计”行“本年支出合计”栏", "3,313.32", "3,314.32"},
        {"甲报告", 0, NULL, "甲单位", "甲单位（机关）"},
    };
    value *c = facts_correction("乙单位", items, 5, 2025, 10, 9);
    assert_string_equal(text_at(c, "date"), "2025年10月9日");
    assert_string_equal(text_at(c, "count"), "5");
    assert_string_equal(text_at(c, "unit.name"), "乙单位");
    const value *docs = value_get(c, "documents");
    assert_int_equal(value_count(docs), 2);
    /* documents in the order they first appear */
    assert_string_equal(text_at(value_at(docs, 0), "title"), "乙单位决算");
    assert_string_equal(text_at(value_at(docs, 0), "number_cn"), "一");
    assert_string_equal(text_at(value_at(docs, 1), "title"), "甲报告");
    assert_string_equal(text_at(value_at(docs, 1), "number_cn"), "二");
    /* pages ascending, a page's items in the order given */
    const value *pages = value_get(value_at(docs, 0), "pages");
    assert_int_equal(value_count(pages), 2);
    assert_string_equal(text_at(value_at(pages, 0), "place"), "第4页");
    assert_string_equal(text_at(value_at(pages, 1), "place"), "第45页");
    const value *p45 = value_get(value_at(pages, 1), "items");
    assert_int_equal(value_count(p45), 2);
    assert_string_equal(text_at(value_at(p45, 0), "old"), "1,665.04");
    assert_string_equal(text_at(value_at(p45, 1), "new"), "3,314.32");
    assert_true(value_get_bool(value_get(value_at(p45, 0), "has_where")));
    /* numbered across the notice, documents in turn */
    const value *p4 = value_at(value_get(value_at(pages, 0), "items"), 0);
    assert_string_equal(text_at(p4, "number"), "1");
    assert_string_equal(text_at(value_at(p45, 1), "number"), "3");
    assert_false(value_get_bool(value_get(p4, "has_where"))); /* "" is no place */
    /* a quoted sentence ends the item; a figure gets its 。 */
    assert_string_equal(text_at(p4, "end"), "");
    assert_string_equal(text_at(value_at(p45, 0), "end"), "。");
    /* a page without a number is the cover, before the numbered pages */
    const value *jp = value_get(value_at(docs, 1), "pages");
    assert_string_equal(text_at(value_at(jp, 0), "place"), "封面");
    assert_string_equal(text_at(value_at(value_get(value_at(jp, 0), "items"), 0), "number"), "4");
    assert_string_equal(text_at(value_at(jp, 1), "place"), "第7页");
    value_free(c);

    value *none = facts_correction("乙单位", NULL, 0, 2025, 1, 2);
    assert_int_equal(value_count(value_get(none, "documents")), 0);
    assert_string_equal(text_at(none, "date"), "2025年1月2日");
    value_free(none);
}

static void test_cell_address(void **state)
{
    (void)state;
    int widths[30] = {0};
    table_grid g = {0};
    g.sheet = S("01收入支出决算总表");
    g.org_line = S("编制单位：乙单位");
    g.unit_line = S("单位：万元");
    g.cols = 6, g.rows = 40, g.widths = widths;
    /* label, title, 编制单位 line: the grid starts on the fourth row */
    assert_int_equal(xlsx_grid_top(&g), 3);
    char *a = xlsx_cell_address(&g, 9, 2);
    assert_string_equal(a, "01收入支出决算总表!C13");
    free(a);
    g.cols = 30;
    a = xlsx_cell_address(&g, 0, 26);
    assert_string_equal(a, "01收入支出决算总表!AA4");
    free(a);
    /* a 自评表 has no 编制单位 line; a blank in the sheet name is quoted */
    table_grid p = {0};
    p.sheet = S("自评表01 物业管理费");
    p.org_line = S(""), p.unit_line = S("");
    p.cols = 4, p.rows = 20, p.widths = widths;
    assert_int_equal(xlsx_grid_top(&p), 2);
    a = xlsx_cell_address(&p, 5, 3);
    assert_string_equal(a, "'自评表01 物业管理费'!D8");
    free(a);
    p.sheet = S("O'Brien");
    a = xlsx_cell_address(&p, 0, 0);
    assert_string_equal(a, "'O''Brien'!A3");
    free(a);
}

/* Every line of every paragraph is recorded on the page that draws it. */
static void test_places(void **state)
{
    (void)state;
    diag_list dl = {0};
    layout_config *cfg = layout_config_load("templates/style.yaml", "fonts/fonts.yaml", ".", &dl);
    if (!cfg) diag_print(&dl, stderr);
    assert_non_null(cfg);
    doc d = {0};
    add_block(&d, BLOCK_HEADING, 1, "第一部分");
    buf long_text = {0};
    for (int i = 0; i < 40; i++) buf_printf(&long_text, "第%d句，收、支总计均为3313.32万元。", i + 1);
    add_block(&d, BLOCK_PARAGRAPH, 0, buf_cstr(&long_text));
    add_block(&d, BLOCK_PARAGRAPH, 0, "最后一段。");
    layout_result r = {0};
    assert_int_equal(layout_document(&d, cfg, &r, &dl), 0);
    assert_true(r.n_pages >= 2);
    size_t lines = 0;
    for (size_t i = 0; i < r.n_places; i++) {
        const layout_place *p = &r.places[i];
        assert_true(p->page < r.n_pages);
        assert_int_equal(p->row, -1);
        if (p->block != 1) continue;
        lines++;
        /* the line's text is a span of its page */
        const char *t = d.blocks[1].text;
        bool found = false;
        for (size_t k = 0; k < r.pages[p->page].n_spans && !found; k++)
            found = strncmp(r.pages[p->page].spans[k].text, t + p->start,
                            strlen(r.pages[p->page].spans[k].text)) == 0;
        assert_true(found);
        assert_int_equal(layout_place_page(&r, 1, p->start, -1), p->page);
    }
    assert_true(lines > 22); /* more than a page of lines */
    size_t len = strlen(d.blocks[1].text);
    assert_int_equal(layout_place_page(&r, 1, 0, -1), 0);
    assert_true(layout_place_page(&r, 1, len - 1, -1) >= 1);      /* its end is overleaf */
    assert_int_equal(layout_place_page(&r, 0, 0, -1), 0);         /* the heading */
    assert_int_equal(layout_place_page(&r, 2, 0, -1), r.n_pages - 1);
    assert_int_equal(layout_place_page(&r, 1, 0, 3), (size_t)-1); /* no table rows */
    assert_int_equal(layout_place_page(&r, 9, 0, -1), (size_t)-1); /* no such block */
    layout_result_free(&r);
    doc_free(&d);
    buf_free(&long_text);
    layout_config_free(cfg);
    diag_list_free(&dl);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_facts_grouped),
        cmocka_unit_test(test_cell_address),
        cmocka_unit_test(test_places),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
