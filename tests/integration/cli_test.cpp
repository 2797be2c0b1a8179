// Runs the real plenary-index (and plenary-search where noted) on temporary folders.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>

#include "base/error.h"
#include "index/index_writer.h"
#include "integration/test_support.h"

namespace plenary {
namespace {

namespace fs = std::filesystem;

using test::kIndex;
using test::q;
using test::RunResult;
using test::slurp;

/// Success when the run exited 0 and its report holds said; else what it printed.
::testing::AssertionResult reports(const RunResult& r, const std::string& said) {
    if (r.status != 0) return ::testing::AssertionFailure() << "exit " << r.status << ": " << r.err;
    if (r.out.find(said) == std::string::npos)
        return ::testing::AssertionFailure() << "no \"" << said << "\" in: " << r.out;
    return ::testing::AssertionSuccess();
}

class CliTest : public test::ScratchFolderTest {
  protected:
    CliTest() : ScratchFolderTest("plenary-cli") {}

    RunResult run(const std::string& args) { return test::run_captured(kIndex + " " + args, dir); }
    Xapian::doccount paragraphs() { return Xapian::Database(db.string()).get_doccount(); }
};

const char* kSpeech =
    "Mr. President, we congratulate you on your election.\n\n"
    "The situation in the Niger and in Nigeria calls for resolution 2482 (2019) to be applied.\n";

TEST_F(CliTest, IndexesThenSkipsUnchangedFiles) {
    write("a.txt", kSpeech);
    write("b.txt", "Another speech about the Charter of the United Nations.\n");
    RunResult r = run("--db " + q(db) + " " + q(docs));
    ASSERT_TRUE(reports(r, "2 documents indexed, 0 unchanged"));
    const auto first = paragraphs();
    EXPECT_EQ(first, 3u);

    r = run("--db " + q(db) + " " + q(docs));
    ASSERT_TRUE(reports(r, "0 documents indexed, 2 unchanged"));
    EXPECT_EQ(paragraphs(), first);
}

TEST_F(CliTest, ModifiedFileAloneIsReindexedAndTouchedFileIsHashChecked) {
    write("a.txt", kSpeech);
    write("b.txt", "Another speech.\n");
    ASSERT_EQ(run("--db " + q(db) + " " + q(docs)).status, 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    write("a.txt", std::string(kSpeech) + "\nA third paragraph.\n");
    fs::last_write_time(docs / "b.txt", fs::file_time_type::clock::now());  // touched only
    RunResult r = run("--db " + q(db) + " " + q(docs));
    ASSERT_TRUE(reports(r, "1 documents indexed, 1 unchanged"));
    EXPECT_EQ(paragraphs(), 4u);
}

TEST_F(CliTest, PruneRemovesFilesGoneFromTheFolder) {
    write("a.txt", kSpeech);
    write("b.txt", "Another speech.\n");
    ASSERT_EQ(run("--db " + q(db) + " " + q(docs)).status, 0);
    fs::remove(docs / "a.txt");
    RunResult r = run("--db " + q(db) + " " + q(docs));
    EXPECT_EQ(paragraphs(), 3u) << "without --prune nothing is removed";
    r = run("--db " + q(db) + " --prune " + q(docs));
    ASSERT_TRUE(reports(r, "1 removed"));
    EXPECT_EQ(paragraphs(), 1u);
}

TEST_F(CliTest, BadFilesAreReportedOneLineEachAndTheRestIsIndexed) {
    write("good.txt", kSpeech);
    write("bad-utf8.txt", "first line\nsecond \xff line\n");
    write("binary.txt", std::string("\x00\x01\x02\x03 binary", 11));
    write("empty.txt", "");
    write("broken.xml", "<?xml version=\"1.0\"?>\n<TEI.2><teiHeader>\n<unclosed>\n</TEI.2>\n");
    RunResult r = run("--db " + q(db) + " " + q(docs) + " " + q(dir / "missing.txt"));
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.out.find("1 documents indexed"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("5 failed"), std::string::npos) << r.out;
    EXPECT_EQ(paragraphs(), 2u);
    std::istringstream lines(r.err);
    std::string line;
    int count = 0;
    while (std::getline(lines, line)) {
        ++count;
        EXPECT_EQ(line.rfind("plenary-index: ", 0), 0u) << line;
    }
    EXPECT_EQ(count, 5) << r.err;
    EXPECT_NE(r.err.find((docs / "bad-utf8.txt").string() + ":2: invalid UTF-8"), std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find((docs / "binary.txt").string() + ": "), std::string::npos) << r.err;
    EXPECT_NE(r.err.find((docs / "empty.txt").string() + ": empty file"), std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find((docs / "broken.xml").string() + ":"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find((dir / "missing.txt").string() + ": no such file or directory"),
              std::string::npos)
        << r.err;
}

TEST_F(CliTest, LockedDatabaseGetsAClearMessage) {
    write("a.txt", kSpeech);
    IndexWriter holder(db.string());
    RunResult r = run("--db " + q(db) + " " + q(docs));
    EXPECT_EQ(r.status, 3);
    EXPECT_EQ(
        r.err,
        "plenary-index: " + db.string() +
            ": the database is locked by another indexer; wait for it to finish or stop it\n");
}

TEST_F(CliTest, KilledRunKeepsCommittedWorkAndTheNextRunFinishes) {
    const int files = 3000;
    for (int i = 0; i < files; ++i)
        write("s" + std::to_string(1000 + i) + ".txt",
              std::string(kSpeech) + "\nSpeech number " + std::to_string(i) + ".\n");
    const std::string cmd =
        kIndex + " --quiet --commit-every 1 --db " + q(db) + " " + q(docs) + " >/dev/null 2>&1";
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        execl("/bin/sh", "sh", "-c", ("exec " + cmd).c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    // Wait until something is committed, then kill without warning.
    Xapian::doccount seen = 0;
    for (int i = 0; i < 2000 && seen == 0; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        try {
            seen = Xapian::Database(db.string()).get_doccount();
        } catch (const Xapian::Error&) {
        }
    }
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    ASSERT_GT(seen, 0u) << "nothing was committed before the kill";
    const auto after_kill = paragraphs();
    EXPECT_GE(after_kill, seen);
    EXPECT_LT(after_kill, files * 3u) << "the run ended before the kill: the test proves nothing";
    RunResult r = run("--db " + q(db) + " " + q(docs));
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(paragraphs(), files * 3u) << "nothing lost, nothing duplicated";
}

// A killed --jobs 2 run keeps what its workers committed: the next run resumes from the shards
// it left, and after ten kills at random points a normal run holds exactly a clean run's index.
/// Paragraphs committed so far in db and in the shards its workers commit to (0 where none).
Xapian::doccount committed(const fs::path& db) {
    Xapian::doccount n = 0;
    for (const char* suffix : {"", ".shard-0", ".shard-1"}) {
        try {
            n += Xapian::Database(db.string() + suffix).get_doccount();
        } catch (const Xapian::Error&) {  // not there yet, or being swapped in
        }
    }
    return n;
}

/// Waits until more than `before` paragraphs are committed or `pid` ends; true if it ended.
bool ended_before_a_commit(pid_t pid, const fs::path& db, Xapian::doccount before) {
    while (committed(db) <= before) {
        if (waitpid(pid, nullptr, WNOHANG) == pid) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return false;
}

TEST_F(CliTest, KilledShardedRunsResumeAndEndWithTheCleanIndex) {
    const int files = 1200;
    for (int i = 0; i < files; ++i)
        write("s" + std::to_string(1000 + i) + ".txt",
              std::string(kSpeech) + "\nSpeech number " + std::to_string(i) + ".\n");
    const fs::path clean = dir / "clean";
    const auto started = std::chrono::steady_clock::now();
    ASSERT_EQ(run("--jobs 2 --db " + q(clean) + " " + q(docs)).status, 0);
    const auto clean_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                              std::chrono::steady_clock::now() - started)
                              .count();
    const auto clean_count = Xapian::Database(clean.string()).get_doccount();
    ASSERT_EQ(clean_count, files * 3u);

    const std::string cmd = kIndex + " --quiet --jobs 2 --commit-every 30 --db " + q(db) + " " +
                            q(docs) + " >" + q(dir / "killed.out") + " 2>&1";
    std::srand(20261130);
    int interrupted = 0;
    for (int k = 0; k < 10; ++k) {
        const Xapian::doccount before = committed(db);
        pid_t pid = fork();
        ASSERT_GE(pid, 0);
        if (pid == 0) {
            execl("/bin/sh", "sh", "-c", ("exec " + cmd).c_str(), static_cast<char*>(nullptr));
            _exit(127);
        }
        // Each kill falls after this run has committed something (so work is kept to resume,
        // however loaded the machine), then up to a tenth of a clean run's time later.
        if (ended_before_a_commit(pid, db, before)) {
            std::printf("run %d ended before it committed\n", k);
            continue;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(std::rand() % (1 + clean_ms / 10)));
        kill(pid, SIGKILL);
        int status = 0;
        waitpid(pid, &status, 0);
        if (WIFSIGNALED(status))
            ++interrupted;
        else
            std::printf("run %d ended with status %d before the kill\n", k, WEXITSTATUS(status));
    }
    EXPECT_GE(interrupted, 5) << "most runs must be killed mid-way for the test to prove anything";
    RunResult r = run("--jobs 2 --db " + q(db) + " " + q(docs));
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out.find(std::to_string(files) + " documents indexed"), std::string::npos)
        << "the killed runs' committed work was redone from scratch: " << r.out;
    for (const char* leftover : {".shard-0", ".shard-1", ".new", ".old"})
        EXPECT_FALSE(fs::exists(db.string() + leftover)) << leftover;
    Xapian::Database d(db.string());
    EXPECT_EQ(d.get_doccount(), clean_count) << "nothing lost, nothing duplicated";
    Xapian::doccount ids = 0;
    for (auto t = d.allterms_begin("Q"); t != d.allterms_end("Q"); ++t) {
        EXPECT_EQ(t.get_termfreq(), 1u) << *t;
        ++ids;
    }
    EXPECT_EQ(ids, clean_count);
    EXPECT_EQ(std::system(("xapian-check " + q(db) + " >/dev/null 2>&1").c_str()), 0);
}

// A run killed in a merge after the swap leaves DB.old beside the new database, and perhaps a
// shard a worker committed. The next run resumes the shard and merges it: the leftover DB.old
// must not stop it ("cannot rename: Directory not empty", once in five killed-runs tests).
TEST_F(CliTest, ResumedMergeClearsALeftoverOldDatabase) {
    for (int i = 0; i < 6; ++i)
        write("s" + std::to_string(i) + ".txt",
              std::string(kSpeech) + "\nNumber " + std::to_string(i) + ".\n");
    const fs::path shard = db.string() + ".shard-0";
    const fs::path old = db.string() + ".old";
    ASSERT_EQ(run("--db " + q(db) + " " + q(docs / "s0.txt") + " " + q(docs / "s1.txt")).status, 0);
    ASSERT_EQ(run("--db " + q(shard) + " " + q(docs / "s2.txt")).status, 0);
    fs::copy(db, old);
    const RunResult r = run("--db " + q(db) + " " + q(docs));
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_FALSE(fs::exists(old));
    EXPECT_FALSE(fs::exists(shard));
    EXPECT_EQ(Xapian::Database(db.string()).get_doccount(), 6 * 3u);
}

TEST_F(CliTest, JobsTwoGivesTheSameIndexAsOne) {
    for (int i = 0; i < 40; ++i)
        write("s" + std::to_string(i) + ".txt",
              std::string(kSpeech) + "\nNumber " + std::to_string(i) + ".\n");
    ASSERT_EQ(run("--jobs 2 --db " + q(db) + " " + q(docs)).status, 0);
    const auto two = paragraphs();
    fs::remove_all(db);
    ASSERT_EQ(run("--jobs 1 --db " + q(db) + " " + q(docs)).status, 0);
    EXPECT_EQ(paragraphs(), two);
    EXPECT_EQ(two, 120u);
}

TEST_F(CliTest, ShardedRunMergesIntoTheSameIndexAndKeepsFileRecords) {
    // Enough files that --jobs 2 writes one shard per worker and merges them.
    for (int i = 0; i < 150; ++i)
        write("s" + std::to_string(i) + ".txt",
              std::string(kSpeech) + "\nNumber " + std::to_string(i) + ".\n");
    write("old.txt", "A file indexed before the sharded run.\n");
    ASSERT_EQ(run("--db " + q(db) + " " + q(docs / "old.txt")).status, 0);
    RunResult r = run("--jobs 2 --db " + q(db) + " " + q(docs));
    ASSERT_TRUE(reports(r, "150 documents indexed, 1 unchanged"));
    EXPECT_EQ(paragraphs(), 451u);
    for (const char* leftover : {".shard-0", ".shard-1", ".new", ".old"})
        EXPECT_FALSE(fs::exists(db.string() + leftover)) << leftover;
    {
        Xapian::Database merged(db.string());
        EXPECT_EQ(merged.get_termfreq("niger"), 150u);
    }
    r = run("--jobs 2 --db " + q(db) + " " + q(docs));
    ASSERT_TRUE(reports(r, "0 documents indexed, 151 unchanged"));
    write("s7.txt", "Replaced text.\n");
    r = run("--jobs 2 --db " + q(db) + " " + q(docs));
    EXPECT_NE(r.out.find("1 documents indexed, 150 unchanged"), std::string::npos) << r.out;
    EXPECT_EQ(paragraphs(), 449u);
}

// An indexing run never deletes or writes among files it did not create (issue: --db set to
// the input folder deleted every source file once the shard merge swapped folders).
TEST_F(CliTest, DatabaseThatIsTheInputFolderIsRefusedAndNothingIsTouched) {
    for (int i = 0; i < 70; ++i)
        write("s" + std::to_string(i) + ".txt",
              std::string(kSpeech) + "\nNumber " + std::to_string(i) + ".\n");
    for (const char* jobs : {"1", "2"}) {
        RunResult r = run(std::string("--jobs ") + jobs + " --db " + q(docs) + " " + q(docs));
        EXPECT_EQ(r.status, 2) << jobs;
        EXPECT_EQ(r.err, "plenary-index: the database " + docs.string() +
                             " is, or lies inside, the input path " + docs.string() +
                             "; give --db a folder outside what is indexed\n");
        std::size_t entries = 0;
        for ([[maybe_unused]] const auto& e : fs::directory_iterator(docs)) ++entries;
        EXPECT_EQ(entries, 70u) << "only the 70 source files, nothing written among them";
        EXPECT_FALSE(fs::exists(docs.string() + ".old"));
    }
}

TEST_F(CliTest, DatabaseInsideTheInputOrInputInsideTheDatabaseIsRefused) {
    write("a.txt", kSpeech);
    RunResult r = run("--db " + q(docs / "db") + " " + q(docs));
    EXPECT_EQ(r.status, 2) << r.err;
    EXPECT_NE(r.err.find("lies inside, the input path"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(docs / "db"));
    r = run("--db " + q(dir) + " " + q(docs / "a.txt"));
    EXPECT_EQ(r.status, 2) << r.err;
    EXPECT_NE(r.err.find("lies inside the database " + dir.string()), std::string::npos) << r.err;
    EXPECT_TRUE(fs::exists(docs / "a.txt"));
}

TEST_F(CliTest, DatabaseFolderHoldingOtherFilesIsRefusedAndKept) {
    for (int i = 0; i < 70; ++i)
        write("s" + std::to_string(i) + ".txt",
              std::string(kSpeech) + "\nNumber " + std::to_string(i) + ".\n");
    fs::create_directories(db / "sub");
    std::ofstream(db / "thesis.txt") << "my thesis";
    std::ofstream(db / "sub" / "notes.md") << "my notes";
    for (const char* jobs : {"1", "2"}) {
        RunResult r = run(std::string("--jobs ") + jobs + " --db " + q(db) + " " + q(docs));
        EXPECT_EQ(r.status, 3) << r.err;
        EXPECT_NE(r.err.find("which is not part of a Plenary database"), std::string::npos)
            << r.err;
        EXPECT_EQ(slurp(db / "thesis.txt"), "my thesis");
        EXPECT_EQ(slurp(db / "sub" / "notes.md"), "my notes");
        EXPECT_FALSE(fs::exists(db / "iamglass"));
    }
    // A database file where a folder belongs is refused too.
    fs::remove_all(db);
    std::ofstream(db) << "not a folder";
    RunResult r = run("--db " + q(db) + " " + q(docs));
    EXPECT_EQ(r.status, 3);
    EXPECT_EQ(slurp(db), "not a folder");
}

TEST_F(CliTest, FoldersBesideTheDatabaseThatPlenaryDidNotMakeAreNeverDeleted) {
    for (int i = 0; i < 70; ++i)
        write("s" + std::to_string(i) + ".txt",
              std::string(kSpeech) + "\nNumber " + std::to_string(i) + ".\n");
    for (const char* name : {".old", ".new", ".shard-0"}) {
        const fs::path mine = db.string() + name;
        fs::create_directories(mine);
        std::ofstream(mine / "mine.txt") << "mine";
        RunResult r = run("--jobs 2 --db " + q(db) + " " + q(docs));
        EXPECT_EQ(r.status, 3) << name << r.err;
        EXPECT_NE(r.err.find("which Plenary did not create; left as it is"), std::string::npos)
            << r.err;
        EXPECT_EQ(slurp(mine / "mine.txt"), "mine") << name;
        fs::remove_all(mine);
    }
    // Without them, the sharded run merges and leaves nothing of its own behind.
    RunResult r = run("--jobs 2 --db " + q(db) + " " + q(docs));
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(paragraphs(), 210u);
    for (const char* leftover : {".shard-0", ".shard-1", ".new", ".old"})
        EXPECT_FALSE(fs::exists(db.string() + leftover)) << leftover;
}

TEST_F(CliTest, MissingInputCreatesNoDatabase) {
    RunResult r = run("--db " + q(db) + " " + q(dir / "no-such-folder"));
    EXPECT_EQ(r.status, 1);
    EXPECT_EQ(r.err, "plenary-index: " + (dir / "no-such-folder").string() +
                         ": no such file or directory\n");
    EXPECT_FALSE(fs::exists(db));
}

TEST_F(CliTest, DumpPrintsTheDocumentAndItsParagraphsWithoutWriting) {
    write("a.txt", kSpeech);
    RunResult r = run("--db " + q(db) + " --dump " + q(docs / "a.txt"));
    ASSERT_EQ(r.status, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    ASSERT_EQ(j["paragraphs"].size(), 2u);
    EXPECT_EQ(j["paragraphs"][1]["text"],
              "The situation in the Niger and in Nigeria calls for resolution 2482 (2019) to be "
              "applied.");
    EXPECT_EQ(j["paragraphs"][1]["resolutions"], nlohmann::json::array({"S/RES/2482(2019)"}));
    EXPECT_EQ(j["paragraphs"][1]["countries"], nlohmann::json::array({"NER", "NGA"}));
    EXPECT_FALSE(fs::exists(db));
}

TEST_F(CliTest, UsageErrorsExitTwo) {
    EXPECT_EQ(run("--no-such-option").status, 2);
    EXPECT_EQ(run("--db " + q(db)).status, 2);
    EXPECT_EQ(run("--jobs 0 " + q(docs)).status, 2);
    RunResult r = run("--help");
    EXPECT_EQ(r.status, 0);
    EXPECT_NE(r.out.find("Exit status"), std::string::npos);
}

}  // namespace
}  // namespace plenary
