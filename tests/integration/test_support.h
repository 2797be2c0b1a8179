// What the integration tests share: the real binaries, running them and reading what they
// wrote, a `plenary-search serve` child on a port of its own, and temporary databases.
#pragma once

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "index/indexer.h"

namespace plenary::test {

namespace fs = std::filesystem;

inline const std::string kIndex = PLENARY_BINARY_DIR "/indexer/plenary-index";
inline const std::string kSearch = PLENARY_BINARY_DIR "/searcher/plenary-search";

/// The whole file as bytes ("" when it cannot be read).
inline std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

/// The path single-quoted for the shell (test paths hold no quote).
inline std::string q(const fs::path& p) {
    return "'" + p.string() + "'";
}

/// A temporary folder of the running test's own: <temp>/<prefix>-<pid>-<test name>.
inline fs::path test_dir(const std::string& prefix) {
    return fs::temp_directory_path() /
           (prefix + "-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
}

/// A test with a scratch folder of its own, test_dir(prefix): docs/ is made before each test
/// and the whole folder removed after it; db is where a database in it goes.
class ScratchFolderTest : public ::testing::Test {
  protected:
    explicit ScratchFolderTest(const std::string& prefix) : dir(test_dir(prefix)) {}
    void SetUp() override { fs::create_directories(docs); }
    void TearDown() override { fs::remove_all(dir); }

    /// Writes bytes to docs/name, making the folders it names.
    void write(const std::string& name, const std::string& bytes) {
        fs::create_directories((docs / name).parent_path());
        std::ofstream(docs / name, std::ios::binary) << bytes;
    }

    fs::path dir;
    fs::path db = dir / "db";
    fs::path docs = dir / "docs";
};

/// Exit status and output of a program run through the shell.
struct RunResult {
    int status = -1;
    std::string out, err;
};

/// Runs `command` (a shell command line without redirections) with no input, its stdout and
/// stderr kept in files of `dir`, so that neither can block on a full pipe.
inline RunResult run_captured(const std::string& command, const fs::path& dir) {
    const std::string cmd =
        command + " >" + (dir / "out").string() + " 2>" + (dir / "err").string() + " </dev/null";
    RunResult r;
    const int raw = std::system(cmd.c_str());
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    r.out = slurp(dir / "out");
    r.err = slurp(dir / "err");
    return r;
}

/// Exit status (-1 if it did not start or exit normally) and stdout of a shell command.
inline std::pair<int, std::string> shell(const std::string& cmd) {
    std::string out;
    FILE* p = ::popen(cmd.c_str(), "r");
    if (p == nullptr) return {-1, out};
    char buf[4096];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) out.append(buf, n);
    const int raw = ::pclose(p);
    return {WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, out};
}

/// A fresh database at <temp>/<prefix>-<pid>-<name> (or <prefix>-<pid> when name is ""),
/// indexed from `paths` with two jobs; fails the test when it holds no paragraph.
inline std::string build_db(const std::string& prefix, const std::string& name,
                            const std::vector<std::string>& paths,
                            const IndexListener& listener = IndexListener{}) {
    std::string leaf = prefix + "-" + std::to_string(::getpid());
    if (!name.empty()) leaf += "-" + name;
    const std::string db = (fs::temp_directory_path() / leaf).string();
    fs::remove_all(db);
    IndexOptions options;
    options.db = db;
    options.paths = paths;
    options.jobs = 2;
    const IndexReport r = run_index(options, listener);
    EXPECT_GT(r.paragraphs, 0u) << db;
    return db;
}

/// A running `plenary-search serve --port 0`: the kernel picks a free port when it binds, so no
/// other process can take it in between; wait_ready() reads it from the service's log line.
/// Stopped with SIGTERM when destroyed.
struct ServerProcess {
    pid_t pid = -1;
    int port = 0;  // known once wait_ready() returned true
    fs::path log;

    /// Starts the service with `args` after `serve --port 0`, its stderr in `log_file`.
    ServerProcess(const std::vector<std::string>& args, const fs::path& log_file) : log(log_file) {
        // A log left by an earlier server would name its port: wait_ready() must see only ours.
        std::error_code ignored;
        fs::remove(log, ignored);
        pid = ::fork();
        if (pid == 0) {
            std::vector<std::string> all = {kSearch, "serve", "--port", "0"};
            all.insert(all.end(), args.begin(), args.end());
            std::vector<char*> argv;
            for (auto& a : all) argv.push_back(a.data());
            argv.push_back(nullptr);
            std::freopen(log.c_str(), "w", stderr);
            std::freopen("/dev/null", "w", stdout);
            ::execv(kSearch.c_str(), argv.data());
            std::_Exit(127);
        }
    }
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    /// The port of "serving … on http://HOST:PORT/" in the log, or 0 before that line.
    int logged_port() const {
        const std::string text = slurp(log);
        const std::size_t line = text.find("plenary-search: serving ");
        if (line == std::string::npos) return 0;
        const std::size_t url = text.find(" on http://", line);
        const std::size_t end = text.find("/ with ", url);
        if (url == std::string::npos || end == std::string::npos) return 0;
        const std::size_t colon = text.rfind(':', end);
        return colon == std::string::npos || colon < url
                   ? 0
                   : std::atoi(text.substr(colon + 1, end - colon - 1).c_str());
    }
    /// Waits (at most 20 s) for the log line saying this child listens, which it writes once its
    /// socket is bound and listening; false at once if the child exited first.
    bool wait_ready() {
        for (int i = 0; i < 400; ++i) {
            if ((port = logged_port()) > 0) return true;
            if (!alive()) return false;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        return false;
    }
    /// True while the process has not exited (reaps it when it has).
    bool alive() {
        if (pid <= 0) return false;
        int raw = 0;
        if (::waitpid(pid, &raw, WNOHANG) == 0) return true;
        pid = -1;
        return false;
    }
    /// Sends sig and returns the exit status (-1 if it did not exit normally or had exited).
    int stop(int sig = SIGTERM) {
        if (pid <= 0) return -1;
        ::kill(pid, sig);
        int raw = 0;
        ::waitpid(pid, &raw, 0);
        pid = -1;
        return WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    }
    ~ServerProcess() { stop(); }
};

}  // namespace plenary::test
