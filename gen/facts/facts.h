/* facts.h — gen/facts: every derived figure and phrase, as one tree.
 *
 * The facts tree is the contract between data and templates: templates
 * only place what is here; they never compute. `juesuan facts UNIT` prints
 * it as JSON (keys in a stable order). Amounts are formatted strings in
 * 万元 with 2 decimals ("3313.32"); counts are numbers.
 *
 * Top-level keys so far:
 *   unit      name, short_name, kind (部门|单位), year, published
 *             (“2025年9月18日”), money_unit, title (cover/metadata title)
 *   overview  duties: [{number “（一）”, text}], organization
 *   tables    [{id, label, title, number “一”}] in official order
 */
#ifndef JUESUAN_FACTS_H
#define JUESUAN_FACTS_H

#include "../input/input.h"

/** Build the facts tree of a loaded unit. Returns NULL after adding errors
 *  to `diags` (e.g. a part-one text that is not a string). */
value *facts_build(const unit *u, const spec_set *specs, diag_list *diags);

/** Chinese numeral for 1–99 ("一", "十", "十三", "二十一") into `out`
 *  (size >= 16); returns `out`. */
char *facts_cn_number(int n, char *out);

#endif
