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

int performance_load(unit *u, diag_list *diags)
{
    int rc = unit_file_load(u, "performance/department.yaml", &u->department, diags);
    if (projects_load(u, diags) != 0) rc = -1; /* performance/projects/NAME.yaml (projects.c) */
    return rc;
}
