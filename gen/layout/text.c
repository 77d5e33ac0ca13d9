/* text.c — UTF-8 decoding and the break opportunities of Chinese text.
 *
 * Breaks: the opportunities of UAX #14 (ICU's line BreakIterator,
 * uax14.c), tailored for Chinese:
 *   - 禁则 on top (GB/T 15834, W3C clreq): never before closing punctuation
 *     (，。、；：？！）》」』’”％% …), never after opening punctuation
 *     (（《「『‘“ …), never inside "——" or "……";
 *   - a number keeps a following keep_after_number character ("2024年",
 *     "17.39%"); UAX #14 itself keeps "3,313.32" and Latin words whole;
 *   - quotation marks in Chinese text: a break before an opening mark “‘
 *     and after a closing mark ”’ when East Asian characters stand on both
 *     sides (UAX #14 LB19a of Unicode 15.1; ICU 72's LB19 keeps a
 *     quotation mark with both its neighbours);
 *   - a space is left at the end of the line it ends (break after it).
 * Without ICU (it failed to open) every boundary between two units is an
 * opportunity, less the 禁则 above.
 * Justification gaps: between any two units, a unit being a CJK character,
 * a mark, or a run of ASCII letters/digits (with '.', ',' and ':' between a
 * word character and a digit or letter, and a '%' after a digit, as in
 * "3,313.32", "www.gov.cn", "10:30", "17.39%"). */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

bool text_utf8_next(const char *s, size_t len, size_t *i, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s + *i;
    size_t left = len - *i;
    unsigned char c = u[0];
    uint32_t v;
    size_t n;
    if (c < 0x80) {
        *cp = c;
        *i += 1;
        return true;
    } else if (c >= 0xC2 && c <= 0xDF) {
        n = 2, v = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3, v = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4, v = c & 0x07;
    } else {
        goto bad;
    }
    if (left < n) goto bad;
    for (size_t k = 1; k < n; k++) {
        if ((u[k] & 0xC0) != 0x80) goto bad;
        v = (v << 6) | (u[k] & 0x3F);
    }
    if ((n == 3 && v < 0x800) || (n == 4 && (v < 0x10000 || v > 0x10FFFF)) ||
        (v >= 0xD800 && v <= 0xDFFF))
        goto bad;
    *cp = v;
    *i += n;
    return true;
bad:
    *cp = 0xFFFD;
    *i += 1;
    return false;
}

text_char *text_decode(const char *s, size_t len, size_t *n)
{
    text_char *c = xcalloc(len + 1, sizeof *c);
    size_t i = 0, k = 0;
    while (i < len) {
        size_t start = i;
        uint32_t cp;
        bool ok = text_utf8_next(s, len, &i, &cp);
        c[k].cp = cp;
        c[k].off = start;
        c[k].len = i - start;
        c[k].bad = !ok;
        c[k].space = cp == ' ';
        k++;
    }
    *n = k;
    return c;
}

uint32_t *text_codepoints(const char *s, size_t *n)
{
    size_t len = strlen(s), i = 0, k = 0;
    uint32_t *out = xmalloc((len + 1) * sizeof *out);
    while (i < len) text_utf8_next(s, len, &i, &out[k++]);
    *n = k;
    return out;
}

/* Closing punctuation: never at the start of a line. */
static bool is_closing(uint32_t c)
{
    switch (c) {
    case ')': case ']': case '}': case ',': case '.': case ';': case ':':
    case '?': case '!': case '%':
    case 0x00B7: /* · */
    case 0x2019: case 0x201D: /* ’ ” */
    case 0x2030: case 0x2103: case 0x00B0: /* ‰ ℃ ° */
    case 0x3001: case 0x3002: /* 、 。 */
    case 0x3009: case 0x300B: case 0x300D: case 0x300F: case 0x3011: /* 〉》」』】 */
    case 0x3015: case 0x3017: case 0x3019: case 0x301B: case 0x301E: case 0x301F:
    case 0x30FB: /* ・ */
    case 0xFE50: case 0xFE51: case 0xFE52: case 0xFE54: case 0xFE55: case 0xFE56:
    case 0xFE57:
    case 0xFF01: case 0xFF05: case 0xFF09: case 0xFF0C: case 0xFF0E: /* ！％），． */
    case 0xFF1A: case 0xFF1B: case 0xFF1F: case 0xFF3D: case 0xFF5D: /* ：；？］｝ */
    case 0xFF60: case 0xFF61: case 0xFF63: case 0xFF64:
        return true;
    default:
        return false;
    }
}

