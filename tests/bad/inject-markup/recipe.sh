# inject-markup — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# texts whose line breaks are followed by markup: headings and directives
subst unit.yaml '    - 完成市委、市政府交办的其他事项。' '    - "完成市委、市政府交办的其他事项。\n# 注入的标题\n\n@table t99\n\n@pagebreak"'
subst unit.yaml '  organization: 乐山市' '  organization: "@chart x99\n## 注入的机构 乐山市'
python3 - <<'PY'
import re
s = open("unit.yaml", encoding="utf-8").read()
s = re.sub(r'(  organization: "@chart x99.*?)\n', lambda m: m.group(1) + '"\n', s, count=1)
s = s.replace("  admin_operating: 支付了往年未付款项。", '  admin_operating: "支付了往年未付款项。\\n\\n### 注入三\\n"', 1)
open("unit.yaml", "w", encoding="utf-8").write(s)
PY
CMD=markup
