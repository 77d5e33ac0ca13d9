/* chart.c — set the charts of 第二部分 (图1–图7): bars of last year against
 * this year, pies of a structure, each with its caption under it.
 *
 * A chart takes a box of the text block `charts.lines` body lines high (its
 * caption on the last line) and is never split: at a page's foot it may
 * shrink to `charts.min_lines`, else flow.c moves it whole to the next
 * page. Everything is vector shapes (the
 * page's `shapes`, drawn by gen/pdf/chart.c under the text) plus ordinary
 * text spans, so labels and captions copy and search like the body text.
 *
 * Bars: one per item, in the style's colours in turn, the value above each
 * bar, its label (the year) under the axis, "单位：万元" at the top left.
 * Heights are proportional to the exact amounts (a double only for the
 * geometry). Negative amounts draw no bar but keep their label.
 *
 * Pies: slices clockwise from 12 o'clock in item order, separated by a thin
 * white line; a slice of at least `inside_min` of the whole carries its
 * percentage inside, a smaller one outside with a leader line (outside
 * labels on each side are pushed apart so they never overlap); items of 0
 * get no slice. The legend on the right lists every item: colour, label,
 * amount and percentage in aligned columns. A pie with nothing to show
 * (all amounts 0) is its `empty_text` line and the caption. */
#include "internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MM_TO_PT (72.0 / 25.4)
#define PI 3.14159265358979323846
#define WHITE UINT32_C(0xFFFFFF)

static const char *const face_names[] = {"serif", "serif_bold", "sans", "sans_bold"};

/* ---- style ---- */

/* "#RRGGBB" → 0xRRGGBB; false when malformed. */
static bool parse_colour(const char *s, uint32_t *out)
{
    if (!s || s[0] != '#' || strlen(s) != 7) return false;
    uint32_t v = 0;
    for (int i = 1; i < 7; i++) {
        char c = s[i];
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0) return false;
        v = v << 4 | (uint32_t)d;
    }
    *out = v;
    return true;
}

static uint32_t read_colour(yaml_file *y, const value *m, const char *key, const char *where)
{
    char *s = yaml_str(y, m, key, where);
    uint32_t c = 0;
    if (*s && !parse_colour(s, &c)) {
        char k[64];
        snprintf(k, sizeof k, "%s.%s", where, key);
        diag_error(y->diags, yaml_node_pos(y, yaml_get(m, key), k), "%s 应为 \"#RRGGBB\" 形式的颜色，实为“%s”",
                   k, s);
        y->errors++;
    }
    free(s);
    return c;
}

void chart_style_read(yaml_file *y, layout_config *cfg)
{
    static const char *const keys[] = {"lines", "min_lines", "empty_lines", "caption_face", "caption_size",
                                       "label_face", "label_size", "bar_width", "bar_gap",
                                       "inside_min", "line_width", "slice_border", "axis_colour",
                                       "colours", NULL};
    const char *w = "charts";
    const value *m = yaml_map(y, y->root, "charts", "");
    if (!m) return;
    yaml_check_keys(y, m, keys, w);
    layout_chart_style *s = &cfg->chart;
    double lines = yaml_num(y, m, "lines", w, 3, 22);
    double min_lines = yaml_num(y, m, "min_lines", w, 3, 22);
    double empty_lines = yaml_num(y, m, "empty_lines", w, 1, 22);
    s->caption_face = (font_face)yaml_choice(y, m, "caption_face", w, face_names, FACE_COUNT);
    s->caption_size = yaml_num(y, m, "caption_size", w, 4, 72);
    s->label_face = (font_face)yaml_choice(y, m, "label_face", w, face_names, FACE_COUNT);
    s->label_size = yaml_num(y, m, "label_size", w, 4, 72);
    s->bar_width = yaml_num(y, m, "bar_width", w, 1, 200) * MM_TO_PT;
    s->bar_gap = yaml_num(y, m, "bar_gap", w, 0, 200) * MM_TO_PT;
    s->inside_min = yaml_num(y, m, "inside_min", w, 0, 100) / 100;
    s->line_width = yaml_num(y, m, "line_width", w, 0.05, 5);
    s->slice_border = yaml_num(y, m, "slice_border", w, 0, 5);
    s->axis_colour = read_colour(y, m, "axis_colour", w);
    const value *list = yaml_get(m, "colours");
    if (!list || value_get_type(list) != VALUE_LIST || value_count(list) == 0) {
        diag_error(y->diags, yaml_node_pos(y, list ? list : m, list ? "charts.colours" : w),
                   "charts.colours 应为颜色列表（\"#RRGGBB\"，至少一个）");
        y->errors++;
    } else {
        s->n_colours = value_count(list);
        s->colours = xcalloc(s->n_colours, sizeof *s->colours);
        for (size_t i = 0; i < s->n_colours; i++) {
            const char *t = yaml_text(value_at(list, i));
            if (!parse_colour(t, &s->colours[i])) {
                char k[64];
                snprintf(k, sizeof k, "charts.colours.%zu", i);
                diag_error(y->diags, yaml_node_pos(y, value_at(list, i), k),
                           "%s 应为 \"#RRGGBB\" 形式的颜色，实为“%s”", k, t ? t : "");
                y->errors++;
            }
        }
    }
    s->height = lines * cfg->line_pitch;
    s->min_height = (min_lines < lines ? min_lines : lines) * cfg->line_pitch;
    s->empty_height = empty_lines * cfg->line_pitch;
}

