#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>

#include "linux/LinuxAbi.h"

namespace glasshart {

// The terminal a program's standard streams are connected to when they are
// not the host's own descriptors: the window's terminal, or a test's
// buffers. The program sees a character device that is a terminal.
class Console {
public:
    virtual ~Console() = default;

    // Bytes the program wrote to standard output or standard error.
    virtual void write(std::span<const std::uint8_t> bytes) = 0;
    // Up to buffer.size() bytes of input: 0 at the end of input, nullopt
    // while there is none yet (the program waits for it).
    virtual std::optional<std::size_t> read(std::span<std::uint8_t> buffer) = 0;
    [[nodiscard]] virtual linux_abi::WindowSize windowSize() const { return {24, 80, 0, 0}; }
};

}  // namespace glasshart
