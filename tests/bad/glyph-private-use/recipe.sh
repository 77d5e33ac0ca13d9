# glyph-private-use — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# U+E000 (private use area) in a duty: no font has it
subst unit.yaml '    - 完成市委、市政府交办的其他事项。' "    - 完成市委、市政府交办的其他事项。$(printf '\356\200\200')"
P=$(pos_of unit.yaml "完成市委、市政府交办的其他事项。")
