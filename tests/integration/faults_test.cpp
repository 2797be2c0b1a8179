// Faults outside Plenary's control: a damaged table, a full disk, a read-only file system, a
// folder the user may not read or write, and the service while the indexer merges shards. Each
// gets one line naming the database and its cause, exit status 3, and never a crash; what was
// committed stays. The real binaries run on temporary folders; the tests that need a tmpfs mount
// or another user (as root: setpriv) say so when the machine does not allow them.
#include <gtest/gtest.h>
#include <httplib.h>
#include <sys/mount.h>
#include <unistd.h>
#include <xapian.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "integration/test_support.h"

namespace plenary {
namespace {

namespace fs = std::filesystem;

using namespace test;  // NOLINT: the programs, run_captured, q

/// Lines of text (a message is one line: at most one newline, at its end).
std::size_t lines(const std::string& s) {
    return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n'));
}

class FaultsTest : public ::testing::Test {
  protected:
    fs::path dir = test::test_dir("plenary-faults");
    fs::path docs = dir / "docs";
    fs::path mnt = dir / "mnt";
    bool mounted = false;

    void SetUp() override { fs::create_directories(docs); }
    void TearDown() override {
        if (mounted) ::umount2(mnt.c_str(), MNT_DETACH);
        fs::remove_all(dir);
    }

