#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>

namespace glasshart {

// One contiguous region of executable memory, mapped twice by asmjit's
// JitAllocator: a read+execute view that runs and a read+write view that is
// written. No page is ever writable and executable at once. (asmjit stays
// out of this header: its emit() clashes with Qt's `emit` keyword.)
class CodeArena {
public:
    explicit CodeArena(std::size_t capacity);
    ~CodeArena();
    CodeArena(const CodeArena&) = delete;
    CodeArena& operator=(const CodeArena&) = delete;

    [[nodiscard]] std::size_t capacity() const { return capacity_; }
    [[nodiscard]] std::uint64_t executableAddress(std::uint64_t offset) const {
        return reinterpret_cast<std::uintptr_t>(rx_) + offset;
    }
    [[nodiscard]] const std::uint8_t* executable(std::uint64_t offset) const { return rx_ + offset; }
    [[nodiscard]] std::uint8_t* writable(std::uint64_t offset) { return rw_ + offset; }

    // Rewrites the rel32 of a `jmp rel32` at `jumpOffset` to land on `targetOffset`.
    void patchJump(std::uint64_t jumpOffset, std::uint64_t targetOffset);

private:
    struct Mapping;
    std::unique_ptr<Mapping> mapping_;
    std::size_t capacity_;
    std::uint8_t* rx_ = nullptr;
    std::uint8_t* rw_ = nullptr;
};

}  // namespace glasshart
