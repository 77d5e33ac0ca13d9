/* profile.c — the one lookup through which every file under templates/ is
 * found: the project's templates/ overlaid by a profile folder. */
#include "model.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

void profile_init(profile *p, const char *templates_dir)
{
    memset(p, 0, sizeof *p);
    profile_add(p, templates_dir);
}

void profile_add(profile *p, const char *dir)
{
    if (p->n >= PROFILE_MAX_LAYERS) return;
    size_t n = strlen(dir);
    while (n > 1 && dir[n - 1] == '/') n--;
    p->dirs[p->n++] = xstrndup(dir, n);
}

static char *join(const char *dir, const char *rel)
{
    buf b = {0};
    buf_printf(&b, "%s/%s", dir, rel);
    return buf_detach(&b);
}

static bool is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

char *profile_find(const profile *p, const char *rel)
{
    for (size_t i = p->n; i-- > 0;) {
        char *path = join(p->dirs[i], rel);
        if (is_file(path)) return path;
        free(path);
    }
    return NULL;
}

char *profile_base_path(const profile *p, const char *rel)
{
    return join(p->n ? p->dirs[0] : ".", rel);
}

size_t profile_find_all(const profile *p, const char *rel, char **out)
{
    size_t n = 0;
    for (size_t i = 0; i < p->n; i++) {
        char *path = join(p->dirs[i], rel);
        if (is_file(path)) out[n++] = path;
        else free(path);
    }
    return n;
}

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

char **profile_list(const profile *p, const char *sub, const char *suffix, size_t *n_out)
{
    char **names = NULL;
    size_t n = 0, ls = strlen(suffix);
    for (size_t i = 0; i < p->n; i++) {
        char *dir = join(p->dirs[i], sub);
        DIR *d = opendir(dir);
        free(dir);
        if (!d) continue;
        struct dirent *e;
        while ((e = readdir(d))) {
            size_t l = strlen(e->d_name);
            if (l <= ls || e->d_name[0] == '.' || strcmp(e->d_name + l - ls, suffix) != 0) continue;
            bool seen = false;
            for (size_t k = 0; k < n && !seen; k++) seen = strcmp(names[k], e->d_name) == 0;
            if (seen) continue;
            names = xrealloc(names, (n + 1) * sizeof *names);
            names[n++] = xstrdup(e->d_name);
        }
        closedir(d);
    }
    if (n) qsort(names, n, sizeof *names, name_cmp); /* readdir order is not stable */
    *n_out = n;
    return names;
}

void profile_free(profile *p)
{
    for (size_t i = 0; i < p->n; i++) free(p->dirs[i]);
    memset(p, 0, sizeof *p);
}
