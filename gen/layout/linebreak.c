/* linebreak.c — break a paragraph into lines and justify them.
 *
 * Greedy, first fit: each line takes as many characters as fit, ending at
 * the last break opportunity (text.c) that fits. 禁则 is resolved by the
 * break marks themselves: a closing mark has no break before it, so when it
 * does not fit at the end of a line the character before it is pulled down
 * to the next line with it (no hanging punctuation).
 * 标点挤压 (squeeze.c): the blank between two adjacent full-width marks is
 * always left out; and when the next unit fits only by squeezing the line's
 * marks (the blank half of a mark ending the line first, then up to 0.45
 * em from each mark inside it), and the line would otherwise be spread by
 * more than the style's fit_loose, the line takes it: pushing in rather
 * than spreading wide (as JIS X 4051 prefers), which keeps lines that end
 * before a long number ("4010.58") from being spread; lines of Chinese
 * text that fit the character grid are never squeezed.
 * Justification spreads the leftover space evenly over the unit boundaries
 * of the line (between CJK characters, around Latin words and numbers,
 * never inside them). */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#define EPS 1e-6

static void lines_push(layout_lines *l, layout_line line)
{
    if (l->count == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 8;
        l->items = xrealloc(l->items, l->cap * sizeof *l->items);
    }
    l->items[l->count++] = line;
}

void layout_lines_free(layout_lines *lines)
{
    free(lines->items);
    memset(lines, 0, sizeof *lines);
}

/* Natural width of characters [s, e), the blanks between adjacent marks
 * left out. */
static double chars_width(const layout_config *cfg, const layout_text_style *st,
                          const text_char *c, size_t s, size_t e)
{
    double w = 0;
    for (size_t k = s; k < e; k++)
        w += layout_advance(cfg, st->face, c[k].cp, st->size) +
             (k > s ? st->char_space - c[k - 1].sq_fixed : 0);
    return w;
}

/* The width a line [s, e) may give up by squeezing: inside it, and at its
 * end. */
static double line_shrink(const text_char *c, size_t s, size_t e, double *at_end)
{
    double in = 0;
    for (size_t k = s; k + 1 < e; k++) in += c[k].sq_fit;
    *at_end = e > s ? c[e - 1].sq_end : 0;
    return in;
}

void para_break(para_set *p, const layout_config *cfg, const layout_text_style *st,
                const char *text, double measure)
{
    size_t len = strlen(text);
    if (para_memo_get(cfg, text, len, st, measure, p)) return; /* broken so before */
    p->chars = text_chars(cfg, text, len, true, &p->n);
    text_mark_squeeze(cfg, st, p->chars, p->n);
    const text_char *c = p->chars;
    size_t n = p->n;
    size_t s = 0;
    bool first = true;
    for (;;) {
        while (s < n && c[s].space) s++;
        if (s >= n) break;
        double indent = first ? st->indent : 0;
        double avail = measure - indent;
        /* Scan: the best end at a break opportunity, at a unit boundary,
         * and at any character, that still fits; and the best break that
         * fits when the line's marks are squeezed. */
        size_t best_brk = 0, best_gap = 0, best_char = 0, best_sq = 0;
        double full = 0, trim = 0, shrink_in = 0, shrink_end = 0;
        for (size_t k = s; k < n; k++) {
            full += layout_advance(cfg, st->face, c[k].cp, st->size) +
                    (k > s ? st->char_space - c[k - 1].sq_fixed : 0);
            if (k > s) shrink_in += c[k - 1].sq_fit;
            if (!c[k].space) trim = full, shrink_end = c[k].sq_end;
            double tight = trim - shrink_in - shrink_end; /* all squeezed */
            if (tight > avail + EPS && !c[k].space) break;
            size_t e = k + 1;
            if (trim <= avail + EPS) {
                if (e == n || c[e].brk) best_brk = e;
                if (e == n || c[e].gap) best_gap = e;
                best_char = e;
            } else if (tight <= avail + EPS && (e == n || c[e].brk)) {
                best_sq = e;
            }
        }
        size_t e = best_brk ? best_brk : best_gap ? best_gap : best_char ? best_char : s + 1;
        if (best_sq > best_brk && st->align == LAYOUT_JUSTIFY && best_brk) {
            /* push in rather than spread wide: only when the line ending at
             * best_brk would have more than fit_loose em between units */
            size_t a = best_brk, gaps = 0;
            while (a > s && c[a - 1].space) a--;
            for (size_t k = s + 1; k < a; k++) gaps += c[k].gap;
            double slack = avail - chars_width(cfg, st, c, s, a);
            if (gaps == 0 || slack / (double)gaps > cfg->squeeze_loose * st->size) e = best_sq;
        } else if (best_sq > best_brk) {
            e = best_sq; /* no break fits unsqueezed */
        }
        size_t next = e;
        while (e > s && c[e - 1].space) e--;
        bool last = true;
        for (size_t k = next; k < n; k++)
            if (!c[k].space) {
                last = false;
                break;
            }
        layout_line line = {0};
        line.start = c[s].off;
        line.end = c[e - 1].off + c[e - 1].len;
        line.natural = chars_width(cfg, st, c, s, e);
        for (size_t k = s + 1; k < e; k++)
            if (c[k].gap) line.gaps++;
        if (line.natural > avail + EPS) { /* pushed in: squeeze what it takes */
            double at_end, in = line_shrink(c, s, e, &at_end);
            line.squeeze = line.natural - avail;
            if (line.squeeze > in + at_end) line.squeeze = in + at_end; /* a run too long */
        }
        double slack = avail - (line.natural - line.squeeze);
        line.x = indent;
        switch (st->align) {
        case LAYOUT_JUSTIFY:
            if (!last && line.gaps > 0 && slack > EPS && line.squeeze == 0)
                line.extra = slack / (double)line.gaps;
            break;
        case LAYOUT_LEFT:
            break;
        case LAYOUT_CENTER:
            line.x += slack / 2;
            break;
        case LAYOUT_RIGHT:
            line.x += slack;
            break;
        }
        line.width = line.natural - line.squeeze + (double)line.gaps * line.extra;
        lines_push(&p->lines, line);
        s = next;
        first = false;
    }
    para_memo_put(cfg, text, len, st, measure, p);
}

