// Text helpers for Vietnamese data: UTF-8 validation, NFC (Latin + Vietnamese), collation, dates, points.
// Pure functions over std::string (UTF-8); no locale, no ICU, no global state.
#pragma once

#include <cstdint>
#include <string>

namespace text
{
// Byte offset of the first invalid UTF-8 sequence, or -1 when `s` is valid UTF-8 (overlongs,
// surrogates and code points above U+10FFFF are invalid).
int64_t FindInvalidUtf8(const std::string& s);

// Canonical composition (NFC). Exact for Latin, Vietnamese and combining diacritics U+0300-U+036F;
// other scripts pass through unchanged. `s` must be valid UTF-8.
std::string ToNfc(const std::string& s);
bool IsNfc(const std::string& s);

// Vietnamese alphabetical order: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y; tones are
// ignored first, then compared in the order ngang, huyền, hỏi, ngã, sắc, nặng; then lower case before upper.
std::string VietnameseSortKey(const std::string& s);
bool VietnameseLess(const std::string& a, const std::string& b);

// "2021-03-25" -> true only for a real calendar date (2021-02-30 is false).
bool IsValidDate(const std::string& iso);
// "2021-03-25" -> "25/03/2021"; anything that is not a valid date is returned unchanged.
std::string FormatDate(const std::string& iso);
// A span of days as people write it: "25/03/2021 – 26/03/2021"; one date when the end is missing or the same day;
// "– 26/03/2021" when only the end is known; "" when neither is.
std::string FormatDateRange(const std::string& start, const std::string& end);
// At most `chars` characters of UTF-8 text (never cut inside a character), "…" when shortened.
std::string Clip(const std::string& text, size_t chars);

// True when a spreadsheet would run the text as a formula: it starts with = + - @ TAB or CR (CSV injection).
bool LooksLikeFormula(const std::string& text);

// Hundredths as a Vietnamese decimal: 825 -> "8,25", 800 -> "8", 810 -> "8,1", -50 -> "-0,5".
// No thousands separator: this is also the text of an editable field, which reads "1.500" as 1,5.
std::string FormatPoints(int64_t hundredths);

// How the reader writes numbers: Vietnamese "1.234,5" and "90,0 %", English "1,234.5" and "90.0%".
enum class NumberStyle
{
    Vietnamese,
    English,
};
// `value` with exactly `decimals` digits after the decimal sign and the thousands grouped:
// (1234.56, 1) -> "1.234,6" (Vietnamese) or "1,234.6" (English).
std::string FormatNumber(double value, int decimals, NumberStyle style);
// A percentage: (90, 1) -> "90,0 %" (a no-break space before the sign, as Vietnamese writes it) or "90.0%".
std::string FormatPercent(double percent, int decimals, NumberStyle style);
} // namespace text
