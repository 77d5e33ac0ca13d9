/* test_value.c — unit tests for gen/model/value.c (and buf_printf of
 * gen/model/util.c, which it writes with). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "../../gen/model/model.h"

/* The JSON text of a tree (caller frees). */
static char *json_of(const value *v)
{
    buf b = {0};
    value_write_json(v, &b);
    return buf_detach(&b);
}

/* Assert that a tree serialises to exactly `want`. */
static void assert_json(const value *v, const char *want)
{
    char *got = json_of(v);
    assert_string_equal(got, want);
    free(got);
}

static void test_scalars(void **state)
{
    (void)state;
    value *n = value_new_null();
    value *t = value_new_bool(true);
    value *f = value_new_bool(false);
    value *num = value_new_number("1.21");
    value *i = value_new_int(-42);
    value *imin = value_new_int(INT64_MIN);
    value *s = value_new_string("收入");
    value *sf = value_new_stringf("%s合计%d项", "支出", 3);
    value *empty = value_new_stringf("%s", "");

    assert_int_equal(value_get_type(n), VALUE_NULL);
    assert_int_equal(value_get_type(t), VALUE_BOOL);
    assert_int_equal(value_get_type(num), VALUE_NUMBER);
    assert_int_equal(value_get_type(i), VALUE_NUMBER);
    assert_int_equal(value_get_type(s), VALUE_STRING);
    assert_int_equal(value_get_type(sf), VALUE_STRING);

    assert_true(value_get_bool(t));
    assert_false(value_get_bool(f));
    assert_false(value_get_bool(s)); /* not a bool */
    assert_false(value_get_bool(NULL));

    assert_string_equal(value_get_text(num), "1.21");
    assert_string_equal(value_get_text(i), "-42");
    assert_string_equal(value_get_text(imin), "-9223372036854775808");
    assert_string_equal(value_get_text(s), "收入");
    assert_string_equal(value_get_text(sf), "支出合计3项");
    assert_string_equal(value_get_text(empty), "");
    assert_null(value_get_text(n));
    assert_null(value_get_text(t));
    assert_null(value_get_text(NULL));

    /* scalars have no children */
    assert_int_equal(value_count(s), 0);
    assert_int_equal(value_count(NULL), 0);
    assert_null(value_at(s, 0));
    assert_null(value_key_at(s, 0));
    assert_null(value_get(s, "x"));
    assert_null(value_get_path(s, "x"));

    /* the text is a copy */
    char text[] = "abc";
    value *copy = value_new_string(text);
    text[0] = 'X';
    assert_string_equal(value_get_text(copy), "abc");

    value *vs[] = {n, t, f, num, i, imin, s, sf, empty, copy};
    for (size_t k = 0; k < sizeof vs / sizeof vs[0]; k++)
        value_free(vs[k]);
    value_free(NULL);
}

static void test_list(void **state)
{
    (void)state;
    value *l = value_new_list();
    assert_int_equal(value_get_type(l), VALUE_LIST);
    assert_int_equal(value_count(l), 0);
    assert_null(value_at(l, 0));

    value *a = value_new_int(1);
    assert_ptr_equal(value_append(l, a), a);
    value_append(l, value_new_string("二"));
    value_append(l, value_new_null());
    for (int k = 0; k < 100; k++) /* grows past the initial capacity */
        value_append(l, value_new_int(k));

    assert_int_equal(value_count(l), 103);
    assert_ptr_equal(value_at(l, 0), a);
    assert_string_equal(value_get_text(value_at(l, 1)), "二");
    assert_int_equal(value_get_type(value_at(l, 2)), VALUE_NULL);
    assert_string_equal(value_get_text(value_at(l, 102)), "99");
    assert_null(value_at(l, 103));
    assert_null(value_key_at(l, 0)); /* lists have no keys */
    assert_null(value_get(l, "0"));  /* value_get is for maps only */
    value_free(l);
}

