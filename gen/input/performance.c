/* performance.c — the performance files of a unit folder:
 * performance/department.yaml (部门整体支出绩效自评报告) and
 * performance/projects/NAME.yaml (项目支出绩效自评表, read by projects.c). */
#include "input.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

/* Read dir/rel into `f` when the file exists; returns 0 or -1. */
static int unit_file_load(const unit *u, const char *rel, unit_file *f, diag_list *diags)
{
    buf p = {0};
    buf_printf(&p, "%s/%s", u->dir, rel);
    struct stat st;
    if (stat(buf_cstr(&p), &st) != 0) {
        int e = errno;
        if (e != ENOENT && e != ENOTDIR)
            diag_error(diags, (srcpos){buf_cstr(&p), 0, 0}, "无法读取文件：%s", strerror(e));
        buf_free(&p);
        return e == ENOENT || e == ENOTDIR ? 0 : -1;
    }
    f->path = buf_detach(&p);
    if (!S_ISREG(st.st_mode)) {
        diag_error(diags, (srcpos){f->path, 0, 0}, "应是一个 YAML 文件");
        return -1;
    }
    return yaml_load(f->path, &f->root, &f->pos, diags);
}

/* Add the outermost scored sections of a body (text, or a list of
 * paragraphs and sections) to the total. */
static void scores_add(unit *u, const value *body)
{
    if (value_get_type(body) != VALUE_LIST) return;
    for (size_t i = 0; i < value_count(body); i++) {
        const value *s = value_at(body, i);
        if (value_get_type(s) != VALUE_MAP) continue;
        int64_t h;
        const value *score = value_get(s, "score");
        if (score && perf_score_parse(score, &h)) {
            u->has_scores = true;
            u->score_total += h;
        } else if (!score) {
            scores_add(u, value_get(s, "text"));
        }
    }
}

/* Every body of a mapping, depth first (a body is where sections can be). */
static void scores_walk(unit *u, const value *v)
{
    for (size_t i = 0; value_get_type(v) == VALUE_MAP && i < value_count(v); i++) {
        const value *c = value_at(v, i);
        if (value_get_type(c) == VALUE_MAP) scores_walk(u, c);
        else if (value_get_type(c) == VALUE_LIST) scores_add(u, c);
    }
}

int performance_load(unit *u, diag_list *diags)
{
    int rc = unit_file_load(u, "performance/department.yaml", &u->department, diags);
    if (rc == 0) {
        scores_walk(u, u->department.root);
        rc = figures_load(u, diags);
    }
    if (projects_load(u, diags) != 0) rc = -1; /* performance/projects/NAME.yaml (projects.c) */
    return rc;
}