void chart_style_free(layout_config *cfg)
{
    free(cfg->chart.colours);
    cfg->chart.colours = NULL;
    cfg->chart.n_colours = 0;
}

/* ---- helpers ---- */

static layout_shape *shape_add(layout_page *page, layout_shape_kind kind)
{
    if (page->n_shapes == page->shapes_cap) {
        page->shapes_cap = page->shapes_cap ? page->shapes_cap * 2 : 32;
        page->shapes = xrealloc(page->shapes, page->shapes_cap * sizeof *page->shapes);
    }
    layout_shape *s = &page->shapes[page->n_shapes++];
    memset(s, 0, sizeof *s);
    s->kind = kind;
    s->fill = s->stroke = LAYOUT_NO_COLOUR;
    s->elem = page->mark;
    return s;
}

static void line_add(layout_page *page, double x0, double y0, double x1, double y1, double width,
                     uint32_t colour)
{
    layout_shape *s = shape_add(page, SHAPE_LINE);
    s->x = x0, s->y = y0, s->w = x1 - x0, s->h = y1 - y0;
    s->stroke = colour;
    s->line_width = width;
}

static uint32_t colour_at(const layout_config *cfg, size_t i)
{
    return cfg->chart.n_colours ? cfg->chart.colours[i % cfg->chart.n_colours] : 0x808080;
}

static double text_w(const layout_config *cfg, font_face face, double size, const char *t)
{
    layout_text_style st = {face, size, 0, 0, LAYOUT_LEFT};
    return layout_text_width(cfg, &st, t, 0, strlen(t));
}

typedef enum anchor { AT_LEFT, AT_CENTER, AT_RIGHT } anchor;

/* Set `t` on one line with its baseline at y, anchored at x. */
static void label(layout_page *page, const layout_config *cfg, font_face face, double size,
                  double x, double y, anchor a, const char *t)
{
    double w = a == AT_LEFT ? 0 : text_w(cfg, face, size, t);
    page_add_span(page, face, size, a == AT_LEFT ? x : a == AT_CENTER ? x - w / 2 : x - w, y, 0, t,
                  0, strlen(t));
}

/* The baseline that centres text of `size` in `face` vertically on y. */
static double mid_base(const layout_config *cfg, font_face face, double size, double y)
{
    const layout_font *f = &cfg->fonts[face];
    return y - size * (f->ascent + f->descent) / 2;
}

static char *with_percent(const char *share)
{
    buf b = {0};
    buf_printf(&b, "%s%%", share);
    return buf_detach(&b);
}

/* ---- bars ---- */

