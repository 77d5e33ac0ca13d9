/* style.c — read templates/style.yaml into the configuration record.
 * Every number about the look comes from the file; nothing has a default
 * here. Lengths in the file are mm, sizes pt, vertical spaces in body
 * lines, indents in characters. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#define MM_TO_PT (72.0 / 25.4)

static const char *const face_choices[] = {"serif", "serif_bold", "sans", "sans_bold"};
static const char *const align_choices[] = {"justify", "left", "center", "right"};

static font_face read_face(yaml_file *y, const value *m, const char *key, const char *where)
{
    return (font_face)yaml_choice(y, m, key, where, face_choices, FACE_COUNT);
}

static void read_page(yaml_file *y, layout_config *cfg)
{
    static const char *const keys[] = {"width", "height", "margin_top", "margin_left",
                                       "text_width", "text_height", NULL};
    const value *m = yaml_map(y, y->root, "page", "");
    if (!m) return;
    yaml_check_keys(y, m, keys, "page");
    cfg->page_w = yaml_num(y, m, "width", "page", 50, 2000) * MM_TO_PT;
    cfg->page_h = yaml_num(y, m, "height", "page", 50, 2000) * MM_TO_PT;
    cfg->margin_top = yaml_num(y, m, "margin_top", "page", 0, 1000) * MM_TO_PT;
    cfg->margin_left = yaml_num(y, m, "margin_left", "page", 0, 1000) * MM_TO_PT;
    cfg->text_w = yaml_num(y, m, "text_width", "page", 10, 2000) * MM_TO_PT;
    cfg->text_h = yaml_num(y, m, "text_height", "page", 10, 2000) * MM_TO_PT;
    if (!y->errors && (cfg->margin_left + cfg->text_w > cfg->page_w + 0.01 ||
                       cfg->margin_top + cfg->text_h > cfg->page_h + 0.01)) {
        diag_error(y->diags, yaml_node_pos(y, m, "page"), "page：版心超出纸张（边距加版心大于纸张尺寸）");
        y->errors++;
    }
}

static void read_body(yaml_file *y, layout_config *cfg)
{
    static const char *const keys[] = {"face", "size", "chars_per_line", "lines_per_page",
                                       "indent", "keep_after_number", NULL};
    const value *m = yaml_map(y, y->root, "body", "");
    if (!m) return;
    yaml_check_keys(y, m, keys, "body");
    cfg->body.face = read_face(y, m, "face", "body");
    cfg->body.size = yaml_num(y, m, "size", "body", 4, 72);
    double chars = yaml_num(y, m, "chars_per_line", "body", 2, 200);
    double lines = yaml_num(y, m, "lines_per_page", "body", 1, 200);
    double indent = yaml_num(y, m, "indent", "body", 0, 20);
    char *keep = yaml_str(y, m, "keep_after_number", "body");
    cfg->keep_after_number = text_codepoints(keep, &cfg->n_keep_after_number);
    free(keep);
    if (y->errors) return;
    /* n characters and n-1 spaces between them fill the measure exactly. */
    int n = (int)chars;
    cfg->body.char_space = (cfg->text_w - n * cfg->body.size) / (n - 1);
    cfg->line_pitch = cfg->text_h / (int)lines;
    cfg->body.indent = indent * (cfg->body.size + cfg->body.char_space);
    cfg->body.align = LAYOUT_JUSTIFY;
}

/* A block style: a heading level (pitch and spaces in body lines, indent in
 * characters) or a cover line kind (pitch = leading × size, centred). */
