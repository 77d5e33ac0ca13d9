/* test_input.c — CSV and YAML readers, table binding, and the positions
 * their error messages carry. Run from the project root. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_util.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../gen/input/input.h"

static char tmpdir[64];

static void write_file(const char *name, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static char *path_of(const char *name)
{
    static char path[256];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    return path;
}

/* The printed diagnostics as one string (caller frees). */


/* ---- CSV ---- */

static void test_csv_basic(void **state)
{
    (void)state;
    const char *text = "\xEF\xBB\xBF科目编码,科目名称,金额\r\n2080101,行政运行,\"1,337.62\"\r\n\r\n,\"合\"\"计\",3\n";
    csv_file f;
    diag_list d = {0};
    assert_int_equal(csv_parse(text, strlen(text), "x.csv", &f, &d), 0);
    assert_int_equal(d.count, 0);
    assert_int_equal(f.n_rows, 3);
    assert_int_equal(f.rows[0].n_cells, 3);
    assert_string_equal(f.rows[0].cells[0].text, "科目编码");
    assert_string_equal(f.rows[1].cells[2].text, "1,337.62");
    /* line 2: 2080101 (7 chars) + comma, 行政运行 (4) + comma → column 14 */
    assert_int_equal(f.rows[1].cells[2].line, 2);
    assert_int_equal(f.rows[1].cells[2].col, 14);
    assert_int_equal(f.rows[1].cells[1].col, 9);
    /* the blank line 3 is skipped; row 3 is on line 4 */
    assert_int_equal(f.rows[2].line, 4);
    assert_string_equal(f.rows[2].cells[1].text, "合\"计");
    assert_string_equal(f.rows[2].cells[0].text, "");
    csv_free(&f);
    diag_list_free(&d);
}

static void test_csv_multiline_quoted(void **state)
{
    (void)state;
    const char *text = "a,\"x\ny\",b\nc,d,e";
    csv_file f;
    diag_list d = {0};
    assert_int_equal(csv_parse(text, strlen(text), "m.csv", &f, &d), 0);
    assert_int_equal(f.n_rows, 2);
    assert_string_equal(f.rows[0].cells[1].text, "x\ny");
    assert_int_equal(f.rows[1].line, 3);
    assert_string_equal(f.rows[1].cells[2].text, "e");
    csv_free(&f);
    diag_list_free(&d);
}

