/* fontbench.c — `make bench`: the cost of the fonts alone, with and without
 * subsetting. Reads UTF-8 text on stdin (bench.sh feeds it the rendered
 * markup of the example unit) and, RUNS times each (default 10):
 *   - opens the four faces of fonts/fonts.yaml with FreeType and checks
 *     them (layout_config_load: what every build does first);
 *   - writes a PDF that embeds the body face with libharu and sets every
 *     distinct character of the text once: the whole font file (as libharu
 *     2.3.0 does it alone), then the hb-subset font (gen/pdf/subset.c);
 * and prints the median times and the PDF sizes. Run from the project
 * root: fontbench RUNS < text. */
#include "../../gen/pdf/subset.h"

#include <hpdf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static void on_error(HPDF_STATUS code, HPDF_STATUS detail, void *user)
{
    (void)detail;
    *(HPDF_STATUS *)user = code;
}

/* One PDF: the body face embedded (subset or whole), the characters set in
 * lines of 20. Returns the file size, or -1; *load_ms gets the time to
 * have the font ready (hb-subset and libharu's loading), *save_ms that of
 * writing the file (where libharu embeds the font). */
static long write_pdf(const layout_config *cfg, const uint32_t *cps, size_t n, bool subset,
                      const char *out, double *load_ms, double *save_ms)
{
    double t0 = now_ms();
    HPDF_STATUS err = 0;
    HPDF_Doc pdf = HPDF_New(on_error, &err);
    HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(pdf);
    const char *path = layout_config_font_path(cfg, FACE_SERIF);
    const char *name = NULL;
    if (subset) {
        diag_list dl = {0};
        char *tmp = pdf_font_subset(path, layout_config_font_index(cfg, FACE_SERIF), cps, n, &dl);
        diag_list_free(&dl);
        if (tmp) {
            name = HPDF_LoadTTFontFromFile(pdf, tmp, HPDF_TRUE);
            unlink(tmp);
            free(tmp);
        }
    } else {
        name = HPDF_LoadTTFontFromFile(pdf, path, HPDF_TRUE);
    }
    HPDF_Font font = name ? HPDF_GetFont(pdf, name, "UTF-8") : NULL;
    *load_ms = now_ms() - t0;
    if (!font) {
        HPDF_Free(pdf);
        return -1;
    }
    HPDF_Page page = HPDF_AddPage(pdf);
    HPDF_Page_BeginText(page);
    HPDF_Page_SetFontAndSize(page, font, 8);
    buf line = {0};
    double y = 800;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = cps[i];
        if (c < 0x20 || c > 0xFFFF) continue;
        char u[4];
        if (c < 0x80) {
            u[0] = (char)c;
            buf_append(&line, u, 1);
        } else if (c < 0x800) {
            u[0] = (char)(0xC0 | c >> 6), u[1] = (char)(0x80 | (c & 0x3F));
            buf_append(&line, u, 2);
        } else {
            u[0] = (char)(0xE0 | c >> 12), u[1] = (char)(0x80 | ((c >> 6) & 0x3F)),
            u[2] = (char)(0x80 | (c & 0x3F));
            buf_append(&line, u, 3);
        }
        if (line.len >= 60 || i + 1 == n) {
            HPDF_Page_TextOut(page, 20, (HPDF_REAL)y, buf_cstr(&line));
            buf_free(&line);
            y -= 9;
            if (y < 20) y = 800;
        }
    }
    buf_free(&line);
    HPDF_Page_EndText(page);
    t0 = now_ms();
    HPDF_SaveToFile(pdf, out);
    *save_ms = now_ms() - t0;
    HPDF_Free(pdf);
    struct stat st;
    return err == 0 && stat(out, &st) == 0 ? (long)st.st_size : -1;
}

int main(int argc, char **argv)
{
    int runs = argc > 1 ? atoi(argv[1]) : 10;
    if (runs < 1) runs = 1;
    size_t len = 0, cap = 1 << 16;
    char *text = xmalloc(cap);
    for (size_t k; (k = fread(text + len, 1, cap - len - 1, stdin)) > 0;) {
        len += k;
        if (len + 1 == cap) text = xrealloc(text, cap *= 2);
    }
    text[len] = '\0';

    double *t[7];
    for (int i = 0; i < 7; i++) t[i] = xcalloc((size_t)runs, sizeof(double));
    double *t_ft = t[0], *t_full = t[1], *t_sub = t[2], *l_full = t[3], *s_full = t[4],
           *l_sub = t[5], *s_sub = t[6];
    layout_config *cfg = NULL;
    for (int r = 0; r < runs; r++) {
        diag_list dl = {0};
        double t0 = now_ms();
        layout_config *c = layout_config_load("templates/style.yaml", "fonts/fonts.yaml", ".", &dl);
        t_ft[r] = now_ms() - t0;
        if (!c) {
            diag_print(&dl, stderr);
            return 1;
        }
        diag_list_free(&dl);
        if (cfg) layout_config_free(cfg);
        cfg = c;
    }

    /* the distinct characters of the text, through the same helper the
     * PDF writer uses (one span holding the whole text) */
    layout_page page = {0};
    layout_span span = {FACE_SERIF, 12, 0, 0, 0, text};
    page.spans = &span;
    page.n_spans = 1;
    layout_result res = {0};
    res.pages = &page;
    res.n_pages = 1;
    size_t n = 0;
    uint32_t *cps = pdf_font_codepoints(&res, cfg, FACE_SERIF, &n);

    char out[] = "/tmp/juesuan-fontbench-XXXXXX";
    int fd = mkstemp(out);
    if (fd < 0) return 1;
    close(fd);
    long size_full = 0, size_sub = 0;
    for (int r = 0; r < runs; r++) {
        double t0 = now_ms();
        size_full = write_pdf(cfg, cps, n, false, out, &l_full[r], &s_full[r]);
        t_full[r] = now_ms() - t0;
        t0 = now_ms();
        size_sub = write_pdf(cfg, cps, n, true, out, &l_sub[r], &s_sub[r]);
        t_sub[r] = now_ms() - t0;
    }
    unlink(out);
    printf("fonts alone (%d runs, medians): FreeType open + check of the 4 faces %.1f ms\n", runs,
           median(t_ft, runs));
    printf("  one PDF page embedding the body face, %zu distinct characters:\n", n);
    printf("    whole font (libharu alone): %.1f ms = load %.1f + save %.1f (+ setting the text); "
           "PDF %.0f KiB\n",
           median(t_full, runs), median(l_full, runs), median(s_full, runs), (double)size_full / 1024);
    printf("    hb-subset first:            %.1f ms = subset and load %.1f + save %.1f (+ setting the "
           "text); PDF %.0f KiB\n",
           median(t_sub, runs), median(l_sub, runs), median(s_sub, runs), (double)size_sub / 1024);
    free(cps);
    for (int i = 0; i < 7; i++) free(t[i]);
    layout_config_free(cfg);
    free(text);
    return size_full > 0 && size_sub > 0 ? 0 : 1;
}
