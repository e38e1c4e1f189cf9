#include "linux/FileTable.h"

#include <cerrno>

namespace glasshart {

int FileTable::install(std::shared_ptr<OpenFile> file, bool closeOnExec, int lowest) {
    for (int fd = lowest; fd < kMaxDescriptors; ++fd) {
        const auto index = static_cast<std::size_t>(fd);
        if (index >= slots_.size()) slots_.resize(index + 1);
        if (!slots_[index].file) {
            slots_[index] = Slot{std::move(file), closeOnExec};
            return fd;
        }
    }
    return -EMFILE;
}

void FileTable::installAt(int fd, std::shared_ptr<OpenFile> file, bool closeOnExec) {
    const auto index = static_cast<std::size_t>(fd);
    if (index >= slots_.size()) slots_.resize(index + 1);
    slots_[index] = Slot{std::move(file), closeOnExec};
}

std::shared_ptr<OpenFile> FileTable::get(std::int64_t fd) const {
    if (fd < 0 || static_cast<std::uint64_t>(fd) >= slots_.size()) return nullptr;
    return slots_[static_cast<std::size_t>(fd)].file;
}

int FileTable::close(std::int64_t fd) {
    if (!get(fd)) return -EBADF;
    slots_[static_cast<std::size_t>(fd)] = Slot{};
    return 0;
}

}  // namespace glasshart
