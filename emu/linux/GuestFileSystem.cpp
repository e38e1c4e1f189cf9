#include "linux/GuestFileSystem.h"

#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <stdexcept>
#include <system_error>

namespace glasshart {
namespace {

// O_TMPFILE's value includes O_DIRECTORY's bit: only all of it means O_TMPFILE.
bool createsFile(std::uint64_t flags) { return (flags & O_CREAT) != 0 || (flags & O_TMPFILE) == O_TMPFILE; }

// Whether open(2) with these flags could change a file.
bool mayWrite(std::uint64_t flags) {
    return (flags & O_ACCMODE) != O_RDONLY || (flags & O_TRUNC) != 0 || createsFile(flags);
}

std::string linkTarget(const std::string& path) {
    std::array<char, 4096> buffer{};
    const ssize_t length = ::readlink(path.c_str(), buffer.data(), buffer.size());
    return length < 0 ? std::string() : std::string(buffer.data(), static_cast<std::size_t>(length));
}

std::string descriptorPath(int fd) { return linkTarget("/proc/self/fd/" + std::to_string(fd)); }

}  // namespace

GuestFileSystem::GuestFileSystem(const FileAccessPolicy& policy) : writable_(policy.writable) {
    if (!policy.root) {
        if (policy.writable) throw std::invalid_argument("writes are allowed only inside a root directory");
        return;
    }
    root_ = HostDescriptor(::open(policy.root->c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    if (!root_.valid()) throw std::system_error(errno, std::generic_category(), policy.root->string());
    rootHostPath_ = descriptorPath(root_.get());
    if (rootHostPath_ == "/") rootHostPath_.clear();
}

OpenResult GuestFileSystem::resolve(DirectoryRef base, std::string_view path, std::uint64_t flags,
                                    std::uint64_t mode) const {
    if (path.empty()) return OpenResult{HostDescriptor(), ENOENT};
    open_how how{};
    how.flags = flags | O_CLOEXEC;
    how.mode = createsFile(flags) ? mode : 0;
    int directory = base.hostFd;
    std::string where(path);
    if (root_.valid()) {
        // RESOLVE_IN_ROOT treats its directory as "/", so a relative path
        // is made absolute inside the root first: resolving it from the
        // working directory's descriptor would make that the root.
        how.resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS;
        directory = root_.get();
        if (!path.starts_with('/')) where = std::string(base.guestPath) + "/" + where;
    }
    const long fd = ::syscall(SYS_openat2, directory, where.c_str(), &how, sizeof how);
    if (fd < 0) return OpenResult{HostDescriptor(), errno};
    return OpenResult{HostDescriptor(static_cast<int>(fd)), 0};
}

OpenResult GuestFileSystem::open(DirectoryRef base, std::string_view path, std::uint32_t flags,
                                 std::uint32_t mode) const {
    if (mayWrite(flags) && !writable_) return OpenResult{HostDescriptor(), EROFS};
    return resolve(base, path, flags & ~std::uint32_t{O_CLOEXEC}, mode);
}

OpenResult GuestFileSystem::openDirectory(DirectoryRef base, std::string_view path) const {
    return resolve(base, path, O_PATH | O_DIRECTORY, 0);
}

int GuestFileSystem::stat(DirectoryRef base, std::string_view path, bool followLast, struct ::stat& out) const {
    const OpenResult file = resolve(base, path, O_PATH | (followLast ? 0 : O_NOFOLLOW), 0);
    if (file.error != 0) return -file.error;
    return ::fstatat(file.descriptor.get(), "", &out, AT_EMPTY_PATH) == 0 ? 0 : -errno;
}

int GuestFileSystem::statx(DirectoryRef base, std::string_view path, bool followLast, unsigned mask,
                           struct ::statx& out) const {
    const OpenResult file = resolve(base, path, O_PATH | (followLast ? 0 : O_NOFOLLOW), 0);
    if (file.error != 0) return -file.error;
    return ::statx(file.descriptor.get(), "", AT_EMPTY_PATH, mask, &out) == 0 ? 0 : -errno;
}

int GuestFileSystem::readLink(DirectoryRef base, std::string_view path, std::string& target) const {
    const OpenResult link = resolve(base, path, O_PATH | O_NOFOLLOW, 0);
    if (link.error != 0) return -link.error;
    std::array<char, 4096> buffer{};
    const ssize_t length = ::readlinkat(link.descriptor.get(), "", buffer.data(), buffer.size());
    if (length < 0) return -errno;
    target.assign(buffer.data(), static_cast<std::size_t>(length));
    return 0;
}

int GuestFileSystem::access(DirectoryRef base, std::string_view path, unsigned mode, bool followLast,
                            bool effectiveIds) const {
    const OpenResult file = resolve(base, path, O_PATH | (followLast ? 0 : O_NOFOLLOW), 0);
    if (file.error != 0) return -file.error;
    // A read-only file system answers EROFS to W_OK (access(2)).
    if ((mode & W_OK) != 0 && !writable_) return -EROFS;
    const int flags = AT_EMPTY_PATH | (effectiveIds ? AT_EACCESS : 0);
    return ::syscall(SYS_faccessat2, file.descriptor.get(), "", mode, flags) == 0 ? 0 : -errno;
}

OpenResult GuestFileSystem::openParent(DirectoryRef base, std::string_view path, std::string& name) const {
    while (path.size() > 1 && path.ends_with('/')) path.remove_suffix(1);
    const std::size_t slash = path.rfind('/');
    name = std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
    std::string_view parent = slash == std::string_view::npos ? std::string_view(".")
                              : slash == 0                    ? std::string_view("/")
                                                              : path.substr(0, slash);
    if (name.empty() || name == "." || name == "..") return OpenResult{HostDescriptor(), EINVAL};
    return resolve(base, parent, O_PATH | O_DIRECTORY, 0);
}

int GuestFileSystem::makeDirectory(DirectoryRef base, std::string_view path, std::uint32_t mode) const {
    if (!writable_) return -EROFS;
    std::string name;
    const OpenResult parent = openParent(base, path, name);
    if (parent.error != 0) return parent.error == EINVAL ? -EEXIST : -parent.error;
    return ::mkdirat(parent.descriptor.get(), name.c_str(), mode) == 0 ? 0 : -errno;
}

int GuestFileSystem::remove(DirectoryRef base, std::string_view path, bool directory) const {
    if (!writable_) return -EROFS;
    std::string name;
    const OpenResult parent = openParent(base, path, name);
    if (parent.error != 0) return -parent.error;
    return ::unlinkat(parent.descriptor.get(), name.c_str(), directory ? AT_REMOVEDIR : 0) == 0 ? 0 : -errno;
}

int GuestFileSystem::rename(DirectoryRef fromBase, std::string_view from, DirectoryRef toBase, std::string_view to,
                            unsigned flags) const {
    if (!writable_) return -EROFS;
    std::string fromName;
    std::string toName;
    const OpenResult fromParent = openParent(fromBase, from, fromName);
    if (fromParent.error != 0) return -fromParent.error;
    const OpenResult toParent = openParent(toBase, to, toName);
    if (toParent.error != 0) return -toParent.error;
    return ::renameat2(fromParent.descriptor.get(), fromName.c_str(), toParent.descriptor.get(), toName.c_str(),
                       flags) == 0
               ? 0
               : -errno;
}

OpenResult GuestFileSystem::initialDirectory() const {
    const int fd = root_.valid() ? ::openat(root_.get(), ".", O_PATH | O_DIRECTORY | O_CLOEXEC)
                                 : ::open(".", O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return OpenResult{HostDescriptor(), errno};
    return OpenResult{HostDescriptor(fd), 0};
}

std::string GuestFileSystem::guestPathOf(int hostFd) const {
    const std::string host = descriptorPath(hostFd);
    if (!root_.valid()) return host;
    if (host == rootHostPath_ || (rootHostPath_.empty() && host == "/")) return "/";
    if (host.starts_with(rootHostPath_ + "/")) return host.substr(rootHostPath_.size());
    return "/";  // outside the root cannot happen: resolution stays inside it
}

}  // namespace glasshart
