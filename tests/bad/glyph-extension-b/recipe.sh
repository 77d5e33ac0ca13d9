# glyph-extension-b — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# U+20000 (CJK Extension B, outside the BMP) in the organization text
subst unit.yaml '  organization: 乐山市' '  organization: 𠀀乐山市'
CMD=build
P=$(pos_of unit.yaml "𠀀乐山市")