static void emit_bar(layout_page *page, const layout_config *cfg, const chart_data *c,
                     double left, double top, double width, double bottom)
{
    const layout_chart_style *s = &cfg->chart;
    font_face lf = s->label_face;
    double ls = s->label_size;
    buf unit_line = {0};
    buf_printf(&unit_line, "单位：%s", c->unit);
    label(page, cfg, lf, ls, left, top - ls * 1.2, AT_LEFT, buf_cstr(&unit_line));
    buf_free(&unit_line);
    if (c->n_items == 0) return;

    double axis = bottom + ls * 2.2;        /* the labels under it */
    double plot_top = top - ls * 1.8 - ls * 1.6; /* unit line, then the values above the bars */
    money_t max = 0;
    for (size_t i = 0; i < c->n_items; i++)
        if (c->items[i].value > max) max = c->items[i].value;
    size_t n = c->n_items;
    double bw = s->bar_width, gap = s->bar_gap;
    /* the labels under the bars must not run into each other */
    for (size_t i = 0; i < n; i++) {
        double lw = text_w(cfg, lf, ls, c->items[i].label) + ls;
        if (lw > bw + gap) gap = lw - bw;
    }
    double group = (double)n * bw + (double)(n - 1) * gap;
    if (group > width * 0.9) { /* many bars: narrower, closer */
        double k = width * 0.9 / group;
        bw *= k, gap *= k, group = width * 0.9;
    }
    double x0 = left + (width - group) / 2;
    for (size_t i = 0; i < n; i++) {
        const chart_item *it = &c->items[i];
        double x = x0 + (double)i * (bw + gap);
        double h = max > 0 && it->value > 0 ? (plot_top - axis) * ((double)it->value / (double)max) : 0;
        if (h > 0) {
            layout_shape *r = shape_add(page, SHAPE_RECT);
            r->x = x, r->y = axis, r->w = bw, r->h = h;
            r->fill = colour_at(cfg, i);
        }
        label(page, cfg, lf, ls, x + bw / 2, axis + h + ls * 0.45, AT_CENTER, it->value_text);
        label(page, cfg, lf, ls, x + bw / 2, axis - ls * 1.4, AT_CENTER, it->label);
    }
    double pad = gap > 0 ? gap / 2 : bw / 2;
    line_add(page, x0 - pad, axis, x0 + group + pad, axis, s->line_width, s->axis_colour);
}

/* ---- pies ---- */

typedef struct pie_label {
    size_t item;
    double mid;    /* slice middle, degrees clockwise from 12 o'clock */
    double y;      /* centre of the label line */
    bool right;    /* on the right half */
} pie_label;

static int by_y_desc(const void *a, const void *b)
{
    const pie_label *p = a, *q = b;
    return p->y > q->y ? -1 : p->y < q->y ? 1 : (p->item > q->item) - (p->item < q->item);
}

/* Push outside labels of one side apart: at least `pitch` between centres,
 * within [lo, hi]. `l` is sorted top to bottom. */
static void spread(pie_label *l, size_t n, double pitch, double lo, double hi)
{
    for (size_t i = 0; i < n; i++) {
        if (l[i].y > hi) l[i].y = hi;
        if (i > 0 && l[i].y > l[i - 1].y - pitch) l[i].y = l[i - 1].y - pitch;
    }
    for (size_t i = n; i-- > 0;) {
        if (l[i].y < lo) l[i].y = lo;
        if (i + 1 < n && l[i].y < l[i + 1].y + pitch) l[i].y = l[i + 1].y + pitch;
    }
}