    RunResult run(const std::string& program, const std::string& args) {
        return test::run_captured(program + " " + args, dir);
    }
    /// `files` speeches of `paragraphs` numbered paragraphs each, words drawn from a fixed
    /// vocabulary (no two files alike, so none is a copy of another), under docs/<sub>.
    void write_speeches(const std::string& sub, int files, int paragraphs, unsigned seed) {
        std::mt19937 rng(seed);
        std::vector<std::string> words;
        for (int i = 0; i < 4000; ++i) {
            std::string w;
            for (int n = 3 + static_cast<int>(rng() % 8); n > 0; --n)
                w += static_cast<char>('a' + rng() % 26);
            words.push_back(w);
        }
        fs::create_directories(docs / sub);
        for (int f = 0; f < files; ++f) {
            std::ofstream out(docs / sub / ("speech" + std::to_string(f) + ".txt"));
            for (int p = 1; p <= paragraphs; ++p) {
                out << p << ". The General Assembly heard";
                for (int w = 0; w < 50; ++w) out << ' ' << words[rng() % words.size()];
                out << ".\n\n";
            }
        }
    }
    /// Mounts a tmpfs of `megabytes` at mnt; false (the test skips) where mounting is not allowed.
    bool mount_tmpfs(int megabytes) {
        fs::create_directories(mnt);
        const std::string opts = "size=" + std::to_string(megabytes) + "m";
        mounted = ::mount("tmpfs", mnt.c_str(), "tmpfs", 0, opts.c_str()) == 0;
        return mounted;
    }
    /// Paragraphs matching `query` as plenary-search counts them, or -1 with its error.
    long count(const fs::path& db, const std::string& query, std::string* err = nullptr) {
        const RunResult r = run(kSearch, "--db " + q(db) + " --format json -n 0 " + q(query));
        if (err) *err = r.err;
        if (r.status != 0) return -1;
        const std::size_t at = r.out.find("\"total\":");
        return at == std::string::npos ? -1 : std::atol(r.out.c_str() + at + 8);
    }
};

TEST_F(FaultsTest, DamagedTablesGiveOneLineAndExitThreeNeverACrash) {
    write_speeches("a", 120, 3, 1);
    const fs::path db = dir / "db";
    ASSERT_EQ(run(kIndex, "-q --db " + q(db) + " " + q(docs)).status, 0);
    for (const std::string table : {"postlist", "termlist", "docdata", "position"}) {
        SCOPED_TRACE(table);
        const fs::path damaged = dir / ("damaged-" + table);
        fs::copy(db, damaged);
        const fs::path file = damaged / (table + ".glass");
        ASSERT_TRUE(fs::exists(file));
        fs::resize_file(file, fs::file_size(file) / 2);
        for (const std::string args :
             {"-n 3 General", "-n 0 --facet all General", "-n 3 --group-by document General"}) {
            const RunResult s = run(kSearch, "--db " + q(damaged) + " " + args);
            EXPECT_TRUE(s.status == 0 || s.status == 3)
                << args << ": status " << s.status << " " << s.err;
            EXPECT_LE(lines(s.err), 1u) << s.err;
            if (s.status == 3) {
                EXPECT_NE(s.err.find(damaged.string()), std::string::npos) << s.err;
            }
        }
        std::ofstream(docs / "a" / "new.txt") << "1. A new speech on the damaged database.\n";
        const RunResult i = run(kIndex, "-q --db " + q(damaged) + " " + q(docs));
        fs::remove(docs / "a" / "new.txt");
        EXPECT_TRUE(i.status == 0 || i.status == 3) << "status " << i.status << " " << i.err;
        EXPECT_LE(lines(i.err), 1u) << i.err;
        EXPECT_EQ(std::distance(fs::directory_iterator(docs / "a"), fs::directory_iterator{}), 120)
            << "inputs lost";
    }
    // The postings are what every query reads: that damage is always reported, as damage.
    const RunResult s = run(kSearch, "--db " + q(dir / "damaged-postlist") + " -n 3 General");
    EXPECT_EQ(s.status, 3) << s.err;
    EXPECT_NE(s.err.find("it may be damaged"), std::string::npos) << s.err;
}

TEST_F(FaultsTest, FullDiskGivesOneLineAndKeepsWhatWasCommitted) {
    if (!mount_tmpfs(3)) GTEST_SKIP() << "cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN)";
    write_speeches("small", 30, 2, 2);
    write_speeches("large", 300, 40, 3);
    const fs::path db = mnt / "db";
    const RunResult first = run(kIndex, "-q --db " + q(db) + " " + q(docs / "small"));
    ASSERT_EQ(first.status, 0) << first.err;
    ASSERT_EQ(count(db, "General"), 60);

    const RunResult full =
        run(kIndex, "-q --db " + q(db) + " " + q(docs / "small") + " " + q(docs / "large"));
    EXPECT_EQ(full.status, 3) << full.out << full.err;
    EXPECT_EQ(lines(full.err), 1u) << full.err;
    EXPECT_NE(full.err.find(db.string()), std::string::npos) << full.err;
    EXPECT_NE(full.err.find("disk is full"), std::string::npos) << full.err;
    // The database opens, passes xapian-check, and holds at least the first run's paragraphs.
    std::string err;
    EXPECT_GE(count(db, "General", &err), 60) << err;
    EXPECT_EQ(std::system(("xapian-check " + q(db) + " >/dev/null 2>&1").c_str()), 0);
}

TEST_F(FaultsTest, ReadOnlyFileSystemIsNamedAsSuchAndSearchStillWorks) {
    if (!mount_tmpfs(20)) GTEST_SKIP() << "cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN)";
    write_speeches("a", 10, 2, 4);
    const fs::path db = mnt / "db";
    ASSERT_EQ(run(kIndex, "-q --db " + q(db) + " " + q(docs)).status, 0);
    ASSERT_EQ(::mount(nullptr, mnt.c_str(), nullptr, MS_REMOUNT | MS_RDONLY, nullptr), 0);
    std::ofstream(docs / "a" / "new.txt") << "1. A new speech for a read-only database.\n";
    const RunResult r = run(kIndex, "-q --db " + q(db) + " " + q(docs));
    EXPECT_EQ(r.status, 3) << r.err;
    EXPECT_EQ(r.err, "plenary-index: " + db.string() +
                         ": the database folder is on a read-only file system\n");
    EXPECT_EQ(count(db, "General"), 20);
}

TEST_F(FaultsTest, PermissionDeniedIsNamedAsSuch) {
    // As root every permission is granted: run the binaries as nobody (setpriv, util-linux).
    std::string as_user;
    if (::geteuid() == 0) {
        if (std::system("command -v setpriv >/dev/null 2>&1") != 0)
            GTEST_SKIP() << "setpriv is missing";
        as_user = "setpriv --reuid=nobody --regid=nogroup --clear-groups ";
        fs::permissions(dir, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                 fs::perms::others_read | fs::perms::others_exec);
        fs::permissions(docs, fs::perms::others_read | fs::perms::others_exec,
                        fs::perm_options::add);
    }
    write_speeches("a", 5, 2, 5);
    fs::permissions(docs / "a", fs::perms::others_read | fs::perms::others_exec,
                    fs::perm_options::add);
    const fs::path db = dir / "db";
    ASSERT_EQ(run(kIndex, "-q --db " + q(db) + " " + q(docs)).status, 0);
    if (as_user.empty())
        fs::permissions(db, fs::perms::owner_read | fs::perms::owner_exec);
    else
        fs::permissions(db, fs::perms::owner_all | fs::perms::others_read | fs::perms::others_exec);
    const RunResult w = run(as_user + kIndex, "-q --db " + q(db) + " " + q(docs));
    EXPECT_EQ(w.status, 3) << w.err;
    EXPECT_EQ(w.err, "plenary-index: " + db.string() +
                         ": permission denied: cannot write to the database folder\n");

    fs::permissions(db, as_user.empty() ? fs::perms::none : fs::perms::owner_all);
    const RunResult s = run(as_user + kSearch, "--db " + q(db) + " -n 0 General");
    fs::permissions(db, fs::perms::owner_all);
    EXPECT_EQ(s.status, 3) << s.err;
    EXPECT_EQ(s.err, "plenary-search: " + db.string() +
                         ": permission denied: cannot read the database folder\n");
}

TEST_F(FaultsTest, ServiceKeepsAnsweringWhileShardsAreMerged) {
    write_speeches("first", 20, 2, 6);
    const fs::path db = dir / "db";
    ASSERT_EQ(run(kIndex, "-q --db " + q(db) + " " + q(docs / "first")).status, 0);
    test::ServerProcess server({"--db", db.string(), "--threads", "4"}, dir / "server.log");
    ASSERT_TRUE(server.wait_ready()) << test::slurp(dir / "server.log");

    std::atomic<bool> done{false};
    std::atomic<int> answered{0}, bad{0};
    std::string last_bad;
    std::thread client([&] {
        httplib::Client c("127.0.0.1", server.port);
        c.set_read_timeout(10, 0);
        while (!done) {
            const auto res = c.Get("/api/search?q=General&limit=3&facet=lang");
            if (res && res->status == 200)
                ++answered;
            else if (++bad == 1)
                last_bad = res ? std::to_string(res->status) + " " + res->body : "no answer";
        }
    });
    // 200 more files with two workers: shards, then a merge that replaces the database folder.
    write_speeches("second", 200, 2, 7);
    const RunResult r = run(kIndex, "-q --jobs 2 --db " + q(db) + " " + q(docs));
    done = true;
    client.join();
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(server.alive());
    EXPECT_EQ(bad.load(), 0) << last_bad;
    EXPECT_GT(answered.load(), 0);
    // Once the merge is done the service answers from the merged database, without a restart.
    httplib::Client c("127.0.0.1", server.port);
    const auto res = c.Get("/api/search?q=General&limit=0");
    ASSERT_TRUE(res);
    EXPECT_EQ(nlohmann::json::parse(res->body, nullptr, false).value("total", -1), 440)
        << res->body;
}

}  // namespace
}  // namespace plenary
