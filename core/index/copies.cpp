#include "index/copies.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <sstream>
#include <tuple>
#include <unordered_map>

#include "base/text_util.h"
#include "readers/layout.h"

namespace plenary {

namespace {

/// Code points per shingle: long enough that common words do not make texts alike (a dozen
/// letters; in Chinese, where a character is a word or half of one, four).
constexpr std::size_t kShingle = 12;
constexpr std::size_t kShingleZh = 4;
/// Of each sketch, the smallest hashes that find candidate pairs: texts alike share some of
/// their smallest hashes (with resemblance 0.8, all of the first 8 differ with odds of about
/// 0.2^8), texts unlike almost never do.
constexpr std::size_t kCandidateHashes = 8;
/// A bucket larger than this is boilerplate shared by many texts, not a sign of copies.
constexpr std::size_t kMaxBucket = 1000;

std::uint64_t mix(std::uint64_t h) {  // splitmix64's finaliser
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebULL;
    return h ^ (h >> 31);
}

bool is_word_char(char32_t c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c >= 0xC0;
}

/// Adds the shingle hashes of one paragraph's folded letters and digits to hashes: a rolling
/// polynomial hash of each run of `shingle` code points (one multiplication per code point, not
/// one hash per code point and shingle), finished with splitmix64 so that the smallest hashes
/// are a fair sample. Signatures written by the earlier per-shingle hash (extraction version 0)
/// are not compared with these: their files are read again by the next run.
void add_shingles(std::string_view folded, std::size_t shingle, std::vector<std::uint64_t>& hashes,
                  std::vector<char32_t>& chars) {
    chars.clear();
    for (std::size_t i = 0; i < folded.size();) {
        const char32_t c = next_code_point(folded, i);
        if (is_word_char(c)) chars.push_back(c);
    }
    if (chars.empty()) return;
    constexpr std::uint64_t kBase = 0x100000001b3ULL;  // odd: a bijection mod 2^64
    std::uint64_t top = 1;                             // kBase^(shingle - 1)
    for (std::size_t k = 1; k < shingle; ++k) top *= kBase;
    std::uint64_t h = 0;
    for (std::size_t j = 0; j < chars.size(); ++j) {
        if (j >= shingle) h -= (static_cast<std::uint64_t>(chars[j - shingle]) + 1) * top;
        h = h * kBase + static_cast<std::uint64_t>(chars[j]) + 1;
        if (j + 1 >= shingle) hashes.push_back(mix(h));
    }
    if (chars.size() < shingle) hashes.push_back(mix(h));  // a paragraph shorter than a shingle
}

/// Structured formats first: they keep a document's paragraphs as its authors marked them.
int format_rank(const std::string& format) {
    static const std::vector<std::string> order{"unpc-xml", "xml",      "docx", "html", "yaml",
                                                "pdf",      "markdown", "doc",  "text"};
    const auto it = std::find(order.begin(), order.end(), format);
    return static_cast<int>(it - order.begin());
}

/// layout::ends_sentence, and the full stops of Chinese and the Arabic question mark, which
/// the Latin-script readers never meet at a line end.
bool ends_sentence(std::string_view text) {
    if (layout::ends_sentence(text)) return true;
    text = trim(text);
    for (std::string_view stop : {"\u3002", "\uff1b", "\uff1a", "\uff01", "\uff1f", "\u061f"})
        if (text.size() >= stop.size() && text.substr(text.size() - stop.size()) == stop)
            return true;
    return false;
}

/// Sets of files, each with the one symbol its files may have: two files with different
/// symbols are never one document, not even through a third file without a symbol.
struct CopySets {
    std::vector<std::size_t> parent;
    std::vector<std::string> symbol;
    explicit CopySets(const std::vector<CopySignature>& sigs) : parent(sigs.size()) {
        std::iota(parent.begin(), parent.end(), 0);
        for (const auto& s : sigs) symbol.push_back(s.symbol);
    }
    std::size_t find(std::size_t x) {
        while (parent[x] != x) x = parent[x] = parent[parent[x]];
        return x;
    }
    void unite(std::size_t a, std::size_t b) {
        a = find(a);
        b = find(b);
        if (a == b) return;
        if (!symbol[a].empty() && !symbol[b].empty() && symbol[a] != symbol[b]) return;
        parent[a] = b;
        if (symbol[b].empty()) symbol[b] = symbol[a];
    }
};

/// How alike two files are as copies, or 0 when they are not copies: the same language and
/// either the same symbol (and texts not plainly different: a PDF and its extracted text share
/// most shingles, simplified and traditional Chinese almost none) or the same text.
double copy_score(const CopySignature& a, const CopySignature& b) {
    if (a.lang != b.lang) return 0;
    const double r = resemblance(a.sketch, b.sketch);
    if (!a.symbol.empty() && !b.symbol.empty())
        return a.symbol == b.symbol && r >= kSameSymbolText ? 1 + r : 0;
    return r >= (a.format == b.format ? kSameFileText : kSameText) ? r : 0;
}

}  // namespace

std::string CopySignature::encode() const {
    std::ostringstream out;
    out << lang << '\t' << symbol << '\t' << format << '\t' << quality << '\t' << path << '\t';
    for (std::size_t i = 0; i < sketch.size(); ++i) out << (i ? "," : "") << std::hex << sketch[i];
    return out.str();
}

std::optional<CopySignature> CopySignature::decode(const std::string& line) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1)
        parts.push_back(line.substr(start, tab - start));
    parts.push_back(line.substr(start));
    if (parts.size() != 6) return std::nullopt;
    CopySignature s;
    s.lang = parts[0];
    s.symbol = parts[1];
    s.format = parts[2];
    s.path = parts[4];
    try {
        s.quality = std::stod(parts[3]);
        std::istringstream in(parts[5]);
        for (std::string h; std::getline(in, h, ',');)
            if (!h.empty()) s.sketch.push_back(std::stoull(h, nullptr, 16));
    } catch (const std::exception&) {
        return std::nullopt;
    }
    return s;
}

