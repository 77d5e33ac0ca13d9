/* test_money.c — unit tests for gen/model/money.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "../../gen/model/model.h"

/* One parse case: input, unit, expected status, expected 分 (if OK). */
typedef struct parse_case {
    const char *text;
    money_unit unit;
    money_status status;
    money_t fen;
} parse_case;

/* Run a table of parse cases; print the failing input before failing. */
static void run_parse_cases(const parse_case *cases, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        money_t got = 12345; /* must be untouched on error */
        money_status st = money_parse(cases[i].text, cases[i].unit, &got);
        if (st != cases[i].status || (st == MONEY_OK && got != cases[i].fen) ||
            (st != MONEY_OK && got != 12345)) {
            print_error("input \"%s\" (unit %d): status %d, value %lld; "
                        "expected status %d, value %lld\n",
                        cases[i].text ? cases[i].text : "(null)", (int)cases[i].unit,
                        (int)st, (long long)got, (int)cases[i].status,
                        (long long)cases[i].fen);
            fail();
        }
    }
}

#define N_CASES(a) (sizeof(a) / sizeof((a)[0]))
#define Y MONEY_YUAN
#define W MONEY_WANYUAN

static void test_parse_ok(void **state)
{
    (void)state;
    static const parse_case cases[] = {
        {"0", Y, MONEY_OK, 0},
        {"1", Y, MONEY_OK, 100},
        {"1", W, MONEY_OK, 1000000},
        {"12.5", Y, MONEY_OK, 1250},
        {"12.34", Y, MONEY_OK, 1234},
        {"0.01", Y, MONEY_OK, 1},
        {"3313.32", W, MONEY_OK, INT64_C(3313320000)},
        {"3,313.32", W, MONEY_OK, INT64_C(3313320000)},
        {"1,234,567.8", Y, MONEY_OK, INT64_C(123456780)},
        {"123,456", Y, MONEY_OK, INT64_C(12345600)},
        {"1,000", Y, MONEY_OK, 100000},
        {"-1,000", Y, MONEY_OK, -100000},
        {"1.234567", W, MONEY_OK, 1234567},
        {"0.000001", W, MONEY_OK, 1},
        {"-0.000001", W, MONEY_OK, -1},
        {"-12.5", Y, MONEY_OK, -1250},
        {"  \t12.5\t ", Y, MONEY_OK, 1250},
        {" -3 ", Y, MONEY_OK, -300},
        {"-0", Y, MONEY_OK, 0},
        {"-0.00", W, MONEY_OK, 0},
        {"007", Y, MONEY_OK, 700},
        {"0000000000000000000000000000001", Y, MONEY_OK, 100},
        {"1.0", Y, MONEY_OK, 100},
        /* extra decimals accepted only when they are zeros */
        {"1.500", Y, MONEY_OK, 150},
        {"1.5000000000", Y, MONEY_OK, 150},
        {"1.2345670", W, MONEY_OK, 1234567},
        {"2.00", Y, MONEY_OK, 200},
    };
    run_parse_cases(cases, N_CASES(cases));
}

