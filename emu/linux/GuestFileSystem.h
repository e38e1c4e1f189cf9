#pragma once

#include <sys/stat.h>
#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "linux/HostDescriptor.h"

namespace glasshart {

// What of the host's files a guest program may reach.
//
// Without a root the program sees the host's file system as it is, but
// read-only: opening for writing, creating, truncating, removing or
// renaming answers EROFS, as on a read-only mount. Its standard streams are
// the only host files it writes.
//
// With a root, the directory is the program's "/": every path it names,
// absolute or relative, is resolved inside it by the kernel
// (openat2(2) with RESOLVE_IN_ROOT), so neither ".." nor a symbolic link,
// absolute or relative, leads out of it, and /proc's magic links are
// refused (RESOLVE_NO_MAGICLINKS). With `writable` the program may also
// create, write, remove and rename files inside the root; without it the
// root is read-only too.
struct FileAccessPolicy {
    std::optional<std::filesystem::path> root;
    bool writable = false;  // only with a root
};

// A directory a guest path may be relative to: the working directory or a
// directory the guest opened.
struct DirectoryRef {
    int hostFd;                  // used without a root
    std::string_view guestPath;  // used with one: its path inside the root
};

// A host descriptor, or the errno that kept the guest from getting one.
struct OpenResult {
    HostDescriptor descriptor;
    int error = 0;
};

// Resolves the guest's paths to host files under a FileAccessPolicy. All
// methods answer 0 or a result on success and -errno on failure, as the
// system calls they serve.
class GuestFileSystem {
public:
    // Throws std::system_error if the root is not a directory that can be opened.
    explicit GuestFileSystem(const FileAccessPolicy& policy);

    [[nodiscard]] bool confined() const { return root_.valid(); }
    [[nodiscard]] bool writable() const { return writable_; }

    // open(2): a close-on-exec host descriptor. `flags` are open(2)'s.
    [[nodiscard]] OpenResult open(DirectoryRef base, std::string_view path, std::uint32_t flags,
                                  std::uint32_t mode) const;
    // The directory for chdir(2).
    [[nodiscard]] OpenResult openDirectory(DirectoryRef base, std::string_view path) const;

    [[nodiscard]] int stat(DirectoryRef base, std::string_view path, bool followLast, struct ::stat& out) const;
    [[nodiscard]] int statx(DirectoryRef base, std::string_view path, bool followLast, unsigned mask,
                            struct ::statx& out) const;
    // readlink(2): the link's target in `target`, or -errno.
    [[nodiscard]] int readLink(DirectoryRef base, std::string_view path, std::string& target) const;
    [[nodiscard]] int access(DirectoryRef base, std::string_view path, unsigned mode, bool followLast,
                             bool effectiveIds) const;

    [[nodiscard]] int makeDirectory(DirectoryRef base, std::string_view path, std::uint32_t mode) const;
    [[nodiscard]] int remove(DirectoryRef base, std::string_view path, bool directory) const;
    [[nodiscard]] int rename(DirectoryRef fromBase, std::string_view from, DirectoryRef toBase, std::string_view to,
                             unsigned flags) const;

    // The working directory a new process starts in: the host's own, or
    // the root.
    [[nodiscard]] OpenResult initialDirectory() const;
    // Where an open directory is as the guest names it: its path inside the
    // root, or its host path without one.
    [[nodiscard]] std::string guestPathOf(int hostFd) const;

private:
    [[nodiscard]] OpenResult resolve(DirectoryRef base, std::string_view path, std::uint64_t flags,
                                     std::uint64_t mode) const;
    // The parent directory of `path`'s last component, and that component.
    [[nodiscard]] OpenResult openParent(DirectoryRef base, std::string_view path, std::string& name) const;

    HostDescriptor root_;
    std::string rootHostPath_;  // without a trailing slash; empty for "/"
    bool writable_ = false;
};

}  // namespace glasshart
