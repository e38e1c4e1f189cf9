#include "isa/CsrAddress.h"

#include <array>
#include <cstddef>

namespace glasshart {
namespace {

struct NamedCsr {
    std::uint16_t address;
    std::string_view name;
};

constexpr std::array kNamedCsrs = {
#define CSR(name, text, address) NamedCsr{address, text},
#include "isa/Csrs.def"
};

constexpr std::size_t kCsrSpace = 4096;  // CSR numbers are 12 bits (privileged spec 2.1)

constexpr bool inPmpRanges(std::uint16_t address) {
    return (address >= kPmpcfgFirst && address < kPmpcfgFirst + kPmpcfgCount) ||
           (address >= kPmpaddrFirst && address < kPmpaddrFirst + kPmpaddrCount);
}

// Row index + 1 for every CSR number, 0 where Csrs.def has no row: one load
// instead of a search, for a disassembler that may format whole pages.
constexpr std::array<std::uint16_t, kCsrSpace> kRowByAddress = [] {
    std::array<std::uint16_t, kCsrSpace> rows{};
    for (std::size_t i = 0; i < kNamedCsrs.size(); ++i) {
        rows[kNamedCsrs[i].address] = static_cast<std::uint16_t>(i + 1);
    }
    return rows;
}();

constexpr bool rowsAreConsistent() {
    std::array<bool, kCsrSpace> seen{};
    for (const NamedCsr& csr : kNamedCsrs) {
        if (csr.address >= kCsrSpace || seen[csr.address] || inPmpRanges(csr.address)) {
            return false;
        }
        seen[csr.address] = true;
    }
    return true;
}
static_assert(rowsAreConsistent(),
              "Csrs.def: every address at most once, 12 bits, outside the PMP ranges");

// "pmpcfg0".."pmpcfg15", "pmpaddr0".."pmpaddr63", built at compile time so
// csrName can hand out views with static storage.
struct RangeNames {
    static constexpr std::size_t kCount = kPmpcfgCount + kPmpaddrCount;
    std::array<char, 1024> text{};
    std::array<std::uint16_t, kCount + 1> offsets{};
};

constexpr RangeNames kRangeNames = [] {
    RangeNames names;
    std::size_t end = 0;
    auto append = [&](std::string_view prefix, unsigned number) {
        for (char c : prefix) {
            names.text[end++] = c;
        }
        if (number >= 10) {
            names.text[end++] = static_cast<char>('0' + number / 10);
        }
        names.text[end++] = static_cast<char>('0' + number % 10);
    };
    std::size_t index = 0;
    for (unsigned n = 0; n < kPmpcfgCount; ++n) {
        names.offsets[index++] = static_cast<std::uint16_t>(end);
        append("pmpcfg", n);
    }
    for (unsigned n = 0; n < kPmpaddrCount; ++n) {
        names.offsets[index++] = static_cast<std::uint16_t>(end);
        append("pmpaddr", n);
    }
    names.offsets[index] = static_cast<std::uint16_t>(end);
    return names;
}();

std::string_view rangeName(std::size_t index) {
    const std::size_t begin = kRangeNames.offsets[index];
    return {kRangeNames.text.data() + begin, kRangeNames.offsets[index + 1] - begin};
}

}  // namespace

std::optional<std::string_view> csrName(std::uint16_t address) {
    if (address >= kCsrSpace) {
        return std::nullopt;
    }
    if (address >= kPmpcfgFirst && address < kPmpcfgFirst + kPmpcfgCount) {
        return rangeName(address - kPmpcfgFirst);
    }
    if (address >= kPmpaddrFirst && address < kPmpaddrFirst + kPmpaddrCount) {
        return rangeName(kPmpcfgCount + (address - kPmpaddrFirst));
    }
    if (const std::uint16_t row = kRowByAddress[address]; row != 0) {
        return kNamedCsrs[row - 1].name;
    }
    return std::nullopt;
}

}  // namespace glasshart