static void test_parse_errors(void **state)
{
    (void)state;
    static const parse_case cases[] = {
        /* empty */
        {"", Y, MONEY_EMPTY, 0},
        {"   ", Y, MONEY_EMPTY, 0},
        {" \t \t", W, MONEY_EMPTY, 0},
        {NULL, Y, MONEY_EMPTY, 0},
        /* syntax */
        {"4. 12", Y, MONEY_SYNTAX, 0},
        {"4 .12", Y, MONEY_SYNTAX, 0},
        {"1 000", Y, MONEY_SYNTAX, 0},
        {"abc", Y, MONEY_SYNTAX, 0},
        {"12a", Y, MONEY_SYNTAX, 0},
        {"a12", Y, MONEY_SYNTAX, 0},
        {"1.2.3", Y, MONEY_SYNTAX, 0},
        {"--1", Y, MONEY_SYNTAX, 0},
        {"-", Y, MONEY_SYNTAX, 0},
        {" - ", Y, MONEY_SYNTAX, 0},
        {"- 1", Y, MONEY_SYNTAX, 0},
        {"+1", Y, MONEY_SYNTAX, 0},
        {"1-", Y, MONEY_SYNTAX, 0},
        {"12.", Y, MONEY_SYNTAX, 0},
        {".5", Y, MONEY_SYNTAX, 0},
        {"-.5", Y, MONEY_SYNTAX, 0},
        {".", Y, MONEY_SYNTAX, 0},
        {"1e5", Y, MONEY_SYNTAX, 0},
        {"0x10", Y, MONEY_SYNTAX, 0},
        {"1.2,3", Y, MONEY_SYNTAX, 0},
        {"12\n", Y, MONEY_SYNTAX, 0},
        {"1／2", Y, MONEY_SYNTAX, 0},      /* U+FF0F is not in the full-width set */
        {"12\xE3\x80\x80", Y, MONEY_SYNTAX, 0}, /* ideographic space U+3000 */
        {"12元", Y, MONEY_SYNTAX, 0},
        /* separators */
        {"1,0.2", Y, MONEY_SEPARATOR, 0},
        {"12,34", Y, MONEY_SEPARATOR, 0},
        {"1000,000", Y, MONEY_SEPARATOR, 0},
        {",100", Y, MONEY_SEPARATOR, 0},
        {"1,,000", Y, MONEY_SEPARATOR, 0},
        {"1,000,00", Y, MONEY_SEPARATOR, 0},
        {"1,0000", Y, MONEY_SEPARATOR, 0},
        {"100,", Y, MONEY_SEPARATOR, 0},
        {"1,000,", Y, MONEY_SEPARATOR, 0},
        {"-,100", Y, MONEY_SEPARATOR, 0},
        {",", Y, MONEY_SEPARATOR, 0},
        {"1,000.5,", Y, MONEY_SYNTAX, 0},
        /* full width (checked before anything else) */
        {"１２.３", Y, MONEY_FULLWIDTH, 0},
        {"１２３", Y, MONEY_FULLWIDTH, 0},
        {"０", Y, MONEY_FULLWIDTH, 0},
        {"９", Y, MONEY_FULLWIDTH, 0},
        {"12．3", Y, MONEY_FULLWIDTH, 0},
        {"1，000", Y, MONEY_FULLWIDTH, 0},
        {"－5", Y, MONEY_FULLWIDTH, 0},
        {"abc１", Y, MONEY_FULLWIDTH, 0},
        {"  12 3４ ", Y, MONEY_FULLWIDTH, 0},
        /* precision */
        {"1.501", Y, MONEY_PRECISION, 0},
        {"1.001", Y, MONEY_PRECISION, 0},
        {"0.0000001", W, MONEY_PRECISION, 0},
        {"1.2345671", W, MONEY_PRECISION, 0},
        {"-1.234", Y, MONEY_PRECISION, 0},
        /* overflow */
        {"99999999999999999999999", Y, MONEY_OVERFLOW, 0},
        {"92233720368547758.08", Y, MONEY_OVERFLOW, 0},
        {"-92233720368547758.09", Y, MONEY_OVERFLOW, 0},
        {"92233720368547759", Y, MONEY_OVERFLOW, 0},
        {"9223372036854.775808", W, MONEY_OVERFLOW, 0},
        {"-9223372036854.775809", W, MONEY_OVERFLOW, 0},
        {"9223372036855", W, MONEY_OVERFLOW, 0},
        {"18446744073709551616", Y, MONEY_OVERFLOW, 0},
        {"184467440737095516.16", Y, MONEY_OVERFLOW, 0},
    };
    run_parse_cases(cases, N_CASES(cases));
}

static void test_parse_limits(void **state)
{
    (void)state;
    static const parse_case cases[] = {
        {"92233720368547758.07", Y, MONEY_OK, INT64_MAX},
        {"92,233,720,368,547,758.07", Y, MONEY_OK, INT64_MAX},
        {"-92233720368547758.08", Y, MONEY_OK, INT64_MIN},
        {"-92,233,720,368,547,758.08", Y, MONEY_OK, INT64_MIN},
        {"-92233720368547758.07", Y, MONEY_OK, -INT64_MAX},
        {"9223372036854.775807", W, MONEY_OK, INT64_MAX},
        {"9,223,372,036,854.775807", W, MONEY_OK, INT64_MAX},
        {"-9223372036854.775808", W, MONEY_OK, INT64_MIN},
        {"9223372036854", W, MONEY_OK, INT64_C(9223372036854000000)},
        {"92233720368547758", Y, MONEY_OK, INT64_C(9223372036854775800)},
        {"00000000000000000000092233720368547758.07", Y, MONEY_OK, INT64_MAX},
    };
    run_parse_cases(cases, N_CASES(cases));
}

static void test_parse_bad_unit(void **state)
{
    (void)state;
    money_t v = 7;
    assert_int_not_equal(money_parse("1", (money_unit)0, &v), MONEY_OK);
    assert_int_equal(v, 7);
}

