#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "linux/HostDescriptor.h"

namespace glasshart {

// One open file description of the guest: a host descriptor, or one of
// the console's standard streams. dup() shares it, as dup(2) shares the
// file offset and status flags.
struct OpenFile {
    enum class ConsoleStream : std::uint8_t { Input, Output };

    HostDescriptor host;                         // when not a console stream
    std::optional<ConsoleStream> console;
    std::string guestPath;                       // directories: for paths relative to them
    bool directory = false;
};

// The guest's file descriptor numbers (open(2): the lowest free number
// first), each naming an OpenFile and carrying its close-on-exec flag.
class FileTable {
public:
    // RLIMIT_NOFILE's usual soft limit.
    static constexpr int kMaxDescriptors = 1024;

    // The new descriptor, at least `lowest`, or -EMFILE.
    int install(std::shared_ptr<OpenFile> file, bool closeOnExec, int lowest = 0);
    // Puts `file` at exactly `fd`, closing what was there (dup2/dup3).
    void installAt(int fd, std::shared_ptr<OpenFile> file, bool closeOnExec);
    [[nodiscard]] std::shared_ptr<OpenFile> get(std::int64_t fd) const;
    [[nodiscard]] bool closeOnExec(int fd) const { return slots_[static_cast<std::size_t>(fd)].closeOnExec; }
    void setCloseOnExec(int fd, bool on) { slots_[static_cast<std::size_t>(fd)].closeOnExec = on; }
    // 0, or -EBADF.
    int close(std::int64_t fd);
    void clear() { slots_.clear(); }

private:
    struct Slot {
        std::shared_ptr<OpenFile> file;
        bool closeOnExec = false;
    };
    std::vector<Slot> slots_;
};

}  // namespace glasshart
