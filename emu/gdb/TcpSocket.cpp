#include "gdb/TcpSocket.h"

#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <memory>

namespace glasshart::gdb {
namespace {

// Host and port of a socket address as numbers: "127.0.0.1:1234", "[::1]:1234".
std::string describe(const sockaddr* address, socklen_t length, std::uint16_t* port = nullptr) {
    std::array<char, NI_MAXHOST> host{};
    std::array<char, NI_MAXSERV> service{};
    if (getnameinfo(address, length, host.data(), host.size(), service.data(), service.size(),
                    NI_NUMERICHOST | NI_NUMERICSERV) != 0) {
        return "?";
    }
    if (port != nullptr) *port = static_cast<std::uint16_t>(std::strtoul(service.data(), nullptr, 10));
    const std::string name = host.data();
    const bool ipv6 = address->sa_family == AF_INET6;
    return (ipv6 ? "[" + name + "]" : name) + ":" + service.data();
}

void setNonBlocking(int fd) { ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK); }

std::string bindProblem(int error, const Endpoint& endpoint) {
    const std::string where = "port " + std::to_string(endpoint.port) + " on " + endpoint.host;
    switch (error) {
    case EADDRINUSE: return where + " is already in use (choose another port, or 0 for any free one)";
    case EACCES: return "no permission to listen on " + where + " (ports below 1024 need privileges)";
    case EADDRNOTAVAIL: return endpoint.host + " is not an address of this machine";
    default: return "cannot listen on " + where + ": " + std::strerror(error);
    }
}

struct AddressInfoDeleter {
    void operator()(addrinfo* info) const { freeaddrinfo(info); }
};

}  // namespace

FileDescriptor& FileDescriptor::operator=(FileDescriptor&& other) noexcept {
    if (this != &other) {
        reset();
        fd_ = other.release();
    }
    return *this;
}

int FileDescriptor::release() {
    const int fd = fd_;
    fd_ = -1;
    return fd;
}

void FileDescriptor::reset() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
}

TcpStream::TcpStream(FileDescriptor fd, std::string peer) : fd_(std::move(fd)), peer_(std::move(peer)) {
    setNonBlocking(fd_.get());
    // Replies are small and each one is awaited: send them at once.
    const int on = 1;
    ::setsockopt(fd_.get(), IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
}

bool TcpStream::receive(std::vector<std::uint8_t>& into) {
    std::array<std::uint8_t, 4096> buffer{};
    for (;;) {
        const ssize_t count = ::recv(fd_.get(), buffer.data(), buffer.size(), 0);
        if (count > 0) {
            into.insert(into.end(), buffer.begin(), buffer.begin() + count);
            continue;
        }
        if (count == 0) return false;  // the peer closed its end
        if (errno == EINTR) continue;
        return errno == EAGAIN || errno == EWOULDBLOCK;
    }
}

bool TcpStream::send(std::string_view bytes) {
    queued_.append(bytes);
    if (!flush()) return false;
    return queued_.size() <= kMaxQueued;
}

bool TcpStream::flush() {
    while (!queued_.empty()) {
        // MSG_NOSIGNAL: a peer that has gone away is an error return, not SIGPIPE.
        const ssize_t count = ::send(fd_.get(), queued_.data(), queued_.size(), MSG_NOSIGNAL);
        if (count > 0) {
            queued_.erase(0, static_cast<std::size_t>(count));
            continue;
        }
        if (count < 0 && errno == EINTR) continue;
        return count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
    }
    return true;
}

TcpListener::TcpListener(const Endpoint& endpoint) {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
    addrinfo* found = nullptr;
    const std::string service = std::to_string(endpoint.port);
    if (const int error = getaddrinfo(endpoint.host.c_str(), service.c_str(), &hints, &found); error != 0) {
        throw SocketError("cannot listen on " + endpoint.host + ": " + gai_strerror(error));
    }
    const std::unique_ptr<addrinfo, AddressInfoDeleter> addresses(found);
    int lastError = EADDRNOTAVAIL;
    for (const addrinfo* candidate = found; candidate != nullptr; candidate = candidate->ai_next) {
        FileDescriptor fd(::socket(candidate->ai_family, candidate->ai_socktype | SOCK_CLOEXEC, candidate->ai_protocol));
        if (!fd.valid()) {
            lastError = errno;
            continue;
        }
        // Lets a restarted stub reuse the port while old connections linger
        // in TIME_WAIT; a port another socket listens on still fails.
        const int on = 1;
        ::setsockopt(fd.get(), SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
        if (::bind(fd.get(), candidate->ai_addr, candidate->ai_addrlen) != 0 || ::listen(fd.get(), 1) != 0) {
            lastError = errno;
            continue;
        }
        sockaddr_storage bound{};
        socklen_t length = sizeof bound;
        ::getsockname(fd.get(), reinterpret_cast<sockaddr*>(&bound), &length);
        address_ = describe(reinterpret_cast<const sockaddr*>(&bound), length, &port_);
        setNonBlocking(fd.get());
        fd_ = std::move(fd);
        return;
    }
    throw SocketError(bindProblem(lastError, endpoint));
}

std::optional<TcpStream> TcpListener::accept() {
    sockaddr_storage peer{};
    socklen_t length = sizeof peer;
    FileDescriptor fd(::accept4(fd_.get(), reinterpret_cast<sockaddr*>(&peer), &length, SOCK_CLOEXEC));
    if (!fd.valid()) return std::nullopt;
    std::string name = describe(reinterpret_cast<const sockaddr*>(&peer), length);
    return TcpStream(std::move(fd), std::move(name));
}

}  // namespace glasshart::gdb
