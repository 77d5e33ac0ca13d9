/* check.h — gen/check: rules over a loaded unit, before any figure is
 * derived from it.
 *
 * This header is the whole interface of gen/check. Every rule has an ID
 * (T01-IN-TOTAL, SUB-KUAN, P-NEGATIVE …), a severity and a one-line Chinese
 * description, all kept in one table (rules.c) that README's "Checks"
 * section lists. A rule reports through diag_add with its ID, at the
 * file:line:col of the offending cell (cells keep their srcpos) or of the
 * unit.yaml value or key. Messages take no side: two places that disagree
 * are both named (file:line:col and value of each), a sum that is off names
 * the total and its parts (`X与Y之和不等（前者为 A，后者为 B，相差 Z）`).
 *
 * Files: rules.c (the table and the driver), report.c (sums, 尾差, where a
 * cell stands), internal.h (shared by the files of gen/check only), and one
 * file per rule group:
 *   schema.c        unit.yaml: unknown keys (with a suggestion) and wrong types
 *   tree.c          subject tables: 类 = Σ款 = Σ项, 合计 = Σ类, code order
 *   rows.c          subject tables: column identities within each row
 *   fixed.c         公开01/04/13表: the fixed-row identities
 *   identity.c      表间: the same quantity in two places, from the list
 *                   templates/checks/identities.yaml (exact; a sum of
 *                   separately rounded parts within the 尾差 bound)
 *   three_public.c  “三公” against the economic items and unit.yaml
 *   plausible.c     negative amounts, reasons, budget completion, other.*
 *   projects.c      the 项目支出绩效自评表: weights, scores, 合计, funds, indicators
 *
 * 尾差: when the unit states amounts in 万元 (already rounded), a total
 * that differs from the sum of its n non-zero parts by at most n × half a
 * unit of the last decimal the figures carry (n × 0.005 for 2 decimals) is a
 * warning naming the parts; beyond that, and in 元 at all, it is an error.
 * Identities (the same quantity in two places) are always exact.
 */
#ifndef JUESUAN_CHECK_H
#define JUESUAN_CHECK_H

#include "../input/input.h"

/** One rule of the table. */
typedef struct check_rule {
    const char *id;          /* "T01-IN-TOTAL" */
    diag_severity severity;  /* DIAG_ERROR or DIAG_WARNING */
    bool rounding;           /* a sum: in 万元 a 尾差 within the bound is a warning */
    const char *description; /* one line, Chinese */
} check_rule;

/** The rule table, in the order README lists it; `*n` receives its length. */
const check_rule *check_rules(size_t *n);

/** The rule with ID `id`, or NULL. */
const check_rule *check_rule_find(const char *id);

/** Run every rule over a unit that unit_load read without errors (its
 *  subject tables completed by unit_subtotals). Adds the diagnostics to
 *  `d` and returns the number of errors it added (warnings not counted). */
int check_unit(const unit *u, const spec_set *specs, diag_list *d);

/** Rule Y-MISSING over a unit whose unit.yaml was read (the rest of
 *  unit_load may have failed): every required key that is absent or empty,
 *  all at once, each at its place (or its parent's), and a 公开01表 without
 *  data. The keys of the unit: block are left to unit_load. check_unit runs
 *  it too. Returns the number of errors it added. */
int check_missing(const unit *u, diag_list *d);

/** A commented unit.yaml for a new unit (juesuan init): every key of the
 *  schema in order, with what to write there, required ones marked
 *  【必填】, values empty but money_unit (万元). Returns malloc'd text. */
char *check_yaml_skeleton(void);

/** Print the rule table as a Markdown table (ID | 级别 | 说明), for README. */
void check_rules_print(FILE *out);

/** Print the identities of `specs` (templates/checks/identities.yaml) as a
 *  Markdown table (ID | 恒等式 | 条件), for README. */
void check_identities_print(FILE *out, const spec_set *specs);

#endif
