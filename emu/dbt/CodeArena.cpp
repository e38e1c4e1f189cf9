#include "dbt/CodeArena.h"

#include <asmjit/core.h>

#include <cstring>
#include <new>

namespace glasshart {
namespace {

asmjit::JitAllocator::CreateParams dualMapping() {
    asmjit::JitAllocator::CreateParams params{};
    params.options = asmjit::JitAllocatorOptions::kUseDualMapping;
    return params;
}

const asmjit::JitAllocator::CreateParams kDualMapping = dualMapping();

}  // namespace

struct CodeArena::Mapping {
    asmjit::JitAllocator allocator{&kDualMapping};
};

CodeArena::CodeArena(std::size_t capacity) : mapping_(std::make_unique<Mapping>()), capacity_(capacity) {
    void* rx = nullptr;
    void* rw = nullptr;
    if (mapping_->allocator.alloc(&rx, &rw, capacity) != asmjit::kErrorOk) throw std::bad_alloc();
    rx_ = static_cast<std::uint8_t*>(rx);
    rw_ = static_cast<std::uint8_t*>(rw);
}

CodeArena::~CodeArena() { mapping_->allocator.release(rx_); }

void CodeArena::patchJump(std::uint64_t jumpOffset, std::uint64_t targetOffset) {
    // jmp rel32 is E9 followed by the displacement from the next instruction.
    constexpr std::uint64_t kJumpLength = 5;
    const auto displacement =
        static_cast<std::int32_t>(static_cast<std::int64_t>(targetOffset) - static_cast<std::int64_t>(jumpOffset + kJumpLength));
    std::memcpy(rw_ + jumpOffset + 1, &displacement, sizeof displacement);
}

}  // namespace glasshart