static void emit_pie(layout_page *page, const layout_config *cfg, const chart_data *c,
                     double left, double top, double width, double bottom)
{
    const layout_chart_style *s = &cfg->chart;
    font_face lf = s->label_face;
    double ls = s->label_size;
    size_t n = c->n_items;
    double total = 0;
    for (size_t i = 0; i < n; i++)
        if (c->items[i].value > 0) total += (double)c->items[i].value;

    /* Legend: colour box, label, amount, percentage. On one line in
     * columns when that takes at most 45% of the width; else two lines per
     * item (the label, then amount and percentage under it); the size
     * shrinks (down to 80%) when even that is too wide. */
    char **amount = xcalloc(n ? n : 1, sizeof *amount), **pct = xcalloc(n ? n : 1, sizeof *pct);
    for (size_t i = 0; i < n; i++) {
        buf b = {0};
        buf_printf(&b, "%s%s", c->items[i].value_text, c->unit);
        amount[i] = buf_detach(&b);
        pct[i] = c->items[i].share_text ? with_percent(c->items[i].share_text) : xstrdup("");
    }
    double gs = ls, lw = 0, aw = 0, pw = 0, legend = 0;
    bool two = false;
    for (int round = 0; round < 6; round++) {
        lw = aw = pw = 0;
        for (size_t i = 0; i < n; i++) {
            lw = fmax(lw, text_w(cfg, lf, gs, c->items[i].label));
            aw = fmax(aw, text_w(cfg, lf, gs, amount[i]));
            pw = fmax(pw, text_w(cfg, lf, gs, pct[i]));
        }
        legend = gs * 1.5 + lw + gs + aw + gs + pw;
        two = legend > width * 0.45;
        if (two) legend = gs * 1.5 + fmax(lw, aw + gs + pw);
        if (legend <= width * 0.45 || gs <= ls * 0.8) break;
        gs *= 0.95;
    }
    double h = top - bottom;
    double row = fmin(gs * (two ? 3.0 : 1.7), h / (double)(n ? n : 1));
    double ly = top - (h - row * (double)n) / 2; /* top of the first row */
    double lx = left + width - legend;
    for (size_t i = 0; i < n; i++) {
        double cy = ly - row * ((double)i + 0.5);
        double y1 = two ? cy + gs * 0.65 : cy, y2 = two ? cy - gs * 0.65 : cy;
        layout_shape *r = shape_add(page, SHAPE_RECT);
        r->x = lx, r->y = y1 - gs * 0.4, r->w = gs * 0.8, r->h = gs * 0.8;
        r->fill = colour_at(cfg, i);
        double tx = lx + gs * 1.5;
        label(page, cfg, lf, gs, tx, mid_base(cfg, lf, gs, y1), AT_LEFT, c->items[i].label);
        double ax = two ? tx + aw : tx + lw + gs + aw;
        label(page, cfg, lf, gs, ax, mid_base(cfg, lf, gs, y2), AT_RIGHT, amount[i]);
        label(page, cfg, lf, gs, ax + gs + pw, mid_base(cfg, lf, gs, y2), AT_RIGHT, pct[i]);
    }

    /* The pie in the space left of the legend, room for outside labels
     * around it. */
    double outside_w = 0;
    bool any_outside = false;
    for (size_t i = 0; i < n; i++) {
        double v = (double)c->items[i].value;
        if (v > 0 && v < total * s->inside_min && v < total) {
            any_outside = true;
            outside_w = fmax(outside_w, text_w(cfg, lf, ls, pct[i]));
        }
    }
    double area = width - legend - ls * 2;
    double margin_x = any_outside ? outside_w + ls * 1.8 : ls * 0.5;
    double margin_y = any_outside ? ls * 1.6 : ls * 0.5;
    double r = fmin(area / 2 - margin_x, h / 2 - margin_y);
    if (r < ls * 2) r = ls * 2;
    double cx = left + area / 2, cy = bottom + h / 2;

    pie_label *out = xcalloc(n ? n : 1, sizeof *out);
    size_t n_out = 0;
    double a = 0;
    for (size_t i = 0; i < n; i++) {
        double v = (double)c->items[i].value;
        if (v <= 0) continue;
        double span = v >= total ? 360 : 360 * v / total;
        layout_shape *sl = shape_add(page, SHAPE_SECTOR);
        sl->x = cx, sl->y = cy, sl->r = r, sl->a0 = a, sl->a1 = a + span;
        sl->fill = colour_at(cfg, i);
        if (s->slice_border > 0 && span < 360) sl->stroke = WHITE, sl->line_width = s->slice_border;
        double mid = (a + span / 2) * PI / 180;
        if (!c->items[i].share_text) {
            /* no percentage to print */
        } else if (span >= 360) {
            label(page, cfg, lf, ls, cx, mid_base(cfg, lf, ls, cy), AT_CENTER, pct[i]);
        } else if (v >= total * s->inside_min) {
            double tx = cx + 0.62 * r * sin(mid), ty = cy + 0.62 * r * cos(mid);
            label(page, cfg, lf, ls, tx, mid_base(cfg, lf, ls, ty), AT_CENTER, pct[i]);
        } else {
            out[n_out].item = i;
            out[n_out].mid = a + span / 2;
            out[n_out].y = cy + (r + ls * 0.8) * cos(mid);
            out[n_out].right = sin(mid) >= 0;
            n_out++;
        }
        a += span;
    }

    /* Outside labels: each side from the top down, pushed apart. */
    qsort(out, n_out, sizeof *out, by_y_desc);
    pie_label *side = xcalloc(n_out ? n_out : 1, sizeof *side);
    for (int right = 0; right < 2; right++) {
        size_t k = 0;
        for (size_t i = 0; i < n_out; i++)
            if (out[i].right == (right == 1)) side[k++] = out[i];
        spread(side, k, ls * 1.25, bottom + ls * 0.6, top - ls * 0.6);
        for (size_t i = 0; i < k; i++) {
            const pie_label *p = &side[i];
            double m = p->mid * PI / 180, dir = right ? 1 : -1;
            double px = cx + r * sin(m), py = cy + r * cos(m);
            double ex = cx + dir * (fabs(r * sin(m)) + ls * 0.9);
            double ey = p->y;
            if (fabs(ex - cx) < fabs(px - cx)) ex = px + dir * ls * 0.5;
            line_add(page, px, py, ex, ey, s->line_width, s->axis_colour);
            line_add(page, ex, ey, ex + dir * ls * 0.5, ey, s->line_width, s->axis_colour);
            label(page, cfg, lf, ls, ex + dir * ls * 0.7, mid_base(cfg, lf, ls, ey),
                  right ? AT_LEFT : AT_RIGHT, pct[p->item]);
        }
    }
    free(side);
    free(out);
    for (size_t i = 0; i < n; i++) free(amount[i]), free(pct[i]);
    free(amount);
    free(pct);
}