static void test_status_text(void **state)
{
    (void)state;
    assert_string_equal(money_status_text(MONEY_SYNTAX), "不是合法的数字");
    assert_string_equal(money_status_text(MONEY_SEPARATOR),
                        "千位分隔符位置不对（应每三位一个逗号）");
    assert_string_equal(money_status_text(MONEY_FULLWIDTH), "含全角数字或符号（请改用半角）");
    assert_string_equal(money_status_text(MONEY_PRECISION), "小数位数过多");
    assert_string_equal(money_status_text(MONEY_OVERFLOW), "数值超出范围");
    assert_string_equal(money_status_text(MONEY_EMPTY), "为空");
    assert_non_null(money_status_text(MONEY_OK));
    assert_non_null(money_status_text((money_status)99));
}

static void test_units(void **state)
{
    (void)state;
    assert_string_equal(money_unit_name(MONEY_YUAN), "元");
    assert_string_equal(money_unit_name(MONEY_WANYUAN), "万元");
    assert_non_null(money_unit_name((money_unit)0));
    assert_int_equal(money_unit_parse("元"), MONEY_YUAN);
    assert_int_equal(money_unit_parse("万元"), MONEY_WANYUAN);
    assert_int_equal(money_unit_parse("千元"), 0);
    assert_int_equal(money_unit_parse("元 "), 0);
    assert_int_equal(money_unit_parse(""), 0);
    assert_int_equal(money_unit_parse(NULL), 0);
    assert_int_equal(MONEY_FEN_PER_YUAN, 100);
    assert_int_equal(MONEY_FEN_PER_WANYUAN, 1000000);
}

static void test_round_wan(void **state)
{
    (void)state;
    assert_true(money_round_wan(0) == 0);
    assert_true(money_round_wan(12345) == 10000);
    assert_true(money_round_wan(15000) == 20000);
    assert_true(money_round_wan(-15000) == -20000);
    assert_true(money_round_wan(14999) == 10000);
    assert_true(money_round_wan(-14999) == -10000);
    assert_true(money_round_wan(4999) == 0);
    assert_true(money_round_wan(-4999) == 0);
    assert_true(money_round_wan(5000) == 10000);
    assert_true(money_round_wan(-5000) == -10000);
    assert_true(money_round_wan(3313315000) == 3313320000);
    assert_true(money_round_wan(3313314999) == 3313310000);
    assert_true(money_round_wan(-3313315000) == -3313320000);
    assert_true(money_round_wan(20000) == 20000);
    /* Near the limits the rounded value would not fit: the largest
     * representable multiple of 10000 is kept. */
    assert_true(money_round_wan(INT64_MAX) == INT64_C(9223372036854770000));
    assert_true(money_round_wan(INT64_MIN) == -INT64_C(9223372036854770000));
    assert_true(money_round_wan(INT64_C(9223372036854774999)) ==
                INT64_C(9223372036854770000));
    assert_true(money_round_wan(-INT64_C(9223372036854774999)) ==
                -INT64_C(9223372036854770000));
}

/* Check money_format_wan with and without grouping. */
static void check_wan(money_t v, const char *plain, const char *grouped)
{
    char out[32];
    memset(out, 'x', sizeof out);
    assert_string_equal(money_format_wan(v, false, out), plain);
    assert_string_equal(money_format_wan(v, true, out), grouped);
    assert_ptr_equal(money_format_wan(v, true, out), out);
}

static void test_format_wan(void **state)
{
    (void)state;
    check_wan(0, "0.00", "0.00");
    check_wan(INT64_C(3313320000), "3313.32", "3,313.32");
    check_wan(-INT64_C(1234500000), "-1234.50", "-1,234.50");
    check_wan(12345, "0.01", "0.01");
    check_wan(15000, "0.02", "0.02");
    check_wan(-15000, "-0.02", "-0.02");
    check_wan(4999, "0.00", "0.00");
    check_wan(-4999, "0.00", "0.00"); /* never "-0.00" */
    check_wan(-1, "0.00", "0.00");
    check_wan(5000, "0.01", "0.01");
    check_wan(-5000, "-0.01", "-0.01");
    check_wan(999999, "1.00", "1.00");
    check_wan(1000000, "1.00", "1.00");
    check_wan(INT64_C(999994999), "999.99", "999.99");
    check_wan(INT64_C(999995000), "1000.00", "1,000.00");
    check_wan(INT64_C(100000000000), "100000.00", "100,000.00");
    check_wan(INT64_C(123456789000000), "123456789.00", "123,456,789.00");
    check_wan(-INT64_C(12345678900000), "-12345678.90", "-12,345,678.90");
    check_wan(INT64_C(100000000), "100.00", "100.00");
    check_wan(INT64_MAX, "9223372036854.78", "9,223,372,036,854.78");
    check_wan(INT64_MIN, "-9223372036854.78", "-9,223,372,036,854.78");
}

