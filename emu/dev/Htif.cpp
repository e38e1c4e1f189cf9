#include "dev/Htif.h"

#include <array>
#include <charconv>
#include <climits>
#include <cstring>
#include <stdexcept>
#include <string>
#include <utility>

namespace glasshart {

namespace {

constexpr std::uint64_t kPayloadMask = (std::uint64_t{1} << 48) - 1;
constexpr unsigned kMagicWords = 8;

// Linux/newlib errno values the syscall proxy returns (negated).
constexpr std::int64_t kEbadf = 9;
constexpr std::int64_t kEfault = 14;
constexpr std::int64_t kEnosys = 38;

int clampExitCode(std::int64_t code) {
    if (code > INT_MAX) return INT_MAX;
    if (code < INT_MIN) return INT_MIN;
    return static_cast<int>(code);
}

std::string hex(std::uint64_t value) {
    std::array<char, 16> digits{};
    const auto result = std::to_chars(digits.data(), digits.data() + digits.size(), value, 16);
    return "0x" + std::string(digits.data(), result.ptr);
}

bool overlaps(std::uint64_t address, unsigned size, std::uint64_t word) {
    return address < word + 8 && word < address + size;
}

}  // namespace

Htif::Htif(Bus& bus, std::uint64_t tohost, std::optional<std::uint64_t> fromhost,
           std::function<void(std::uint8_t)> console, std::function<void(int exitCode)> exit)
    : bus_(bus), tohost_(tohost), fromhost_(fromhost), console_(std::move(console)), exit_(std::move(exit)) {
    if (!bus_.ram().contains(tohost_, 8)) {
        throw std::invalid_argument("HTIF: tohost at " + hex(tohost_) + " is not inside RAM");
    }
    if (fromhost_ && !bus_.ram().contains(*fromhost_, 8)) {
        throw std::invalid_argument("HTIF: fromhost at " + hex(*fromhost_) + " is not inside RAM");
    }
}

void Htif::start() {
    Ram& ram = bus_.ram();
    ram.watch(tohost_, Ram::kHostInterface);
    ram.watch(tohost_ + 7, Ram::kHostInterface);
    if (fromhost_) {
        ram.watch(*fromhost_, Ram::kHostInterface);
        ram.watch(*fromhost_ + 7, Ram::kHostInterface);
    }
    pendingAnswers_.clear();
}

std::uint64_t Htif::load64(std::uint64_t address) const {
    std::uint64_t value = 0;
    std::memcpy(&value, bus_.ram().at(address), sizeof value);  // both sides little-endian
    return value;
}

void Htif::store64(std::uint64_t address, std::uint64_t value) {
    std::memcpy(bus_.ram().at(address), &value, sizeof value);
}

bool Htif::onWrite(std::uint64_t address, unsigned size) {
    const bool toTohost = overlaps(address, size, tohost_);
    const bool toFromhost = fromhost_ && overlaps(address, size, *fromhost_);
    if (!toTohost && !toFromhost) return false;

    // The guest took an answer (and cleared fromhost): hand over the next.
    if (toFromhost) deliverAnswer();

    // Act once the high half is written, see the header.
    if (toTohost && address + size > tohost_ + 4) {
        const std::uint64_t command = load64(tohost_);
        if (command != 0) {
            store64(tohost_, 0);  // the host has taken the command
            execute(command);
        }
    }
    return true;
}

void Htif::execute(std::uint64_t command) {
    const auto device = static_cast<std::uint8_t>(command >> 56);
    const auto code = static_cast<std::uint8_t>(command >> 48);
    const std::uint64_t payload = command & kPayloadMask;

    if (device == 0 && code == 0) {
        if (payload & 1) {
            if (exit_) exit_(clampExitCode(static_cast<std::int64_t>(payload >> 1)));
            return;
        }
        const std::int64_t result = syscall(payload);
        if (bus_.ram().contains(payload, 8)) store64(payload, static_cast<std::uint64_t>(result));
        answer(command, 1);
        return;
    }
    if (device == 1 && code == 1) {
        const auto byte = static_cast<std::uint8_t>(payload);
        if (console_) console_(byte);
        answer(command, 0x100 | byte);
        return;
    }
    // Device 1 command 0 (getchar) and everything else: taken, no answer.
}

std::int64_t Htif::syscall(std::uint64_t block) {
    const Ram& ram = bus_.ram();
    if (!ram.contains(block, kMagicWords * 8)) return -kEfault;
    std::array<std::uint64_t, kMagicWords> words{};
    std::memcpy(words.data(), ram.at(block), sizeof words);
    const std::uint64_t number = words[0];
    const std::uint64_t a0 = words[1];
    const std::uint64_t a1 = words[2];
    const std::uint64_t a2 = words[3];

    switch (number) {
    case kSysWrite: {
        if (a0 != 1 && a0 != 2) return -kEbadf;
        if (a2 != 0 && !ram.contains(a1, a2)) return -kEfault;
        if (console_) {
            const std::uint8_t* bytes = a2 == 0 ? nullptr : ram.at(a1);
            for (std::uint64_t i = 0; i < a2; ++i) console_(bytes[i]);
        }
        return static_cast<std::int64_t>(a2);
    }
    case kSysExit:
        if (exit_) exit_(clampExitCode(static_cast<std::int64_t>(a0)));
        return 0;
    default:
        return -kEnosys;
    }
}

void Htif::answer(std::uint64_t command, std::uint64_t result) {
    if (!fromhost_) return;
    if (pendingAnswers_.size() >= kMaxPendingAnswers) return;
    pendingAnswers_.push_back(((command >> 48) << 48) | (result & kPayloadMask));
    deliverAnswer();
}

void Htif::deliverAnswer() {
    if (!fromhost_ || pendingAnswers_.empty() || load64(*fromhost_) != 0) return;
    store64(*fromhost_, pendingAnswers_.front());
    pendingAnswers_.pop_front();
}

}  // namespace glasshart