/* Opening punctuation: never at the end of a line. */
static bool is_opening(uint32_t c)
{
    switch (c) {
    case '(': case '[': case '{':
    case 0x2018: case 0x201C: /* ‘ “ */
    case 0x3008: case 0x300A: case 0x300C: case 0x300E: case 0x3010: /* 〈《「『【 */
    case 0x3014: case 0x3016: case 0x3018: case 0x301A: case 0x301D:
    case 0xFF08: case 0xFF3B: case 0xFF5B: case 0xFF5F: case 0xFF62: /* （［｛ */
        return true;
    default:
        return false;
    }
}

/* Dashes and ellipses that must not be split when doubled ("——", "……"). */
static bool is_inseparable(uint32_t c)
{
    return c == 0x2014 || c == 0x2015 || c == 0x2026 || c == 0x22EF;
}

static bool is_ascii_alnum(uint32_t c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static bool is_digit(uint32_t c)
{
    return c >= '0' && c <= '9';
}

/* Characters that build Latin words and numbers by themselves. */
static bool is_word_char(uint32_t c)
{
    if (is_ascii_alnum(c)) return true;
    if (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) return true; /* Latin letters */
    switch (c) {
    case '#': case '$': case '&': case '*': case '+': case '-': case '/': case '<':
    case '=': case '>': case '@': case '\\': case '^': case '_': case '`': case '|':
    case '~': case '\'': case '"':
        return true;
    default:
        return false;
    }
}

/* East Asian wide and full-width characters (for the quotation rule). */
static bool is_east_asian(uint32_t c)
{
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
           (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
           (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
           (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

void text_mark_breaks(const layout_config *cfg, text_char *c, size_t n)
{
    if (n == 0) return;
    const uint32_t *keep_after_number = cfg ? cfg->keep_after_number : NULL;
    size_t n_keep = cfg ? cfg->n_keep_after_number : 0;
    bool *word = xcalloc(n, sizeof *word);
    for (size_t k = 0; k < n; k++) {
        uint32_t cp = c[k].cp;
        if (is_word_char(cp)) {
            word[k] = true;
        } else if ((cp == '.' || cp == ',' || cp == ':') && k > 0 && word[k - 1] &&
                   k + 1 < n && is_ascii_alnum(c[k + 1].cp)) {
            word[k] = true;
        } else if (cp == '%' && k > 0 && is_digit(c[k - 1].cp)) {
            word[k] = true;
        }
    }
    /* UAX #14 opportunities */
    uint32_t *cps = xmalloc(n * sizeof *cps);
    for (size_t k = 0; k < n; k++) cps[k] = c[k].cp;
    uint8_t *lb = xmalloc(n + 1);
    bool icu = uax14_breaks(cfg, cps, n, lb);
    free(cps);
    c[0].brk = false;
    c[0].gap = false;
    for (size_t k = 1; k < n; k++) {
        uint32_t prev = c[k - 1].cp, cur = c[k].cp;
        bool inside = (word[k - 1] && word[k]) ||
                      (is_inseparable(prev) && cur == prev);
        c[k].gap = !inside;
        bool brk = icu ? lb[k] != LAYOUT_BREAK_NONE : !inside;
        /* quotation marks between East Asian characters (Unicode 15.1 LB19a) */
        if ((cur == 0x201C || cur == 0x2018) && is_east_asian(prev) && k + 1 < n &&
            is_east_asian(c[k + 1].cp))
            brk = true;
        if ((prev == 0x201D || prev == 0x2019) && k >= 2 && is_east_asian(c[k - 2].cp) &&
            is_east_asian(cur))
            brk = true;
        /* 禁则 */
        if (is_inseparable(prev) && cur == prev) brk = false;
        if (is_closing(cur) && !word[k]) brk = false;
        if (is_opening(prev) && !word[k - 1]) brk = false;
        if (c[k].space) brk = false; /* break after spaces, not before */
        if (word[k - 1] && (is_digit(prev) || prev == '%')) {
            for (size_t j = 0; j < n_keep; j++)
                if (keep_after_number[j] == cur) brk = false;
        }
        c[k].brk = brk;
    }
    free(lb);
    free(word);
}
