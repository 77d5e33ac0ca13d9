#!/bin/sh
# Profiles: the same unit built under the default profile (templates/) and
# under profiles/bumen, which changes wording only; a profile named by a
# path relative to the unit folder; a profile that does not exist. Run from
# the project root.
. tests/e2e/lib.sh
has() { grep -qF "$2" "$1" && ok "$3" || no "$3"; }
hasnt() { grep -qF "$2" "$1" && no "$3" || ok "$3"; }
flat() { pdftotext "$1" - 2>/dev/null | tr -d ' \n\t\r\f'; }

mkdir -p "$w/a" "$w/b"
cp -r input/leshan-2024 "$w/a/leshan-2024"
cp -r input/leshan-2024 "$w/b/leshan-2024"
sed -i '1i profile: bumen' "$w/b/leshan-2024/unit.yaml"

"$bin" build "$w/a/leshan-2024" -o "$w/oa" >/dev/null 2>"$w/ea" && ok "default profile builds" || no "default profile builds" "$w/ea"
"$bin" build "$w/b/leshan-2024" -o "$w/ob" >/dev/null 2>"$w/eb" && ok "profile bumen builds" || no "profile bumen builds" "$w/eb"
# no warnings of its own: the same as the default profile's (Leshan's one
# [PRJ-REASON] of its published 自评表, input/leshan-2024/README.md)
sed "s#$w/a/##" "$w/ea" >"$w/ea.plain"; sed "s#$w/b/##" "$w/eb" >"$w/eb.plain"
cmp -s "$w/ea.plain" "$w/eb.plain" && ok "profile bumen: no warnings" || no "profile bumen: no warnings" "$w/eb"
flat "$w"/oa/leshan-2024/*.pdf > "$w/a.txt"
flat "$w"/ob/leshan-2024/*.pdf > "$w/b.txt"
has "$w/a.txt" "与2023年度4010.58万元相比，收、支总计各减少697.26万元" "default: 收、支总计 with the prior-year amount"
has "$w/a.txt" "完成预算128.71万元的100.00%" "default: 完成预算X万元的100.00%"
has "$w/b.txt" "与上年相比，收、支总计各减少697.26万元" "bumen: 收、支总计 without the prior-year amount"
hasnt "$w/b.txt" "4010.58万元相比" "bumen: no prior-year amount in 收、支总计"
has "$w/b.txt" "完成预算100%，决算数等于预算数" "bumen: 完成预算100%"
hasnt "$w/b.txt" "万元的100.00%" "bumen: no 完成预算X万元的100.00%"
# the parts the profile does not hold come from templates/
has "$w/b.txt" "第一部分" "bumen: part one from templates/"
has "$w/b.txt" "名词解释" "bumen: glossary from templates/"

# a profile named by a path relative to the unit folder overlays the same way
mkdir -p "$w/c" && cp -r "$w/a/leshan-2024" "$w/c/leshan-2024" && cp -r profiles/bumen "$w/c/leshan-2024/myprofile"
sed -i '1i profile: ./myprofile' "$w/c/leshan-2024/unit.yaml"
"$bin" markup "$w/c/leshan-2024" >"$w/c.txt" 2>"$w/ec" && ok "profile by relative path" || no "profile by relative path" "$w/ec"
has "$w/c.txt" "完成预算100%，决算数等于预算数" "relative profile: its wording"
"$bin" markup "$w/b/leshan-2024" >"$w/b.markup" 2>/dev/null
cmp -s "$w/c.txt" "$w/b.markup" && ok "relative path and profiles/NAME give the same markup" || no "relative path and profiles/NAME give the same markup"

# a profile that does not exist: error at its unit.yaml line:col, exit 1, nothing written
sed -i '1s/.*/profile: nosuch/' "$w/b/leshan-2024/unit.yaml"
"$bin" check "$w/b/leshan-2024" >/dev/null 2>"$w/en"; rc=$?
[ $rc = 1 ] && ok "missing profile: exit 1" || no "missing profile: exit 1 (got $rc)" "$w/en"
has "$w/en" "leshan-2024/unit.yaml:1:10: 错误: 找不到模板配置“nosuch”" "missing profile: message at unit.yaml:1:10"
"$bin" build "$w/b/leshan-2024" -o "$w/on" >/dev/null 2>&1
[ -d "$w/on/leshan-2024" ] && [ -n "$(ls "$w/on/leshan-2024")" ] && no "missing profile: nothing written" || ok "missing profile: nothing written"

finish
