/* internal.h — shared by the files of gen/facts only (not an interface). */
#ifndef JUESUAN_FACTS_INTERNAL_H
#define JUESUAN_FACTS_INTERNAL_H

#include "facts.h"

/** What every section builder needs. */
typedef struct fctx {
    const unit *u;
    const spec_set *specs;
    const facts_options *o;
    diag_list *diags;
    int errors;
} fctx;

/** An amount from unit.yaml at `path` (a number in the unit's money unit);
 *  0 when absent and not required; errors name the position. */
money_t fctx_money(fctx *c, const char *path, bool required);
/** A text from unit.yaml at `path`; NULL when absent and not required. */
const char *fctx_text(fctx *c, const char *path, bool required);
/** A whole count (vehicles, persons) from unit.yaml; 0 when absent. */
int64_t fctx_count(fctx *c, const char *path, bool required);
/** The table with spec id `id`; an error when the spec set has none. */
const table *fctx_table(fctx *c, const char *id);

/** A label without its leading 一、/（一）numbering: "八、其他收入" → "其他收入". */
char *label_strip_number(const char *label);

/** Append a structure list (name, amount, share of `whole`, last) to `list`
 *  for the `n` parts, leaving out zero parts unless the options list them. */
void structure_list(fctx *c, value *list, const char *const *names, const money_t *amounts, size_t n,
                    money_t whole);

/** The subject's name path: "社会保障和就业支出（类）行政事业单位养老支出（款）
 *  行政单位离退休（项）" (malloc'd). */
char *subject_path(fctx *c, const char *code);

/** Set `key` to the reason text at unit.yaml `path`, or null. */
void set_reason(fctx *c, value *m, const char *key, const char *path);

/** Section builders (part2.c, three_public.c, other.c, glossary.c). */
value *facts_totals(fctx *c);
value *facts_income(fctx *c);
value *facts_expenditure(fctx *c);
value *facts_fiscal(fctx *c);
value *facts_general_budget(fctx *c);
value *facts_basic(fctx *c);
value *facts_three_public(fctx *c);
value *facts_fund(fctx *c, const char *table_id, const char *column, const char *previous_path,
                  const char *reason_path);
value *facts_other(fctx *c);
value *facts_glossary(fctx *c);
/** performance.department: the 部门整体支出绩效自评报告 (department.c). */
value *facts_department(fctx *c);

/** performance.projects (projects.c): one entry per 项目支出绩效自评表, with
 *  has_projects, project_count and table_title, set into `performance`. */
void facts_performance_projects(fctx *c, value *performance);

/** 图1–图7 (charts.c), copied from the sections already in `root`. */
value *facts_charts(const value *root);

#endif
