/* test_doc.c — the block markup parser (gen/doc). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_util.h"

#include <stdlib.h>
#include <string.h>

#include "../../gen/doc/doc.h"


static void test_blocks(void **state)
{
    (void)state;
    const char *m = "@cover\ntitle: 2024年度\ntitle: 乐山市\nsub: 副题\ndate: 公开时间：2025年9月18日\n\n"
                    "@toc\n\n# 第一部分 单位概况\n\n## 一、主要职责\n\n（一）拟订\n全市规划。\n\n"
                    "@noindent\n不缩进的段落\n@table t01\n@chart fig1\n@pagebreak\n### （一）小节\n\\#不是标题\n";
    doc d = {0};
    diag_list dl = {0};
    assert_int_equal(doc_parse(m, "m", &d, &dl), 0);
    assert_int_equal(dl.count, 0);
    assert_int_equal(d.count, 11);
    assert_int_equal(d.blocks[0].type, BLOCK_COVER);
    assert_int_equal(d.blocks[0].n_lines, 4);
    assert_int_equal(d.blocks[0].lines[0].kind, COVER_TITLE);
    assert_string_equal(d.blocks[0].lines[1].text, "乐山市");
    assert_int_equal(d.blocks[0].lines[2].kind, COVER_SUB);
    assert_int_equal(d.blocks[0].lines[3].kind, COVER_DATE);
    assert_string_equal(d.blocks[0].lines[3].text, "公开时间：2025年9月18日");
    assert_int_equal(d.blocks[1].type, BLOCK_TOC);
    assert_int_equal(d.blocks[2].type, BLOCK_HEADING);
    assert_int_equal(d.blocks[2].level, 1);
    assert_string_equal(d.blocks[2].text, "第一部分 单位概况");
    assert_int_equal(d.blocks[2].pos.line, 9);
    assert_int_equal(d.blocks[3].level, 2);
    /* paragraph lines are joined without a space (Chinese) */
    assert_int_equal(d.blocks[4].type, BLOCK_PARAGRAPH);
    assert_string_equal(d.blocks[4].text, "（一）拟订全市规划。");
    assert_false(d.blocks[4].noindent);
    assert_int_equal(d.blocks[4].pos.line, 13);
    assert_int_equal(d.blocks[5].type, BLOCK_PARAGRAPH);
    assert_true(d.blocks[5].noindent);
    assert_string_equal(d.blocks[5].text, "不缩进的段落");
    assert_int_equal(d.blocks[6].type, BLOCK_TABLE);
    assert_string_equal(d.blocks[6].arg, "t01");
    assert_int_equal(d.blocks[7].type, BLOCK_CHART);
    assert_string_equal(d.blocks[7].arg, "fig1");
    assert_int_equal(d.blocks[8].type, BLOCK_PAGEBREAK);
    assert_int_equal(d.blocks[9].type, BLOCK_HEADING);
    assert_int_equal(d.blocks[9].level, 3);
    assert_string_equal(d.blocks[10].text, "#不是标题");
    doc_free(&d);
    diag_list_free(&dl);

    /* an escaped # is text; the last line needs no newline */
    assert_int_equal(doc_parse("\\#不是标题\n第二行", "m", &d, &dl), 0);
    assert_int_equal(d.count, 1);
    assert_string_equal(d.blocks[0].text, "#不是标题第二行");
    doc_free(&d);
    diag_list_free(&dl);
}

/* @headings N: the headings after it N levels deeper (at most 4), until
 * @headings 0; @above: a flush-left paragraph kept on the next heading's page */
static void test_headings(void **state)
{
    (void)state;
    const char *m = "# 第四部分 附件\n\n@headings 1\n\n@above\n附件1\n\n# 报告\n\n## 一、\n\n#### 1.深\n\n"
                    "@headings 0\n\n# 第五部分\n\n@headings 4\n";
    doc d = {0};
    diag_list dl = {0};
    assert_int_equal(doc_parse(m, "m", &d, &dl), -1); /* @headings 4: beyond 3 */
    assert_non_null(strstr(dl.items[0].message, "未知的指令“@headings 4”"));
    assert_int_equal(dl.items[0].line, 18);
    assert_int_equal(d.count, 6);
    assert_int_equal(d.blocks[0].level, 1);
    assert_int_equal(d.blocks[1].type, BLOCK_PARAGRAPH);
    assert_true(d.blocks[1].above);
    assert_true(d.blocks[1].noindent);
    assert_string_equal(d.blocks[1].text, "附件1");
    assert_int_equal(d.blocks[2].level, 2);
    assert_int_equal(d.blocks[3].level, 3);
    assert_int_equal(d.blocks[4].level, 4); /* 4 + 1, kept at 4 */
    assert_int_equal(d.blocks[5].level, 1);
    doc_free(&d);
    diag_list_free(&dl);
}

static void test_errors(void **state)
{
    (void)state;
    struct {
        const char *markup, *needle;
    } cases[] = {
        {"段落\n\n@tables x\n", "m:3:1: 错误: 未知的指令“@tables x”"},
        {"@table\n", "m:1:1: 错误: 未知的指令"},
        {"#####太深\n", "m:1:1: 错误: 标题标记应为 1 至 4 个 # 加空格"},
        {"#标题\n", "m:1:1: 错误: 标题标记应为 1 至 4 个 # 加空格"},
        {"#  \n", "m:1:1: 错误: 标题没有文字"},
        {"@cover\ntitle: a\nfoo: b\n", "m:3:1: 错误: 封面行应以 title:、sub: 或 date: 开头"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        doc d = {0};
        diag_list dl = {0};
        assert_int_equal(doc_parse(cases[i].markup, "m", &d, &dl), -1);
        char *t = diags_text(&dl);
        if (!strstr(t, cases[i].needle)) fail_msg("case %zu: expected “%s” in:\n%s", i, cases[i].needle, t);
        free(t);
        doc_free(&d);
        diag_list_free(&dl);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_blocks),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_headings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
