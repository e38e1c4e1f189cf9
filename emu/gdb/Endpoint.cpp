#include "gdb/Endpoint.h"

#include <charconv>
#include <limits>

namespace glasshart::gdb {
namespace {

std::variant<std::uint16_t, std::string> parsePort(std::string_view text) {
    unsigned value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc{} || end != text.data() + text.size() ||
        value > std::numeric_limits<std::uint16_t>::max()) {
        return "the port must be a number from 0 to 65535, not '" + std::string(text) + "'";
    }
    return static_cast<std::uint16_t>(value);
}

}  // namespace

std::variant<Endpoint, std::string> parseEndpoint(std::string_view text) {
    Endpoint endpoint;
    std::string_view portText = text;
    if (const auto colon = text.rfind(':'); colon != std::string_view::npos) {
        std::string_view host = text.substr(0, colon);
        portText = text.substr(colon + 1);
        if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
        if (host.empty()) return "no host before ':' in '" + std::string(text) + "'";
        if (host.find(':') != std::string_view::npos && text.front() != '[') {
            return "write an IPv6 address in brackets, as [" + std::string(host) + "]:PORT";
        }
        endpoint.host = std::string(host);
    }
    auto port = parsePort(portText);
    if (const auto* problem = std::get_if<std::string>(&port)) return *problem;
    endpoint.port = std::get<std::uint16_t>(port);
    return endpoint;
}

}  // namespace glasshart::gdb
