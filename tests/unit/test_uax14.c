/* test_uax14.c — the UAX #14 layer of the line breaker (gen/layout/uax14.c,
 * ICU's line BreakIterator) against Unicode's conformance file
 * LineBreakTest.txt (Debian package unicode-data). Every test line is run
 * through layout_uax14_breaks and each boundary compared with the file's
 * × (no break) / ÷ (break).
 *
 * ICU's root line rules knowingly differ from UAX #14 in two places, and
 * those boundaries are counted apart ("known ICU deviations"):
 *   - a hyphen at the start of text keeps a following letter ("-#",
 *     "-§"): ICU-8151, the Finnish tailoring that ICU made its default;
 *   - an infix separator before a digit starts a number (".35", ",0",
 *     "a.2"): ICU's form of the numeric tailoring (UAX #14 example 7), in
 *     which "SP ÷ .35" also breaks before the separator (the rule Unicode
 *     15.1 adopted as LB15c).
 * When the file's Unicode version is the one ICU implements (Debian 12:
 * both 15.0), every other boundary of every line must agree. When they
 * differ (a newer unicode-data or libicu), lines whose deciding rules
 * changed between versions may fail: they are counted and listed by the
 * rule that decides them, and the test still fails when more than 2% of
 * the lines fail (a real regression breaks far more). The file may be
 * named with UAX14_TEST_FILE. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_util.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

#include "../../gen/layout/layout.h"

#define DEFAULT_FILE "/usr/share/unicode/auxiliary/LineBreakTest.txt"

typedef struct rule_count {
    char rule[16];
    int count;
    char example[160];
} rule_count;

/* Parse one test line: "× 0023 ÷ 0020 × …\t# comment". Fills cps/want
 * (want[k] for the boundary before cps[k], k = 0..n). Returns n, or -1
 * for a line without a test. */
static int parse_line(const char *line, uint32_t *cps, bool *want, int max)
{
    int n = 0;
    const char *p = line;
    bool have_marker = false;
    while (*p && *p != '#') {
        if (strncmp(p, "\xc3\x97", 2) == 0) { /* × */
            if (n > max) return -1;
            want[n] = false, have_marker = true, p += 2;
        } else if (strncmp(p, "\xc3\xb7", 2) == 0) { /* ÷ */
            if (n > max) return -1;
            want[n] = true, have_marker = true, p += 2;
        } else if ((*p >= '0' && *p <= '9') || (*p >= 'A' && *p <= 'F')) {
            char *end;
            unsigned long v = strtoul(p, &end, 16);
            if (n >= max) return -1;
            cps[n++] = (uint32_t)v;
            p = end;
        } else {
            p++;
        }
    }
    return have_marker && n > 0 ? n : -1;
}

/* The rule deciding the first mismatching boundary, from the comment:
 * the k-th "[x.y]" of the line. */
static void rule_at(const char *line, int k, char *out, size_t size)
{
    const char *c = strchr(line, '#');
    snprintf(out, size, "?");
    for (int i = 0; c && i <= k; i++) {
        c = strchr(c + 1, '[');
        if (!c) return;
        if (i == k) {
            const char *e = strchr(c, ']');
            if (e && (size_t)(e - c + 2) < size) snprintf(out, size, "%.*s", (int)(e - c + 1), c);
        }
    }
}

static bool is_cm(uint32_t c)
{
    return (c >= 0x0300 && c <= 0x036F) || c == 0x200D;
}

/* Whether the mismatch at boundary k is one of ICU's known deviations. */
static bool known_deviation(const uint32_t *cps, int n, int k, bool want)
{
    /* ICU-8151: start of text, HY CM* × letter */
    if (want && cps[0] == 0x2D) {
        bool all_cm = true;
        for (int j = 1; j < k; j++) all_cm = all_cm && is_cm(cps[j]);
        if (all_cm && k >= 1) return true;
    }
    /* IS CM* × NU: the separator starts a number */
    int j = k - 1;
    while (j >= 0 && is_cm(cps[j])) j--;
    bool digit = k < n && cps[k] >= '0' && cps[k] <= '9';
    if (want && j >= 0 && (cps[j] == '.' || cps[j] == ',') && digit) return true;
    /* SP ÷ IS NU: a break before the separator that starts a number */
    if (!want && k >= 1 && cps[k - 1] == ' ' && k + 1 < n && (cps[k] == '.' || cps[k] == ',') &&
        cps[k + 1] >= '0' && cps[k + 1] <= '9')
        return true;
    return false;
}

