#include "linux/InitialStack.h"

#include <elf.h>

#include <cstring>
#include <stdexcept>

namespace glasshart {
namespace {

constexpr std::uint64_t kStackAlignment = 16;

std::uint64_t alignDown(std::uint64_t value, std::uint64_t alignment) { return value & ~(alignment - 1); }

// Fills the stack downwards from the top, as the kernel does, and writes
// words in the guest's width.
class StackWriter {
public:
    StackWriter(std::uint64_t top, std::uint64_t size, unsigned wordBytes)
        : top_(top), bottom_(top - size), wordBytes_(wordBytes), bytes_(size, 0) {}

    // Puts `length` bytes below everything so far and returns their address.
    std::uint64_t push(const void* data, std::uint64_t length) {
        cursor_ -= length;
        std::memcpy(bytes_.data() + (cursor_ - bottom_), data, length);
        return cursor_;
    }
    std::uint64_t pushString(const std::string& text) { return push(text.c_str(), text.size() + 1); }
    void alignCursor() { cursor_ = alignDown(cursor_, kStackAlignment); }
    void skip(std::uint64_t length) { cursor_ -= length; }

    void writeWord(std::uint64_t address, std::uint64_t value) {
        std::memcpy(bytes_.data() + (address - bottom_), &value, wordBytes_);  // little-endian, as RISC-V
    }
    [[nodiscard]] std::uint64_t cursor() const { return cursor_; }

    InitialStack finish(std::uint64_t stackPointer) {
        InitialStack stack;
        stack.stackPointer = stackPointer;
        stack.bytes.assign(bytes_.begin() + static_cast<std::ptrdiff_t>(stackPointer - bottom_), bytes_.end());
        return stack;
    }

private:
    std::uint64_t top_;
    std::uint64_t bottom_;
    std::uint64_t cursor_ = top_;
    unsigned wordBytes_;
    std::vector<std::uint8_t> bytes_;
};

std::uint64_t stringBytes(const std::vector<std::string>& strings) {
    std::uint64_t total = 0;
    for (const std::string& text : strings) total += text.size() + 1;
    return total;
}

// Pushes the strings so that the first ends up lowest, as the kernel's
// copy_strings() does by copying the last one first; returns their addresses.
std::vector<std::uint64_t> pushStrings(StackWriter& writer, const std::vector<std::string>& strings) {
    std::vector<std::uint64_t> addresses(strings.size());
    for (std::size_t i = strings.size(); i-- > 0;) addresses[i] = writer.pushString(strings[i]);
    return addresses;
}

}  // namespace

InitialStack buildInitialStack(const InitialStackContents& contents, std::uint64_t top, Xlen xlen,
                               std::uint64_t limit) {
    const unsigned wordBytes = xlen == Xlen::Rv64 ? 8 : 4;
    const std::uint64_t strings =
        stringBytes(contents.arguments) + stringBytes(contents.environment) + contents.executableName.size() + 1;
    if (strings > limit) {
        throw std::length_error("the arguments and environment take " + std::to_string(strings) +
                                " bytes, more than the " + std::to_string(limit) + " Linux allows");
    }
    std::vector<AuxiliaryEntry> auxiliary = contents.auxiliary;
    const std::uint64_t words = 1 + (contents.arguments.size() + 1) + (contents.environment.size() + 1) +
                                2 * (auxiliary.size() + 3);
    const std::uint64_t size = strings + wordBytes + contents.random.size() + (words + 4) * wordBytes +
                               2 * kStackAlignment;
    StackWriter writer(top, size, wordBytes);

    // The top word stays zero; below it the executable's name, then the
    // environment and argument strings.
    writer.skip(wordBytes);
    const std::uint64_t executableName = writer.pushString(contents.executableName);
    const std::vector<std::uint64_t> environment = pushStrings(writer, contents.environment);
    const std::vector<std::uint64_t> arguments = pushStrings(writer, contents.arguments);
    writer.alignCursor();
    const std::uint64_t random = writer.push(contents.random.data(), contents.random.size());
    auxiliary.push_back({AT_RANDOM, random});
    auxiliary.push_back({AT_EXECFN, executableName});
    auxiliary.push_back({AT_NULL, 0});

    const std::uint64_t stackPointer = alignDown(writer.cursor() - words * wordBytes, kStackAlignment);
    std::uint64_t at = stackPointer;
    auto put = [&](std::uint64_t value) {
        writer.writeWord(at, value);
        at += wordBytes;
    };
    put(contents.arguments.size());
    for (const std::uint64_t address : arguments) put(address);
    put(0);
    for (const std::uint64_t address : environment) put(address);
    put(0);
    for (const AuxiliaryEntry& entry : auxiliary) {
        put(entry.type);
        put(entry.value);
    }
    return writer.finish(stackPointer);
}

}  // namespace glasshart
