/* config.c — the layout configuration: style.yaml plus fonts.yaml. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

layout_config *layout_config_load(const char *style_path, const char *fonts_path,
                                  const char *root, diag_list *diags)
{
    layout_config *cfg = xcalloc(1, sizeof *cfg);
    cfg->style_path = xstrdup(style_path);
    int rc = style_load(cfg, style_path, diags);
    if (fonts_load(cfg, fonts_path, root, diags) != 0) rc = -1;
    uax14_open(cfg); /* the line break iterator, reused for every paragraph */
    if (rc != 0) {
        layout_config_free(cfg);
        return NULL;
    }
    return cfg;
}

void layout_config_free(layout_config *cfg)
{
    if (!cfg) return;
    fonts_free(cfg);
    style_free(cfg);
    uax14_close(cfg);
    text_cache_clear(cfg);
    free(cfg->style_path);
    free(cfg);
}

const char *layout_config_font_path(const layout_config *cfg, font_face face)
{
    if (face < 0 || face >= FACE_COUNT) return NULL;
    return cfg->fonts[face].path;
}

int layout_config_font_index(const layout_config *cfg, font_face face)
{
    if (face < 0 || face >= FACE_COUNT) return 0;
    return cfg->fonts[face].index;
}

void layout_config_page_size(const layout_config *cfg, double *width, double *height)
{
    *width = cfg->page_w;
    *height = cfg->page_h;
}

layout_text_style layout_config_body_style(const layout_config *cfg)
{
    return cfg->body;
}

double layout_config_measure(const layout_config *cfg)
{
    return cfg->text_w;
}

void layout_config_margins(const layout_config *cfg, bool landscape, double mm[4])
{
    const double pt_per_mm = 72.0 / 25.4;
    if (landscape) { /* the page turned: page_h wide, page_w high */
        mm[0] = cfg->table.land_top / pt_per_mm;
        mm[3] = cfg->table.land_left / pt_per_mm;
        mm[1] = (cfg->page_h - cfg->table.land_left - cfg->table.land_w) / pt_per_mm;
        mm[2] = (cfg->page_w - cfg->table.land_top - cfg->table.land_h) / pt_per_mm;
    } else {
        mm[0] = cfg->margin_top / pt_per_mm;
        mm[3] = cfg->margin_left / pt_per_mm;
        mm[1] = (cfg->page_w - cfg->margin_left - cfg->text_w) / pt_per_mm;
        mm[2] = (cfg->page_h - cfg->margin_top - cfg->text_h) / pt_per_mm;
    }
}

const uint32_t *layout_config_chart_colours(const layout_config *cfg, size_t *n)
{
    *n = cfg->chart.n_colours;
    return cfg->chart.colours;
}