void para_free(para_set *p)
{
    free(p->chars);
    layout_lines_free(&p->lines);
    p->chars = NULL;
    p->n = 0;
}

void layout_break_text(const layout_config *cfg, const layout_text_style *st,
                       const char *text, double measure, layout_lines *out)
{
    para_set p = {0};
    para_break(&p, cfg, st, text, measure);
    for (size_t i = 0; i < p.lines.count; i++) lines_push(out, p.lines.items[i]);
    para_free(&p);
}

double layout_text_width(const layout_config *cfg, const layout_text_style *st,
                         const char *text, size_t start, size_t end)
{
    size_t n;
    double w;
    if (width_memo_get(cfg, text + start, end - start, st, &w)) return w; /* measured so before */
    text_char *c = text_chars(cfg, text + start, end - start, false, &n);
    text_mark_squeeze(cfg, st, c, n); /* adjacent marks, as set */
    w = chars_width(cfg, st, c, 0, n);
    free(c);
    width_memo_put(cfg, text + start, end - start, st, w);
    return w;
}

void line_emit(layout_page *page, const layout_config *cfg, const layout_text_style *st,
               const char *text, const para_set *p, size_t li, double left,
               double baseline)
{
    const layout_line *line = &p->lines.items[li];
    const text_char *c = p->chars;
    /* The characters of the line: the first by binary search on offsets. */
    size_t lo = 0, hi = p->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c[mid].off < line->start)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t s = lo, e = s;
    while (e < p->n && c[e].off < line->end) e++;
    if (s >= e) return;
    double x = left + line->x;
    /* A pushed-in line: the end mark's blank half first, the rest evenly
     * from the marks inside (the same split as para_break's). */
    double ratio = 0;
    if (line->squeeze > 0) {
        double at_end, in = line_shrink(c, s, e, &at_end);
        double rest = line->squeeze - (line->squeeze < at_end ? line->squeeze : at_end);
        ratio = in > 0 ? rest / in : 0;
        if (ratio > 1) ratio = 1;
    }
    size_t span_start = s;
    double span_x = x, span_after = 0;
    for (size_t k = s; k < e; k++) {
        double after = st->char_space + (k + 1 < e && c[k + 1].gap ? line->extra : 0) -
                       (k + 1 < e ? c[k].sq_fixed + ratio * c[k].sq_fit : 0);
        if (k + 1 == e && k > span_start) after = span_after; /* the last one: no gap follows */
        if (k > span_start && after != span_after) {
            page_add_span(page, st->face, st->size, span_x, baseline, span_after, text,
                          c[span_start].off, c[k].off);
            span_start = k;
            span_x = x;
        }
        span_after = after;
        x += layout_advance(cfg, st->face, c[k].cp, st->size) + after;
    }
    page_add_span(page, st->face, st->size, span_x, baseline, span_after, text,
                  c[span_start].off, c[e - 1].off + c[e - 1].len);
}