double paragraph_quality(const Document& doc) {
    double whole = 0, all = 0;
    for (const Paragraph& p : doc.paragraphs) {
        const double weight =
            static_cast<double>(std::max<std::size_t>(code_point_count(p.text), 1));
        all += weight;
        if (p.kind == ParagraphKind::heading ||
            (code_point_count(p.text) >= 40 && ends_sentence(p.text)))
            whole += weight;
    }
    return all > 0 ? whole / all : 0;
}

CopySignature copy_signature(const Document& doc, const std::string& file_key,
                             const std::string& path) {
    CopySignature s;
    s.file_key = file_key;
    s.path = path;
    s.lang = doc.lang;
    s.symbol = doc.symbol;
    s.format = doc.format;
    s.quality = paragraph_quality(doc);
    std::vector<std::uint64_t> hashes;
    std::vector<char32_t> chars;
    const std::size_t shingle = doc.lang == "zh" ? kShingleZh : kShingle;
    for (const Paragraph& p : doc.paragraphs) add_shingles(fold(p.text), shingle, hashes, chars);
    keep_smallest_distinct(hashes, kSketchSize);
    s.sketch = std::move(hashes);
    return s;
}

void keep_smallest_distinct(std::vector<std::uint64_t>& values, std::size_t k) {
    const auto sort_unique = [](std::vector<std::uint64_t>& v) {
        std::sort(v.begin(), v.end());
        v.erase(std::unique(v.begin(), v.end()), v.end());
    };
    // The 2k smallest values (ties at the cut go either side) hold the k smallest distinct
    // ones unless fewer than k of them are distinct: every value left out is at least as
    // large as every value kept. A document's hundred thousand shingles are not all sorted.
    if (const auto prefix = static_cast<std::ptrdiff_t>(2 * k);
        values.size() > static_cast<std::size_t>(prefix)) {
        std::nth_element(values.begin(), values.begin() + prefix, values.end());
        std::vector<std::uint64_t> head(values.begin(), values.begin() + prefix);
        sort_unique(head);
        if (head.size() >= k) {
            head.resize(k);
            values = std::move(head);
            return;
        }
    }
    sort_unique(values);  // few values, or many equal ones
    if (values.size() > k) values.resize(k);
}

double resemblance(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b) {
    if (a.empty() || b.empty()) return 0;
    // Bottom-k: the k smallest hashes of the union, and how many of them both sketches hold.
    const std::size_t k = std::min({kSketchSize, std::max(a.size(), b.size())});
    std::size_t i = 0, j = 0, seen = 0, shared = 0;
    while (seen < k && (i < a.size() || j < b.size())) {
        if (j == b.size() || (i < a.size() && a[i] < b[j])) {
            ++i;
        } else if (i == a.size() || b[j] < a[i]) {
            ++j;
        } else {
            ++shared;
            ++i;
            ++j;
        }
        ++seen;
    }
    return seen > 0 ? static_cast<double>(shared) / static_cast<double>(seen) : 0;
}

std::vector<std::vector<std::size_t>> find_copies(const std::vector<CopySignature>& sigs) {
    // Candidates: the same language and symbol, or one of the sketch's smallest hashes in
    // common; each candidate pair is then checked.
    std::unordered_map<std::string, std::vector<std::size_t>> buckets;
    for (std::size_t i = 0; i < sigs.size(); ++i) {
        const CopySignature& s = sigs[i];
        if (!s.symbol.empty()) buckets["s\t" + s.lang + "\t" + s.symbol].push_back(i);
        for (std::size_t h = 0; h < std::min(s.sketch.size(), kCandidateHashes); ++h)
            buckets["h\t" + s.lang + "\t" + std::to_string(s.sketch[h])].push_back(i);
    }
    struct Pair {
        double score;
        std::size_t a, b;
    };
    std::vector<Pair> pairs;
    for (const auto& [key, members] : buckets) {
        if (members.size() > kMaxBucket && key[0] != 's') continue;
        for (std::size_t x = 0; x < members.size(); ++x)
            for (std::size_t y = x + 1; y < members.size(); ++y)
                if (const double score = copy_score(sigs[members[x]], sigs[members[y]]); score > 0)
                    pairs.push_back({score, std::min(members[x], members[y]),
                                     std::max(members[x], members[y])});
    }
    // The most alike first, so that a file without a symbol joins the document it copies.
    std::sort(pairs.begin(), pairs.end(), [](const Pair& x, const Pair& y) {
        return x.score != y.score ? x.score > y.score : std::tie(x.a, x.b) < std::tie(y.a, y.b);
    });
    CopySets sets(sigs);
    for (const Pair& p : pairs) sets.unite(p.a, p.b);

    std::map<std::size_t, std::vector<std::size_t>> groups;
    for (std::size_t i = 0; i < sigs.size(); ++i) groups[sets.find(i)].push_back(i);
    std::vector<std::vector<std::size_t>> out;
    for (auto& [root, members] : groups) {
        if (members.size() < 2) continue;
        std::sort(members.begin(), members.end(), [&](std::size_t x, std::size_t y) {
            const CopySignature& a = sigs[x];
            const CopySignature& b = sigs[y];
            if (a.quality != b.quality) return a.quality > b.quality;
            if (format_rank(a.format) != format_rank(b.format))
                return format_rank(a.format) < format_rank(b.format);
            return a.path < b.path;
        });
        out.push_back(std::move(members));
    }
    return out;
}

}  // namespace plenary
