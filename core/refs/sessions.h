// Sessions and dates: ordinal words to numbers, dates to ISO form.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plenary {

/// A session mentioned in text ("at its seventy-third session").
struct SessionMatch {
    int number = 0;
    std::size_t begin = 0;
    std::size_t end = 0;
};

/// Parses an ordinal ("seventy-third", "Tenth", "73rd", "soixante-neuvième",
/// "шестьдесят девятая") in lang (ISO 639-1) to its number.
std::optional<int> parse_ordinal(std::string_view word, const std::string& lang = "en");

/// Every "<ordinal> session" mention in text.
std::vector<SessionMatch> find_sessions(std::string_view text, const std::string& lang = "en");

/// A date as printed ("20 July 2020", "20140428", "2019-08-30", "30 août 2019") to ISO 8601
/// "YYYY-MM-DD"; nullopt when it is not a date.
std::optional<std::string> parse_date(std::string_view text, const std::string& lang = "en");

}  // namespace plenary