static void test_csv_errors(void **state)
{
    (void)state;
    struct {
        const char *text, *needle;
    } cases[] = {
        {"a,b\n1,\"2\n", "e.csv:2:3: 错误: 引号没有闭合"},
        {"a,b\n1,2\"3\n", "e.csv:2:4: 错误: 未加引号的单元格中出现引号"},
        {"a,b\n1,\"2\"x\n", "e.csv:2:6: 错误: 引号结束后应是逗号或换行"},
        /* 收入 in GBK: CA D5 C8 EB */
        {"a,b\n\xCA\xD5\xC8\xEB,1\n", "e.csv:2:1: 错误: 文件不是 UTF-8 编码，看起来是 GBK/GB18030"},
        {"a\n\xFF\n", "e.csv:2:1: 错误: 文件不是合法的 UTF-8 编码"},
        {"", "e.csv:1:1: 错误: 文件为空"},
        {"\xEF\xBB\xBF", "e.csv:1:1: 错误: 文件为空"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        csv_file f;
        diag_list d = {0};
        assert_int_equal(csv_parse(cases[i].text, strlen(cases[i].text), "e.csv", &f, &d), -1);
        assert_diag_contains(&d, cases[i].needle);
        csv_free(&f);
        diag_list_free(&d);
    }
    csv_file f;
    diag_list d = {0};
    assert_int_equal(csv_read("/nonexistent/x.csv", &f, &d), -1);
    assert_diag_contains(&d, "/nonexistent/x.csv: 错误: 无法读取文件：文件不存在");
    csv_free(&f);
    diag_list_free(&d);
}

static void test_label_equal(void **state)
{
    (void)state;
    assert_true(label_equal("项 目", "项目"));
    assert_true(label_equal("　本年收入合计 ", "本年收入合计"));
    assert_false(label_equal("本年收入", "本年收入合计"));
    assert_int_equal(utf8_width("中a文", strlen("中a文")), 3);
}

/* ---- YAML ---- */

static void test_yaml_values_and_positions(void **state)
{
    (void)state;
    write_file("a.yaml", "unit:\n  name: 乐山市\n  year: 2024\n  ok: true\n  none: ~\n"
                         "list:\n  - 一\n  - \"2024\"\nbudget:\n  \"2050302\": 1046.12\n");
    value *v = NULL;
    posmap *pos = NULL;
    diag_list d = {0};
    assert_int_equal(yaml_load(path_of("a.yaml"), &v, &pos, &d), 0);
    assert_string_equal(value_get_text(value_get_path(v, "unit.name")), "乐山市");
    assert_int_equal(value_get_type(value_get_path(v, "unit.year")), VALUE_NUMBER);
    assert_int_equal(value_get_type(value_get_path(v, "unit.ok")), VALUE_BOOL);
    assert_int_equal(value_get_type(value_get_path(v, "unit.none")), VALUE_NULL);
    assert_int_equal(value_get_type(value_get_path(v, "list.1")), VALUE_STRING);
    assert_string_equal(value_get_text(value_get_path(v, "budget.2050302")), "1046.12");
    srcpos p = posmap_get(pos, "unit.year");
    assert_int_equal(p.line, 3);
    assert_int_equal(p.col, 9);
    p = posmap_get(pos, "list.0");
    assert_int_equal(p.line, 7);
    assert_int_equal(p.col, 5);
    p = posmap_get(pos, "budget.2050302");
    assert_int_equal(p.line, 10);
    assert_int_equal(p.col, 14);
    /* an absent path falls back to its nearest ancestor */
    p = posmap_get(pos, "unit.missing");
    assert_int_equal(p.line, 1);
    value_free(v);
    posmap_free(pos);
    diag_list_free(&d);
}

static void test_yaml_errors(void **state)
{
    (void)state;
    struct {
        const char *text, *needle;
    } cases[] = {
        {"a: 1\nname: [unclosed\n  : :\n", "b.yaml:3:3: 错误: YAML 格式错误"},
        {"a: 1\na: 2\n", "b.yaml:2:1: 错误: YAML 格式错误：同一层里这个键出现了两次（duplicate key）"},
        {"a: 1\n\tb: 2\n", "b.yaml:2:1: 错误: YAML 格式错误：缩进不能用 Tab 键，请改用空格"},
        {"a:1\nb: 2\n", "b.yaml:1:1: 错误: YAML 格式错误：这一行无法识别为“键: 值”：常见原因是冒号后缺少空格"},
        {"a: \"x\nb: 2\n", "b.yaml:1:4: 错误: YAML 格式错误：引号中的文字跨到下一行时缩进不对，最常见的原因是引号没有闭合"},
        {"- 1\n- 2\n", "b.yaml:1:1: 错误: YAML 文件的顶层应是映射"},
        {"a: &x 1\nb: *x\n", "不支持 YAML 别名"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        write_file("b.yaml", cases[i].text);
        value *v = NULL;
        posmap *pos = NULL;
        diag_list d = {0};
        assert_int_equal(yaml_load(path_of("b.yaml"), &v, &pos, &d), -1);
        assert_null(v);
        assert_diag_contains(&d, cases[i].needle);
        posmap_free(pos);
        diag_list_free(&d);
    }
}

/* ---- unit loading against the real templates/ ---- */

/* Copy input/leshan-2024 into the temp dir as unit "u", then apply `edit`
 * to table `file` (replace the first occurrence of `from` by `to`). */
static void make_unit(const char *file, const char *from, const char *to, const char *yaml)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "rm -rf %s/u && cp -r input/leshan-2024 %s/u", tmpdir, tmpdir);
    assert_int_equal(system(cmd), 0);
    if (yaml) write_file("u/unit.yaml", yaml);
    if (!file) return;
    char path[512];
    snprintf(path, sizeof path, "%s/u/tables/%s", tmpdir, file);
    char *text = file_read_all(path, NULL);
    assert_non_null(text);
    char *at = strstr(text, from);
    assert_non_null(at);
    FILE *f = fopen(path, "wb");
    fwrite(text, 1, (size_t)(at - text), f);
    fputs(to, f);
    fputs(at + strlen(from), f);
    fclose(f);
    free(text);
}

static int load_u(spec_set *specs, unit *u, diag_list *d)
{
    char dir[128];
    snprintf(dir, sizeof dir, "%s/u", tmpdir);
    return unit_load(dir, specs, u, d);
}

static void test_unit_load_example(void **state)
{
    (void)state;
    spec_set specs;
    diag_list d = {0};
    assert_int_equal(specs_load("templates", &specs, &d), 0);
    unit u;
    assert_int_equal(unit_load("input/leshan-2024", &specs, &u, &d), 0);
    if (d.count) fail_msg("%s", diags_text(&d));
    assert_string_equal(u.id, "leshan-2024");
    assert_int_equal(u.kind, UNIT_UNIT);
    assert_int_equal(u.year, 2024);
    assert_int_equal(u.money_unit, MONEY_WANYUAN);
    const table *t1 = unit_table(&u, "t01");
    assert_non_null(t1);
    assert_true(table_amount(t1, "income_grand_total", "amount") == INT64_C(3313320000));
    assert_true(table_amount(t1, "income_general_budget", "amount") == INT64_C(3153820000));
    assert_true(table_amount(t1, "exp_grand_total", "amount") == INT64_C(3313320000));
    /* the index of every table (table_index) finds each row a scan finds,
     * and nothing that is not there */
    for (size_t i = 0; i < u.n_tables; i++) {
        const table *t = &u.tables[i];
        assert_non_null(t->index);
        for (size_t r = 0; r < t->n_rows; r++) {
            const table_row *found = table_find_row(t, t->rows[r].key);
            size_t first = 0;
            while (strcmp(t->rows[first].key, t->rows[r].key) != 0) first++;
            assert_ptr_equal(found, &t->rows[first]);
        }
        assert_null(table_find_row(t, "9999999"));
        assert_null(table_find_row(t, ""));
    }
    /* a row added after the index is found too (the index is not used) */
    table *t5 = &u.tables[4];
    size_t n = t5->n_rows;
    t5->rows = realloc(t5->rows, (n + 1) * sizeof *t5->rows);
    t5->rows[n] = t5->rows[n - 1];
    t5->rows[n].key = xstrdup("9999999");
    t5->rows[n].label = xstrdup("x");
    t5->rows[n].cells = NULL;
    t5->n_rows = n + 1;
    assert_ptr_equal(table_find_row(t5, "9999999"), &t5->rows[n]);
    unit_free(&u);
    specs_free(&specs);
    diag_list_free(&d);
}

