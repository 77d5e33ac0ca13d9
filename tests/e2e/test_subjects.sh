#!/bin/sh
# Subjects outside the catalog: a unit's own catalog rows (UNIT/catalog/),
# a profile's catalog rows, glossary_texts for a subject and a fixed term,
# the 适用年度 of a catalog name. Run from the project root.
. tests/e2e/lib.sh
has() { grep -qF -- "$2" "$1" && ok "$3" || no "$3" "$1"; }
hasnt() { grep -qF -- "$2" "$1" && no "$3" "$1" || ok "$3"; }

# a copy of the Leshan unit whose 2050302 中等职业教育 becomes 2050399 其他职业教育支出 (not in the catalog)
fresh() {
  rm -rf "$w/u"; cp -r input/leshan-2024 "$w/u"
  for f in "$w"/u/tables/02_* "$w"/u/tables/03_* "$w"/u/tables/06_*; do
    sed -i 's/^2050302,中等职业教育,/2050399,其他职业教育支出,/' "$f"
  done
  sed -i 's/"2050302"/"2050399"/g' "$w/u/unit.yaml"
}
path='教育支出（类）职业教育（款）其他职业教育支出（项）'

# 1. outside the catalog, no text: a warning, and no 名词解释 entry
fresh
"$bin" check "$w/u" >/dev/null 2>"$w/e1"; rc=$?
[ $rc = 0 ] && ok "outside the catalog: check accepts" || no "outside the catalog: check accepts" "$w/e1"
has "$w/e1" "警告 [SUBJECT-NEW]: 科目 2050399 其他职业教育支出 不在科目目录" "outside the catalog: SUBJECT-NEW warning"
has "$w/e1" "它的名词解释需要说明文字" "outside the catalog: the warning asks for a 名词解释 text"
"$bin" facts "$w/u" >"$w/f1" 2>/dev/null
"$bin" markup "$w/u" >"$w/m1" 2>/dev/null
grep -qF '"term": "教育支出（类）职业教育（款）中等职业教育（项）"' input/../tests/golden/leshan-2024.facts.json && ok "the golden facts have the 名词解释 entry of 2050302" || no "the golden facts have the 名词解释 entry of 2050302"
hasnt "$w/f1" "\"term\": \"$path\"" "no text: no 名词解释 entry"
has "$w/m1" "其他职业教育支出" "the table's name is used in the text"

# 2. the unit's own catalog row: no warning, its 说明 in 名词解释
mkdir -p "$w/u/catalog"
printf '科目编码,科目名称,说明\n2050399,其他职业教育支出,反映其他职业教育方面的支出。\n' >"$w/u/catalog/functions.csv"
"$bin" check "$w/u" >/dev/null 2>"$w/e2" && ok "unit catalog: check accepts" || no "unit catalog: check accepts" "$w/e2"
hasnt "$w/e2" "SUBJECT-NEW" "unit catalog: no SUBJECT-NEW warning"
"$bin" markup "$w/u" >"$w/m2" 2>/dev/null
has "$w/m2" "${path}：反映其他职业教育方面的支出。" "unit catalog: 名词解释 entry with the unit's 说明"

# 3. a unit catalog row that replaces a catalog row's 说明
printf '科目编码,科目名称,说明\n2050399,其他职业教育支出,反映其他职业教育方面的支出。\n2080101,行政运行,本单位的行政运行支出。\n' >"$w/u/catalog/functions.csv"
"$bin" markup "$w/u" >"$w/m3" 2>"$w/e3"
has "$w/m3" "行政运行（项）：本单位的行政运行支出。" "unit catalog: a row replaces the catalog's 说明"

# 4. glossary_texts: a subject's text and a fixed term's text from unit.yaml
rm -rf "$w/u/catalog"
cat >>"$w/u/unit.yaml" <<'Y'
glossary_texts:
  "2050399": 反映用于其他职业教育的支出。
  财政拨款收入: 指本单位从同级财政部门取得的财政预算资金。
Y
"$bin" check "$w/u" >/dev/null 2>"$w/e4" && ok "glossary_texts: check accepts" || no "glossary_texts: check accepts" "$w/e4"
has "$w/e4" "警告 [SUBJECT-NEW]: 科目 2050399 其他职业教育支出 不在科目目录" "glossary_texts: still outside the catalog"
hasnt "$w/e4" "需要说明文字" "glossary_texts: the warning no longer asks for a text"
"$bin" markup "$w/u" >"$w/m4" 2>/dev/null
has "$w/m4" "${path}：反映用于其他职业教育的支出。" "glossary_texts: the subject's entry"
has "$w/m4" "财政拨款收入：指本单位从同级财政部门取得的财政预算资金。" "glossary_texts: a fixed term's text replaced"
echo '  不存在的词条: 文字。' >>"$w/u/unit.yaml"
"$bin" check "$w/u" >/dev/null 2>"$w/e5"; rc=$?
[ $rc = 1 ] && has "$w/e5" "错误: glossary_texts 中的“不存在的词条”不是名词解释中的固定词条或表中用到的项级功能分类科目" "glossary_texts: a key naming nothing is an error" \
  || no "glossary_texts: a key naming nothing is an error (exit $rc)" "$w/e5"

# 5. a profile's catalog rows
fresh
mkdir -p "$w/u/prof/catalog"
printf '科目编码,科目名称,说明\n2050399,其他职业教育支出,反映其他职业教育支出（地区目录）。\n' >"$w/u/prof/catalog/functions.csv"
sed -i '1i profile: ./prof' "$w/u/unit.yaml"
"$bin" check "$w/u" >/dev/null 2>"$w/e6" && ok "profile catalog: check accepts" || no "profile catalog: check accepts" "$w/e6"
hasnt "$w/e6" "SUBJECT-NEW" "profile catalog: no SUBJECT-NEW warning"
"$bin" markup "$w/u" >"$w/m6" 2>/dev/null
has "$w/m6" "${path}：反映其他职业教育支出（地区目录）。" "profile catalog: its 说明 in 名词解释"

# 6. 适用年度: a name of another year is an error that names the years
rm -rf "$w/u"; cp -r input/leshan-2024 "$w/u"; mkdir -p "$w/u/catalog"
printf '科目编码,科目名称,说明,适用年度\n2050302,中等职业教育,,-2023\n2050302,中职教育,,2024-\n' >"$w/u/catalog/functions.csv"
"$bin" check "$w/u" >/dev/null 2>"$w/e7"; rc=$?
[ $rc = 1 ] && ok "适用年度: the other year's name is refused" || no "适用年度: the other year's name is refused (exit $rc)" "$w/e7"
has "$w/e7" "错误: 科目 2050302 的名称应为“中职教育”，实为“中等职业教育”（“中等职业教育”是 2023 年及以前的科目名称）" "适用年度: the message names the years"
printf '科目编码,科目名称,说明,适用年度\n2050302,中职教育,,-2023\n2050302,中等职业教育,,2024-\n' >"$w/u/catalog/functions.csv"
"$bin" check "$w/u" >/dev/null 2>"$w/e8" && ok "适用年度: this year's name is accepted" || no "适用年度: this year's name is accepted" "$w/e8"
printf '科目编码,科目名称,说明,适用年度\n2050302,中职教育,,-2023\n2050302,中等职业教育,,2023-\n' >"$w/u/catalog/functions.csv"
"$bin" check "$w/u" >/dev/null 2>"$w/e9"
has "$w/e9" "catalog/functions.csv:3:1: 错误: 科目编码 2050302 重复（同一编码的几行应按年度先后、适用年度不重叠）" "适用年度: overlapping years are an error"

finish
