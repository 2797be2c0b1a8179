// General Debate speeches read in place from shared/corpus-real/ungdc: every session, the
// hard-wrapped ones of 1995 to 2010 included, gives paragraphs of a speech's own size, and words
// hyphenated at a line end come out whole.
#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "base/text_util.h"
#include "readers/reader.h"

using namespace plenary;
namespace fs = std::filesystem;

namespace {

fs::path speeches_root() {
    return fs::path(PLENARY_SHARED_DIR) / "corpus-real" / "ungdc" / "TXT";
}

bool is_letter_byte(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           static_cast<unsigned char>(c) >= 0x80;
}

/// What one session's speeches came out as.
struct SessionCount {
    std::size_t speeches = 0;
    std::size_t paragraphs = 0;
    std::size_t over_4000 = 0;     ///< paragraphs over 4,000 bytes
    std::size_t hyphenations = 0;  ///< words cut by a hyphen at a source line end
    std::size_t spaced = 0;        ///< of them, read back as "head- tail"
};

/// Counts the line-end hyphenations of source and those that text keeps split by a space.
void count_hyphenations(const std::string& source, const std::string& text, SessionCount& out) {
    const std::string normal = normalise_newlines(source);
    const auto lines = split_lines(normal);
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
        const std::string_view line = trim(lines[i]);
        if (line.size() < 2 || line.back() != '-' || !is_letter_byte(line[line.size() - 2]))
            continue;
        std::size_t next = i + 1;
        while (next < lines.size() && trim(lines[next]).empty()) ++next;
        if (next == lines.size()) continue;
        const std::string_view following = trim(lines[next]);
        std::size_t tail = 0;
        while (tail < following.size() && is_letter_byte(following[tail])) ++tail;
        if (tail == 0) continue;
        std::size_t head = line.size() - 1;
        while (head > 0 && is_letter_byte(line[head - 1])) --head;
        ++out.hyphenations;
        const std::string split = std::string(line.substr(head, line.size() - 1 - head)) + "- " +
                                  std::string(following.substr(0, tail));
        if (text.find(split) != std::string::npos) ++out.spaced;
    }
}

class WrappedSpeeches : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        if (!fs::is_directory(speeches_root())) return;
        for (const auto& session : fs::directory_iterator(speeches_root())) {
            if (!session.is_directory()) continue;
            SessionCount& count = s_sessions[session.path().filename().string()];
            for (const auto& file : fs::directory_iterator(session.path())) {
                if (file.path().extension() != ".txt") continue;
                const Document doc = read_document(file.path().string());
                std::string text;
                for (const auto& p : doc.paragraphs) {
                    count.over_4000 += p.text.size() > 4000;
                    text += p.text + "\n";
                }
                ++count.speeches;
                count.paragraphs += doc.paragraphs.size();
                count_hyphenations(read_file(file.path().string()), text, count);
            }
        }
    }

    void SetUp() override {
        if (s_sessions.empty())
            GTEST_SKIP() << "corpus-real/ungdc/TXT not found under " << PLENARY_SHARED_DIR;
    }

    static inline std::map<std::string, SessionCount> s_sessions;
};

TEST_F(WrappedSpeeches, EverySessionHasAtLeastEightParagraphsASpeech) {
    EXPECT_EQ(s_sessions.size(), 19u);
    for (const auto& [session, c] : s_sessions) {
        ASSERT_GT(c.speeches, 0u) << session;
        const double per_speech =
            static_cast<double>(c.paragraphs) / static_cast<double>(c.speeches);
        EXPECT_GE(per_speech, 8.0) << session;
        std::cout << session << ": " << c.speeches << " speeches, " << per_speech
                  << " paragraphs a speech, " << c.over_4000 << " over 4,000 bytes, " << c.spaced
                  << " of " << c.hyphenations << " line-end hyphenations spaced\n";
    }
}

TEST_F(WrappedSpeeches, AtMostOneParagraphInFiveHundredIsOver4000Bytes) {
    for (const auto& [session, c] : s_sessions) {
        EXPECT_LE(c.over_4000 * 1000, c.paragraphs * 2)
            << session << ": " << c.over_4000 << " of " << c.paragraphs;
    }
}

TEST_F(WrappedSpeeches, AtMostTwoLineEndHyphenationsInAHundredKeepASpace) {
    std::size_t hyphenations = 0;
    for (const auto& [session, c] : s_sessions) {
        EXPECT_LE(c.spaced * 100, c.hyphenations * 2)
            << session << ": " << c.spaced << " of " << c.hyphenations;
        hyphenations += c.hyphenations;
    }
    // The four hard-wrapped sessions alone cut some 1,500 words at line ends.
    EXPECT_GT(hyphenations, 1000u);
}

}  // namespace
