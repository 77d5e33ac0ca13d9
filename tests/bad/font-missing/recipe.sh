# font-missing — sourced by tests/e2e/test_bad.sh in a copy of input/leshan-2024
# fonts/fonts.yaml names a file that is not there
project_copy
subst "$P/fonts/fonts.yaml" 'sans_bold: fonts/NotoSansSC-Bold.ttf' 'sans_bold: fonts/NotoSansSC-Black.ttf'
L=$(line_of "$P/fonts/fonts.yaml" '^sans_bold:')