/* ---- the box ---- */

static bool pie_empty(const chart_data *c)
{
    if (c->kind != CHART_PIE) return false;
    for (size_t i = 0; i < c->n_items; i++)
        if (c->items[i].value > 0) return false;
    return true;
}

double chart_height(const layout_config *cfg, const chart_data *c)
{
    if (!c) return 0;
    return pie_empty(c) ? cfg->chart.empty_height : cfg->chart.height;
}

double chart_min_height(const layout_config *cfg, const chart_data *c)
{
    if (!c) return 0;
    return pie_empty(c) ? cfg->chart.empty_height : cfg->chart.min_height;
}

void chart_emit(layout_page *page, const layout_config *cfg, const chart_data *c, double left,
                double top, double width, double height)
{
    if (!c) return;
    const layout_chart_style *s = &cfg->chart;
    double pitch = cfg->line_pitch;
    double h = height;
    double cap_top = top - h + pitch; /* the caption's line slot */
    double cap_base = layout_baseline(cfg, s->caption_face, s->caption_size, cap_top, pitch);
    label(page, cfg, s->caption_face, s->caption_size, left + width / 2, cap_base, AT_CENTER,
          c->caption);
    if (pie_empty(c)) {
        const char *t = c->empty_text ? c->empty_text : "";
        double base = layout_baseline(cfg, cfg->body.face, cfg->body.size, cap_top + (h - pitch),
                                      h - pitch);
        label(page, cfg, cfg->body.face, cfg->body.size, left + width / 2, base, AT_CENTER, t);
        return;
    }
    double inner_top = top - pitch * 0.3, inner_bottom = cap_top + pitch * 0.1;
    if (c->kind == CHART_BAR)
        emit_bar(page, cfg, c, left, inner_top, width, inner_bottom);
    else
        emit_pie(page, cfg, c, left, inner_top, width, inner_bottom);
}

char *chart_alt(const chart_data *c)
{
    buf b = {0};
    buf_puts(&b, c->caption ? c->caption : "");
    if (pie_empty(c)) {
        if (c->empty_text) buf_printf(&b, "。%s", c->empty_text);
        return buf_detach(&b);
    }
    buf_printf(&b, "（单位：%s）：", c->unit ? c->unit : "");
    for (size_t i = 0; i < c->n_items; i++) {
        const chart_item *it = &c->items[i];
        buf_printf(&b, "%s%s %s", i ? "；" : "", it->label ? it->label : "", it->value_text ? it->value_text : "");
        if (it->share_text) buf_printf(&b, "（%s%%）", it->share_text);
    }
    buf_puts(&b, "。");
    return buf_detach(&b);
}

char *chart_text(const layout_config *cfg, const chart_data *c, font_face face)
{
    if (!c) return NULL;
    const layout_chart_style *s = &cfg->chart;
    buf b = {0};
    if (face == s->caption_face) buf_puts(&b, c->caption);
    if (pie_empty(c)) {
        if (face == cfg->body.face && c->empty_text) buf_puts(&b, c->empty_text);
    } else if (face == s->label_face) {
        buf_printf(&b, "单位：%s0123456789.%%", c->unit);
        for (size_t i = 0; i < c->n_items; i++) {
            buf_puts(&b, c->items[i].label);
            buf_puts(&b, c->items[i].value_text);
            if (c->items[i].share_text) buf_puts(&b, c->items[i].share_text);
        }
    }
    if (b.len == 0) {
        buf_free(&b);
        return NULL;
    }
    return buf_detach(&b);
}
