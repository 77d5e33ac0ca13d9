/* content.c — text and ruled lines of a page, written straight into its
 * content stream (see content.h).
 *
 * Text is placed with the very numbers libharu's HPDF_Page_TextOut wrote
 * (single-precision positions relative to the start of the previous line,
 * its five-decimal number format), so that text extraction, which groups
 * characters into words and lines by position, gives exactly the same text
 * as before. Ruled lines are rounded to whole 1/1000 pt once, as
 * integers. Float and integer arithmetic only in IEEE single and double
 * precision: the bytes do not depend on the compiler or -O level. */
#include "content.h"

#include "objects.h"

#include <math.h>
#include <stdlib.h>

/* Ruled lines are written to 1/UNIT pt. */
#define UNIT 1000
#define UNIT_DIGITS 3

static long long milli(double v)
{
    return llround(v * UNIT);
}

/* Append m/1000 without trailing zeros: "12", "-0.5", "595.276". */
static void put_milli(buf *b, long long m)
{
    char s[32], *e = s + sizeof s, *p = e;
    unsigned long long u = m < 0 ? 0ULL - (unsigned long long)m : (unsigned long long)m;
    unsigned frac = (unsigned)(u % UNIT);
    u /= UNIT;
    if (frac) {
        int digits = UNIT_DIGITS;
        while (frac % 10 == 0) {
            frac /= 10;
            digits--;
        }
        while (digits-- > 0) {
            *--p = (char)('0' + frac % 10);
            frac /= 10;
        }
        *--p = '.';
    }
    p = uint_text(p, u);
    if (m < 0) *--p = '-';
    buf_append(b, p, (size_t)(e - p));
}

/* ------------------------------------------------------------------------
 * Ruled lines
 * ---------------------------------------------------------------------- */

typedef struct seg {
    long long w;      /* line width */
    int dir;          /* 0 horizontal, 1 vertical, 2 other */
    long long at;     /* y of a horizontal, x of a vertical line */
    long long lo, hi; /* extent along the line (lo <= hi); x0, y0 of others */
    long long x1, y1; /* the end point of others */
    size_t order;     /* input order, for others and ties */
} seg;

static int cmp_seg(const void *pa, const void *pb)
{
    const seg *a = pa, *b = pb;
    if (a->w != b->w) return a->w < b->w ? -1 : 1;
    if (a->dir != b->dir) return a->dir - b->dir;
    if (a->dir != 2) {
        if (a->at != b->at) return a->at < b->at ? -1 : 1;
        if (a->lo != b->lo) return a->lo < b->lo ? -1 : 1;
    }
    return a->order < b->order ? -1 : a->order > b->order;
}

static void put_line(buf *b, long long x0, long long y0, long long x1, long long y1)
{
    put_milli(b, x0);
    buf_putc(b, ' ');
    put_milli(b, y0);
    buf_puts(b, " m ");
    put_milli(b, x1);
    buf_putc(b, ' ');
    put_milli(b, y1);
    buf_puts(b, " l\n");
}

static void put_seg(buf *b, const seg *s)
{
    if (s->dir == 0)
        put_line(b, s->lo, s->at, s->hi, s->at);
    else if (s->dir == 1)
        put_line(b, s->at, s->hi, s->at, s->lo);
    else
        put_line(b, s->lo, s->hi, s->x1, s->y1);
}

