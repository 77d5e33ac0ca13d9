/* test_diag.c — diagnostics: sorted printing, the cap on repeated messages
 * per rule (or message kind) and file, and the environment's words. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <errno.h>

#include "test_util.h"

static size_t lines_of(const char *t)
{
    size_t n = 0;
    for (; *t; t++) n += *t == '\n';
    return n;
}

/* A million-fold repeat prints the first DIAG_REPEATS_SHOWN and one count
 * line; the error count still counts every one. */
static void test_repeats_capped(void **state)
{
    (void)state;
    diag_list d = {0};
    for (int i = 1; i <= 100000; i++)
        diag_add(&d, DIAG_ERROR, "X01-DUP", (srcpos){"a.csv", i + 1, 1}, "第 %d 行重复", i);
    diag_add(&d, DIAG_WARNING, "X01-DUP", (srcpos){"a.csv", 5, 1}, "警告也分开计数");
    diag_add(&d, DIAG_ERROR, "X01-DUP", (srcpos){"b.csv", 7, 1}, "另一个文件的照常列出");
    assert_int_equal(d.count, DIAG_REPEATS_SHOWN + 2);
    assert_int_equal(diag_error_count(&d), 100001);
    char *t = diags_text(&d);
    assert_int_equal(lines_of(t), DIAG_REPEATS_SHOWN + 3);
    assert_non_null(strstr(t, "a.csv:11:1: 错误 [X01-DUP]: 第 10 行重复\n"
                              "a.csv: 错误 [X01-DUP]: 同类错误另有 99990 条未列出（每个文件的同一类消息只列出前 10 条）\n"
                              "b.csv:7:1: 错误 [X01-DUP]: 另一个文件的照常列出\n"));
    assert_null(strstr(t, "第 11 行重复"));
    assert_non_null(strstr(t, "a.csv:5:1: 警告 [X01-DUP]: 警告也分开计数\n"));
    free(t);
    diag_list_free(&d);
}

/* A rule marked show-all keeps every message (a list needed whole). */
static void test_show_all(void **state)
{
    (void)state;
    diag_list d = {0};
    diag_show_all(&d, "Y-MISSING");
    diag_show_all(&d, "Y-MISSING");
    for (int i = 0; i < 25; i++) {
        diag_add(&d, DIAG_ERROR, "Y-MISSING", (srcpos){"unit.yaml", i + 1, 1}, "还缺 key%d", i);
        diag_add(&d, DIAG_ERROR, "X-OTHER", (srcpos){"unit.yaml", i + 1, 2}, "其他 %d", i);
    }
    assert_int_equal(d.count, 25 + DIAG_REPEATS_SHOWN);
    assert_int_equal(diag_error_count(&d), 50);
    char *t = diags_text(&d);
    assert_non_null(strstr(t, "unit.yaml:25:1: 错误 [Y-MISSING]: 还缺 key24\n"));
    assert_non_null(strstr(t, "同类错误另有 15 条未列出"));
    free(t);
    diag_list_free(&d);
}

/* Without a rule, a message's kind is its format: two formats are two kinds. */
static void test_ruleless_kinds(void **state)
{
    (void)state;
    diag_list d = {0};
    for (int i = 0; i < 30; i++) {
        diag_error(&d, (srcpos){"c.csv", 100 + i, 2}, "金额“%d”不是合法的数字", i);
        diag_error(&d, (srcpos){"c.csv", 100 + i, 3}, "科目编码“%d”不存在", i);
    }
    assert_int_equal(d.count, 2 * DIAG_REPEATS_SHOWN);
    assert_int_equal(diag_error_count(&d), 60);
    char *t = diags_text(&d);
    /* sorted by position; each kind's count after its last line shown */
    assert_non_null(strstr(t, "c.csv:109:2: 错误: 金额“9”不是合法的数字\n"
                              "c.csv: 错误: 同类错误另有 20 条未列出"));
    assert_non_null(strstr(t, "c.csv:109:3: 错误: 科目编码“9”不存在\n"
                              "c.csv: 错误: 同类错误另有 20 条未列出"));
    assert_int_equal(lines_of(t), 2 * DIAG_REPEATS_SHOWN + 2);
    free(t);
    diag_list_free(&d);
}

/* Out-of-order messages print in position order, ties in insertion order. */
static void test_sorted_stable(void **state)
{
    (void)state;
    diag_list d = {0};
    diag_error(&d, (srcpos){"z.csv", 2, 1}, "z2");
    diag_error(&d, (srcpos){"a.csv", 3, 1}, "a3 first");
    diag_error(&d, SRCPOS_NONE, "no place");
    diag_error(&d, (srcpos){"a.csv", 1, 1}, "a1");
    diag_add(&d, DIAG_WARNING, "R", (srcpos){"a.csv", 3, 1}, "a3 second");
    char *t = diags_text(&d);
    assert_string_equal(t, "juesuan: 错误: no place\n"
                           "a.csv:1:1: 错误: a1\n"
                           "a.csv:3:1: 错误: a3 first\n"
                           "a.csv:3:1: 警告 [R]: a3 second\n"
                           "z.csv:2:1: 错误: z2\n");
    free(t);
    diag_list_free(&d);
}

/* The environment's errors in words, with the path (a temporary file's
 * folder), and exit status 4. */
static void test_env_words(void **state)
{
    (void)state;
    assert_string_equal(env_error_words(ENOSPC), "磁盘空间不足");
    assert_string_equal(env_error_words(EACCES), "没有写入权限");
    assert_string_equal(env_error_words(ENAMETOOLONG), "文件名过长");
    assert_non_null(strstr(env_error_words(EROFS), "只读"));
    assert_non_null(strstr(env_error_words(EXDEV), "errno"));
    diag_list d = {0};
    assert_int_equal(diag_env_error(&d, "out/x/.juesuan-AbC123", ENOSPC, "无法写入 PDF 文件"), ENV_FAILURE);
    assert_int_equal(diag_env_error(&d, "out/x/a.pdf", EACCES, "无法写入输出文件"), ENV_FAILURE);
    char *t = diags_text(&d);
    assert_string_equal(t, "out/x: 错误: 无法写入 PDF 文件：磁盘空间不足\n"
                           "out/x/a.pdf: 错误: 无法写入输出文件：没有写入权限\n");
    free(t);
    diag_list_free(&d);
}

/* xgrow: appending one at a time keeps every element. */
static void test_xgrow(void **state)
{
    (void)state;
    int *a = NULL;
    size_t n = 0;
    for (int i = 0; i < 100000; i++) {
        a = xgrow(a, n, sizeof *a);
        a[n++] = i;
    }
    for (size_t i = 0; i < n; i++) assert_int_equal(a[i], (int)i);
    free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_repeats_capped),
        cmocka_unit_test(test_ruleless_kinds),
        cmocka_unit_test(test_show_all),
        cmocka_unit_test(test_sorted_stable),
        cmocka_unit_test(test_env_words),
        cmocka_unit_test(test_xgrow),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
