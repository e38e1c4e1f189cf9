#pragma once

#include <poll.h>

#include <cstdint>
#include <deque>
#include <span>
#include <vector>

namespace glasshart::cli {

// Standard input, read without blocking, queued until the guest's UART can
// take it.
class ConsoleInput {
public:
    ConsoleInput();

    // Reads whatever standard input has ready, waiting at most
    // `timeoutMilliseconds` for something to arrive.
    void poll(int timeoutMilliseconds = 0);
    // The same in two halves, for a caller that polls other descriptors
    // too: standard input's entry (none once it has ended), then reading
    // what that poll found.
    void addPollDescriptor(std::vector<pollfd>& descriptors) const;
    void service(std::span<const pollfd> polled);
    [[nodiscard]] bool hasPending() const { return !pending_.empty(); }
    [[nodiscard]] std::uint8_t take();
    [[nodiscard]] bool atEnd() const { return closed_ && pending_.empty(); }

private:
    std::deque<std::uint8_t> pending_;
    bool closed_ = false;
};

}  // namespace glasshart::cli
