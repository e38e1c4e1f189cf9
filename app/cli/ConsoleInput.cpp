#include "ConsoleInput.h"

#include <poll.h>
#include <unistd.h>

#include <array>
#include <cerrno>

namespace glasshart::cli {

ConsoleInput::ConsoleInput() = default;

void ConsoleInput::poll(int timeoutMilliseconds) {
    if (closed_) {
        if (timeoutMilliseconds > 0) ::poll(nullptr, 0, timeoutMilliseconds);
        return;
    }
    pollfd descriptor{STDIN_FILENO, POLLIN, 0};
    if (::poll(&descriptor, 1, timeoutMilliseconds) <= 0) return;
    if ((descriptor.revents & (POLLIN | POLLHUP | POLLERR | POLLNVAL)) == 0) return;
    std::array<std::uint8_t, 4096> buffer{};
    const ssize_t count = ::read(STDIN_FILENO, buffer.data(), buffer.size());
    if (count < 0 && (errno == EINTR || errno == EAGAIN)) return;
    if (count <= 0) {
        closed_ = true;
        return;
    }
    pending_.insert(pending_.end(), buffer.begin(), buffer.begin() + count);
}

std::uint8_t ConsoleInput::take() {
    const std::uint8_t byte = pending_.front();
    pending_.pop_front();
    return byte;
}

}  // namespace glasshart::cli
