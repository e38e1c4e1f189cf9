#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

namespace glasshart::gdb {

// Where the stub listens. Loopback unless asked otherwise: the stub gives
// whoever connects full control of the machine.
struct Endpoint {
    std::string host = "127.0.0.1";
    std::uint16_t port = 0;  // 0: any free port (the listener says which)
};

// "PORT" (on 127.0.0.1), "HOST:PORT", or "[IPV6]:PORT"; otherwise a
// message saying what is wrong with `text`.
[[nodiscard]] std::variant<Endpoint, std::string> parseEndpoint(std::string_view text);

}  // namespace glasshart::gdb
