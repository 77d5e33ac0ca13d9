/* test_facts.c — the wording rules of gen/facts: change against last year,
 * shares, completion against budget, and their options. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_util.h"

#include "../../gen/facts/facts.h"

/* An amount in 万元 from its decimal text, parsed exactly. */
static money_t wan_text(const char *s)
{
    money_t v = 0;
    assert_int_equal(money_parse(s, MONEY_WANYUAN, &v), MONEY_OK);
    return v;
}
#define WAN(x) wan_text(#x)

static facts_options defaults(void)
{
    facts_options o = {0};
    o.prior_zero_as_100 = true;
    o.zero_percent_plain = true;
    return o;
}

static const char *text(const value *m, const char *key)
{
    const value *v = value_get_path(m, key);
    return v ? value_get_text(v) : NULL;
}

static void test_change_decrease(void **state)
{
    (void)state;
    facts_options o = defaults();
    value *c = facts_change(WAN(3313.32), WAN(4010.58), &o);
    assert_string_equal(text(c, "amount"), "697.26");
    assert_string_equal(text(c, "direction"), "减少");
    assert_string_equal(text(c, "rate_direction"), "下降");
    assert_string_equal(text(c, "percent"), "17.39");
    assert_true(value_get_bool(value_get(c, "decrease")));
    value_free(c);
}

static void test_change_exact_percent(void **state)
{
    (void)state;
    /* 三公: 20.8705 against 12.4210 — the percent comes from the exact amounts */
    facts_options o = defaults();
    value *c = facts_change(WAN(20.8705), WAN(12.4210), &o);
    assert_string_equal(text(c, "amount"), "8.45");
    assert_string_equal(text(c, "percent"), "68.03");
    assert_string_equal(text(c, "current"), "20.87");
    value_free(c);
}

static void test_change_equal(void **state)
{
    (void)state;
    facts_options o = defaults();
    /* equal as shown: 1.001 and 1.004 both read 1.00 */
    value *c = facts_change(WAN(1.001), WAN(1.004), &o);
    assert_true(value_get_bool(value_get(c, "equal")));
    assert_string_equal(text(c, "direction"), "持平");
    assert_string_equal(text(c, "rate_direction"), "持平");
    assert_string_equal(text(c, "percent"), "0");
    value_free(c);
    c = facts_change(0, 0, &o);
    assert_true(value_get_bool(value_get(c, "equal")));
    assert_true(value_get_bool(value_get(c, "previous_zero")));
    value_free(c);
}

static void test_change_prior_zero(void **state)
{
    (void)state;
    facts_options o = defaults();
    value *c = facts_change(WAN(4.95), 0, &o);
    assert_string_equal(text(c, "direction"), "增加");
    assert_string_equal(text(c, "percent"), "100.00");
    assert_true(value_get_bool(value_get(c, "previous_zero")));
    value_free(c);
    o.prior_zero_as_100 = false;
    c = facts_change(WAN(4.95), 0, &o);
    assert_false(value_get_bool(value_get(c, "has_percent")));
    assert_int_equal(value_get_type(value_get(c, "percent")), VALUE_NULL);
    value_free(c);
}

static void test_change_negative(void **state)
{
    (void)state;
    facts_options o = defaults();
    /* a balance going from -10 to -5 has grown by 5, 50% of |-10| */
    value *c = facts_change(WAN(-5), WAN(-10), &o);
    assert_string_equal(text(c, "direction"), "增加");
    assert_string_equal(text(c, "amount"), "5.00");
    assert_string_equal(text(c, "percent"), "50.00");
    value_free(c);
}

static void test_shares(void **state)
{
    (void)state;
    facts_options o = defaults();
    /* 一般公共预算 classes: independently rounded they total 100.01% */
    money_t parts[] = {WAN(1019.89), WAN(2021.77), WAN(31.53), WAN(80.63)};
    int64_t h[4];
    assert_true(facts_shares(parts, 4, WAN(3153.82), &o, h));
    assert_int_equal(h[0], 3234);
    assert_int_equal(h[1], 6411);
    assert_int_equal(h[2], 100);
    assert_int_equal(h[3], 256);
    assert_int_equal(h[0] + h[1] + h[2] + h[3], 10001);
    o.largest_remainder = true;
    assert_true(facts_shares(parts, 4, WAN(3153.82), &o, h));
    assert_int_equal(h[0] + h[1] + h[2] + h[3], 10000);
    /* the missing hundredths go to the largest remainders: 31.53 (0.9997%),
     * 1019.89 and 80.63; 社保 stays 64.10 (the published report instead
     * wrote 卫生健康 0.99% by hand) */
    assert_int_equal(h[1], 6410);
    assert_int_equal(h[2], 100);
    /* parts that do not add up to the whole keep independent rounding */
    money_t odd[] = {WAN(1), WAN(1)};
    assert_true(facts_shares(odd, 2, WAN(3), &o, h));
    assert_int_equal(h[0], 3333);
    assert_false(facts_shares(odd, 2, 0, &o, h));
}

static void test_completion(void **state)
{
    (void)state;
    facts_options o = defaults();
    value *c = facts_completion(WAN(24.15), WAN(24.61), &o);
    assert_string_equal(text(c, "percent"), "98.13");
    assert_string_equal(text(c, "comparison"), "小于");
    value_free(c);
    c = facts_completion(WAN(1337.62), WAN(1337.62), &o);
    assert_string_equal(text(c, "comparison"), "等于");
    assert_string_equal(text(c, "percent"), "100.00");
    value_free(c);
    c = facts_completion(WAN(12), WAN(10), &o);
    assert_string_equal(text(c, "comparison"), "大于");
    assert_string_equal(text(c, "percent"), "120.00");
    value_free(c);
    /* no budget: no percent */
    c = facts_completion(WAN(5), 0, &o);
    assert_false(value_get_bool(value_get(c, "has_budget")));
    assert_int_equal(value_get_type(value_get(c, "percent")), VALUE_NULL);
    value_free(c);
    /* budget but nothing spent: 0% */
    c = facts_completion(0, WAN(5), &o);
    assert_string_equal(text(c, "percent"), "0");
    o.zero_percent_plain = false;
    value_free(c);
    c = facts_completion(0, WAN(5), &o);
    assert_string_equal(text(c, "percent"), "0.00");
    value_free(c);
}

static void test_options_file(void **state)
{
    (void)state;
    facts_options o;
    diag_list d = {0};
    assert_int_equal(facts_options_load("templates", &o, &d), 0);
    assert_true(o.prior_zero_as_100);
    assert_false(o.largest_remainder);
    assert_non_null(value_get(o.glossary, "before"));
    facts_options_free(&o);
    diag_list_free(&d);
}

static void test_cn_number(void **state)
{
    (void)state;
    char b[16];
    assert_string_equal(facts_cn_number(1, b), "一");
    assert_string_equal(facts_cn_number(10, b), "十");
    assert_string_equal(facts_cn_number(13, b), "十三");
    assert_string_equal(facts_cn_number(20, b), "二十");
    assert_string_equal(facts_cn_number(26, b), "二十六");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_change_decrease), cmocka_unit_test(test_change_exact_percent),
        cmocka_unit_test(test_change_equal),    cmocka_unit_test(test_change_prior_zero),
        cmocka_unit_test(test_change_negative), cmocka_unit_test(test_shares),
        cmocka_unit_test(test_completion),      cmocka_unit_test(test_options_file),
        cmocka_unit_test(test_cn_number),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
