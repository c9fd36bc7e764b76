// text:: UTF-8 validation, NFC, Vietnamese collation, dates and points formatting.
#include "core/text/text.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

TEST_SUITE("text")
{
    TEST_CASE("invalid UTF-8 is found at its first bad byte")
    {
        CHECK(text::FindInvalidUtf8("Hà Nội") == -1);
        CHECK(text::FindInvalidUtf8("ab\xC0\x80") == 2);      // overlong
        CHECK(text::FindInvalidUtf8("x\xED\xA0\x80") == 1);    // surrogate
        CHECK(text::FindInvalidUtf8("Tr\xE1\xBA") == 2);       // cut short
        CHECK(text::FindInvalidUtf8("\xF4\x90\x80\x80") == 0); // above U+10FFFF
    }

    TEST_CASE("decomposed Vietnamese becomes NFC, in any mark order")
    {
        CHECK(text::ToNfc("Nguye\xCC\x82\xCC\x83n") == "Nguyễn");      // e + circumflex + tilde
        CHECK(text::ToNfc("Vie\xCC\xA3\xCC\x82t") == "Việt");          // dot below before circumflex
        CHECK(text::ToNfc("Vie\xCC\x82\xCC\xA3t") == "Việt");          // circumflex before dot below
        CHECK(text::ToNfc("\xC3\xA2\xCC\x81") == "ấ");                 // precomposed â + acute
        CHECK(text::ToNfc("Đào Quang Khải") == "Đào Quang Khải");
        CHECK(text::ToNfc("a\xCD\x81") == "á");                        // U+0341 is a singleton for U+0301
        CHECK(text::IsNfc("Đoàn kết, kỷ cương"));
        CHECK_FALSE(text::IsNfc("Ho\xCC\xA3p"));
        CHECK(text::IsNfc("日本 text"));
    }

    TEST_CASE("Vietnamese order: letters first, then tones, then case")
    {
        std::vector<std::string> words = {"Đông", "Dung", "Bân", "Băn", "Ban", "ạ", "á", "ã", "ả", "à", "a", "Ê", "E", "Hà Nội", "Hà Nam", "ơ", "ô", "o", "ư", "u"};
        std::sort(words.begin(), words.end(), text::VietnameseLess);
        std::vector<std::string> expected = {"a", "à", "ả", "ã", "á", "ạ", "Ban", "Băn", "Bân", "Dung", "Đông", "E", "Ê", "Hà Nam", "Hà Nội", "o", "ô", "ơ", "u", "ư"};
        CHECK(words == expected);
        CHECK(text::VietnameseLess("an", "án"));  // tones only break ties
        CHECK(text::VietnameseLess("án", "ao"));  // ... after the letters
        CHECK(text::VietnameseLess("đa", "Đa"));  // lower case first
        CHECK(text::VietnameseLess("Đ", "E"));
        CHECK(text::VietnameseLess("D", "Đ"));
    }

    TEST_CASE("dates")
    {
        CHECK(text::IsValidDate("2021-03-25"));
        CHECK(text::IsValidDate("2024-02-29"));
        CHECK_FALSE(text::IsValidDate("2021-02-29"));
        CHECK_FALSE(text::IsValidDate("2021-02-30"));
        CHECK_FALSE(text::IsValidDate("1900-02-29"));
        CHECK(text::IsValidDate("2000-02-29"));
        CHECK_FALSE(text::IsValidDate("2021-13-01"));
        CHECK_FALSE(text::IsValidDate("2021-3-25"));
        CHECK_FALSE(text::IsValidDate("25/03/2021"));
        CHECK(text::FormatDate("2021-03-25") == "25/03/2021");
        CHECK(text::FormatDate("2021-02-30") == "2021-02-30");
        CHECK(text::FormatDateRange("2021-03-25", "2021-03-26") == "25/03/2021 – 26/03/2021");
        CHECK(text::FormatDateRange("2021-03-25", "2021-03-25") == "25/03/2021");
        CHECK(text::FormatDateRange("2021-03-25", "") == "25/03/2021");
        CHECK(text::FormatDateRange("", "2021-03-26") == "– 26/03/2021");
        CHECK(text::FormatDateRange("", "").empty());
    }

    TEST_CASE("points as Vietnamese decimals")
    {
        CHECK(text::FormatPoints(825) == "8,25");
        CHECK(text::FormatPoints(810) == "8,1");
        CHECK(text::FormatPoints(800) == "8");
        CHECK(text::FormatPoints(5) == "0,05");
        CHECK(text::FormatPoints(-50) == "-0,5");
        CHECK(text::FormatPoints(0) == "0");
    }

    TEST_CASE("numbers and percentages in the reader's style")
    {
        using text::NumberStyle;
        CHECK(text::FormatNumber(14.5, 1, NumberStyle::Vietnamese) == "14,5");
        CHECK(text::FormatNumber(14.5, 1, NumberStyle::English) == "14.5");
        CHECK(text::FormatNumber(1234567.891, 2, NumberStyle::Vietnamese) == "1.234.567,89");
        CHECK(text::FormatNumber(1234567.891, 2, NumberStyle::English) == "1,234,567.89");
        CHECK(text::FormatNumber(999, 0, NumberStyle::Vietnamese) == "999");
        CHECK(text::FormatNumber(1000, 0, NumberStyle::Vietnamese) == "1.000");
        CHECK(text::FormatNumber(-1500.26, 1, NumberStyle::Vietnamese) == "-1.500,3");
        CHECK(text::FormatNumber(-0.001, 1, NumberStyle::Vietnamese) == "0,0");
        CHECK(text::FormatPercent(90, 1, NumberStyle::Vietnamese) == "90,0\u00a0%");
        CHECK(text::FormatPercent(90, 1, NumberStyle::English) == "90.0%");
        CHECK(text::FormatPercent(66.666, 0, NumberStyle::Vietnamese) == "67\u00a0%");
    }
}