static void check_percent(money_t num, money_t den, int64_t want)
{
    int64_t h = INT64_C(-777);
    if (!money_percent(num, den, &h) || h != want) {
        print_error("money_percent(%lld, %lld) = %lld, want %lld\n", (long long)num,
                    (long long)den, (long long)h, (long long)want);
        fail();
    }
}

static void check_percent_fails(money_t num, money_t den)
{
    int64_t h = INT64_C(-777);
    assert_false(money_percent(num, den, &h));
    assert_true(h == INT64_C(-777));
}

static void test_percent_examples(void **state)
{
    (void)state;
    /* 万元 amounts as 分 */
    check_percent(INT64_C(3153820000), INT64_C(3313070000), 9519);
    check_percent(INT64_C(697260000), INT64_C(4010580000), 1739);
    check_percent(INT64_C(31530000), INT64_C(3153820000), 100); /* 0.99974 % */
    check_percent(INT64_C(24150000), INT64_C(24610000), 9813);
    check_percent(INT64_C(149060000), INT64_C(10000000), 149060);
    check_percent(0, 5, 0);
    check_percent(5, 5, 10000);
    check_percent(1, 3, 3333);
    check_percent(2, 3, 6667);
    check_percent(-2, 3, -6667);
}

static void test_percent_rounding(void **state)
{
    (void)state;
    /* exactly x.xx5 % → away from zero */
    check_percent(12345, 100000, 1235);        /* 12.345 % */
    check_percent(-12345, 100000, -1235);
    check_percent(12345, -100000, -1235);
    check_percent(-12345, -100000, 1235);
    check_percent(1, 20000, 1);                /* 0.005 % */
    check_percent(-1, 20000, -1);
    check_percent(1, -20000, -1);
    check_percent(3, 40000, 1);                /* 0.0075 % */
    check_percent(1, 40000, 0);                /* 0.0025 % */
    check_percent(-1, 40000, 0);               /* no negative zero */
    check_percent(1, 8, 1250);
    /* just below and just above the half */
    check_percent(INT64_C(123449999), INT64_C(1000000000), 1234);
    check_percent(INT64_C(123450000), INT64_C(1000000000), 1235);
    check_percent(INT64_C(123450001), INT64_C(1000000000), 1235);
    check_percent(-INT64_C(123449999), INT64_C(1000000000), -1234);
    check_percent(-INT64_C(123450000), INT64_C(1000000000), -1235);
    /* negative percentages (a decrease) */
    check_percent(-INT64_C(150000), INT64_C(10000000), -150);
}

static void test_percent_limits(void **state)
{
    (void)state;
    check_percent_fails(1, 0);
    check_percent_fails(0, 0);
    check_percent_fails(INT64_MIN, 0);
    check_percent_fails(INT64_MAX, 1);
    check_percent_fails(INT64_MIN, 1);
    check_percent_fails(INT64_MIN, -1);
    check_percent_fails(INT64_MIN, -10000); /* +2^63 does not fit */
    check_percent_fails(INT64_MAX, 9999);
    check_percent(INT64_MIN, INT64_MIN, 10000);
    check_percent(INT64_MAX, INT64_MAX, 10000);
    check_percent(INT64_MAX, INT64_MIN, -10000);
    check_percent(INT64_MIN, INT64_MAX, -10000);
    check_percent(INT64_MIN, 10000, INT64_MIN);
    check_percent(INT64_MAX, 10000, INT64_MAX);
    check_percent(-INT64_MAX, 10000, -INT64_MAX);
    check_percent(INT64_MAX, -10000, -INT64_MAX);
    check_percent(1, INT64_MAX, 0);
    check_percent(1, INT64_MIN, 0);
    check_percent(INT64_C(922337203685477), 1, INT64_C(9223372036854770000));
    check_percent_fails(INT64_C(922337203685478), 1);
    check_percent(-INT64_C(922337203685477), 1, -INT64_C(9223372036854770000));
    check_percent_fails(-INT64_C(922337203685478), 1);
    /* NULL output is allowed to just ask whether it can be computed */
    assert_true(money_percent(1, 2, NULL));
    assert_false(money_percent(1, 0, NULL));
}

#ifdef __SIZEOF_INT128__
/* Reference: the same rounding with __int128. false on overflow. */
static bool percent_ref(int64_t num, int64_t den, int64_t *out)
{
    __int128 p = (__int128)num * 10000;
    __int128 d = den;
    bool neg = (p < 0) != (d < 0);
    if (p < 0)
        p = -p;
    if (d < 0)
        d = -d;
    __int128 q = p / d, r = p % d;
    if (2 * r >= d)
        q++;
    if (neg)
        q = -q;
    if (q > INT64_MAX || q < INT64_MIN)
        return false;
    *out = (int64_t)q;
    return true;
}

