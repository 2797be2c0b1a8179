// Legacy Word (OLE2 compound file): converted by antiword, an established converter, run as a
// subprocess with a time limit and an output cap so a hostile file cannot hang or flood the
// indexer; its text is then read by the plain-text reader.
#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <string>

#include "base/error.h"
#include "base/text_util.h"
#include "readers/reader.h"

namespace plenary {

namespace {

constexpr int time_limit_ms = 20000;
constexpr std::size_t max_output = 64u * 1024 * 1024;

struct Output {
    std::string out;
    std::string err;
    int status = 0;
    bool timed_out = false;
    bool too_large = false;
    bool not_found = false;
};

/// Runs argv with stdout and stderr captured, killed after time_limit_ms.
Output run(const char* const argv[]) {
    int out_pipe[2], err_pipe[2];
    if (pipe2(out_pipe, O_CLOEXEC) != 0) throw std::runtime_error(std::strerror(errno));
    if (pipe2(err_pipe, O_CLOEXEC) != 0) {
        close(out_pipe[0]);
        close(out_pipe[1]);
        throw std::runtime_error(std::strerror(errno));
    }
    const pid_t pid = fork();
    if (pid < 0) {
        for (const int fd : {out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]}) close(fd);
        throw std::runtime_error(std::strerror(errno));
    }
    if (pid == 0) {
        dup2(out_pipe[1], 1);
        dup2(err_pipe[1], 2);
        const int null = open("/dev/null", O_RDONLY);
        if (null >= 0) dup2(null, 0);
        execvp(argv[0], const_cast<char* const*>(argv));
        _exit(127);
    }
    close(out_pipe[1]);
    close(err_pipe[1]);
    Output result;
    const auto deadline =
        std::chrono::steady_clock::now() + std::chrono::milliseconds(time_limit_ms);
    pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
    int open_fds = 2;
    char buffer[65536];
    while (open_fds > 0) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                              deadline - std::chrono::steady_clock::now())
                              .count();
        if (left <= 0) {
            result.timed_out = true;
            break;
        }
        const int ready = poll(fds, 2, static_cast<int>(left));
        if (ready < 0 && errno == EINTR) continue;
        if (ready <= 0) continue;
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            const ssize_t n = read(fds[i].fd, buffer, sizeof buffer);
            if (n <= 0) {
                close(fds[i].fd);
                fds[i].fd = -1;
                --open_fds;
                continue;
            }
            std::string& sink = i == 0 ? result.out : result.err;
            if (sink.size() < max_output)
                sink.append(buffer, static_cast<std::size_t>(n));
            else
                result.too_large = true;
        }
        if (result.too_large) break;
    }
    if (result.timed_out || result.too_large) kill(pid, SIGKILL);
    for (const auto& fd : fds)
        if (fd.fd >= 0) close(fd.fd);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    result.status = status;
    result.not_found = WIFEXITED(status) && WEXITSTATUS(status) == 127 && result.out.empty();
    return result;
}

std::string first_line(std::string_view s) {
    s = trim(s);
    return std::string(s.substr(0, s.find('\n')));
}

}  // namespace

Document parse_doc(const std::string& path) {
    const std::string prefix = "legacy Word document: antiword failed: ";
    // -w 0: one line per paragraph, so justified lines keep no column-like runs of spaces.
    const char* const argv[] = {"antiword", "-m", "UTF-8.txt", "-w", "0", path.c_str(), nullptr};
    Output out;
    try {
        out = run(argv);
    } catch (const std::exception& e) {
        throw DocumentError(path, prefix + e.what());
    }
    if (out.not_found) throw DocumentError(path, prefix + "antiword is not installed");
    if (out.timed_out) throw DocumentError(path, prefix + "no answer within 20 s");
    if (out.too_large) throw DocumentError(path, prefix + "more than 64 MiB of text");
    if (!WIFEXITED(out.status) || WEXITSTATUS(out.status) != 0) {
        std::string why = first_line(out.err);
        if (why.empty())
            why = "exit status " +
                  std::to_string(WIFEXITED(out.status) ? WEXITSTATUS(out.status) : -1);
        throw DocumentError(path, prefix + why);
    }
    if (!check_utf8(out.out)) throw DocumentError(path, prefix + "its output is not valid UTF-8");
    if (trim(out.out).empty()) throw DocumentError(path, "legacy Word document has no text");
    Document doc = parse_text(normalise_newlines(out.out), path);
    doc.format = "doc";
    return doc;
}

}  // namespace plenary