static void test_map_build_and_replace(void **state)
{
    (void)state;
    value *m = value_new_map();
    assert_int_equal(value_get_type(m), VALUE_MAP);
    assert_int_equal(value_count(m), 0);
    assert_null(value_get(m, "a"));

    value *s = value_set_string(m, "名称", "乐山");
    assert_string_equal(value_get_text(s), "乐山");
    value_set_int(m, "年度", 2024);
    value_set_bool(m, "公开", true);
    value *z = value_new_null();
    assert_ptr_equal(value_set(m, "z", z), z);
    assert_int_equal(value_count(m), 4);

    /* keys in insertion order */
    assert_string_equal(value_key_at(m, 0), "名称");
    assert_string_equal(value_key_at(m, 1), "年度");
    assert_string_equal(value_key_at(m, 2), "公开");
    assert_string_equal(value_key_at(m, 3), "z");
    assert_null(value_key_at(m, 4));
    assert_ptr_equal(value_at(m, 3), z);
    assert_null(value_at(m, 4));

    /* replacing keeps the position and the count */
    value_set_int(m, "年度", 2025);
    value_set_string(m, "名称", "成都");
    assert_int_equal(value_count(m), 4);
    assert_string_equal(value_key_at(m, 0), "名称");
    assert_string_equal(value_key_at(m, 1), "年度");
    assert_string_equal(value_get_text(value_get(m, "年度")), "2025");
    assert_string_equal(value_get_text(value_get(m, "名称")), "成都");
    assert_true(value_get_bool(value_get(m, "公开")));

    /* replacing with another type */
    value *sub = value_set(m, "公开", value_new_map());
    assert_ptr_equal(value_get(m, "公开"), sub);
    assert_int_equal(value_get_type(value_at(m, 2)), VALUE_MAP);

    /* setting the same child again is harmless */
    assert_ptr_equal(value_set(m, "z", z), z);
    assert_ptr_equal(value_get(m, "z"), z);
    assert_int_equal(value_count(m), 4);

    /* lookups are exact: no prefixes, case-sensitive */
    assert_null(value_get(m, "名"));
    assert_null(value_get(m, "Z"));
    assert_null(value_get(m, ""));
    assert_null(value_get(m, NULL));
    assert_null(value_get(NULL, "z"));

    /* the key is a copy */
    char key[] = "kk";
    value_set_int(m, key, 1);
    key[0] = 'X';
    assert_non_null(value_get(m, "kk"));
    assert_null(value_get(m, "Xk"));

    for (int k = 0; k < 50; k++) {
        char name[16];
        snprintf(name, sizeof name, "k%d", k);
        value_set_int(m, name, k);
    }
    assert_int_equal(value_count(m), 55);
    assert_string_equal(value_get_text(value_get(m, "k49")), "49");
    assert_string_equal(value_key_at(m, 54), "k49");
    value_free(m);
}

/* The tree used by the path and JSON tests. */
static value *sample_tree(void)
{
    value *root = value_new_map();
    value_set_string(root, "单位", "乐山市人力资源和社会保障局（机关）");
    value_set_int(root, "年度", 2024);
    value_set_bool(root, "部门", true);
    value_set(root, "备注", value_new_null());
    value_set(root, "比例", value_new_number("95.19"));
    value_set_string(root, "escape",
                     "他说\"好\"\\路径\n第二行\t制表\x01结束\r\x1f\x7f");
    value *items = value_set(root, "items", value_new_list());
    value_append(items, value_new_int(1));
    value_append(items, value_new_string("二"));
    value *m = value_append(items, value_new_map());
    value_set_bool(m, "k", false);
    value_append(items, value_new_list());
    value_append(items, value_new_map());
    value *a = value_set(value_set(root, "nested", value_new_map()), "a", value_new_map());
    value_set_string(value_set(a, "b", value_new_map()), "c", "深");
    value_set_string(root, "k\"ey\n", "v");
    value_set_int(root, "年度", 2025); /* replaced in place */
    return root;
}

static void test_path(void **state)
{
    (void)state;
    value *root = sample_tree();
    assert_string_equal(value_get_text(value_get_path(root, "nested.a.b.c")), "深");
    assert_int_equal(value_get_type(value_get_path(root, "nested.a.b")), VALUE_MAP);
    assert_ptr_equal(value_get_path(root, "nested"), value_get(root, "nested"));
    assert_string_equal(value_get_text(value_get_path(root, "年度")), "2025");
    assert_string_equal(value_get_text(value_get_path(root, "items.1")), "二");
    assert_string_equal(value_get_text(value_get_path(root, "items.0")), "1");
    assert_int_equal(value_get_type(value_get_path(root, "items.2.k")), VALUE_BOOL);
    assert_int_equal(value_get_type(value_get_path(root, "items.4")), VALUE_MAP);
    assert_string_equal(value_get_text(value_get_path(root, "items.01")), "二");

    assert_null(value_get_path(root, "items.5"));
    assert_null(value_get_path(root, "items.x"));
    assert_null(value_get_path(root, "items.-1"));
    assert_null(value_get_path(root, "items.1a"));
    assert_null(value_get_path(root, "items.99999999999999999999999999"));
    assert_null(value_get_path(root, "nested.a.b.c.d")); /* through a string */
    assert_null(value_get_path(root, "nested.x"));
    assert_null(value_get_path(root, "nested..a"));
    assert_null(value_get_path(root, ".nested"));
    assert_null(value_get_path(root, "nested."));
    assert_null(value_get_path(root, "nested.a.b.c."));
    assert_null(value_get_path(root, ""));
    assert_null(value_get_path(root, NULL));
    assert_null(value_get_path(NULL, "a"));
    assert_null(value_get_path(root, "nest"));
    assert_null(value_get_path(root, "nested.ab"));

    /* a numeric segment in a map is a key */
    value *m = value_new_map();
    value_set_string(value_set(m, "2024", value_new_map()), "0", "x");
    assert_string_equal(value_get_text(value_get_path(m, "2024.0")), "x");
    value_free(m);

    /* a path may start from a list */
    const value *items = value_get(root, "items");
    assert_int_equal(value_get_type(value_get_path(items, "2.k")), VALUE_BOOL);
    assert_string_equal(value_get_text(value_get_path(items, "1")), "二");
    value_free(root);
}