/* A fixed pseudo-random sequence (64-bit LCG), so runs are repeatable. */
static uint64_t lcg_next(uint64_t *s)
{
    *s = *s * UINT64_C(6364136223846793005) + UINT64_C(1442695040888963407);
    return *s;
}

/* A random value with a random bit length, either sign. */
static int64_t random_amount(uint64_t *s)
{
    uint64_t r = lcg_next(s);
    unsigned bits = (unsigned)(lcg_next(s) >> 58); /* 0..63 */
    uint64_t m = bits == 0 ? 0 : (r >> (64 - bits));
    int64_t v = (int64_t)(m & (uint64_t)INT64_MAX);
    return (lcg_next(s) >> 63) ? -v : v;
}

static void test_percent_random(void **state)
{
    (void)state;
    uint64_t s = UINT64_C(20240101);
    for (int i = 0; i < 200000; i++) {
        int64_t num = random_amount(&s), den = random_amount(&s);
        if (i % 1000 == 0)
            num = INT64_MIN;
        if (i % 1000 == 1)
            den = INT64_MIN;
        if (den == 0)
            continue;
        int64_t want = 0, got = 0;
        bool ok_want = percent_ref(num, den, &want);
        bool ok_got = money_percent(num, den, &got);
        if (ok_want != ok_got || (ok_got && want != got)) {
            print_error("money_percent(%lld, %lld): %d %lld, reference %d %lld\n",
                        (long long)num, (long long)den, ok_got, (long long)got,
                        ok_want, (long long)want);
            fail();
        }
    }
}
#endif

static void test_percent_format(void **state)
{
    (void)state;
    char out[32];
    assert_string_equal(percent_format(9519, out), "95.19");
    assert_string_equal(percent_format(0, out), "0.00");
    assert_string_equal(percent_format(100, out), "1.00");
    assert_string_equal(percent_format(-150, out), "-1.50");
    assert_string_equal(percent_format(149060, out), "1490.60");
    assert_string_equal(percent_format(5, out), "0.05");
    assert_string_equal(percent_format(-5, out), "-0.05");
    assert_string_equal(percent_format(10000, out), "100.00");
    assert_string_equal(percent_format(1739, out), "17.39");
    assert_string_equal(percent_format(123456789, out), "1234567.89");
    assert_string_equal(percent_format(INT64_MAX, out), "92233720368547758.07");
    assert_string_equal(percent_format(INT64_MIN, out), "-92233720368547758.08");
    assert_ptr_equal(percent_format(1, out), out);
}

/* Parse, then format as 万元: the path most report cells take. */
static void test_parse_then_format(void **state)
{
    (void)state;
    char out[32];
    money_t v = 0;
    assert_int_equal(money_parse("3,313.32", MONEY_WANYUAN, &v), MONEY_OK);
    assert_string_equal(money_format_wan(v, true, out), "3,313.32");
    assert_int_equal(money_parse("33133150.00", MONEY_YUAN, &v), MONEY_OK);
    assert_string_equal(money_format_wan(v, false, out), "3313.32");
    assert_int_equal(money_parse("-33133149.99", MONEY_YUAN, &v), MONEY_OK);
    assert_string_equal(money_format_wan(v, true, out), "-3,313.31");
    assert_int_equal(money_parse("0.004999", MONEY_WANYUAN, &v), MONEY_OK);
    assert_string_equal(money_format_wan(v, true, out), "0.00");
    assert_int_equal(money_parse("-0.005", MONEY_WANYUAN, &v), MONEY_OK);
    assert_string_equal(money_format_wan(v, true, out), "-0.01");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_ok),
        cmocka_unit_test(test_parse_errors),
        cmocka_unit_test(test_parse_limits),
        cmocka_unit_test(test_parse_bad_unit),
        cmocka_unit_test(test_status_text),
        cmocka_unit_test(test_units),
        cmocka_unit_test(test_round_wan),
        cmocka_unit_test(test_format_wan),
        cmocka_unit_test(test_percent_examples),
        cmocka_unit_test(test_percent_rounding),
        cmocka_unit_test(test_percent_limits),
#ifdef __SIZEOF_INT128__
        cmocka_unit_test(test_percent_random),
#endif
        cmocka_unit_test(test_percent_format),
        cmocka_unit_test(test_parse_then_format),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
