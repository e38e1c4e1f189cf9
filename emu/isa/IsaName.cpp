#include "isa/IsaName.h"

#include <algorithm>
#include <stdexcept>

namespace glasshart {

namespace {

[[noreturn]] void reject(std::string_view isa, std::string_view why) {
    throw std::invalid_argument("ISA string \"" + std::string(isa) + "\": " + std::string(why));
}

bool isLower(char c) { return c >= 'a' && c <= 'z'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Multi-letter extension names begin with one of these ("ISA Extension
// Naming Conventions"); a single-letter run ends where one begins.
bool startsMultiLetter(char c) { return c == 'z' || c == 's' || c == 'x'; }

void add(IsaName& name, std::string_view isa, std::string extension) {
    if (std::find(name.extensions.begin(), name.extensions.end(), extension) != name.extensions.end()) {
        reject(isa, "extension " + extension + " appears twice");
    }
    name.extensions.push_back(std::move(extension));
}

}  // namespace

IsaName parseIsaName(std::string_view isa, Xlen xlen) {
    const std::string_view prefix = xlen == Xlen::Rv32 ? "rv32" : "rv64";
    if (isa.substr(0, prefix.size()) != prefix) reject(isa, "does not start with " + std::string(prefix));
    IsaName name{std::string(prefix) + "i", {}};

    std::size_t at = prefix.size();
    if (at == isa.size() || (isa[at] != 'i' && isa[at] != 'g')) reject(isa, "the base must be i or g");
    for (; at < isa.size() && isa[at] != '_' && !startsMultiLetter(isa[at]); ++at) {
        const char letter = isa[at];
        if (!isLower(letter)) reject(isa, "single-letter extensions are lower-case letters");
        if (letter == 'g') {
            for (const char* implied : {"i", "m", "a", "f", "d", "zicsr", "zifencei"}) add(name, isa, implied);
        } else {
            add(name, isa, std::string(1, letter));
        }
    }
    while (at < isa.size()) {
        if (isa[at] == '_') ++at;
        const std::size_t end = std::min(isa.find('_', at), isa.size());
        const std::string_view extension = isa.substr(at, end - at);
        if (extension.size() < 2 || !(startsMultiLetter(extension[0]) || extension[0] == 'h')) {
            reject(isa, "multi-letter extensions start with z, s, x or h and are separated by '_'");
        }
        if (!std::all_of(extension.begin(), extension.end(), [](char c) { return isLower(c) || isDigit(c); })) {
            reject(isa, "multi-letter extensions are lower-case letters and digits");
        }
        add(name, isa, std::string(extension));
        at = end;
    }
    return name;
}

}  // namespace glasshart

namespace glasshart {

std::string isaNameFromMisa(std::uint64_t misa, Xlen xlen) {
    std::string name = xlen == Xlen::Rv64 ? "rv64" : "rv32";
    // The canonical order of the single-letter extensions (ISA manual 20191213, table 27.1).
    for (const char letter : std::string_view("imafdqc")) {
        if (((misa >> (letter - 'a')) & 1) != 0) name += letter;
    }
    return name + "_zicsr_zifencei";
}

}  // namespace glasshart
