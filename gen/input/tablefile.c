/* tablefile.c — which CSV under tables/ holds a table: matched by the NN_
 * prefix of the spec's file name, so "13_财政拨款“三公”经费支出决算表.csv"
 * (the printed title, with its quotes) is as good as the spec's name. */
#include "input.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

char *table_file_find(const char *tables_dir, const char *spec_file, diag_list *diags)
{
    buf exact = {0};
    buf_printf(&exact, "%s/%s", tables_dir, spec_file);
    FILE *f = fopen(buf_cstr(&exact), "rb");
    if (f) {
        fclose(f);
        return buf_detach(&exact);
    }
    const char *us = strchr(spec_file, '_');
    DIR *d = us ? opendir(tables_dir) : NULL;
    if (!d) return buf_detach(&exact); /* the reader reports it missing */
    size_t plen = (size_t)(us - spec_file) + 1;
    char **found = NULL;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t l = strlen(e->d_name);
        if (l > plen + 4 && strncmp(e->d_name, spec_file, plen) == 0 && strcmp(e->d_name + l - 4, ".csv") == 0) {
            found = xrealloc(found, (n + 1) * sizeof *found);
            found[n++] = xstrdup(e->d_name);
        }
    }
    closedir(d);
    char *out;
    if (n == 0) {
        out = buf_detach(&exact);
    } else {
        qsort(found, n, sizeof *found, name_cmp);
        buf p = {0};
        buf_printf(&p, "%s/%s", tables_dir, found[0]);
        out = buf_detach(&p);
        if (n == 1) {
            diag_add(diags, DIAG_WARNING, "FILE-NAME", (srcpos){out, 0, 0},
                     "文件名与表格规格的“%s”不同，按编号 %.*s 读作该表", spec_file, (int)plen, spec_file);
        } else {
            buf names = {0};
            for (size_t i = 0; i < n; i++) buf_printf(&names, "%s“%s”", i ? "、" : "", found[i]);
            diag_error(diags, (srcpos){tables_dir, 0, 0}, "有 %zu 个文件以 %.*s 开头（%s），不知道哪个是“%s”", n,
                       (int)plen, spec_file, buf_cstr(&names), spec_file);
            buf_free(&names);
            free(out);
            out = NULL;
        }
    }
    for (size_t i = 0; i < n; i++) free(found[i]);
    free(found);
    buf_free(&exact);
    return out;
}
