#pragma once
// POSIX TCP sockets for the gdb stub, each closing itself. Everything is
// non-blocking: the owner polls the descriptors along with whatever else it
// waits for, so the emulator never stops for the network.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "gdb/Endpoint.h"

namespace glasshart::gdb {

// A listener could not be set up; the message is one line for the user.
class SocketError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class FileDescriptor {
public:
    FileDescriptor() = default;
    explicit FileDescriptor(int fd) : fd_(fd) {}
    ~FileDescriptor() { reset(); }
    FileDescriptor(FileDescriptor&& other) noexcept : fd_(other.release()) {}
    FileDescriptor& operator=(FileDescriptor&& other) noexcept;
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;

    [[nodiscard]] int get() const { return fd_; }
    [[nodiscard]] bool valid() const { return fd_ >= 0; }
    int release();
    void reset();

private:
    int fd_ = -1;
};

// One connection. Output that the socket cannot take at once waits in a
// queue until it can (see wantsToWrite and flush).
class TcpStream {
public:
    explicit TcpStream(FileDescriptor fd, std::string peer);

    [[nodiscard]] int fd() const { return fd_.get(); }
    [[nodiscard]] const std::string& peer() const { return peer_; }

    // Appends what has arrived to `into`, without waiting. False once the
    // peer has closed the connection or it has failed.
    [[nodiscard]] bool receive(std::vector<std::uint8_t>& into);
    // Queues `bytes` and writes what the socket takes now. False if the
    // connection has failed, or the peer leaves more than kMaxQueued bytes
    // unread (it is not reading: there is no point in waiting for it).
    [[nodiscard]] bool send(std::string_view bytes);
    [[nodiscard]] bool flush();
    [[nodiscard]] bool wantsToWrite() const { return !queued_.empty(); }

    static constexpr std::size_t kMaxQueued = 1u << 20;

private:
    FileDescriptor fd_;
    std::string peer_;
    std::string queued_;
};

class TcpListener {
public:
    // Listens on `endpoint`. Throws SocketError (port in use, no such
    // address, no permission...).
    explicit TcpListener(const Endpoint& endpoint);

    [[nodiscard]] int fd() const { return fd_.get(); }
    // "127.0.0.1:1234" or "[::1]:1234", with the port actually bound.
    [[nodiscard]] const std::string& address() const { return address_; }
    [[nodiscard]] std::uint16_t port() const { return port_; }

    // A connection that is waiting, if any.
    [[nodiscard]] std::optional<TcpStream> accept();

private:
    FileDescriptor fd_;
    std::string address_;
    std::uint16_t port_ = 0;
};

}  // namespace glasshart::gdb
