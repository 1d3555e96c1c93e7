package vntext

import "strings"

// IsLowerRoman reports whether s is a non-empty lower-case Roman numeral as numbered headings and
// list items write it ("iv", "xii"): only the letters i, v, x and l, in any order.
func IsLowerRoman(s string) bool {
	return s != "" && strings.Trim(s, "ivxl") == ""
}
