#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

#include "dbt/CodeArena.h"
#include "dbt/TranslatedBlock.h"
#include "mem/Ram.h"

namespace glasshart {

// Counters in the spirit of QEMU's `info jit`.
struct CacheStatistics {
    std::uint64_t blocksTranslated = 0;
    std::uint64_t instructionsTranslated = 0;
    std::uint64_t hostBytesEmitted = 0;
    std::uint64_t flushes = 0;
    std::uint64_t lookups = 0;
    std::uint64_t lookupMisses = 0;
    std::uint64_t chainsMade = 0;
    std::uint64_t invalidations = 0;
    std::uint64_t translationNanoseconds = 0;  // spent in BlockTranslator::translate
};

enum class CacheEventKind : std::uint8_t { BlockTranslated, Flushed, BlockInvalidated, ChainPatched };

struct CacheEvent {
    CacheEventKind kind;
    std::uint64_t guestPc = 0;     // the block concerned (the source, for a chain)
    std::uint64_t hostOffset = 0;  // of that block in the arena
    std::uint32_t hostSize = 0;
    std::uint64_t targetPc = 0;    // chains: the successor
};

// Entries of the jump cache that translated code probes for indirect jumps:
// a direct-mapped table from guest pc to host entry address, valid only
// while HartState::translationContext still equals `context`.
struct JumpCacheEntry {
    std::uint64_t guestPc;
    std::uint64_t context;
    std::uint64_t hostEntry;
    std::uint64_t unused;  // pads the entry to 32 bytes, a scale translated code can use
};

// The translation cache: a code arena filled front to back with translated
// blocks, an index from guest pc to block, and the bookkeeping that undoes
// chains when a block is dropped. When the arena is full it is flushed whole
// (cheap: no per-block frees), so any size down to 16 KiB works.
class TranslationCache {
public:
    static constexpr unsigned kJumpCacheBits = 12;
    using EventHook = std::function<void(const CacheEvent&)>;

    // `reserved` bytes at the start of the arena hold the dispatcher's entry
    // and exit code, which survive flushes.
    TranslationCache(std::size_t capacity, std::size_t reserved, Ram& ram);

    [[nodiscard]] CodeArena& arena() { return arena_; }
    [[nodiscard]] const CodeArena& arena() const { return arena_; }
    [[nodiscard]] const CacheStatistics& statistics() const { return statistics_; }
    void addTranslationTime(std::chrono::nanoseconds spent) {
        statistics_.translationNanoseconds += static_cast<std::uint64_t>(spent.count());
    }
    [[nodiscard]] std::size_t bytesUsed() const { return used_ - reserved_; }
    [[nodiscard]] std::size_t capacity() const { return arena_.capacity() - reserved_; }
    [[nodiscard]] std::size_t liveBlocks() const { return index_.size(); }
    // Changes whenever the cache is flushed: block pointers from an older
    // generation are dangling.
    [[nodiscard]] std::uint64_t generation() const { return statistics_.flushes; }
    // Changes whenever any block stops being valid, by flush or invalidation.
    [[nodiscard]] std::uint64_t invalidationEpoch() const { return statistics_.flushes + statistics_.invalidations; }
    void setEventHook(EventHook hook) { eventHook_ = std::move(hook); }

    [[nodiscard]] TranslatedBlock* lookup(const BlockKey& key);
    // For inspection (no statistics): the live block starting at `guestPc`,
    // else one that contains it.
    [[nodiscard]] const TranslatedBlock* blockContaining(std::uint64_t guestPc) const;

    // Makes room for `size` bytes of code, flushing if the arena is full;
    // returns the offset the block will be placed at.
    [[nodiscard]] std::uint64_t reserve(std::size_t size);
    // Adds a block whose code has been copied to reserve()'s offset.
    TranslatedBlock& insert(std::unique_ptr<TranslatedBlock> block);

    void flush();
    // Drops every block whose guest bytes overlap the physical range
    // [address, address + size).
    void invalidate(std::uint64_t address, std::uint64_t size);
    // Patches `exit` to jump straight to `target`.
    void chain(ExitSlot& exit, TranslatedBlock& target);

    [[nodiscard]] JumpCacheEntry* jumpCache() { return jumpCache_.data(); }
    void rememberJumpTarget(const TranslatedBlock& block, std::uint64_t context);

    // Blocks in arena order, including invalidated ones still occupying space.
    [[nodiscard]] const std::vector<std::unique_ptr<TranslatedBlock>>& blocks() const { return blocks_; }

private:
    void drop(TranslatedBlock& block);
    void unchain(ExitSlot& exit);
    void publish(const CacheEvent& event) const;
    [[nodiscard]] static std::size_t jumpCacheIndex(std::uint64_t pc) {
        return (pc >> 1) & ((std::size_t{1} << kJumpCacheBits) - 1);
    }

    CodeArena arena_;
    std::size_t reserved_;
    std::size_t used_;
    Ram& ram_;
    std::vector<std::unique_ptr<TranslatedBlock>> blocks_;
    std::unordered_map<BlockKey, TranslatedBlock*, BlockKeyHash> index_;
    std::unordered_map<std::uint64_t, std::vector<TranslatedBlock*>> blocksByPage_;  // by physical page
    std::array<JumpCacheEntry, std::size_t{1} << kJumpCacheBits> jumpCache_{};
    CacheStatistics statistics_;
    EventHook eventHook_;
    std::uint64_t serial_ = 0;
};

}  // namespace glasshart
