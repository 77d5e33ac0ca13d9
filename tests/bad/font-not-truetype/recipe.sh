# font-not-truetype — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# a truncated font file
project_copy
head -c 1000 "$R/fonts/NotoSansSC-Bold.ttf" > "$P/fonts/broken.ttf"
subst "$P/fonts/fonts.yaml" 'sans_bold: fonts/NotoSansSC-Bold.ttf' 'sans_bold: fonts/broken.ttf'
CMD=build