static void read_block_style(yaml_file *y, layout_config *cfg, const value *m,
                             const char *where, layout_block_style *st, bool heading)
{
    static const char *const hkeys[] = {"face", "size", "align", "indent", "lines",
                                        "space_before", "space_after", "new_page", NULL};
    static const char *const ckeys[] = {"face", "size", "leading", "top", "gap", "bottom", NULL};
    yaml_check_keys(y, m, heading ? hkeys : ckeys, where);
    st->face = read_face(y, m, "face", where);
    st->size = yaml_num(y, m, "size", where, 4, 200);
    if (heading) {
        st->align = (layout_align)yaml_choice(y, m, "align", where, align_choices, 4);
        double indent = yaml_num(y, m, "indent", where, 0, 20);
        st->indent = indent * (st->size + cfg->body.char_space);
        st->pitch = yaml_num(y, m, "lines", where, 0.5, 10) * cfg->line_pitch;
        st->space_before = yaml_num(y, m, "space_before", where, 0, 20) * cfg->line_pitch;
        st->space_after = yaml_num(y, m, "space_after", where, 0, 20) * cfg->line_pitch;
        char *np = yaml_str(y, m, "new_page", where);
        if (strcmp(np, "true") == 0) {
            st->new_page = true;
        } else if (strcmp(np, "false") != 0) {
            char k[64];
            snprintf(k, sizeof k, "%s.new_page", where);
            diag_error(y->diags, yaml_node_pos(y, yaml_get(m, "new_page"), k),
                       "%s 应为 true 或 false", k);
            y->errors++;
        }
        free(np);
    } else {
        st->align = LAYOUT_CENTER;
        st->pitch = yaml_num(y, m, "leading", where, 0.5, 10) * st->size;
    }
}

static void read_headings(yaml_file *y, layout_config *cfg)
{
    static const char *const keys[] = {"1", "2", "3", "4", NULL};
    const value *m = yaml_map(y, y->root, "headings", "");
    if (!m) return;
    yaml_check_keys(y, m, keys, "headings");
    for (int level = 1; level <= 4; level++) {
        char key[16], where[48];
        snprintf(key, sizeof key, "%d", level);
        snprintf(where, sizeof where, "headings.%d", level);
        const value *h = yaml_map(y, m, key, "headings");
        if (h) read_block_style(y, cfg, h, where, &cfg->heading[level - 1], true);
    }
    cfg->outline_levels = (int)yaml_num(y, y->root, "outline_levels", "", 0, 4);
}

static void read_cover(yaml_file *y, layout_config *cfg)
{
    static const char *const keys[] = {"title", "sub", "date", NULL};
    const value *m = yaml_map(y, y->root, "cover", "");
    if (!m) return;
    yaml_check_keys(y, m, keys, "cover");
    const value *t = yaml_map(y, m, "title", "cover");
    const value *s = yaml_map(y, m, "sub", "cover");
    const value *d = yaml_map(y, m, "date", "cover");
    if (t) {
        read_block_style(y, cfg, t, "cover.title", &cfg->cover_title, false);
        cfg->cover_title_top = yaml_num(y, t, "top", "cover.title", 0, 1000) * MM_TO_PT;
    }
    if (s) {
        read_block_style(y, cfg, s, "cover.sub", &cfg->cover_sub, false);
        cfg->cover_sub_gap = yaml_num(y, s, "gap", "cover.sub", 0, 1000) * MM_TO_PT;
    }
    if (d) {
        read_block_style(y, cfg, d, "cover.date", &cfg->cover_date, false);
        cfg->cover_date_bottom = yaml_num(y, d, "bottom", "cover.date", 0, 1000) * MM_TO_PT;
    }
}