void pdf_content_rules(buf *out, const layout_page *lp)
{
    if (lp->n_rules == 0) return;
    seg *v = xmalloc(lp->n_rules * sizeof *v);
    for (size_t i = 0; i < lp->n_rules; i++) {
        const layout_rule *r = &lp->rules[i];
        long long x0 = milli(r->x0), y0 = milli(r->y0), x1 = milli(r->x1), y1 = milli(r->y1);
        seg *s = &v[i];
        s->w = milli(r->width);
        s->order = i;
        s->x1 = x1;
        s->y1 = y1;
        if (y0 == y1) {
            s->dir = 0;
            s->at = y0;
            s->lo = x0 < x1 ? x0 : x1;
            s->hi = x0 < x1 ? x1 : x0;
        } else if (x0 == x1) {
            s->dir = 1;
            s->at = x0;
            s->lo = y0 < y1 ? y0 : y1;
            s->hi = y0 < y1 ? y1 : y0;
        } else {
            s->dir = 2;
            s->at = 0;
            s->lo = x0;
            s->hi = y0;
        }
    }
    qsort(v, lp->n_rules, sizeof *v, cmp_seg);
    pdf_tags_open(NULL, 0, 0, out); /* an artifact */
    buf_puts(out, "q\n2 J\n"); /* projecting caps: corners meet cleanly */
    for (size_t i = 0; i < lp->n_rules;) {
        long long w = v[i].w;
        put_milli(out, w);
        buf_puts(out, " w\n");
        while (i < lp->n_rules && v[i].w == w) {
            seg s = v[i++];
            /* pieces of one line that touch or overlap: one line (with
             * projecting caps the ink is the same) */
            while (s.dir != 2 && i < lp->n_rules && v[i].w == w && v[i].dir == s.dir && v[i].at == s.at &&
                   v[i].lo <= s.hi) {
                if (v[i].hi > s.hi) s.hi = v[i].hi;
                i++;
            }
            put_seg(out, &s);
        }
        buf_puts(out, "S\n");
    }
    buf_puts(out, "Q\n");
    pdf_tags_close(out);
    free(v);
}

/* ------------------------------------------------------------------------
 * Text
 * ---------------------------------------------------------------------- */

/* Append `val` as libharu 2.3.0's HPDF_FToA writes it: clamped to
 * ±32767, integer part, five decimals, trailing zeros and point dropped. */
static void put_real(buf *b, float val)
{
    char s[32];
    size_t k = 0;
    if (val > 32767.0f)
        val = 32767.0f;
    else if (val < -32767.0f)
        val = -32767.0f;
    if (val < 0) {
        s[k++] = '-';
        val = -val;
    }
    int32_t ip = (int32_t)(val + 0.000005);
    int32_t fp = (int32_t)((float)(val - ip + 0.000005) * 100000);
    char d[12];
    int n = 0;
    do {
        d[n++] = (char)('0' + ip % 10);
        ip /= 10;
    } while (ip > 0);
    while (n) s[k++] = d[--n];
    s[k++] = '.';
    for (int i = 4; i >= 0; i--) {
        s[k + (size_t)i] = (char)('0' + fp % 10);
        fp /= 10;
    }
    k += 5;
    while (k > 1 && s[k - 1] == '0') k--;
    if (k > 1 && s[k - 1] == '.') k--;
    buf_append(b, s, k);
}

int pdf_content_text(buf *out, HPDF_Page page, const layout_page *lp,
                     pdf_font *const font[FACE_COUNT], pdf_tags *tags, size_t index)
{
    if (lp->n_spans == 0) return 0;
    buf_puts(out, "BT\n");
    const pdf_font *cur_font = NULL;
    double cur_size = -1, cur_space = 0;
    float tx = 0, ty = 0; /* start of the current line, as libharu tracks it */
    for (size_t k = 0; k < lp->n_spans; k++) {
        const layout_span *s = &lp->spans[k];
        const pdf_font *f = font[s->face];
        if (k == 0 || s->elem != lp->spans[k - 1].elem) { /* a run of one element: marked content */
            if (k) pdf_tags_close(out);
            pdf_tags_open(tags, index, s->elem, out);
        }
        if (f != cur_font || s->size != cur_size) {
            const char *name = pdf_obj_page_font(page, f->dict);
            if (!name) return -1;
            buf_putc(out, '/');
            buf_puts(out, name);
            buf_putc(out, ' ');
            put_real(out, (float)s->size);
            buf_puts(out, " Tf\n");
            cur_font = f;
            cur_size = s->size;
        }
        if (s->char_space != cur_space) {
            put_real(out, (float)s->char_space);
            buf_puts(out, " Tc\n");
            cur_space = s->char_space;
        }
        float dx = (float)s->x - tx, dy = (float)s->y - ty;
        put_real(out, dx);
        buf_putc(out, ' ');
        put_real(out, dy);
        buf_puts(out, " Td\n");
        tx += dx;
        ty += dy;
        pdf_font_encode(f, s->text, out);
        buf_puts(out, " Tj\n");
    }
    pdf_tags_close(out);
    buf_puts(out, "ET\n");
    return 0;
}
