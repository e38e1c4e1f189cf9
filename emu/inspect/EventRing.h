#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <type_traits>

namespace glasshart {

// A bounded single-producer single-consumer queue. push() never blocks and
// never allocates: when the ring is full the new entry is dropped and
// counted, so a slow consumer costs the producer nothing but information.
template <typename T, std::size_t Capacity>
class EventRing {
    static_assert((Capacity & (Capacity - 1)) == 0, "capacity must be a power of two");
    static_assert(std::is_trivially_copyable_v<T>, "pushing must not allocate");

public:
    // Producer side. False if the entry was dropped.
    bool push(const T& value) {
        const std::uint64_t tail = tail_.load(std::memory_order_relaxed);
        if (tail - head_.load(std::memory_order_acquire) == Capacity) {
            dropped_.fetch_add(1, std::memory_order_relaxed);
            return false;
        }
        slots_[tail & (Capacity - 1)] = value;
        tail_.store(tail + 1, std::memory_order_release);
        return true;
    }

    // Consumer side.
    std::optional<T> pop() {
        const std::uint64_t head = head_.load(std::memory_order_relaxed);
        if (head == tail_.load(std::memory_order_acquire)) return std::nullopt;
        T value = slots_[head & (Capacity - 1)];
        head_.store(head + 1, std::memory_order_release);
        return value;
    }

    // Consumer side: whether there is nothing to pop.
    [[nodiscard]] bool empty() const {
        return head_.load(std::memory_order_relaxed) == tail_.load(std::memory_order_acquire);
    }

    // Entries dropped because the ring was full, since construction.
    [[nodiscard]] std::uint64_t dropped() const { return dropped_.load(std::memory_order_relaxed); }
    [[nodiscard]] static constexpr std::size_t capacity() { return Capacity; }

private:
    std::array<T, Capacity> slots_{};
    alignas(64) std::atomic<std::uint64_t> head_{0};
    alignas(64) std::atomic<std::uint64_t> tail_{0};
    std::atomic<std::uint64_t> dropped_{0};
};

}  // namespace glasshart
