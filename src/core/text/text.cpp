// UTF-8, NFC, Vietnamese collation, dates and points formatting (see text.h). Table-driven, no locale.
#include "core/text/text.h"

#include "core/text/nfc_table.h"

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <vector>

namespace text
{
namespace
{
// ---- [SECTION] UTF-8 ------------------------------------------------------------------------------------

// Decodes valid UTF-8 (callers check validity first); invalid bytes come out as U+FFFD.
std::vector<uint32_t> Decode(const std::string& s)
{
    std::vector<uint32_t> out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();)
    {
        unsigned char c = static_cast<unsigned char>(s[i]);
        int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (len == 0 || i + static_cast<size_t>(len) > s.size())
        {
            out.push_back(0xFFFD);
            ++i;
            continue;
        }
        uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1Fu) : len == 3 ? (c & 0x0Fu) : (c & 0x07u);
        for (int k = 1; k < len; ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<size_t>(k)]) & 0x3Fu);
        out.push_back(cp);
        i += static_cast<size_t>(len);
    }
    return out;
}

void Encode(uint32_t cp, std::string& out)
{
    if (cp < 0x80)
        out += static_cast<char>(cp);
    else if (cp < 0x800)
    {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
    else if (cp < 0x10000)
    {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
    else
    {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// ---- [SECTION] NFC ---------------------------------------------------------------------------------------

const nfc::Decomposition* FindDecomposition(uint32_t cp)
{
    auto it = std::lower_bound(std::begin(nfc::kDecompositions), std::end(nfc::kDecompositions), cp,
                               [](const nfc::Decomposition& d, uint32_t c) { return d.code < c; });
    return it != std::end(nfc::kDecompositions) && it->code == cp ? &*it : nullptr;
}

int CombiningClass(uint32_t cp)
{
    if (cp < 0x0300)
        return 0;
    auto it = std::lower_bound(std::begin(nfc::kCombiningClasses), std::end(nfc::kCombiningClasses), cp,
                               [](const nfc::CombiningClass& d, uint32_t c) { return d.code < c; });
    return it != std::end(nfc::kCombiningClasses) && it->code == cp ? it->ccc : 0;
}

uint32_t Compose(uint32_t first, uint32_t second)
{
    auto it = std::lower_bound(std::begin(nfc::kCompositions), std::end(nfc::kCompositions), std::make_pair(first, second),
                               [](const nfc::Composition& d, const std::pair<uint32_t, uint32_t>& k) {
                                   return d.first < k.first || (d.first == k.first && d.second < k.second);
                               });
    return it != std::end(nfc::kCompositions) && it->first == first && it->second == second ? it->composite : 0;
}

void Decompose(uint32_t cp, std::vector<uint32_t>& out)
{
    const nfc::Decomposition* d = FindDecomposition(cp);
    if (!d)
    {
        out.push_back(cp);
        return;
    }
    Decompose(d->first, out);
    if (d->second)
        Decompose(d->second, out);
}

std::vector<uint32_t> Nfd(const std::string& s)
{
    std::vector<uint32_t> out;
    for (uint32_t cp : Decode(s))
        Decompose(cp, out);
    // Canonical ordering: stable sort of each run of non-starters by combining class.
    for (size_t i = 0; i < out.size();)
    {
        if (CombiningClass(out[i]) == 0)
        {
            ++i;
            continue;
        }
        size_t j = i;
        while (j < out.size() && CombiningClass(out[j]) != 0)
            ++j;
        std::stable_sort(out.begin() + static_cast<std::ptrdiff_t>(i), out.begin() + static_cast<std::ptrdiff_t>(j),
                         [](uint32_t a, uint32_t b) { return CombiningClass(a) < CombiningClass(b); });
        i = j;
    }
    return out;
}

// ---- [SECTION] collation ---------------------------------------------------------------------------------

// Primary rank of a base letter (after removing tones); -1 when not a Latin letter.
int LetterRank(uint32_t base, uint32_t modifier)
{
    if (base == 0x0111) // đ
        return ('d' - 'a') * 4 + 1;
    if (base < 'a' || base > 'z')
        return -1;
    int rank = static_cast<int>(base - 'a') * 4;
    if (modifier == 0x0306) // breve: ă after a
        return rank + 1;
    if (modifier == 0x0302) // circumflex: â after ă, ê after e, ô after o
        return rank + 2;
    if (modifier == 0x031B) // horn: ơ after ô, ư after u
        return rank + 3;
    return rank;
}

int ToneRank(uint32_t mark)
{
    switch (mark)
    {
    case 0x0300: return 1; // huyền
    case 0x0309: return 2; // hỏi
    case 0x0303: return 3; // ngã
    case 0x0301: return 4; // sắc
    case 0x0323: return 5; // nặng
    default: return 6;     // any other mark, after the Vietnamese tones
    }
}

void PutWeight(std::string& key, uint32_t w)
{
    key += static_cast<char>((w >> 16) & 0xFF);
    key += static_cast<char>((w >> 8) & 0xFF);
    key += static_cast<char>(w & 0xFF);
}

int DaysInMonth(int year, int month)
{
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}
} // namespace

int64_t FindInvalidUtf8(const std::string& s)
{
    const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
    size_t n = s.size();
    for (size_t i = 0; i < n;)
    {
        unsigned char c = p[i];
        if (c < 0x80)
        {
            ++i;
            continue;
        }
        size_t len;
        uint32_t min;
        if (c >= 0xC2 && c <= 0xDF)
            len = 2, min = 0x80;
        else if (c >= 0xE0 && c <= 0xEF)
            len = 3, min = 0x800;
        else if (c >= 0xF0 && c <= 0xF4)
            len = 4, min = 0x10000;
        else
            return static_cast<int64_t>(i);
        if (i + len > n)
            return static_cast<int64_t>(i);
        uint32_t cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
        for (size_t k = 1; k < len; ++k)
        {
            if ((p[i + k] & 0xC0) != 0x80)
                return static_cast<int64_t>(i);
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return static_cast<int64_t>(i);
        i += len;
    }
    return -1;
}

std::string ToNfc(const std::string& s)
{
    std::vector<uint32_t> cps = Nfd(s);
    if (cps.empty())
        return s;
    // Canonical composition (Unicode UAX #15): a mark composes with the last starter unless blocked.
    size_t starter = 0;
    int last_class = CombiningClass(cps[0]) ? 256 : 0;
    size_t out = 1;
    for (size_t i = 1; i < cps.size(); ++i)
    {
        uint32_t ch = cps[i];
        int cc = CombiningClass(ch);
        uint32_t composite = Compose(cps[starter], ch);
        if (composite && (last_class < cc || last_class == 0))
        {
            cps[starter] = composite;
            continue;
        }
        if (cc == 0)
            starter = out;
        last_class = cc;
        cps[out++] = ch;
    }
    cps.resize(out);
    std::string result;
    result.reserve(s.size());
    for (uint32_t cp : cps)
        Encode(cp, result);
    return result;
}

bool IsNfc(const std::string& s)
{
    // Within the table's scope only combining marks (U+0300-U+036F, UTF-8 lead bytes 0xCC/0xCD) can
    // make text non-NFC: every precomposed Latin letter is already NFC.
    bool has_mark = false;
    for (char c : s)
        if (static_cast<unsigned char>(c) == 0xCC || static_cast<unsigned char>(c) == 0xCD)
        {
            has_mark = true;
            break;
        }
    return !has_mark || ToNfc(s) == s;
}

std::string VietnameseSortKey(const std::string& s)
{
    std::vector<uint32_t> cps = Nfd(s);
    std::string primary, tones, cases;
    for (size_t i = 0; i < cps.size(); ++i)
    {
        uint32_t cp = cps[i];
        if (CombiningClass(cp) != 0)
            continue; // marks are read together with their base letter below
        bool upper = (cp >= 'A' && cp <= 'Z') || cp == 0x0110;
        uint32_t base = cp == 0x0110 ? 0x0111 : (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
        uint32_t modifier = 0, tone = 0;
        for (size_t j = i + 1; j < cps.size() && CombiningClass(cps[j]) != 0; ++j)
        {
            uint32_t m = cps[j];
            if ((m == 0x0306 || m == 0x0302 || m == 0x031B) && !modifier)
                modifier = m;
            else if (!tone)
                tone = static_cast<uint32_t>(ToneRank(m));
        }
        int rank = LetterRank(base, modifier);
        uint32_t weight;
        if (rank >= 0)
            weight = 0x000200u + static_cast<uint32_t>(rank);
        else if (base >= '0' && base <= '9')
            weight = 0x000100u + (base - '0');
        else if (base < 0x80)
            weight = 0x000010u + base; // spaces and punctuation before digits and letters
        else
            weight = 0x010000u + base; // other characters after the Latin alphabet, by code point
        if (rank < 0 && modifier) // a modifier that is not a Vietnamese letter: keep it as a tone-level difference
            tone = 6;
        PutWeight(primary, weight);
        tones += static_cast<char>(1 + tone);
        cases += static_cast<char>(upper ? 2 : 1);
    }
    return primary + std::string(3, '\0') + tones + std::string(1, '\0') + cases;
}

bool VietnameseLess(const std::string& a, const std::string& b)
{
    return VietnameseSortKey(a) < VietnameseSortKey(b);
}

bool IsValidDate(const std::string& iso)
{
    if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-')
        return false;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (iso[i] < '0' || iso[i] > '9')
            return false;
    int year = std::stoi(iso.substr(0, 4));
    int month = std::stoi(iso.substr(5, 2));
    int day = std::stoi(iso.substr(8, 2));
    return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= DaysInMonth(year, month);
}

std::string FormatDate(const std::string& iso)
{
    if (!IsValidDate(iso))
        return iso;
    return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

std::string FormatDateRange(const std::string& start, const std::string& end)
{
    if (end.empty() || end == start)
        return FormatDate(start);
    return (start.empty() ? "– " : FormatDate(start) + " – ") + FormatDate(end);
}

std::string Clip(const std::string& text, size_t chars)
{
    size_t count = 0;
    for (size_t i = 0; i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && count++ == chars)
            return text.substr(0, i) + "…";
    return text;
}

bool LooksLikeFormula(const std::string& text)
{
    return !text.empty() && std::string("=+-@\t\r").find(text[0]) != std::string::npos;
}

std::string FormatPoints(int64_t hundredths)
{
    bool negative = hundredths < 0;
    uint64_t v = negative ? 0 - static_cast<uint64_t>(hundredths) : static_cast<uint64_t>(hundredths);
    std::string out = (negative ? "-" : "") + std::to_string(v / 100);
    uint64_t frac = v % 100;
    if (frac)
    {
        char buf[4];
        std::snprintf(buf, sizeof buf, "%02u", static_cast<unsigned>(frac));
        out += ',';
        out += buf[0];
        if (buf[1] != '0')
            out += buf[1];
    }
    return out;
}

std::string FormatNumber(double value, int decimals, NumberStyle style)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
    std::string plain = buf; // "-1234.6"
    if (plain[0] == '-' && plain.find_first_not_of("-0.") == std::string::npos)
        plain.erase(0, 1); // -0.001 rounds to "0.0", not "-0.0"
    const bool vi = style == NumberStyle::Vietnamese;
    const size_t sign = plain[0] == '-' ? 1 : 0;
    const size_t point = std::min(plain.find('.'), plain.size());
    std::string out = plain.substr(0, sign);
    for (size_t i = sign; i < point; ++i)
    {
        if (i > sign && (point - i) % 3 == 0)
            out += vi ? '.' : ',';
        out += plain[i];
    }
    if (point < plain.size())
        out += (vi ? "," : ".") + plain.substr(point + 1);
    return out;
}

std::string FormatPercent(double percent, int decimals, NumberStyle style)
{
    return FormatNumber(percent, decimals, style) + (style == NumberStyle::Vietnamese ? "\u00a0%" : "%");
}
} // namespace text
