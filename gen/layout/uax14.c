/* uax14.c — line break opportunities after UAX #14, from ICU's line
 * BreakIterator (libicu 72: Unicode 15.0, the version of Debian 12's
 * LineBreakTest.txt that tests/unit/test_uax14.c checks it against).
 *
 * This is the base layer only: the Chinese tailoring (禁则 on top, numbers
 * kept with 年/月/日/%, quotation marks in Chinese text) is text.c's.
 * The configuration keeps one iterator and gives it each paragraph in turn
 * (opening one costs about as much as breaking a paragraph). */
#include "internal.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>

/* Encode `cps` as UTF-16; at16[k] is the unit offset of cps[k] (k <= n). */
static UChar *to_utf16(const uint32_t *cps, size_t n, int32_t *len, int32_t *at16)
{
    UChar *u = xmalloc((2 * n + 1) * sizeof *u);
    int32_t k16 = 0;
    for (size_t k = 0; k < n; k++) {
        at16[k] = k16;
        uint32_t c = cps[k];
        if (c > 0x10FFFF) c = 0xFFFD;
        if (c >= 0x10000) {
            c -= 0x10000;
            u[k16++] = (UChar)(0xD800 + (c >> 10));
            u[k16++] = (UChar)(0xDC00 + (c & 0x3FF));
        } else {
            u[k16++] = (UChar)c;
        }
    }
    at16[n] = k16;
    *len = k16;
    return u;
}

/* Run iterator `bi` (NULL: open one) over the text. */
static bool run(UBreakIterator *bi, const uint32_t *cps, size_t n, uint8_t *out)
{
    if (n > (size_t)INT32_MAX / 2 - 1) return false;
    int32_t len = 0;
    int32_t *at16 = xmalloc((n + 1) * sizeof *at16);
    UChar *u = to_utf16(cps, n, &len, at16);
    UErrorCode st = U_ZERO_ERROR;
    bool own = !bi;
    if (own)
        bi = ubrk_open(UBRK_LINE, "", u, len, &st);
    else
        ubrk_setText(bi, u, len, &st);
    bool ok = U_SUCCESS(st) && bi;
    if (ok) {
        /* unit offset → code point index: boundaries fall between code points */
        int32_t *cp_at = xmalloc(((size_t)len + 1) * sizeof *cp_at);
        for (int32_t i = 0; i <= len; i++) cp_at[i] = -1;
        for (size_t k = 0; k <= n; k++) cp_at[at16[k]] = (int32_t)k;
        memset(out, LAYOUT_BREAK_NONE, n + 1);
        for (int32_t b = ubrk_first(bi); b != UBRK_DONE; b = ubrk_next(bi)) {
            if (b <= 0 || b > len || cp_at[b] < 0) continue;
            int32_t status = ubrk_getRuleStatus(bi);
            out[cp_at[b]] = status >= UBRK_LINE_HARD && status < UBRK_LINE_HARD_LIMIT
                                ? LAYOUT_BREAK_MANDATORY
                                : LAYOUT_BREAK_ALLOWED;
        }
        out[0] = LAYOUT_BREAK_NONE;
        out[n] = LAYOUT_BREAK_MANDATORY;
        free(cp_at);
        /* the shared iterator must not keep a pointer to freed text */
        if (!own) {
            UErrorCode st2 = U_ZERO_ERROR;
            static const UChar nothing[1] = {0};
            ubrk_setText(bi, nothing, 0, &st2);
        }
    }
    if (own && bi) ubrk_close(bi);
    free(u);
    free(at16);
    return ok;
}

bool layout_uax14_breaks(const uint32_t *cps, size_t n, uint8_t *out)
{
    return run(NULL, cps, n, out);
}

bool uax14_breaks(const layout_config *cfg, const uint32_t *cps, size_t n, uint8_t *out)
{
    return run(cfg ? (UBreakIterator *)cfg->line_iter : NULL, cps, n, out);
}

void uax14_open(layout_config *cfg)
{
    UErrorCode st = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_open(UBRK_LINE, "", NULL, 0, &st);
    cfg->line_iter = U_SUCCESS(st) ? bi : NULL;
}

void uax14_close(layout_config *cfg)
{
    if (cfg->line_iter) ubrk_close((UBreakIterator *)cfg->line_iter);
    cfg->line_iter = NULL;
}
