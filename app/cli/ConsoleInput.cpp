#include "ConsoleInput.h"

#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>

namespace glasshart::cli {

ConsoleInput::ConsoleInput() = default;

void ConsoleInput::poll(int timeoutMilliseconds) {
    std::vector<pollfd> descriptors;
    addPollDescriptor(descriptors);
    if (descriptors.empty() && timeoutMilliseconds < 0) return;  // nothing could ever end the wait
    if (::poll(descriptors.data(), descriptors.size(), timeoutMilliseconds) <= 0) return;
    service(descriptors);
}

void ConsoleInput::addPollDescriptor(std::vector<pollfd>& descriptors) const {
    if (!closed_) descriptors.push_back(pollfd{STDIN_FILENO, POLLIN, 0});
}

void ConsoleInput::service(std::span<const pollfd> polled) {
    const auto entry = std::find_if(polled.begin(), polled.end(), [](const pollfd& p) { return p.fd == STDIN_FILENO; });
    if (closed_ || entry == polled.end()) return;
    if ((entry->revents & (POLLIN | POLLHUP | POLLERR | POLLNVAL)) == 0) return;
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
