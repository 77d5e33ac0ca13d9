/* text.c — UTF-8 decoding and the break opportunities of Chinese text.
 *
 * Breaks: between any two CJK characters (every character that is not part
 * of a Latin word is a unit of its own) and after spaces. Never inside a
 * run of ASCII letters/digits; '.', ',' and ':' between a word character and
 * a digit or letter stay in the run ("3,313.32", "www.gov.cn", "10:30"), and
 * so does a '%' after a digit ("17.39%"). A number keeps a following
 * keep_after_number character ("2024年").
 * 禁则: no break before closing punctuation, none after opening
 * punctuation, none inside "——" or "……". */
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

void text_mark_breaks(text_char *c, size_t n, const uint32_t *keep_after_number,
                      size_t n_keep)
{
    if (n == 0) return;
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
    c[0].brk = false;
    c[0].gap = false;
    for (size_t k = 1; k < n; k++) {
        uint32_t prev = c[k - 1].cp, cur = c[k].cp;
        bool inside = (word[k - 1] && word[k]) ||
                      (is_inseparable(prev) && cur == prev);
        c[k].gap = !inside;
        bool brk = !inside;
        if (is_closing(cur) && !word[k]) brk = false;
        if (is_opening(prev) && !word[k - 1]) brk = false;
        if (c[k].space) brk = false; /* break after spaces, not before */
        if (word[k - 1] && (is_digit(prev) || prev == '%')) {
            for (size_t j = 0; j < n_keep; j++)
                if (keep_after_number[j] == cur) brk = false;
        }
        c[k].brk = brk;
    }
    free(word);
}