static void read_toc(yaml_file *y, layout_config *cfg)
{
    static const char *const keys[] = {"title", "title_face", "title_size", "title_lines",
                                       "title_space_after", "levels", "lines", "leader",
                                       "leader_pitch", "leader_gap", "entries", NULL};
    const value *m = yaml_map(y, y->root, "toc", "");
    if (!m) return;
    yaml_check_keys(y, m, keys, "toc");
    cfg->toc_title = yaml_str(y, m, "title", "toc");
    layout_block_style *th = &cfg->toc_heading;
    th->face = read_face(y, m, "title_face", "toc");
    th->size = yaml_num(y, m, "title_size", "toc", 4, 200);
    th->align = LAYOUT_CENTER;
    th->pitch = yaml_num(y, m, "title_lines", "toc", 0.5, 10) * cfg->line_pitch;
    th->space_after = yaml_num(y, m, "title_space_after", "toc", 0, 20) * cfg->line_pitch;
    cfg->toc_levels = (int)yaml_num(y, m, "levels", "toc", 1, 4);
    cfg->toc_pitch = yaml_num(y, m, "lines", "toc", 0.5, 10) * cfg->line_pitch;
    cfg->toc_leader = yaml_str(y, m, "leader", "toc");
    size_t n = 0;
    uint32_t *cps = text_codepoints(cfg->toc_leader, &n);
    if (n != 1) {
        diag_error(y->diags, yaml_node_pos(y, yaml_get(m, "leader"), "toc.leader"),
                   "toc.leader 应为一个字符");
        y->errors++;
    } else {
        cfg->toc_leader_cp = cps[0];
    }
    free(cps);
    cfg->toc_leader_pitch = yaml_num(y, m, "leader_pitch", "toc", 0.1, 4);
    cfg->toc_leader_gap = yaml_num(y, m, "leader_gap", "toc", 0, 4);
    const value *e = yaml_map(y, m, "entries", "toc");
    if (!e) return;
    static const char *const ekeys[] = {"face", "size", "indent", NULL};
    for (int level = 1; level <= cfg->toc_levels; level++) {
        char key[16], where[48];
        snprintf(key, sizeof key, "%d", level);
        snprintf(where, sizeof where, "toc.entries.%d", level);
        const value *h = yaml_map(y, e, key, "toc.entries");
        if (!h) continue;
        yaml_check_keys(y, h, ekeys, where);
        layout_toc_entry_style *st = &cfg->toc_entry[level - 1];
        st->face = read_face(y, h, "face", where);
        st->size = yaml_num(y, h, "size", where, 4, 200);
        st->indent = yaml_num(y, h, "indent", where, 0, 20) * (st->size + cfg->body.char_space);
    }
}

static void read_footer(yaml_file *y, layout_config *cfg)
{
    static const char *const keys[] = {"face", "size", "prefix", "suffix", "below",
                                       "position", "outside_indent", NULL};
    static const char *const positions[] = {"center", "outside"};
    const value *m = yaml_map(y, y->root, "footer", "");
    if (!m) return;
    yaml_check_keys(y, m, keys, "footer");
    cfg->footer_face = read_face(y, m, "face", "footer");
    cfg->footer_size = yaml_num(y, m, "size", "footer", 4, 72);
    cfg->footer_prefix = yaml_str(y, m, "prefix", "footer");
    cfg->footer_suffix = yaml_str(y, m, "suffix", "footer");
    cfg->footer_below = yaml_num(y, m, "below", "footer", 0, 200) * MM_TO_PT;
    cfg->footer_pos =
        yaml_choice(y, m, "position", "footer", positions, 2) == 0 ? FOOTER_CENTER : FOOTER_OUTSIDE;
    cfg->footer_outside_indent =
        yaml_num(y, m, "outside_indent", "footer", 0, 20) * cfg->footer_size;
}

int style_load(layout_config *cfg, const char *style_path, diag_list *diags)
{
    yaml_file y;
    if (yaml_open(&y, style_path, diags) != 0) return -1;
    static const char *const keys[] = {"page", "body", "headings", "outline_levels", "cover",
                                       "toc", "footer", "tables", "charts", "punctuation", NULL};
    yaml_check_keys(&y, y.root, keys, "");
    /* Read every section so that all mistakes are reported at once; values
     * derived from others are computed only while there is no error. */
    read_page(&y, cfg);
    read_body(&y, cfg);
    read_headings(&y, cfg);
    read_cover(&y, cfg);
    read_toc(&y, cfg);
    read_footer(&y, cfg);
    table_style_read(&y, cfg); /* table.c */
    chart_style_read(&y, cfg); /* chart.c */
    punct_style_read(&y, cfg); /* squeeze.c */
    int rc = y.errors ? -1 : 0;
    yaml_close(&y);
    return rc;
}

void style_free(layout_config *cfg)
{
    free(cfg->keep_after_number);
    free(cfg->toc_title);
    free(cfg->toc_leader);
    free(cfg->footer_prefix);
    free(cfg->footer_suffix);
    cfg->keep_after_number = NULL;
    chart_style_free(cfg);
    cfg->toc_title = cfg->toc_leader = cfg->footer_prefix = cfg->footer_suffix = NULL;
}