static void test_json_nested(void **state)
{
    (void)state;
    value *root = sample_tree();
    assert_json(root,
                "{\n"
                "  \"单位\": \"乐山市人力资源和社会保障局（机关）\",\n"
                "  \"年度\": 2025,\n"
                "  \"部门\": true,\n"
                "  \"备注\": null,\n"
                "  \"比例\": 95.19,\n"
                "  \"escape\": \"他说\\\"好\\\"\\\\路径\\n第二行\\t制表\\u0001结束\\u000d\\u001f\x7f\",\n"
                "  \"items\": [\n"
                "    1,\n"
                "    \"二\",\n"
                "    {\n"
                "      \"k\": false\n"
                "    },\n"
                "    [],\n"
                "    {}\n"
                "  ],\n"
                "  \"nested\": {\n"
                "    \"a\": {\n"
                "      \"b\": {\n"
                "        \"c\": \"深\"\n"
                "      }\n"
                "    }\n"
                "  },\n"
                "  \"k\\\"ey\\n\": \"v\"\n"
                "}\n");
    /* the same tree always gives the same bytes */
    char *a = json_of(root), *b = json_of(root);
    assert_string_equal(a, b);
    free(a);
    free(b);
    value_free(root);
}

static void test_json_small(void **state)
{
    (void)state;
    value *v = value_new_map();
    assert_json(v, "{}\n");
    value_free(v);

    v = value_new_list();
    assert_json(v, "[]\n");
    value_append(v, value_new_bool(true));
    assert_json(v, "[\n  true\n]\n");
    value_free(v);

    v = value_new_string("a\"b\\c/d\be\ff");
    assert_json(v, "\"a\\\"b\\\\c/d\\u0008e\\u000cf\"\n");
    value_free(v);

    v = value_new_null();
    assert_json(v, "null\n");
    value_free(v);

    v = value_new_int(0);
    assert_json(v, "0\n");
    value_free(v);

    v = value_new_string("");
    assert_json(v, "\"\"\n");
    value_free(v);

    /* UTF-8 (including U+2028 and an emoji) is copied byte for byte */
    v = value_new_string("中\xE2\x80\xA8\xF0\x9F\x98\x80");
    assert_json(v, "\"中\xE2\x80\xA8\xF0\x9F\x98\x80\"\n");
    value_free(v);

    /* a list of lists */
    v = value_new_list();
    value *inner = value_append(v, value_new_list());
    value_append(inner, value_new_number("-1.5e3"));
    value_append(v, value_new_map());
    assert_json(v, "[\n  [\n    -1.5e3\n  ],\n  {}\n]\n");
    value_free(v);

    /* writing appends to what the buffer already holds */
    buf b = {0};
    buf_puts(&b, "x=");
    v = value_new_bool(false);
    value_write_json(v, &b);
    assert_string_equal(buf_cstr(&b), "x=false\n");
    buf_free(&b);
    value_free(v);
}

/* buf_printf formats into the room the buffer has and again when that is
 * too small: short and long pieces, after text already there, equal what
 * snprintf makes of the whole. */
static void test_buf_printf_grows(void **state)
{
    (void)state;
    buf b = {0};
    char want[4096] = "", piece[600];
    size_t len = 0;
    for (int i = 0; i < 40; i++) {
        int w = (i * 37) % 500; /* widths across the buffer's room */
        buf_printf(&b, "%d:%*s|", i, w, "x");
        snprintf(piece, sizeof piece, "%d:%*s|", i, w, "x");
        memcpy(want + len, piece, strlen(piece) + 1);
        len += strlen(piece);
        if (len > 3000) break;
    }
    assert_int_equal(b.len, len);
    assert_string_equal(buf_cstr(&b), want);
    buf_printf(&b, "%s", ""); /* nothing added, still terminated */
    assert_int_equal(b.len, len);
    assert_int_equal(b.data[b.len], '\0');
    buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_scalars),
        cmocka_unit_test(test_list),
        cmocka_unit_test(test_map_build_and_replace),
        cmocka_unit_test(test_path),
        cmocka_unit_test(test_json_nested),
        cmocka_unit_test(test_json_small),
        cmocka_unit_test(test_buf_printf_grows),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
