#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <type_traits>

namespace glasshart {

// A wait-free triple buffer carrying the newest value of T from one producer
// thread to one consumer thread. publish() never blocks and never allocates
// (T is copied into a preallocated slot); the consumer always gets the most
// recent complete value, skipping any it was too slow to see.
template <typename T>
class SnapshotChannel {
    static_assert(std::is_trivially_copyable_v<T>, "publishing must not allocate");

public:
    // Producer side.
    void publish(const T& value) {
        slots_[back_] = value;
        const std::uint8_t previous = shared_.exchange(static_cast<std::uint8_t>(back_ | kFresh), std::memory_order_acq_rel);
        back_ = previous & kIndexMask;
    }

    // Consumer side: copies the newest value into `out`; false if nothing
    // new has been published since the last successful call.
    bool readLatest(T& out) {
        if ((shared_.load(std::memory_order_acquire) & kFresh) == 0) return false;
        const std::uint8_t previous = shared_.exchange(front_, std::memory_order_acq_rel);
        front_ = previous & kIndexMask;
        out = slots_[front_];
        return true;
    }

private:
    static constexpr std::uint8_t kIndexMask = 0x3;
    static constexpr std::uint8_t kFresh = 0x4;

    std::array<T, 3> slots_{};
    std::atomic<std::uint8_t> shared_{1};  // the middle slot, handed back and forth
    std::uint8_t back_ = 0;                // the producer's slot
    std::uint8_t front_ = 2;               // the consumer's slot
};

}  // namespace glasshart
