#pragma once

#include <unistd.h>

#include <utility>

namespace glasshart {

// Owns one host file descriptor and closes it.
class HostDescriptor {
public:
    HostDescriptor() = default;
    explicit HostDescriptor(int fd) : fd_(fd) {}
    ~HostDescriptor() { reset(); }
    HostDescriptor(HostDescriptor&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
    HostDescriptor& operator=(HostDescriptor&& other) noexcept {
        if (this != &other) {
            reset();
            fd_ = std::exchange(other.fd_, -1);
        }
        return *this;
    }
    HostDescriptor(const HostDescriptor&) = delete;
    HostDescriptor& operator=(const HostDescriptor&) = delete;

    [[nodiscard]] int get() const { return fd_; }
    [[nodiscard]] bool valid() const { return fd_ >= 0; }
    void reset() {
        if (fd_ >= 0) ::close(fd_);
        fd_ = -1;
    }

private:
    int fd_ = -1;
};

}  // namespace glasshart
