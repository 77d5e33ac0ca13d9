/* fuzz_money.c — money_parse, money_round_wan, money_format_wan,
 * money_percent and percent_format against a reference in __int128:
 *   - a parsed amount has the value of its digits (commas and blanks
 *     dropped), in 分, for both 元 and 万元, and the two agree;
 *   - parse(format(x)) == round(x) for every int64_t x (the first 8 bytes),
 *     with and without thousands separators; near the int64_t limits, where
 *     money_round_wan clamps, the printed value overflows instead;
 *   - money_percent(a, b) is |a|*10000/|b| rounded half away from zero, or
 *     false exactly when that does not fit; percent_format reads back.
 */
#include "fuzz.h"

#include "../../gen/model/model.h"

#include <string.h>

typedef __int128 i128;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    return 0;
}

/* The value of a string money_parse accepted, computed independently. */
static i128 reference_value(const char *s, unsigned places)
{
    while (*s == ' ' || *s == '\t')
        s++;
    bool neg = *s == '-';
    if (neg)
        s++;
    i128 v = 0;
    for (; *s && *s != '.' && *s != ' ' && *s != '\t'; s++)
        if (*s != ',')
            v = v * 10 + (*s - '0');
    unsigned n = 0;
    if (*s == '.')
        for (s++; *s >= '0' && *s <= '9' && n < places; s++, n++)
            v = v * 10 + (*s - '0');
    for (; n < places; n++)
        v *= 10;
    return neg ? -v : v;
}

/* round(x) to a multiple of 10000 分, half away from zero, unclamped. */
static i128 round_wan(int64_t x)
{
    i128 m = x < 0 ? -(i128)x : (i128)x;
    i128 q = m / 10000 + (m % 10000 >= 5000 ? 1 : 0);
    return x < 0 ? -q * 10000 : q * 10000;
}

static bool fits(i128 v)
{
    return v >= INT64_MIN && v <= INT64_MAX;
}

static void check_format(int64_t x)
{
    char text[32], grouped[32];
    money_format_wan(x, false, text);
    money_format_wan(x, true, grouped);
    i128 want = round_wan(x);
    money_t got = 0, got2 = 0;
    money_status st = money_parse(text, MONEY_WANYUAN, &got);
    money_status st2 = money_parse(grouped, MONEY_WANYUAN, &got2);
    money_t r = money_round_wan(x);
    if (fits(want)) {
        FUZZ_ASSERT(st == MONEY_OK && got == want);
        FUZZ_ASSERT(st2 == MONEY_OK && got2 == want);
        FUZZ_ASSERT(r == want);
    } else {
        /* only within 5000 分 of the limits; round() clamps inwards */
        FUZZ_ASSERT(st == MONEY_OVERFLOW && st2 == MONEY_OVERFLOW);
        FUZZ_ASSERT(r == (x < 0 ? want + 10000 : want - 10000));
    }
    FUZZ_ASSERT(money_round_wan(r) == r);
    FUZZ_ASSERT(r % 10000 == 0);
}

static void check_percent(int64_t a, int64_t b)
{
    int64_t h = 0;
    bool ok = money_percent(a, b, &h);
    if (b == 0) {
        FUZZ_ASSERT(!ok);
        return;
    }
    i128 n = (a < 0 ? -(i128)a : (i128)a) * 10000, d = b < 0 ? -(i128)b : (i128)b;
    i128 q = n / d + (2 * (n % d) >= d ? 1 : 0);
    if ((a < 0) != (b < 0))
        q = -q;
    FUZZ_ASSERT(ok == fits(q));
    FUZZ_ASSERT(money_percent(a, b, NULL) == ok);
    if (!ok)
        return;
    FUZZ_ASSERT(h == q);
    char text[32];
    percent_format(h, text);
    money_t back = 0;
    FUZZ_ASSERT(money_parse(text, MONEY_YUAN, &back) == MONEY_OK && back == h);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = xstrndup((const char *)data, size);
    money_t yuan = 0, wan = 0;
    money_status sy = money_parse(s, MONEY_YUAN, &yuan);
    money_status sw = money_parse(s, MONEY_WANYUAN, &wan);
    FUZZ_ASSERT(money_status_text(sy) && money_status_text(sw));
    if (sy == MONEY_OK)
        FUZZ_ASSERT(reference_value(s, 2) == yuan);
    if (sw == MONEY_OK)
        FUZZ_ASSERT(reference_value(s, 6) == wan);
    if (sy == MONEY_OK && sw == MONEY_OK)
        FUZZ_ASSERT((i128)yuan * 10000 == wan);
    /* the same text cannot be malformed in one unit and fine in the other
     * (only precision and range depend on the unit) */
    if (sy == MONEY_OK || sw == MONEY_OK) {
        FUZZ_ASSERT(sy == MONEY_OK || sy == MONEY_PRECISION);
        FUZZ_ASSERT(sw == MONEY_OK || sw == MONEY_OVERFLOW);
    }
    if (sy == MONEY_OK)
        check_format(yuan);
    if (sw == MONEY_OK)
        check_format(wan);
    free(s);

    int64_t a = 0, b = 1;
    if (size >= 8) {
        memcpy(&a, data, 8);
        check_format(a);
    }
    if (size >= 16) {
        memcpy(&b, data + 8, 8);
        check_percent(a, b);
    }
    return 0;
}
