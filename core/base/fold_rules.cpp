#include "base/fold_rules.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace plenary {

namespace {

/// Mappings ICU's decomposition does not give, or gives otherwise; nullptr when none.
const char* exception_of(char32_t cp) {
    switch (cp) {
        case 0x2018:
        case 0x2019:
        case 0x201B:
        case 0x02BC:
        case 0x2032:
        case 0x00B4:
        case 0x0060:
            return "'";
        case 0x201C:
        case 0x201D:
        case 0x201E:
        case 0x00AB:
        case 0x00BB:
            return "\"";
        case 0x2010:
        case 0x2011:
        case 0x2012:
        case 0x2013:
        case 0x2014:
        case 0x2212:
            return "-";
        case 0x00A0:
        case 0x2007:
        case 0x202F:
        case 0x3000:
            return " ";
        case 0x00DF:
            return "ss";
        case 0x00E6:
        case 0x00C6:
            return "ae";
        case 0x0153:
        case 0x0152:
            return "oe";
        case 0x00F8:
        case 0x00D8:
            return "o";
        case 0x0111:
        case 0x0110:
            return "d";
        case 0x0142:
        case 0x0141:
            return "l";
        case 0x0131:
            return "i";
        case 0x0640:
            return "";  // Arabic tatweel
        // Short i is a letter of its own in Russian, not и with a mark: the Snowball
        // stemmer needs it to find endings such as -ой, -ий.
        case 0x0419:
        case 0x0439:
            return "\u0439";
        default:
            return nullptr;
    }
}

}  // namespace

std::string fold_code_point_icu(char32_t cp) {
    if (cp < 0x80) return std::string(1, static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
    if (const char* e = exception_of(cp)) return e;
    if ((cp >= 0x0660 && cp <= 0x0669) || (cp >= 0x06F0 && cp <= 0x06F9))
        return std::string(1, static_cast<char>('0' + (cp & 0xF)));  // Arabic-Indic digits
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
    icu::UnicodeString src(static_cast<UChar32>(cp));
    icu::UnicodeString dec;
    if (U_SUCCESS(status)) nfkd->normalize(src, dec, status);
    if (U_FAILURE(status)) dec = src;
    icu::UnicodeString kept;
    for (int32_t k = 0; k < dec.length();) {
        const UChar32 c = dec.char32At(k);
        k += U16_LENGTH(c);
        if (u_charType(c) == U_NON_SPACING_MARK) continue;
        kept.append(c);
    }
    kept.foldCase();
    std::string out;
    kept.toUTF8String(out);
    return out;
}

}  // namespace plenary