static void test_line_break_test_file(void **state)
{
    (void)state;
    const char *path = getenv("UAX14_TEST_FILE");
    if (!path || !*path) path = DEFAULT_FILE;
    FILE *f = fopen(path, "r");
    if (!f) fail_msg("cannot open %s (Debian package unicode-data; make deps installs it)", path);

    char line[8192];
    char file_version[32] = "?";
    int total = 0, passed = 0, known = 0;
    rule_count rules[64];
    int n_rules = 0;
    uint32_t cps[512];
    bool want[513];
    uint8_t got[513];
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#') {
            const char *v = strstr(line, "LineBreakTest-");
            if (v && file_version[0] == '?') {
                sscanf(v + 14, "%31[0-9.]", file_version);
                size_t l = strlen(file_version);
                if (l && file_version[l - 1] == '.') file_version[l - 1] = '\0'; /* "15.0.0.txt" */
            }
            continue;
        }
        int n = parse_line(line, cps, want, 512);
        if (n < 0) continue;
        total++;
        assert_true(layout_uax14_breaks(cps, (size_t)n, got));
        int bad = -1, explained = 0;
        for (int k = 0; k <= n && bad < 0; k++) {
            bool brk = got[k] != LAYOUT_BREAK_NONE;
            if (brk == want[k]) continue;
            if (known_deviation(cps, n, k, want[k]))
                explained++;
            else
                bad = k;
        }
        if (bad < 0) {
            if (explained)
                known++;
            else
                passed++;
            continue;
        }
        char rule[16];
        rule_at(line, bad, rule, sizeof rule);
        int r = 0;
        while (r < n_rules && strcmp(rules[r].rule, rule) != 0) r++;
        if (r == n_rules && n_rules < 64) {
            snprintf(rules[r].rule, sizeof rules[r].rule, "%s", rule);
            rules[r].count = 0;
            snprintf(rules[r].example, sizeof rules[r].example, "%.*s", (int)strcspn(line, "#\t"), line);
            n_rules++;
        }
        if (r < 64) rules[r].count++;
    }
    fclose(f);

    UVersionInfo uv;
    u_getUnicodeVersion(uv);
    char icu_version[32];
    snprintf(icu_version, sizeof icu_version, "%d.%d.%d", uv[0], uv[1], uv[2]);
    int fmaj = -1, fmin = -1;
    sscanf(file_version, "%d.%d", &fmaj, &fmin);
    bool same = fmaj == uv[0] && fmin == uv[1];
    int failed = total - passed - known;
    printf("LineBreakTest-%s.txt against ICU %s (Unicode %s): %d lines: %d pass, "
           "%d known ICU deviations, %d fail\n",
           file_version, U_ICU_VERSION, icu_version, total, passed, known, failed);
    for (int r = 0; r < n_rules; r++)
        printf("  %4d failing at rule %s, e.g. %s\n", rules[r].count, rules[r].rule, rules[r].example);
    assert_true(total > 7000);
    assert_true(known <= 40); /* the deviations are a handful of lines */
    if (same)
        assert_int_equal(failed, 0);
    else
        assert_true(failed * 50 <= total); /* versions differ: at most 2% */
}

/* Cases the layout relies on, straight from the rules. */
static void test_uax14_cases(void **state)
{
    (void)state;
    uint8_t out[16];
    /* 中文 — ID ÷ ID */
    const uint32_t ideo[] = {0x4E2D, 0x6587};
    assert_true(layout_uax14_breaks(ideo, 2, out));
    assert_int_equal(out[0], LAYOUT_BREAK_NONE);
    assert_int_equal(out[1], LAYOUT_BREAK_ALLOWED);
    assert_int_equal(out[2], LAYOUT_BREAK_MANDATORY);
    /* 3,313.32 — one number (LB25) */
    const uint32_t num[] = {'3', ',', '3', '1', '3', '.', '3', '2'};
    assert_true(layout_uax14_breaks(num, 8, out));
    for (int k = 1; k < 8; k++) assert_int_equal(out[k], LAYOUT_BREAK_NONE);
    /* 17.39% — a postfix stays (LB25) */
    const uint32_t pct[] = {'1', '7', '.', '3', '9', '%'};
    assert_true(layout_uax14_breaks(pct, 6, out));
    for (int k = 1; k < 6; k++) assert_int_equal(out[k], LAYOUT_BREAK_NONE);
    /* 元，与 — no break before a closing mark (LB13), after it yes */
    const uint32_t comma[] = {0x5143, 0xFF0C, 0x4E0E};
    assert_true(layout_uax14_breaks(comma, 3, out));
    assert_int_equal(out[1], LAYOUT_BREAK_NONE);
    assert_int_equal(out[2], LAYOUT_BREAK_ALLOWED);
    /* （一） — nothing after an opening mark (LB14) */
    const uint32_t paren[] = {0xFF08, 0x4E00, 0xFF09};
    assert_true(layout_uax14_breaks(paren, 3, out));
    assert_int_equal(out[1], LAYOUT_BREAK_NONE);
    assert_int_equal(out[2], LAYOUT_BREAK_NONE);
    /* a line feed: a mandatory break after it (LB5) */
    const uint32_t lf[] = {'a', '\n', 'b'};
    assert_true(layout_uax14_breaks(lf, 3, out));
    assert_int_equal(out[2], LAYOUT_BREAK_MANDATORY);
    /* a supplementary character (U+20000) counts as one code point */
    const uint32_t sup[] = {0x20000, 0x4E00};
    assert_true(layout_uax14_breaks(sup, 2, out));
    assert_int_equal(out[1], LAYOUT_BREAK_ALLOWED);
    /* empty text */
    assert_true(layout_uax14_breaks(NULL, 0, out));
    assert_int_equal(out[0], LAYOUT_BREAK_MANDATORY);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_uax14_cases),
        cmocka_unit_test(test_line_break_test_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
