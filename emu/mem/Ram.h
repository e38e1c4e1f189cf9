#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace glasshart {

// Guest RAM: one host mapping of `size` bytes that stands at guest physical
// `base`. It also keeps a flag byte per 4 KiB page saying whether stores into
// that page must be reported: because translated code was made from it (so
// the stale translations can be dropped) or because a host interface (HTIF
// tohost) lives there. The translator's inline store path tests the same
// bytes and leaves the fast path when one is non-zero; it reads a page's flag
// and the next one's together, so there is one more flag than pages.
class Ram {
public:
    static constexpr unsigned kPageShift = 12;

    Ram(std::uint64_t base, std::uint64_t size);
    ~Ram();
    Ram(const Ram&) = delete;
    Ram& operator=(const Ram&) = delete;

    [[nodiscard]] std::uint64_t base() const { return base_; }
    [[nodiscard]] std::uint64_t size() const { return size_; }
    [[nodiscard]] bool contains(std::uint64_t address, std::uint64_t length) const {
        return address >= base_ && length <= size_ && address - base_ <= size_ - length;
    }
    // Host pointer for guest `address`; the caller has checked contains().
    [[nodiscard]] std::uint8_t* at(std::uint64_t address) { return bytes_ + (address - base_); }
    [[nodiscard]] const std::uint8_t* at(std::uint64_t address) const { return bytes_ + (address - base_); }
    [[nodiscard]] std::uint8_t* hostBase() { return bytes_; }

    void clear();
    // Makes the whole pages in [address, address + length) read as zero
    // again and gives their host memory back; the caller has checked
    // contains().
    void discard(std::uint64_t address, std::uint64_t length);

    // --- watched pages -------------------------------------------------
    enum WatchReason : std::uint8_t { kTranslatedCode = 1, kHostInterface = 2 };

    [[nodiscard]] const std::uint8_t* watchFlags() const { return watch_.data(); }
    [[nodiscard]] bool isWatched(std::uint64_t address) const { return watch_[pageOf(address)] != 0; }
    [[nodiscard]] bool isWatched(std::uint64_t address, WatchReason reason) const {
        return (watch_[pageOf(address)] & reason) != 0;
    }
    void watch(std::uint64_t address, WatchReason reason) { watch_[pageOf(address)] |= reason; }
    void unwatch(std::uint64_t address, WatchReason reason) {
        watch_[pageOf(address)] &= static_cast<std::uint8_t>(~reason);
    }
    void unwatchAll(WatchReason reason);

private:
    [[nodiscard]] std::size_t pageOf(std::uint64_t address) const { return (address - base_) >> kPageShift; }

    std::uint64_t base_;
    std::uint64_t size_;
    std::uint8_t* bytes_;
    std::vector<std::uint8_t> watch_;
};

}  // namespace glasshart