static void test_unit_bad_inputs(void **state)
{
    (void)state;
    spec_set specs;
    diag_list d0 = {0};
    assert_int_equal(specs_load("templates", &specs, &d0), 0);
    struct {
        const char *file, *from, *to, *yaml, *needle;
    } cases[] = {
        {"01_收入支出决算总表.csv", "3153.82", "4. 12", NULL, "01_收入支出决算总表.csv:2:"},
        {"01_收入支出决算总表.csv", "3153.82", "4. 12", NULL, "不是合法的数字"},
        {"01_收入支出决算总表.csv", "3153.82", "\"1,0.2\"", NULL, "千位分隔符位置不对"},
        {"01_收入支出决算总表.csv", "3153.82", "3153.82,", NULL, "01_收入支出决算总表.csv:2:1: 错误: 应有 6 列，实有 7 列"},
        {"01_收入支出决算总表.csv", "3153.82", "１２.３", NULL, "含全角数字"},
        {"01_收入支出决算总表.csv", "3153.82", "99999999999999999", NULL, "数值超出范围"},
        {"01_收入支出决算总表.csv", "一、一般公共预算财政拨款收入", "一、一般公共预算收入", NULL, "不是收入支出决算总表左栏规定的项目"},
        {"01_收入支出决算总表.csv", "项目", "项", NULL, "01_收入支出决算总表.csv:1:1: 错误: 第 1 列的表头应为“项目”，实为“项”"},
        {NULL, NULL, NULL, "unit:\n  name: x\n  kind: 机关\n  year: 2024\n  published: 2025-02-30\n  money_unit: 千元\n",
         "unit.yaml:3:9: 错误: unit.kind 应为“部门”或“单位”，实为“机关”"},
        {NULL, NULL, NULL, "unit:\n  name: x\n  kind: 单位\n  year: 2024\n  published: 2025-02-30\n  money_unit: 万元\n",
         "unit.yaml:5:14: 错误: unit.published 应是日期 YYYY-MM-DD"},
        {NULL, NULL, NULL, "unit:\n  name: x\n  kind: 单位\n  year: 2024\n  published: 2025-02-03\n  money_unit: 千元\n",
         "unit.yaml:6:15: 错误: unit.money_unit 应为“元”或“万元”"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        make_unit(cases[i].file, cases[i].from, cases[i].to, cases[i].yaml);
        unit u;
        diag_list d = {0};
        assert_int_equal(load_u(&specs, &u, &d), -1);
        assert_diag_contains(&d, cases[i].needle);
        unit_free(&u);
        diag_list_free(&d);
    }
    /* a missing table file is named */
    make_unit(NULL, NULL, NULL, NULL);
    char cmd[256];
    snprintf(cmd, sizeof cmd, "rm %s/u/tables/01_收入支出决算总表.csv", tmpdir);
    assert_int_equal(system(cmd), 0);
    unit u;
    diag_list d = {0};
    assert_int_equal(load_u(&specs, &u, &d), -1);
    assert_diag_contains(&d, "01_收入支出决算总表.csv: 错误: 无法读取文件：文件不存在");
    unit_free(&u);
    diag_list_free(&d);
    /* the unit id may not be ".." */
    assert_int_equal(unit_load("input/..", &specs, &u, &d), -1);
    assert_diag_contains(&d, "不可用");
    unit_free(&u);
    diag_list_free(&d);
    specs_free(&specs);
    diag_list_free(&d0);
}

static int setup(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/juesuan-test-XXXXXX");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_csv_basic),
        cmocka_unit_test(test_csv_multiline_quoted),
        cmocka_unit_test(test_csv_errors),
        cmocka_unit_test(test_label_equal),
        cmocka_unit_test(test_yaml_values_and_positions),
        cmocka_unit_test(test_yaml_errors),
        cmocka_unit_test(test_unit_load_example),
        cmocka_unit_test(test_unit_bad_inputs),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
