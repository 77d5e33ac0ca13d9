/* money.c — exact fixed-point amounts: parse, round, format, percent.
 *
 * Amounts are int64_t counts of 分. All arithmetic is on integers (no
 * floating point) and is done on uint64_t magnitudes wherever a value could
 * reach INT64_MIN, so no signed overflow can happen.
 */
#include "model.h"

#include <inttypes.h>
#include <string.h>

/* |INT64_MIN| as an unsigned number. */
#define MAG_INT64_MIN ((uint64_t)INT64_MAX + 1u)

/* The magnitude of v as uint64_t (correct for INT64_MIN). */
static uint64_t mag_of(int64_t v)
{
    return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

/* A signed value from a sign and a magnitude that is known to fit. */
static int64_t signed_of(bool neg, uint64_t mag)
{
    if (!neg)
        return (int64_t)mag;
    if (mag == MAG_INT64_MIN)
        return INT64_MIN;
    return -(int64_t)mag;
}

/* ------------------------------------------------------------------------
 * Parsing
 * ---------------------------------------------------------------------- */

/* True when s contains a full-width digit U+FF10–FF19 or one of
 * '，' U+FF0C, '－' U+FF0D, '．' U+FF0E. In UTF-8 these are EF BC 8C–8E
 * and EF BC 90–99. */
static bool has_fullwidth(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (p[0] != 0xEF || p[1] != 0xBC)
            continue;
        unsigned char c = p[2];
        if ((c >= 0x8C && c <= 0x8E) || (c >= 0x90 && c <= 0x99))
            return true;
    }
    return false;
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Check comma grouping of the integer part [p, end): the first group has
 * 1–3 digits, every later group exactly 3. Without commas anything goes. */
static bool grouping_ok(const char *p, const char *end)
{
    if (!memchr(p, ',', (size_t)(end - p)))
        return true;
    bool first = true;
    while (p <= end) {
        const char *comma = memchr(p, ',', (size_t)(end - p));
        const char *stop = comma ? comma : end;
        size_t n = (size_t)(stop - p);
        if (first ? (n < 1 || n > 3) : n != 3)
            return false;
        first = false;
        if (!comma)
            break;
        p = comma + 1;
    }
    return true;
}

/* Append decimal digit d to *mag unless the result would exceed lim. */
static bool mag_push_digit(uint64_t *mag, unsigned d, uint64_t lim)
{
    if (*mag > (lim - d) / 10u)
        return false;
    *mag = *mag * 10u + d;
    return true;
}

money_status money_parse(const char *s, money_unit in_unit, money_t *out)
{
    unsigned places;
    if (in_unit == MONEY_YUAN)
        places = 2;
    else if (in_unit == MONEY_WANYUAN)
        places = 6;
    else
        return MONEY_SYNTAX; /* no valid unit: nothing can be parsed */

    if (!s)
        return MONEY_EMPTY;
    if (has_fullwidth(s))
        return MONEY_FULLWIDTH;

    const char *p = s;
    const char *end = s + strlen(s);
    while (p < end && is_blank(*p))
        p++;
    while (end > p && is_blank(end[-1]))
        end--;
    if (p == end)
        return MONEY_EMPTY;

    bool neg = false;
    if (*p == '-') {
        neg = true;
        p++;
    }

    /* Integer part: digits and commas; it must contain a digit. */
    const char *int_begin = p;
    bool int_digit = false;
    while (p < end && (is_digit(*p) || *p == ',')) {
        int_digit = int_digit || is_digit(*p);
        p++;
    }
    const char *int_end = p;

    /* Fraction: '.' and at least one digit. */
    const char *frac_begin = p, *frac_end = p;
    if (p < end && *p == '.') {
        frac_begin = ++p;
        while (p < end && is_digit(*p))
            p++;
        frac_end = p;
        if (frac_end == frac_begin)
            return MONEY_SYNTAX; /* "12." */
    }
    if (p != end)
        return MONEY_SYNTAX; /* trailing garbage, internal blanks, "1.2.3" */
    if (int_begin == int_end)
        return MONEY_SYNTAX; /* "-", ".5", "" after '-' */
    if (!int_digit || !grouping_ok(int_begin, int_end))
        return MONEY_SEPARATOR;

    /* Decimals beyond the unit's precision must all be zero. */
    size_t n_frac = (size_t)(frac_end - frac_begin);
    for (size_t i = places; i < n_frac; i++)
        if (frac_begin[i] != '0')
            return MONEY_PRECISION;

    /* Accumulate the magnitude in 分: integer digits, then exactly
     * `places` decimals (padded with zeros). */
    uint64_t lim = neg ? MAG_INT64_MIN : (uint64_t)INT64_MAX;
    uint64_t mag = 0;
    for (const char *q = int_begin; q < int_end; q++)
        if (is_digit(*q) && !mag_push_digit(&mag, (unsigned)(*q - '0'), lim))
            return MONEY_OVERFLOW;
    for (size_t i = 0; i < places; i++) {
        unsigned d = i < n_frac ? (unsigned)(frac_begin[i] - '0') : 0u;
        if (!mag_push_digit(&mag, d, lim))
            return MONEY_OVERFLOW;
    }

    *out = signed_of(neg, mag); /* "-0" gives 0 */
    return MONEY_OK;
}

const char *money_status_text(money_status st)
{
    switch (st) {
    case MONEY_OK:
        return "正确";
    case MONEY_EMPTY:
        return "为空";
    case MONEY_SYNTAX:
        return "不是合法的数字";
    case MONEY_SEPARATOR:
        return "千位分隔符位置不对（应每三位一个逗号）";
    case MONEY_FULLWIDTH:
        return "含全角数字或符号（请改用半角）";
    case MONEY_PRECISION:
        return "小数位数过多";
    case MONEY_OVERFLOW:
        return "数值超出范围";
    }
    return "未知错误";
}

const char *money_unit_name(money_unit mu)
{
    switch (mu) {
    case MONEY_YUAN:
        return "元";
    case MONEY_WANYUAN:
        return "万元";
    }
    return "";
}

money_unit money_unit_parse(const char *s)
{
    if (!s)
        return (money_unit)0;
    if (strcmp(s, "元") == 0)
        return MONEY_YUAN;
    if (strcmp(s, "万元") == 0)
        return MONEY_WANYUAN;
    return (money_unit)0;
}

/* ------------------------------------------------------------------------
 * Rounding and formatting
 * ---------------------------------------------------------------------- */

/* |v| in 0.01 万元 (units of 10000 分), rounded half away from zero.
 * At most 922337203685478, so it always fits. */
static uint64_t wan_hundredths(money_t v)
{
    uint64_t mag = mag_of(v);
    uint64_t q = mag / 10000u;
    if (mag % 10000u >= 5000u)
        q++;
    return q;
}

money_t money_round_wan(money_t v)
{
    uint64_t q = wan_hundredths(v);
    /* Within 5000 分 of INT64_MAX / INT64_MIN the rounded value does not
     * fit; there we keep the largest multiple of 10000 that does. */
    uint64_t lim = v < 0 ? MAG_INT64_MIN : (uint64_t)INT64_MAX;
    if (q > lim / 10000u)
        q = lim / 10000u;
    return signed_of(v < 0, q * 10000u);
}

/* Write "<sign><int>.<2 decimals>" for a magnitude in hundredths. With
 * `thousands`, group the integer part with commas. `out` has >= 32 bytes:
 * even h = UINT64_MAX gives only 27 ("-184,467,440,737,095,516.15"). */
static char *format_hundredths(bool neg, uint64_t h, bool thousands, char *out)
{
    char digits[24];
    int n = snprintf(digits, sizeof digits, "%" PRIu64, h / 100u);
    char *o = out;
    if (neg && h != 0)
        *o++ = '-';
    for (int i = 0; i < n; i++) {
        if (thousands && i > 0 && (n - i) % 3 == 0)
            *o++ = ',';
        *o++ = digits[i];
    }
    *o++ = '.';
    *o++ = (char)('0' + h % 100u / 10u);
    *o++ = (char)('0' + h % 10u);
    *o = '\0';
    return out;
}

char *money_format_wan(money_t v, bool thousands, char *out)
{
    return format_hundredths(v < 0, wan_hundredths(v), thousands, out);
}

char *percent_format(int64_t hundredths, char *out)
{
    return format_hundredths(hundredths < 0, mag_of(hundredths), false, out);
}

/* ------------------------------------------------------------------------
 * Percentages
 *
 * |num| * 10000 needs up to 77 bits. It is held as a 128-bit number in two
 * uint64_t halves and divided by |den| (< 2^64) bit by bit; the same code
 * runs on every compiler, with or without __int128.
 * ---------------------------------------------------------------------- */

/* hi:lo = a * m, for m < 2^32. */
static void mul_u64_small(uint64_t a, uint32_t m, uint64_t *hi, uint64_t *lo)
{
    uint64_t low = (a & 0xFFFFFFFFu) * m; /* < 2^64 */
    uint64_t high = (a >> 32) * m;        /* < 2^64, weight 2^32 */
    *lo = low + (high << 32);
    *hi = (high >> 32) + (*lo < low ? 1u : 0u);
}

/* hi:lo / d (d > 0, d <= 2^63) by restoring division; the quotient goes
 * back into hi:lo and the remainder into *rem. The remainder stays below
 * d <= 2^63, so shifting it left by one bit never overflows. */
static void div_u128_u64(uint64_t *hi, uint64_t *lo, uint64_t d, uint64_t *rem)
{
    uint64_t r = 0, qhi = 0, qlo = 0;
    for (int i = 127; i >= 0; i--) {
        uint64_t bit = i >= 64 ? (*hi >> (i - 64)) & 1u : (*lo >> i) & 1u;
        r = (r << 1) | bit;
        if (r >= d) {
            r -= d;
            if (i >= 64)
                qhi |= (uint64_t)1 << (i - 64);
            else
                qlo |= (uint64_t)1 << i;
        }
    }
    *hi = qhi;
    *lo = qlo;
    *rem = r;
}

bool money_percent(money_t num, money_t den, int64_t *hundredths)
{
    if (den == 0)
        return false;
    bool neg = (num < 0) != (den < 0);
    uint64_t d = mag_of(den);
    uint64_t hi, lo, rem;
    mul_u64_small(mag_of(num), 10000u, &hi, &lo);
    div_u128_u64(&hi, &lo, d, &rem);
    if (hi != 0)
        return false;
    /* Half away from zero: round the magnitude up when rem >= d / 2,
     * i.e. 2 * rem >= d (rem < d <= 2^63, so 2 * rem fits). */
    if (rem * 2u >= d) {
        if (lo == UINT64_MAX)
            return false;
        lo++;
    }
    uint64_t lim = neg ? MAG_INT64_MIN : (uint64_t)INT64_MAX;
    if (lo > lim)
        return false;
    if (hundredths)
        *hundredths = signed_of(neg, lo);
    return true;
}

bool money_muldiv(int64_t num, uint32_t factor, int64_t den, uint64_t *quot, uint64_t *rem)
{
    if (num < 0 || den <= 0)
        return false;
    uint64_t hi, lo, r;
    mul_u64_small((uint64_t)num, factor, &hi, &lo);
    div_u128_u64(&hi, &lo, (uint64_t)den, &r);
    if (hi != 0)
        return false;
    *quot = lo;
    *rem = r;
    return true;
}
